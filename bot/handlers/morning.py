"""The next morning's question: sent by the minute tick, and its answer."""

from __future__ import annotations

import logging

from telegram import CallbackQuery

from bot.chat.callbacks import MorningAnswer
from bot.chat.replies import answer, chat_id_of, edit, message_id_of, notify
from bot.coaching import morning
from bot.coaching.morning import Answer
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def on_answer(query: CallbackQuery, context: CoachContext, press: MorningAnswer) -> None:
    """Better, same or worse: noted once; worse counts as a red warm-up."""
    chat_id, words = chat_id_of(query), context.texts.morning
    result = await morning.answer(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        given=Answer(press.answer),
    )
    if result is None:
        await notify(query, context, Notice.STALE)
        return
    await answer(query)
    reply = {Answer.BETTER: words.noted_better, Answer.SAME: words.noted_same}
    text = reply.get(result.answer, words.noted_worse)
    await edit(context, chat_id, message_id_of(query), f"{words.question}\n\n{text}")
