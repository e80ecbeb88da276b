"""Updates held over a stop (see `bot/lifecycle.py`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import HeldUpdate
from db.repo._shared import dialect_insert


async def hold_updates(tx: AsyncSession, bodies: dict[int, str], now: datetime) -> None:
    """Store updates by id; one already stored is kept as it is."""
    if not bodies:
        return
    rows = [{"update_id": i, "body": body, "held_at": now} for i, body in bodies.items()]
    await tx.execute(dialect_insert(tx)(HeldUpdate).values(rows).on_conflict_do_nothing())


async def held_updates(tx: AsyncSession) -> dict[int, str]:
    """Every held update, oldest first."""
    rows = await tx.execute(select(HeldUpdate.update_id, HeldUpdate.body).order_by("update_id"))
    return {update_id: body for update_id, body in rows}  # noqa: C416 - a Result is no mapping


async def release_updates(tx: AsyncSession, update_ids: list[int]) -> None:
    await tx.execute(delete(HeldUpdate).where(HeldUpdate.update_id.in_(update_ids)))
