"""The inbox of received updates (see `bot/runtime/inbox.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import ColumnElement, Insert, and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import InboxUpdate, Instance
from db.repo._shared import connection_of, insert_of

# Whose an update is: its chat and its person, either unknown for some kinds of update.
Owner = tuple[int | None, int | None]


async def receive_updates(
    tx: AsyncSession,
    bodies: dict[int, str],
    now: datetime,
    owners: Mapping[int, Owner] = {},
    instance: str | None = None,
) -> set[int]:
    """Store updates by id, with their chat and person from `owners`, held by `instance`;
    returns the ids stored now (the others were received before)."""
    rows = [
        {
            "update_id": i,
            "body": body,
            "received_at": now,
            "chat_id": owners.get(i, (None, None))[0],
            "user_id": owners.get(i, (None, None))[1],
            "claimed_at": now,
            "claimed_by": instance,
        }
        for i, body in bodies.items()
    ]
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
    """Mark updates handled and blank their bodies: the id alone recognises one sent again."""
    await tx.execute(
        update(InboxUpdate)
        .where(InboxUpdate.update_id.in_(update_ids))
        .values(handled_at=now, body=None)
    )


async def claim_unhandled(tx: AsyncSession, claim: Claim) -> list[str]:
    """Claim for `claim.instance` the updates not handled yet whose holder is not live (or
    that were lost in hand), oldest first, and return their bodies. A row another transaction
    is claiming is skipped (PostgreSQL: SKIP LOCKED; SQLite writes one transaction at a time),
    and the claim is a conditional UPDATE, so each row is claimed by one caller."""
    claimable = _claimable(claim)
    chosen = select(InboxUpdate.update_id).where(claimable).with_for_update(skip_locked=True)
    result = await tx.execute(
        update(InboxUpdate)
        .where(InboxUpdate.update_id.in_(chosen), claimable)
        .values(claimed_at=claim.now, claimed_by=claim.instance)
        .returning(InboxUpdate.update_id, InboxUpdate.body)
    )
    rows: list[tuple[int, str | None]] = [(row[0], row[1]) for row in result]
    return [body for _id, body in sorted(rows) if body is not None]


@dataclass(frozen=True)
class Claim:
    """Who claims (`instance`), when, and the times that tell a holder gone: not seen since
    `live_since`, or holding a row since before `lost_before`."""

    instance: str
    now: datetime
    live_since: datetime
    lost_before: datetime


def _claimable(claim: Claim) -> ColumnElement[bool]:
    live = select(Instance.id).where(Instance.seen_at >= claim.live_since)
    held_since = func.coalesce(InboxUpdate.claimed_at, InboxUpdate.received_at)
    return and_(
        InboxUpdate.handled_at.is_(None),
        or_(
            InboxUpdate.claimed_by.is_(None),
            InboxUpdate.claimed_by.not_in(live.scalar_subquery()),
            held_since < claim.lost_before,
        ),
    )


async def seen(tx: AsyncSession, instance: str, now: datetime) -> None:
    """Record that `instance` is live at `now`."""
    found = await tx.execute(update(Instance).where(Instance.id == instance).values(seen_at=now))
    if not found.rowcount:  # type: ignore[attr-defined]
        tx.add(Instance(id=instance, seen_at=now))


async def gone(tx: AsyncSession, instance: str) -> None:
    """Remove `instance`: the rows it still holds can be claimed at once."""
    await tx.execute(delete(Instance).where(Instance.id == instance))


async def purge_handled(tx: AsyncSession, before: datetime) -> int:
    """Forget updates handled before `before`, and instances not seen since; returns how
    many updates."""
    await tx.execute(delete(Instance).where(Instance.seen_at < before))
    result = await tx.execute(delete(InboxUpdate).where(InboxUpdate.handled_at < before))
    return int(result.rowcount)  # type: ignore[attr-defined]
