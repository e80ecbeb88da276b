"""The next morning's question: how is the back this morning, 0-10? The coach compares the
answer with the pain before yesterday's warm-up (or after it, if before was skipped), so
nobody has to remember yesterday.

The pain-monitoring model asks whether pain settled by the next morning. After a warm-up with
a closing check-in, the question is due the next day at `rules.morning.at` local time, or at the
daily reminder's time if that is earlier. The row is the truth: claiming it marks it sent, so a
restart or a second instance never asks twice; one due long ago (the bot was down), or in a chat
that turned the question off since, is dropped. A new timezone moves a question still to come
to the same local time in the new zone. "Worse" counts as a red warm-up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import adapt, localtime, preferences
from bot.content import Content
from db import repo
from db.database import Database
from db.repo import mornings

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
    await repo.ask_next_morning(tx, warmup.id, _moment(tomorrow, at, chat.timezone))


def _moment(day: date, at: time, zone: str) -> datetime:
    """`at` o'clock on `day` in `zone`, in UTC (a time the clocks skip: the next that exists)."""
    # Just before the day begins locally: the next time `at` comes is that day's.
    eve = datetime.combine(day, time(0), localtime.zone(zone)) - timedelta(seconds=1)
    due = localtime.next_fire(at, localtime.EVERY_DAY, zone, eve)
    assert due is not None  # every day is selected
    return due


async def follow_zone(tx: AsyncSession, chat_id: int, old: str, new: str) -> None:
    """The chat's timezone changed from `old` to `new`: a question still to come keeps its
    local time (9:00 in Berlin becomes 9:00 in Los Angeles, not the same UTC moment)."""
    if old == new:
        return
    for session_id, due in await mornings.mornings_to_come(tx, chat_id):
        wall = due.astimezone(localtime.zone(old))
        moved = _moment(wall.date(), wall.time().replace(second=0, microsecond=0), new)
        await mornings.move_morning(tx, session_id, due, moved)


async def claim_due(db: Database, content: Content, now: datetime) -> list[Due]:
    """The questions to send now, each claimed once. Dropped (claimed, never sent): those
    overdue past the limit, and those of chats that turned the question off since."""
    late = timedelta(hours=content.rules.morning.late_limit_hours)
    async with db.transaction() as tx:
        claimed = await repo.claim_mornings(tx, now, CLAIM_BATCH)
        asking = await mornings.chats_asking(tx, {w.chat_id for w in claimed})
    fresh = [w for w in claimed if w.morning_due_at and now - w.morning_due_at <= late]
    wanted = [w for w in fresh if w.chat_id in asking]
    if late_ones := len(claimed) - len(fresh):
        log.info("morning questions: %s too late to ask, dropped", late_ones)
    if off := len(fresh) - len(wanted):
        log.info("morning questions: %s turned off since, dropped", off)
    return [Due(w.id, w.chat_id) for w in wanted]


@dataclass(frozen=True)
class Answered:
    answer: Answer
    change: adapt.Change | None  # for "worse": what the red changed
    pain: int | None = None  # the 0-10 given, and what it was compared with
    baseline: int | None = None


def compared(pain: int, warmup: repo.Warmup, worse_by: int) -> tuple[Answer, int | None]:
    """This morning's 0-10 against before yesterday's warm-up (else after it): worse by the
    pain model's margin, as after a warm-up; lower is better; else about the same."""
    baseline = warmup.pain_before if warmup.pain_before is not None else warmup.pain_after
    if baseline is None:
        return Answer.SAME, baseline
    if pain - baseline >= worse_by:
        return Answer.WORSE, baseline
    return (Answer.BETTER if pain < baseline else Answer.SAME), baseline


async def answer(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    given: Answer | int,
) -> Answered | None:
    """Record the answer (better/same/worse from an older question, or this morning's 0-10)
    once; None if it is not this chat's question or already answered."""
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None or warmup.chat_id != chat_id:
            return None
        pain, baseline = None, None
        if not isinstance(given, Answer):
            worse_by = content.rules.pain_model.worse_by
            pain, (given, baseline) = given, compared(given, warmup, worse_by)
        if not await repo.answer_morning(tx, session_id, given):
            return None
        change = None
        if given is Answer.WORSE:
            change, _ = await preferences.apply_light(tx, content, warmup, adapt.Light.RED)
        return Answered(given, change, pain, baseline)
