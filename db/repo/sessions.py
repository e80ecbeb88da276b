"""Warm-up sessions: starting, moving on by compare-and-set, holds and check-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import (
    Outcome,
    SessionStatus,
    StepEvent,
    WarmupSession,
)
from db.repo._shared import execute_update, show_written

# Moving on from a step, or ending the session, ends any hold running on it.
NO_HOLD = {"hold_ends_at": None, "hold_seconds": None, "hold_message_id": None}


async def get_session(session: AsyncSession, session_id: int) -> WarmupSession | None:
    return await session.get(WarmupSession, session_id)


async def active_session(session: AsyncSession, chat_id: int) -> WarmupSession | None:
    """The chat's running warm-up, if any (the schema allows at most one)."""
    return await session.scalar(
        select(WarmupSession).where(
            WarmupSession.chat_id == chat_id, WarmupSession.status == SessionStatus.ACTIVE
        )
    )


async def start_session(
    session: AsyncSession,
    *,
    chat_id: int,
    routine_id: str,
    step: int,
    set_number: int,
    side: str | None,
    now: datetime,
) -> WarmupSession:
    warmup = WarmupSession(
        chat_id=chat_id,
        routine_id=routine_id,
        status=SessionStatus.ACTIVE,
        started_at=now,
        step=step,
        set_number=set_number,
        side=side,
    )
    session.add(warmup)
    await session.flush()
    return warmup


async def move_session(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    to: tuple[int, int, str | None] | None,
    now: datetime,
) -> bool:
    """Move a running session on from the position it was loaded at; None completes it.

    The update only matches while the row is still at the loaded position, so of two racing
    taps on the same button exactly one wins, on any database and across instances.
    """
    values: dict[str, object] = dict(NO_HOLD)
    if to is None:
        values |= {"status": SessionStatus.COMPLETED, "finished_at": now}
    else:
        # The step's message is sent after this commits; until it is recorded, none shows it.
        values |= {"step": to[0], "set_number": to[1], "side": to[2], "message_id": None}
    matched = await execute_update(
        session,
        update(WarmupSession).where(_unchanged(warmup)).values(**values),
    )
    if matched != 1:
        return False
    show_written(warmup, values)
    return True


def _unchanged(warmup: WarmupSession) -> ColumnElement[bool]:
    """Matches the row only while it is still running at the position it was loaded at."""
    return _running_at(warmup.id, (warmup.step, warmup.set_number, warmup.side))


def _running_at(session_id: int, at: tuple[int, int, str | None]) -> ColumnElement[bool]:
    step, set_number, side = at
    return and_(
        WarmupSession.id == session_id,
        WarmupSession.status == SessionStatus.ACTIVE,
        WarmupSession.step == step,
        WarmupSession.set_number == set_number,
        WarmupSession.side.is_(None) if side is None else WarmupSession.side == side,
    )


async def end_session(
    session: AsyncSession,
    warmup: WarmupSession,
    status: SessionStatus,
    now: datetime,
    *,
    for_pain: bool = False,
) -> bool:
    """Stop or abandon a running session. False if it was no longer running."""
    matched = await execute_update(
        session,
        update(WarmupSession)
        .where(WarmupSession.id == warmup.id, WarmupSession.status == SessionStatus.ACTIVE)
        .values(status=status, finished_at=now, ended_for_pain=for_pain, **NO_HOLD),
    )
    if matched != 1:
        return False
    show_written(
        warmup, {"status": status, "finished_at": now, "ended_for_pain": for_pain, **NO_HOLD}
    )
    return True


async def add_event(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    exercise_id: str,
    position: tuple[int, int, str | None],
    outcome: Outcome,
    now: datetime,
) -> None:
    step, set_number, side = position
    session.add(
        StepEvent(
            session_id=warmup.id,
            exercise_id=exercise_id,
            step=step,
            set_number=set_number,
            side=side,
            outcome=outcome,
            at=now,
        )
    )
    await session.flush()


async def record_pain(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    after: bool,
    value: int | None,
    now: datetime,
) -> bool:
    """Store a check-in (None: skipped), once: False if that check-in was already answered."""
    if after:
        condition = WarmupSession.pain_after_at.is_(None)
        values = {"pain_after": value, "pain_after_at": now}
    else:
        condition = WarmupSession.pain_before_at.is_(None)
        values = {"pain_before": value, "pain_before_at": now}
    matched = await execute_update(
        session,
        update(WarmupSession).where(WarmupSession.id == warmup.id, condition).values(**values),
    )
    if matched != 1:
        return False
    show_written(warmup, values)
    return True


async def set_message(
    session: AsyncSession, session_id: int, at: tuple[int, int, str | None], message_id: int
) -> None:
    """Remember which message shows the session's step `at`, if the session is still there.

    A step message can be recorded after its session has moved on (a tap on it, or a hold
    ending, handled before the record); it must not then pass for the newer step's message.
    """
    await execute_update(
        session,
        update(WarmupSession).where(_running_at(session_id, at)).values(message_id=message_id),
    )


async def begin_hold(
    session: AsyncSession, warmup: WarmupSession, *, ends_at: datetime, seconds: int
) -> bool:
    """Start a countdown on the session's current step, unless one is already running."""
    values: dict[str, object] = {
        "hold_ends_at": ends_at,
        "hold_seconds": seconds,
        "hold_message_id": None,
    }
    matched = await execute_update(
        session,
        update(WarmupSession)
        .where(_unchanged(warmup), WarmupSession.hold_ends_at.is_(None))
        .values(**values),
    )
    if matched != 1:
        return False
    show_written(warmup, values)
    return True


async def end_hold(session: AsyncSession, warmup: WarmupSession) -> bool:
    """Stop the countdown running on the session's current step, if it still is."""
    matched = await execute_update(
        session,
        update(WarmupSession)
        .where(
            _unchanged(warmup),
            WarmupSession.hold_ends_at == warmup.hold_ends_at,
        )
        .values(**NO_HOLD),
    )
    return matched == 1


async def set_hold_message(
    session: AsyncSession, session_id: int, ends_at: datetime, message_id: int
) -> None:
    """Remember the countdown message, if that countdown is still the one running."""
    await execute_update(
        session,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.hold_ends_at == ends_at)
        .values(hold_message_id=message_id),
    )


async def running_holds(session: AsyncSession) -> list[WarmupSession]:
    """Every running session with a countdown, to reschedule after a restart."""
    rows = await session.scalars(
        select(WarmupSession).where(
            WarmupSession.hold_ends_at.is_not(None),
            WarmupSession.status == SessionStatus.ACTIVE,
        )
    )
    return list(rows)
