"""The next morning's question: sent by the minute tick, and its answer."""

from __future__ import annotations

import logging

from telegram import CallbackQuery

from bot.chat import summary
from bot.chat.callbacks import MorningAnswer, MorningPain
from bot.chat.replies import answer, chat_id_of, edit, message_id_of, notify
from bot.coaching import morning
from bot.coaching.morning import Answer
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def on_answer(query: CallbackQuery, context: CoachContext, press: MorningAnswer) -> None:
    """Better, same or worse (an older question's buttons): noted once; worse counts as a
    red warm-up."""
    await _answered(query, context, press.session_id, Answer(press.answer))


async def on_pain(query: CallbackQuery, context: CoachContext, press: MorningPain) -> None:
    """This morning's 0-10: compared with before yesterday's warm-up and noted once; higher
    counts as a red warm-up."""
    await _answered(query, context, press.session_id, press.pain)


async def _answered(
    query: CallbackQuery, context: CoachContext, session_id: int, given: Answer | int
) -> None:
    chat_id, texts = chat_id_of(query), context.texts
    result = await morning.answer(
        context.db, context.content, chat_id=chat_id, session_id=session_id, given=given
    )
    if result is None:
        await notify(query, context, Notice.STALE)
        return
    await answer(query)
    words = texts.morning
    reply = {Answer.BETTER: words.noted_better, Answer.SAME: words.noted_same}
    text = reply.get(result.answer, words.noted_worse)
    if result.pain is not None:
        change = summary.change_words(texts, result.baseline, result.pain)
        text = f"{words.compared.format(pain=result.pain, change=change)}\n{text}"
    await edit(context, chat_id, message_id_of(query), f"{words.question}\n\n{text}")
