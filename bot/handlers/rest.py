"""/rest: a rest day that keeps the streak, one a week."""

from __future__ import annotations

from telegram import Update

from bot.chat.rest import said
from bot.coaching import rest
from bot.runtime.context import CoachContext


async def rest_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    taken = await rest.take(context.db, chat_id=chat_id, now=context.now())
    await context.bot.send_message(chat_id, said(context.texts, taken))
