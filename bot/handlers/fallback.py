"""Everything no other handler took: a helpful answer instead of silence."""

from __future__ import annotations

from telegram import Update

from bot.context import CoachContext
from bot.replies import notify
from bot.sessions import Notice


async def unknown_message(update: Update, context: CoachContext) -> None:
    """Anything else said in a private chat, or an unknown command: point to /warmup, /help."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.texts.fallback)


async def unknown_button(update: Update, context: CoachContext) -> None:
    """A press whose data is of no kind the bot makes: forged, or from an older version."""
    assert update.callback_query is not None
    await notify(update.callback_query, context, Notice.UNKNOWN)
