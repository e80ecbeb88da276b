"""The next morning's question: how is the back, compared with before yesterday's warm-up?

The pain-monitoring model asks whether pain settled by the next morning. After a warm-up with
a closing check-in, the question is due the next day at `rules.morning.at` local time, or at the
daily reminder's time if that is earlier. The row is the truth: claiming it marks it sent, so a
restart or a second instance never asks twice; one due long ago (the bot was down) is dropped.
"Worse" counts as a red warm-up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import adapt, localtime, preferences
from bot.content import Content
from db import repo
from db.database import Database

log = logging.getLogger(__name__)

CLAIM_BATCH = 200


class Answer(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


@dataclass(frozen=True)
class Due:
    session_id: int
    chat_id: int


async def ask_after(
    tx: AsyncSession, content: Content, warmup: repo.Warmup, now: datetime
) -> None:
    """Schedule the question for the morning after `now`, unless the chat turned it off."""
    chat = await repo.ensure_chat(tx, warmup.chat_id, now)
    if not chat.morning_question:
        return
    reminder = await repo.get_reminder(tx, chat.id)
    at = time.fromisoformat(content.rules.morning.at)
    if reminder is not None and reminder.enabled:
        at = min(at, time.fromisoformat(reminder.local_time))
    tomorrow = localtime.local_today(chat.timezone, now) + timedelta(days=1)
    # Just before tomorrow begins locally: the next time `at` comes is tomorrow's.
    eve = datetime.combine(tomorrow, time(0), localtime.zone(chat.timezone)) - timedelta(seconds=1)
    due = localtime.next_fire(at, localtime.EVERY_DAY, chat.timezone, eve)
    assert due is not None  # every day is selected
    await repo.ask_next_morning(tx, warmup.id, due)


async def claim_due(db: Database, content: Content, now: datetime) -> list[Due]:
    """The questions to send now, each claimed once; those overdue past the limit are dropped."""
    late = timedelta(hours=content.rules.morning.late_limit_hours)
    async with db.transaction() as tx:
        claimed = await repo.claim_mornings(tx, now, CLAIM_BATCH)
    fresh = [w for w in claimed if w.morning_due_at and now - w.morning_due_at <= late]
    if dropped := len(claimed) - len(fresh):
        log.info("morning questions: %s too late to ask, dropped", dropped)
    return [Due(w.id, w.chat_id) for w in fresh]


@dataclass(frozen=True)
class Answered:
    answer: Answer
    change: adapt.Change | None  # for "worse": what the red changed


async def answer(
    db: Database, content: Content, *, chat_id: int, session_id: int, given: Answer
) -> Answered | None:
    """Record the answer once; None if it is not this chat's question or already answered."""
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None or warmup.chat_id != chat_id:
            return None
        if not await repo.answer_morning(tx, session_id, given):
            return None
        if given is not Answer.WORSE:
            return Answered(given, None)
        change, _ = await preferences.apply_light(tx, content, warmup, adapt.Light.RED)
        return Answered(given, change)
