"""The next morning's question: sent by the minute tick, and its answer."""

from __future__ import annotations

import logging

from telegram import CallbackQuery
from telegram.error import TelegramError

from bot.chat import keyboards
from bot.chat.callbacks import MorningAnswer
from bot.chat.replies import answer, chat_id_of, edit, message_id_of, notify
from bot.coaching import morning
from bot.coaching.morning import Answer
from bot.coaching.sessions import Notice
from bot.runtime import pacing
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def deliver(context: CoachContext) -> None:
    """Send every morning question that is due (each was claimed once, so none twice).

    Many can fall due in one minute; like reminders, they take the places replies leave.
    """
    texts = context.texts
    for due in await morning.claim_due(context.db, context.content, context.now()):
        try:
            with pacing.bulk():
                await context.bot.send_message(
                    due.chat_id,
                    texts.morning.question,
                    reply_markup=keyboards.morning_keyboard(texts, due.session_id),
                )
        except TelegramError as exc:  # one chat's failure is not the others'
            log.warning("morning question for chat %s not sent (%s)", due.chat_id, exc)


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
