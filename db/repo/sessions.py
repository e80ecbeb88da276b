"""Warm-up sessions: starting, moving on by compare-and-set, holds and check-ins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import RowMapping, Select, and_, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.dml import Update

from db.models import (
    Chat,
    Outcome,
    SessionStatus,
    StepEvent,
    WarmupSession,
)
from db.repo._shared import connection_of, execute_write
from db.repo.chats import SETTINGS_COLUMNS

# Moving on from a step, or ending the session, ends any hold running on it.
NO_HOLD = {
    "hold_ends_at": None,
    "hold_seconds": None,
    "hold_message_id": None,
    "hold_paused_left": None,
}


@dataclass(slots=True, kw_only=True)
class Warmup:
    """A warm-up session's row as plain values: how the bot reads and passes sessions.

    Sessions are read with Core, not loaded as ORM objects: a tap reads one row and writes
    with counted UPDATEs, so an identity map and instrumented attributes would be work for
    nothing. What a write changes is shown on the row with `written`. The defaults are the
    table's, for a session just begun.
    """

    id: int
    chat_id: int
    routine_id: str
    status: str = SessionStatus.ACTIVE
    started_at: datetime
    finished_at: datetime | None = None
    step: int = 0
    set_number: int = 1
    side: str | None = None
    message_id: int | None = None
    hold_ends_at: datetime | None = None
    hold_seconds: int | None = None
    hold_message_id: int | None = None
    hold_paused_left: int | None = None
    pain_before: int | None = None
    pain_before_at: datetime | None = None
    pain_after: int | None = None
    pain_after_at: datetime | None = None
    ended_for_pain: bool = False
    started_by: int | None = None
    morning_due_at: datetime | None = None
    morning_sent_at: datetime | None = None
    morning_answer: str | None = None

    def written(self, values: Mapping[str, object]) -> None:
        """Show the values just written to the row, without reading it again."""
        for key, value in values.items():
            setattr(self, key, value)


_SESSION_COLUMNS = tuple(WarmupSession.__table__.columns)
_KEYS = tuple(column.key for column in _SESSION_COLUMNS)
_SESSIONS = select(*_SESSION_COLUMNS)


def _warmup(row: RowMapping) -> Warmup:
    return Warmup(**{key: row[key] for key in _KEYS})


async def _read(tx: AsyncSession, query: Select[Any], params: dict[str, object]) -> list[Warmup]:
    connection = await connection_of(tx)
    return [_warmup(row) for row in (await connection.execute(query, params)).mappings()]


class WithChat(NamedTuple):
    """A session as a tap reads it, with what its chat chose and what its check-in needs."""

    warmup: Warmup
    settings: dict[str, object]  # by SETTINGS_COLUMNS
    screened: bool  # the red-flag screen has an answer
    gentle_next: bool  # the gentle routine is to be offered first, once


# A tap's only read: one statement, the session with its chat's settings.
_CHAT_COLUMNS = (*SETTINGS_COLUMNS, "screening", "gentle_next")
_WITH_CHAT = (
    select(
        *_SESSION_COLUMNS, *(getattr(Chat, name).label(f"chat_{name}") for name in _CHAT_COLUMNS)
    )
    .join(Chat, Chat.id == WarmupSession.chat_id)
    .where(WarmupSession.id == bindparam("warmup"))
)
_BY_ID = _SESSIONS.where(WarmupSession.id == bindparam("warmup"))
_ACTIVE_IN = _SESSIONS.where(
    WarmupSession.chat_id == bindparam("chat"), WarmupSession.status == SessionStatus.ACTIVE
)


async def session_with_chat(tx: AsyncSession, session_id: int) -> WithChat | None:
    connection = await connection_of(tx)
    row = (await connection.execute(_WITH_CHAT, {"warmup": session_id})).mappings().first()
    if row is None:
        return None
    return WithChat(
        _warmup(row),
        {name: row[f"chat_{name}"] for name in SETTINGS_COLUMNS},
        screened=row["chat_screening"] is not None,
        gentle_next=bool(row["chat_gentle_next"]),
    )


async def get_session(tx: AsyncSession, session_id: int) -> Warmup | None:
    return next(iter(await _read(tx, _BY_ID, {"warmup": session_id})), None)


async def starter(tx: AsyncSession, session_id: int) -> int | None:
    """Who started the warm-up; None if unknown (or no such warm-up)."""
    return await tx.scalar(select(WarmupSession.started_by).where(WarmupSession.id == session_id))


async def active_session(tx: AsyncSession, chat_id: int) -> Warmup | None:
    """The chat's running warm-up, if any (the schema allows at most one)."""
    return next(iter(await _read(tx, _ACTIVE_IN, {"chat": chat_id})), None)


async def start_session(
    tx: AsyncSession,
    *,
    chat_id: int,
    routine_id: str,
    step: int,
    set_number: int,
    side: str | None,
    now: datetime,
    started_by: int | None,
) -> Warmup:
    values: dict[str, Any] = {
        "chat_id": chat_id,
        "started_by": started_by,
        "routine_id": routine_id,
        "status": SessionStatus.ACTIVE,
        "started_at": now,
        "step": step,
        "set_number": set_number,
        "side": side,
    }
    result = await (await connection_of(tx)).execute(_START, values)
    assert result.inserted_primary_key is not None  # a single-row INSERT always has one
    return Warmup(id=result.inserted_primary_key[0], **values)


async def move_session(
    tx: AsyncSession,
    warmup: Warmup,
    *,
    to: tuple[int, int, str | None] | None,
    now: datetime,
) -> bool:
    """Move a running session on from the position it was loaded at; None completes it.

    The update only matches while the row is still at the loaded position, so of two racing
    taps on the same button exactly one wins, on any database and across instances.
    """
    values: dict[str, object] = dict(NO_HOLD)
    params: dict[str, object]
    if to is None:
        statement, params = _COMPLETE, {"finished": now}
        values |= {"status": SessionStatus.COMPLETED, "finished_at": now}
    else:
        statement, params = _MOVE, {"to_step": to[0], "to_set": to[1], "to_side": to[2]}
        # The step's message is sent after this commits; until it is recorded, none shows it.
        values |= {"step": to[0], "set_number": to[1], "side": to[2], "message_id": None}
    if await execute_write(tx, statement, _loaded_at(warmup) | params) != 1:
        return False
    warmup.written(values)
    return True


# The statements of a tap are built once, with their values as parameters: building one
# costs more CPU than SQLite takes to run it.

_START = insert(WarmupSession)

# The session's row, only while it is still running at the step it was loaded at.
_RUNNING_AT = and_(
    WarmupSession.id == bindparam("warmup"),
    WarmupSession.status == SessionStatus.ACTIVE,
    WarmupSession.step == bindparam("at_step"),
    WarmupSession.set_number == bindparam("at_set"),
    WarmupSession.side.is_not_distinct_from(bindparam("at_side")),
)
_MOVE = (
    update(WarmupSession)
    .where(_RUNNING_AT)
    .values(
        step=bindparam("to_step"),
        set_number=bindparam("to_set"),
        side=bindparam("to_side"),
        message_id=None,
        **NO_HOLD,
    )
)
_COMPLETE = (
    update(WarmupSession)
    .where(_RUNNING_AT)
    .values(status=SessionStatus.COMPLETED, finished_at=bindparam("finished"), **NO_HOLD)
)
_SET_MESSAGE = update(WarmupSession).where(_RUNNING_AT).values(message_id=bindparam("message"))
_ADD_EVENT = insert(StepEvent).values(
    session_id=bindparam("warmup"),
    exercise_id=bindparam("exercise"),
    step=bindparam("at_step"),
    set_number=bindparam("at_set"),
    side=bindparam("at_side"),
    outcome=bindparam("outcome"),
    at=bindparam("now"),
)
_BEGIN_HOLD = (
    update(WarmupSession)
    .where(
        _RUNNING_AT,
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
    .where(_RUNNING_AT, WarmupSession.hold_ends_at == bindparam("ends_at"))
    .values(hold_ends_at=None, hold_paused_left=bindparam("left"))
)
_GO_ON = (
    update(WarmupSession)
    .where(
        _RUNNING_AT,
        WarmupSession.hold_ends_at.is_(None),
        WarmupSession.hold_paused_left.is_not(None),
    )
    .values(hold_ends_at=bindparam("ends_at"), hold_paused_left=None)
)
_END_HOLD = (
    update(WarmupSession)
    .where(_RUNNING_AT, WarmupSession.hold_ends_at == bindparam("ends_at"))
    .values(**NO_HOLD)
)


def _record_pain(
    answer: InstrumentedAttribute[int | None], at: InstrumentedAttribute[datetime | None]
) -> tuple[Update, tuple[str, str]]:
    """A check-in's statement (writing only while it is unanswered), and the columns it sets."""
    statement = (
        update(WarmupSession)
        .where(WarmupSession.id == bindparam("warmup"), at.is_(None))
        .values({answer: bindparam("pain"), at: bindparam("answered")})
    )
    return statement, (answer.key, at.key)


_PAIN_BEFORE = _record_pain(WarmupSession.pain_before, WarmupSession.pain_before_at)
_PAIN_AFTER = _record_pain(WarmupSession.pain_after, WarmupSession.pain_after_at)


def _at(session_id: int, at: tuple[int, int, str | None]) -> dict[str, object]:
    """The parameters of `_RUNNING_AT`."""
    return {"warmup": session_id, "at_step": at[0], "at_set": at[1], "at_side": at[2]}


def _loaded_at(warmup: Warmup) -> dict[str, object]:
    """`_RUNNING_AT` for the position the session was loaded at."""
    return _at(warmup.id, (warmup.step, warmup.set_number, warmup.side))


async def end_session(
    tx: AsyncSession,
    warmup: Warmup,
    status: SessionStatus,
    now: datetime,
    *,
    for_pain: bool = False,
) -> bool:
    """Stop or abandon a running session. False if it was no longer running."""
    matched = await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == warmup.id, WarmupSession.status == SessionStatus.ACTIVE)
        .values(status=status, finished_at=now, ended_for_pain=for_pain, **NO_HOLD),
    )
    if matched != 1:
        return False
    warmup.written({"status": status, "finished_at": now, "ended_for_pain": for_pain, **NO_HOLD})
    return True


async def add_event(
    tx: AsyncSession,
    warmup: Warmup,
    *,
    exercise_id: str,
    position: tuple[int, int, str | None],
    outcome: Outcome,
    now: datetime,
) -> None:
    params = {"exercise": exercise_id, "outcome": outcome, "now": now}
    await execute_write(tx, _ADD_EVENT, _at(warmup.id, position) | params)


async def record_pain(
    tx: AsyncSession,
    warmup: Warmup,
    *,
    after: bool,
    value: int | None,
    now: datetime,
) -> bool:
    """Store a check-in (None: skipped), once: False if that check-in was already answered."""
    statement, columns = _PAIN_AFTER if after else _PAIN_BEFORE
    params = {"warmup": warmup.id, "pain": value, "answered": now}
    if await execute_write(tx, statement, params) != 1:
        return False
    warmup.written(dict(zip(columns, (value, now), strict=True)))
    return True


class StepMessage(NamedTuple):
    """The message that shows a session's step `at`."""

    session_id: int
    at: tuple[int, int, str | None]
    message_id: int


async def set_messages(tx: AsyncSession, messages: list[StepMessage]) -> None:
    """Remember which message shows each session's step, if the session is still there.

    A step message can be recorded after its session has moved on (a tap on it, or a hold
    ending, handled before the record); it must not then pass for the newer step's message.
    """
    params = [_at(m.session_id, m.at) | {"message": m.message_id} for m in messages]
    await execute_write(tx, _SET_MESSAGE, params)


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
    if await execute_write(tx, _BEGIN_HOLD, _loaded_at(warmup) | params) != 1:
        return False
    warmup.written(values)
    return True


async def pause_hold(tx: AsyncSession, warmup: Warmup, *, left: int) -> bool:
    """Pause the running countdown, keeping what is left of it; False if it is not running."""
    params = _loaded_at(warmup) | {"ends_at": warmup.hold_ends_at, "left": left}
    if await execute_write(tx, _PAUSE_HOLD, params) != 1:
        return False
    warmup.written({"hold_ends_at": None, "hold_paused_left": left})
    return True


async def go_on_hold(tx: AsyncSession, warmup: Warmup, *, ends_at: datetime) -> bool:
    """Run a paused countdown again, now to end at `ends_at`; False if it is not paused."""
    if await execute_write(tx, _GO_ON, _loaded_at(warmup) | {"ends_at": ends_at}) != 1:
        return False
    warmup.written({"hold_ends_at": ends_at, "hold_paused_left": None})
    return True


async def end_hold(tx: AsyncSession, warmup: Warmup) -> bool:
    """Stop the countdown running on the session's current step, if it still is."""
    params = _loaded_at(warmup) | {"ends_at": warmup.hold_ends_at}
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


async def running_holds(tx: AsyncSession) -> list[Warmup]:
    """Every running session with a countdown, to reschedule after a restart."""
    return await _read(tx, _HOLDING, {})


_HOLDING = _SESSIONS.where(
    WarmupSession.hold_ends_at.is_not(None), WarmupSession.status == SessionStatus.ACTIVE
)


async def ask_next_morning(tx: AsyncSession, session_id: int, due_at: datetime) -> None:
    """The next morning's question about this warm-up is due at `due_at`."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.morning_answer.is_(None))
        .values(morning_due_at=due_at),
    )


async def claim_mornings(tx: AsyncSession, now: datetime, limit: int) -> list[Warmup]:
    """Morning questions due and not yet sent, claimed as sent (so each goes out once)."""
    due = await _read(tx, _MORNINGS_DUE, {"now": now, "limit": limit})
    for warmup in due:
        await execute_write(
            tx,
            update(WarmupSession)
            .where(WarmupSession.id == warmup.id, WarmupSession.morning_sent_at.is_(None))
            .values(morning_sent_at=now),
        )
    return due


_MORNINGS_DUE = (
    _SESSIONS.where(
        WarmupSession.morning_due_at <= bindparam("now"), WarmupSession.morning_sent_at.is_(None)
    )
    .order_by(WarmupSession.morning_due_at)
    .limit(bindparam("limit"))
)


async def answer_morning(tx: AsyncSession, session_id: int, answer: str) -> bool:
    """Record the morning's answer, once; False if it was already answered."""
    matched = await execute_write(
        tx,
        update(WarmupSession)
        .where(
            WarmupSession.id == session_id,
            WarmupSession.morning_sent_at.is_not(None),
            WarmupSession.morning_answer.is_(None),
        )
        .values(morning_answer=answer),
    )
    return matched == 1
