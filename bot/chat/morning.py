"""The next morning's question, sent."""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot.chat import keyboards
from bot.coaching import language, morning
from bot.content.speaking import speak
from bot.runtime import window
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def deliver(context: CoachContext) -> None:
    """Send every morning question that is due (each was claimed once, so none twice).

    Many can fall due in one minute; like reminders, they take the places replies leave.
    """
    for due in await morning.claim_due(context.db, context.content, context.now()):
        speak(await language.of_chat(context.db, context.content, due.chat_id))
        try:
            with window.bulk():
                await context.bot.send_message(
                    due.chat_id,
                    context.texts.morning.question,
                    reply_markup=keyboards.morning_keyboard(due.session_id),
                )
        except TelegramError as exc:  # one chat's failure is not the others'
            log.warning("morning question for chat %s not sent (%s)", due.chat_id, exc)
