"""The inbox of received updates (see `bot/runtime/inbox.py`)."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import Insert, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import InboxUpdate
from db.repo._shared import connection_of, insert_of


async def receive_updates(tx: AsyncSession, bodies: dict[int, str], now: datetime) -> set[int]:
    """Store updates by id; returns the ids stored now (the others were received before)."""
    rows = [{"update_id": i, "body": body, "received_at": now} for i, body in bodies.items()]
    statement = _receive(tx.get_bind().dialect.name)
    stored = await (await connection_of(tx)).execute(statement, rows)
    return set(stored.scalars())


@cache
def _receive(dialect: str) -> Insert:
    """The store, built once per dialect with its rows as parameters. Rows written into the
    statement itself made SQLAlchemy walk every value to key its cache, on every poll."""
    statement: Insert = (
        insert_of(dialect)(InboxUpdate)
        .on_conflict_do_nothing(index_elements=["update_id"])
        .returning(InboxUpdate.update_id)
    )
    return statement


async def mark_handled(tx: AsyncSession, update_ids: list[int], now: datetime) -> None:
    await tx.execute(
        update(InboxUpdate).where(InboxUpdate.update_id.in_(update_ids)).values(handled_at=now)
    )


async def unhandled_updates(tx: AsyncSession) -> list[str]:
    """The bodies of received updates not handled yet, oldest first."""
    rows = await tx.scalars(
        select(InboxUpdate.body)
        .where(InboxUpdate.handled_at.is_(None))
        .order_by(InboxUpdate.update_id)
    )
    return list(rows)


async def purge_handled(tx: AsyncSession, before: datetime) -> int:
    """Forget updates handled before `before`; returns how many."""
    result = await tx.execute(delete(InboxUpdate).where(InboxUpdate.handled_at < before))
    return int(result.rowcount)  # type: ignore[attr-defined]
