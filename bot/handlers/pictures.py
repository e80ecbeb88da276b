"""/pictures on|off: the exercise animations, for slow data."""

from __future__ import annotations

from telegram import Update

from bot.coaching import pictures
from bot.runtime.context import CoachContext


async def pictures_command(update: Update, context: CoachContext) -> None:
    """`/pictures off` for text-only steps, `/pictures on` for the animations again."""
    assert update.effective_chat is not None
    assert update.effective_message is not None
    words = context.texts.pictures
    choice = (context.args or [""])[0].lower()
    if choice not in ("on", "off"):
        await update.effective_message.reply_text(words.usage)
        return
    on = choice == "on"
    await pictures.set_pictures(
        context.db, chat_id=update.effective_chat.id, on=on, now=context.now()
    )
    await update.effective_message.reply_text(words.shown if on else words.hidden)
