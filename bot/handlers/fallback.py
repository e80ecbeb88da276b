"""Everything no other handler took: a helpful answer instead of silence."""

from __future__ import annotations

from telegram import Update

from bot.chat.replies import notify
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext


async def unknown_message(update: Update, context: CoachContext) -> None:
    """Anything else said in a private chat, or an unknown command: point to /warmup, /help.

    A command addressed to another bot in a group (`/help@OtherBot`) is that bot's business.
    """
    message = update.effective_message
    assert message is not None
    first = message.text.split(maxsplit=1)[0] if message.text else ""
    _, at, addressee = first.partition("@")
    if first.startswith("/") and at and addressee.lower() != (context.bot.username or "").lower():
        return
    await message.reply_text(context.texts.fallback)


async def unknown_button(update: Update, context: CoachContext) -> None:
    """A press whose data is of no kind the bot makes: forged, or from an older version."""
    assert update.callback_query is not None
    await notify(update.callback_query, context, Notice.UNKNOWN)
