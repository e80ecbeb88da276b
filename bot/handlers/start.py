"""/start and /help: what the bot does, how to stay safe, and the way in."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.chat import keyboards
from bot.runtime.context import CoachContext


async def start(update: Update, context: CoachContext) -> None:
    texts = context.texts
    assert update.effective_message is not None  # the guard lets only messages through here
    await update.effective_message.reply_text(
        f"{texts.welcome}\n{texts.safety}",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.start_keyboard(texts, context.content.default_routine),
    )


async def help_command(update: Update, context: CoachContext) -> None:
    texts = context.texts
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        f"{texts.help}\n{texts.safety}", parse_mode=ParseMode.HTML
    )
