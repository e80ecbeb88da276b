"""The hold countdown on a session's step: begin, pause, go on, end, and the countdowns to
reschedule after a restart.

A countdown lives in the session's row (`hold_*` columns), so each write matches only while
the session is still at the step it was loaded at, as every tap's write does.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import SessionStatus, WarmupSession
from db.repo._shared import execute_write
from db.repo.warmups import (
    NO_HOLD,
    RUNNING_AT,
    SESSIONS,
    Warmup,
    loaded_at,
    read_warmups,
)

# Built once, with their values as parameters, as a tap's statements are in `sessions.py`:
# building one costs more CPU than SQLite takes to run it.
_BEGIN_HOLD = (
    update(WarmupSession)
    .where(
        RUNNING_AT,
        WarmupSession.hold_ends_at.is_(None),
        WarmupSession.hold_paused_left.is_(None),
    )
    .values(
        hold_ends_at=bindparam("ends_at"),
        hold_seconds=bindparam("seconds"),
        hold_message_id=bindparam("message"),
    )
)
_PAUSE_HOLD = (
    update(WarmupSession)
    .where(RUNNING_AT, WarmupSession.hold_ends_at == bindparam("ends_at"))
    .values(hold_ends_at=None, hold_paused_left=bindparam("left"))
)
_GO_ON = (
    update(WarmupSession)
    .where(
        RUNNING_AT,
        WarmupSession.hold_ends_at.is_(None),
        WarmupSession.hold_paused_left.is_not(None),
    )
    .values(hold_ends_at=bindparam("ends_at"), hold_paused_left=None)
)
_END_HOLD = (
    update(WarmupSession)
    .where(RUNNING_AT, WarmupSession.hold_ends_at == bindparam("ends_at"))
    .values(**NO_HOLD)
)


async def begin_hold(
    tx: AsyncSession,
    warmup: Warmup,
    *,
    ends_at: datetime,
    seconds: int,
    message_id: int | None = None,
) -> bool:
    """Start a countdown on the session's current step, unless one is already running.

    `message_id` is the countdown message when it is already there: a hands-free sequence
    carries on in the same message.
    """
    values: dict[str, object] = {
        "hold_ends_at": ends_at,
        "hold_seconds": seconds,
        "hold_message_id": message_id,
    }
    params = {"ends_at": ends_at, "seconds": seconds, "message": message_id}
    if await execute_write(tx, _BEGIN_HOLD, loaded_at(warmup) | params) != 1:
        return False
    warmup.written(values)
    return True


async def pause_hold(tx: AsyncSession, warmup: Warmup, *, left: int) -> bool:
    """Pause the running countdown, keeping what is left of it; False if it is not running."""
    params = loaded_at(warmup) | {"ends_at": warmup.hold_ends_at, "left": left}
    if await execute_write(tx, _PAUSE_HOLD, params) != 1:
        return False
    warmup.written({"hold_ends_at": None, "hold_paused_left": left})
    return True


async def go_on_hold(tx: AsyncSession, warmup: Warmup, *, ends_at: datetime) -> bool:
    """Run a paused countdown again, now to end at `ends_at`; False if it is not paused."""
    if await execute_write(tx, _GO_ON, loaded_at(warmup) | {"ends_at": ends_at}) != 1:
        return False
    warmup.written({"hold_ends_at": ends_at, "hold_paused_left": None})
    return True


async def end_hold(tx: AsyncSession, warmup: Warmup) -> bool:
    """Stop the countdown running on the session's current step, if it still is."""
    params = loaded_at(warmup) | {"ends_at": warmup.hold_ends_at}
    return await execute_write(tx, _END_HOLD, params) == 1


async def set_hold_message(
    tx: AsyncSession, session_id: int, ends_at: datetime, message_id: int
) -> None:
    """Remember the countdown message, if that countdown is still the one running."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.hold_ends_at == ends_at)
        .values(hold_message_id=message_id),
    )


async def set_guide(
    tx: AsyncSession, session_id: int, message_id: int | None, ends_at: datetime | None
) -> None:
    """Record the audio guide's voice note on a session (None: there is none, or it was
    silenced as the session ended)."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == session_id)
        .values(guide_message_id=message_id, guide_ends_at=ends_at),
    )


async def running_holds(tx: AsyncSession) -> list[Warmup]:
    """Every running session with a countdown, to reschedule after a restart."""
    return await read_warmups(tx, _HOLDING, {})


_HOLDING = SESSIONS.where(
    WarmupSession.hold_ends_at.is_not(None), WarmupSession.status == SessionStatus.ACTIVE
)
