"""Warm-up sessions: starting, reading, moving on by compare-and-set, ending, and the
events and pain check-ins recorded on the way.

The hold countdown's queries are in `holds.py`, the next morning's question in
`mornings.py`; the row they all read (`Warmup`) is in `warmups.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.dml import Update

from db.models import Chat, Outcome, Person, SessionStatus, StepEvent, WarmupSession
from db.repo._shared import connection_of, execute_write
from db.repo.chats import SETTINGS_COLUMNS
from db.repo.warmups import (
    NO_HOLD,
    RUNNING_AT,
    SESSION_COLUMNS,
    SESSIONS,
    Warmup,
    at_params,
    loaded_at,
    read_warmups,
    warmup_of,
)

# A position as the row stores it: step, set, side.
Row = tuple[int, int, str | None]


class WithChat(NamedTuple):
    """A session as a tap reads it, with what its chat chose and what its check-in needs."""

    warmup: Warmup
    settings: dict[str, object]  # by SETTINGS_COLUMNS
    screening: str | None  # its person's answer to the safety check (None: not answered)
    gentle_next: bool  # the gentle routine is to be offered first, once
    language: str | None = None  # the chat's choice (/language)


# A tap's only read: one statement, the session with its chat's settings and its person's
# safety check (the person who started it; before people were recorded, the private chat's).
_CHAT_COLUMNS = (*SETTINGS_COLUMNS, "gentle_next", "language")
_PERSON = func.coalesce(WarmupSession.started_by, WarmupSession.chat_id)
_WITH_CHAT = (
    select(
        *SESSION_COLUMNS,
        *(getattr(Chat, name).label(f"chat_{name}") for name in _CHAT_COLUMNS),
        Person.screening.label("person_screening"),
    )
    .join(Chat, Chat.id == WarmupSession.chat_id)
    .outerjoin(Person, Person.user_id == _PERSON)
    .where(WarmupSession.id == bindparam("warmup"))
)
_BY_ID = SESSIONS.where(WarmupSession.id == bindparam("warmup"))
_ACTIVE_IN = SESSIONS.where(
    WarmupSession.chat_id == bindparam("chat"), WarmupSession.status == SessionStatus.ACTIVE
)


async def session_with_chat(tx: AsyncSession, session_id: int) -> WithChat | None:
    connection = await connection_of(tx)
    row = (await connection.execute(_WITH_CHAT, {"warmup": session_id})).mappings().first()
    if row is None:
        return None
    return WithChat(
        warmup_of(row),
        {name: row[f"chat_{name}"] for name in SETTINGS_COLUMNS},
        screening=row["person_screening"],
        gentle_next=bool(row["chat_gentle_next"]),
        language=row["chat_language"],
    )


async def get_session(tx: AsyncSession, session_id: int) -> Warmup | None:
    return next(iter(await read_warmups(tx, _BY_ID, {"warmup": session_id})), None)


async def starter(tx: AsyncSession, session_id: int) -> int | None:
    """Who started the warm-up; None if unknown (or no such warm-up)."""
    return await tx.scalar(select(WarmupSession.started_by).where(WarmupSession.id == session_id))


async def active_session(tx: AsyncSession, chat_id: int) -> Warmup | None:
    """The chat's running warm-up, if any (the schema allows at most one)."""
    return next(iter(await read_warmups(tx, _ACTIVE_IN, {"chat": chat_id})), None)


async def last_ended(tx: AsyncSession, chat_id: int, person: int) -> Warmup | None:
    """The person's last warm-up in the chat that was stopped or completed."""
    query = (
        SESSIONS.where(
            WarmupSession.chat_id == bindparam("chat"),
            WarmupSession.started_by == bindparam("person"),
            WarmupSession.status.in_((SessionStatus.STOPPED, SessionStatus.COMPLETED)),
        )
        .order_by(WarmupSession.finished_at.desc(), WarmupSession.id.desc())
        .limit(1)
    )
    return next(iter(await read_warmups(tx, query, {"chat": chat_id, "person": person})), None)


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
    plan_changes: dict[str, object] | None = None,
    language: str | None = None,
) -> Warmup:
    values: dict[str, Any] = {
        "language": language,
        "chat_id": chat_id,
        "started_by": started_by,
        "routine_id": routine_id,
        "status": SessionStatus.ACTIVE,
        "started_at": now,
        "step": step,
        "set_number": set_number,
        "side": side,
        "plan_changes": plan_changes,
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
    if await execute_write(tx, statement, loaded_at(warmup) | params) != 1:
        return False
    warmup.written(values)
    return True


# The statements of a tap are built once, with their values as parameters: building one
# costs more CPU than SQLite takes to run it.

_START = insert(WarmupSession)
_MOVE = (
    update(WarmupSession)
    .where(RUNNING_AT)
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
    .where(RUNNING_AT)
    .values(status=SessionStatus.COMPLETED, finished_at=bindparam("finished"), **NO_HOLD)
)
_SET_MESSAGE = update(WarmupSession).where(RUNNING_AT).values(message_id=bindparam("message"))
_ADD_EVENT = insert(StepEvent).values(
    session_id=bindparam("warmup"),
    exercise_id=bindparam("exercise"),
    step=bindparam("at_step"),
    set_number=bindparam("at_set"),
    side=bindparam("at_side"),
    outcome=bindparam("outcome"),
    at=bindparam("now"),
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
    await execute_write(tx, _ADD_EVENT, at_params(warmup.id, position) | params)


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


async def replan(
    tx: AsyncSession, warmup: Warmup, changes: dict[str, object] | None, at: Row, to: Row
) -> bool:
    """Set what its person's precautions change in a warm-up still at `at` (its first step),
    moving it to `to`, the first step of its new plan; False if it has moved."""
    side = WarmupSession.side.is_(None) if at[2] is None else WarmupSession.side == at[2]
    statement = update(WarmupSession).where(
        WarmupSession.id == warmup.id,
        WarmupSession.status == SessionStatus.ACTIVE,
        WarmupSession.step == at[0],
        WarmupSession.set_number == at[1],
        side,
    )
    values = {"plan_changes": changes, "step": to[0], "set_number": to[1], "side": to[2]}
    if await execute_write(tx, statement.values(**values)) != 1:
        return False
    warmup.written(values)
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
    params = [at_params(m.session_id, m.at) | {"message": m.message_id} for m in messages]
    await execute_write(tx, _SET_MESSAGE, params)
