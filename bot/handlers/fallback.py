"""Everything no other handler took: a pointer to /warmup and /help instead of silence."""

from __future__ import annotations

from telegram import Update

from bot.context import CoachContext


async def unknown_message(update: Update, context: CoachContext) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.texts.fallback)
