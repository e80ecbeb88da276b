"""A warm-up session's row as the bot reads it, and what every query on sessions shares.

`Warmup`, the helpers that read rows into it and `RUNNING_AT` (the compare-and-set that
makes a tap on an old step do nothing) live apart from the queries, so the modules for
sessions (`sessions.py`), holds (`holds.py`) and morning questions (`mornings.py`) all build
on them without importing one another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, Select, and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import SessionStatus, WarmupSession
from db.repo._shared import connection_of

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
    guide_message_id: int | None = None
    guide_ends_at: datetime | None = None
    language: str | None = None
    pain_before: int | None = None
    pain_before_at: datetime | None = None
    pain_after: int | None = None
    pain_after_at: datetime | None = None
    ended_for_pain: bool = False
    started_by: int | None = None
    morning_due_at: datetime | None = None
    morning_sent_at: datetime | None = None
    morning_answer: str | None = None
    ended_for_safety: bool = False
    plan_changes: dict[str, object] | None = None

    def written(self, values: Mapping[str, object]) -> None:
        """Show the values just written to the row, without reading it again."""
        for key, value in values.items():
            setattr(self, key, value)


SESSION_COLUMNS = tuple(WarmupSession.__table__.columns)
_KEYS = tuple(column.key for column in SESSION_COLUMNS)
SESSIONS = select(*SESSION_COLUMNS)


def warmup_of(row: RowMapping) -> Warmup:
    """A row of `SESSIONS` (or one with more columns) as a `Warmup`."""
    return Warmup(**{key: row[key] for key in _KEYS})


async def read_warmups(
    tx: AsyncSession, query: Select[Any], params: dict[str, object]
) -> list[Warmup]:
    """The sessions a query on `SESSIONS` finds."""
    connection = await connection_of(tx)
    return [warmup_of(row) for row in (await connection.execute(query, params)).mappings()]


# The session's row, only while it is still running at the step it was loaded at.
RUNNING_AT = and_(
    WarmupSession.id == bindparam("warmup"),
    WarmupSession.status == SessionStatus.ACTIVE,
    WarmupSession.step == bindparam("at_step"),
    WarmupSession.set_number == bindparam("at_set"),
    WarmupSession.side.is_not_distinct_from(bindparam("at_side")),
)


def at_params(session_id: int, at: tuple[int, int, str | None]) -> dict[str, object]:
    """The parameters of `RUNNING_AT`."""
    return {"warmup": session_id, "at_step": at[0], "at_set": at[1], "at_side": at[2]}


def loaded_at(warmup: Warmup) -> dict[str, object]:
    """`RUNNING_AT` for the position the session was loaded at."""
    return at_params(warmup.id, (warmup.step, warmup.set_number, warmup.side))
