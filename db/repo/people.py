"""People: a Telegram user's own answers (the safety check, their precautions and the
exercises they left out), whichever chat they are in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Person, SessionStatus, WarmupSession
from db.repo._shared import dialect_insert, execute_write
from db.repo.warmups import NO_HOLD, SESSIONS, Warmup, read_warmups


async def screening_of(tx: AsyncSession, user_id: int) -> str | None:
    """The person's answer to the safety check; None if never answered."""
    return await tx.scalar(select(Person.screening).where(Person.user_id == user_id))


async def record_screening(
    tx: AsyncSession, user_id: int, answer: str, now: datetime, *, only_first: bool = False
) -> bool:
    """Store the person's answer; with `only_first`, only if they had none. False if not."""
    values = {"screening": answer, "screened_at": now}
    insert = dialect_insert(tx)(Person).values(user_id=user_id, **values)
    if only_first:  # a row may hold only their precautions yet: the answer fills it in
        statement = insert.on_conflict_do_update(
            index_elements=["user_id"], set_=values, where=Person.screening.is_(None)
        )
        await execute_write(tx, statement)
        stored = await screening_of(tx, user_id)
        return stored == answer
    upsert = insert.on_conflict_do_update(index_elements=["user_id"], set_=values)
    return await execute_write(tx, upsert) == 1


@dataclass(frozen=True)
class Personal:
    """What a person said that shapes their warm-ups."""

    precautions: tuple[str, ...] | None = None  # None: never asked
    left_out: tuple[str, ...] = ()


async def personal_of(tx: AsyncSession, user_id: int) -> Personal:
    row = (
        await tx.execute(
            select(Person.precautions, Person.left_out).where(Person.user_id == user_id)
        )
    ).first()
    if row is None:
        return Personal()
    precautions = None if row[0] is None else tuple(filter(None, row[0].split(",")))
    return Personal(precautions, tuple(row[1] or ()))


async def record_personal(
    tx: AsyncSession,
    user_id: int,
    *,
    precautions: Sequence[str] | None = None,
    left_out: Sequence[str] | None = None,
) -> None:
    """Store the person's precautions and/or left-out exercises (None leaves one as it is)."""
    values: dict[str, object] = {}
    if precautions is not None:
        values["precautions"] = ",".join(precautions)
    if left_out is not None:
        values["left_out"] = list(left_out)
    insert = dialect_insert(tx)(Person).values(user_id=user_id, **values)
    await execute_write(tx, insert.on_conflict_do_update(index_elements=["user_id"], set_=values))


def _running_of(user_id: int) -> ColumnElement[bool]:
    """The person's running warm-ups in any chat (one from before people were recorded was
    started in their private chat, whose id is theirs)."""
    started = or_(
        WarmupSession.started_by == user_id,
        (WarmupSession.started_by.is_(None)) & (WarmupSession.chat_id == user_id),
    )
    return started & (WarmupSession.status == SessionStatus.ACTIVE)


async def stop_for_safety(tx: AsyncSession, user_id: int, now: datetime) -> list[Warmup]:
    """End every running warm-up of the person at once (a red flag); returns those ended."""
    running = await read_warmups(tx, SESSIONS.where(_running_of(user_id)), {})
    ended = []
    for warmup in running:
        values = {"status": SessionStatus.STOPPED, "finished_at": now, "ended_for_safety": True}
        statement = update(WarmupSession).where(
            WarmupSession.id == warmup.id, WarmupSession.status == SessionStatus.ACTIVE
        )
        if await execute_write(tx, statement.values(**values, **NO_HOLD)) == 1:
            warmup.written({**values, **NO_HOLD})
            ended.append(warmup)
    return ended


async def forget_person(tx: AsyncSession, user_id: int) -> None:
    """Delete what is stored about the person themselves (their safety check, precautions
    and left-out exercises)."""
    await execute_write(tx, delete(Person).where(Person.user_id == user_id))


async def person_rows(tx: AsyncSession, user_id: int) -> list[dict[str, object]]:
    """The person's own row, every column (for /export in their private chat)."""
    result = await tx.execute(select(Person.__table__).where(Person.user_id == user_id))
    return [dict(row) for row in result.mappings()]
