"""/rest: a rest day that keeps the streak, one a week."""

from __future__ import annotations

from telegram import Update

from bot.coaching import rest
from bot.coaching.rest import Rest
from bot.content import Texts
from bot.runtime.context import CoachContext


async def rest_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    taken = await rest.take(context.db, chat_id=chat_id, now=context.now())
    await context.bot.send_message(chat_id, said(context.texts, taken))


def said(texts: Texts, taken: Rest) -> str:
    """What a rest day request came to, in words."""
    words = texts.rest
    if taken.warmed_up:
        return words.warmed_up
    if taken.taken:
        return words.taken
    return words.already.format(day=texts.reminders.day_names[taken.day.weekday()])
