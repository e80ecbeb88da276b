"""What a chat has done: finished steps and warm-ups, milestones, and the export."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from db.models import (
    Milestone,
    Outcome,
    RestDay,
    SessionStatus,
    StepEvent,
    WarmupSession,
)
from db.repo._shared import dialect_insert

# A streak is counted from recent completions only; a year and more of daily warm-ups fits.
STREAK_LOOKBACK_SESSIONS = 500


async def steps_done(tx: AsyncSession, session_id: int) -> set[int]:
    """Indexes of the exercises with at least one finished sub-step in this session."""
    return set(await tx.scalars(_done(StepEvent.step, session_id)))


async def exercises_done(tx: AsyncSession, session_id: int) -> set[str]:
    """The ids of the exercises with at least one finished sub-step in this session."""
    return set(await tx.scalars(_done(StepEvent.exercise_id, session_id)))


def _done(column: InstrumentedAttribute[Any], session_id: int) -> Select[Any]:
    """`column` of the session's finished sub-steps, each value once."""
    return (
        select(column)
        .where(StepEvent.session_id == session_id, StepEvent.outcome == Outcome.DONE)
        .distinct()
    )


async def has_events(tx: AsyncSession, session_id: int) -> bool:
    """Whether any step of the session was done or skipped."""
    found = await tx.scalar(
        select(StepEvent.id).where(StepEvent.session_id == session_id).limit(1)
    )
    return found is not None


async def completed_count(tx: AsyncSession, chat_id: int) -> int:
    count = await tx.scalar(
        select(func.count())
        .select_from(WarmupSession)
        .where(WarmupSession.chat_id == chat_id, WarmupSession.status == SessionStatus.COMPLETED)
    )
    return count or 0


async def recent_completions(tx: AsyncSession, chat_id: int) -> list[datetime]:
    """When the chat's latest completed warm-ups finished, newest first."""
    rows = await tx.scalars(
        select(WarmupSession.finished_at)
        .where(
            WarmupSession.chat_id == chat_id,
            WarmupSession.status == SessionStatus.COMPLETED,
            WarmupSession.finished_at.is_not(None),
        )
        .order_by(WarmupSession.finished_at.desc())
        .limit(STREAK_LOOKBACK_SESSIONS)
    )
    return [at for at in rows if at is not None]


async def recent_completions_of(
    tx: AsyncSession, chat_ids: Collection[int]
) -> dict[int, list[datetime]]:
    """`recent_completions` of several chats in one query (a reminder batch's streaks)."""
    if not chat_ids:
        return {}
    newest_first = (
        func.row_number()
        .over(partition_by=WarmupSession.chat_id, order_by=WarmupSession.finished_at.desc())
        .label("n")
    )
    ranked = (
        select(WarmupSession.chat_id, WarmupSession.finished_at, newest_first)
        .where(
            WarmupSession.chat_id.in_(chat_ids),
            WarmupSession.status == SessionStatus.COMPLETED,
            WarmupSession.finished_at.is_not(None),
        )
        .subquery()
    )
    rows = await tx.execute(
        select(ranked.c.chat_id, ranked.c.finished_at)
        .where(ranked.c.n <= STREAK_LOOKBACK_SESSIONS)
        .order_by(ranked.c.chat_id, ranked.c.n)
    )
    found: dict[int, list[datetime]] = {chat_id: [] for chat_id in chat_ids}
    for chat_id, finished_at in rows:
        found[chat_id].append(finished_at)
    return found


async def add_milestones(
    tx: AsyncSession, chat_id: int, keys: list[str], now: datetime
) -> list[str]:
    """Record milestones; returns those the chat had not reached before."""
    if not keys:
        return []
    # ON CONFLICT: of two instances recording the same milestone, one gets it, neither fails.
    added = await tx.scalars(
        dialect_insert(tx)(Milestone)
        .values([{"chat_id": chat_id, "key": key, "reached_at": now} for key in keys])
        .on_conflict_do_nothing(index_elements=["chat_id", "key"])
        .returning(Milestone.key)
    )
    new = set(added)
    return [key for key in keys if key in new]


async def sessions_of(tx: AsyncSession, chat_id: int) -> list[WarmupSession]:
    """Every warm-up of a chat, oldest first."""
    rows = await tx.scalars(
        select(WarmupSession).where(WarmupSession.chat_id == chat_id).order_by(WarmupSession.id)
    )
    return list(rows)


async def events_of(tx: AsyncSession, chat_id: int) -> list[StepEvent]:
    """Every step event of a chat's warm-ups, in order."""
    rows = await tx.scalars(
        select(StepEvent)
        .join(WarmupSession, WarmupSession.id == StepEvent.session_id)
        .where(WarmupSession.chat_id == chat_id)
        .order_by(StepEvent.id)
    )
    return list(rows)


async def rest_days(tx: AsyncSession, chat_id: int) -> set[date]:
    """The chat's rest days (local dates)."""
    return set(await tx.scalars(select(RestDay.day).where(RestDay.chat_id == chat_id)))


async def rest_days_of(tx: AsyncSession, chat_ids: Collection[int]) -> dict[int, set[date]]:
    """`rest_days` of several chats in one query."""
    found: dict[int, set[date]] = {chat_id: set() for chat_id in chat_ids}
    if chat_ids:
        rows = await tx.execute(
            select(RestDay.chat_id, RestDay.day).where(RestDay.chat_id.in_(chat_ids))
        )
        for chat_id, day in rows:
            found[chat_id].add(day)
    return found


async def add_rest_day(tx: AsyncSession, chat_id: int, day: date) -> None:
    await tx.execute(
        dialect_insert(tx)(RestDay)
        .values(chat_id=chat_id, day=day)
        .on_conflict_do_nothing(index_elements=["chat_id", "day"])
    )
