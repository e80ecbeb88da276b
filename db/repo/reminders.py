"""Reminders: settings, and the claim-then-deliver queue the minute tick works."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import (
    Chat,
    Reminder,
)
from db.repo._shared import execute_write


async def get_reminder(tx: AsyncSession, chat_id: int) -> Reminder | None:
    return await tx.get(Reminder, chat_id)


async def save_reminder(
    tx: AsyncSession,
    chat_id: int,
    *,
    enabled: bool,
    local_time: str | None = None,
    days: int | None = None,
    next_fire_at: datetime | None,
) -> Reminder:
    """Create or change the chat's reminder; a change drops any snooze or pending delivery."""
    reminder = await tx.get(Reminder, chat_id)
    if reminder is None:
        reminder = Reminder(chat_id=chat_id, local_time=local_time or "07:30", days=days or 127)
        tx.add(reminder)
    if local_time is not None:
        reminder.local_time = local_time
    if days is not None:
        reminder.days = days
    reminder.enabled = enabled
    reminder.next_fire_at = next_fire_at
    reminder.snoozes = 0
    reminder.pending_since = None
    reminder.lease_until = None
    await tx.flush()
    return reminder


async def arm_reminder(
    tx: AsyncSession, reminder: Reminder, next_fire_at: datetime | None
) -> None:
    """Set when an enabled reminder next fires (None: not until the chat has a timezone)."""
    await _update_enabled(tx, reminder, next_fire_at=next_fire_at)


async def snooze_reminder(
    tx: AsyncSession, reminder: Reminder, *, until: datetime, max_snoozes: int
) -> bool:
    """Remind again at `until`, unless the reminder is off or out of snoozes."""
    return await _update_enabled(
        tx,
        reminder,
        Reminder.snoozes < max_snoozes,
        next_fire_at=until,
        snoozes=Reminder.snoozes + 1,
    )


async def skip_reminder(
    tx: AsyncSession, reminder: Reminder, next_fire_at: datetime | None
) -> bool:
    """Nothing more today: on to `next_fire_at`, dropping a pending snooze."""
    return await _update_enabled(tx, reminder, next_fire_at=next_fire_at, snoozes=0)


async def _update_enabled(
    tx: AsyncSession, reminder: Reminder, *conditions: ColumnElement[bool], **values: Any
) -> bool:
    """Change an enabled reminder, if `conditions` hold; the loaded row shows the result."""
    matched = await execute_write(
        tx,
        update(Reminder)
        .where(Reminder.chat_id == reminder.chat_id, Reminder.enabled.is_(True), *conditions)
        .values(**values),
    )
    if matched == 1:
        await tx.refresh(reminder, ["next_fire_at", "snoozes"])
    return matched == 1


async def pending_since(tx: AsyncSession, chat_id: int) -> datetime | None:
    """Since when the chat's reminder waits to be delivered; None if it does not (or is gone)."""
    return await tx.scalar(select(Reminder.pending_since).where(Reminder.chat_id == chat_id))


async def park_reminder(tx: AsyncSession, chat_id: int) -> None:
    """Stop a reminder that cannot be handled from firing until the chat sets it again."""
    await execute_write(
        tx,
        update(Reminder)
        .where(Reminder.chat_id == chat_id)
        .values(next_fire_at=None, pending_since=None, lease_until=None),
    )


async def due_reminders(
    tx: AsyncSession, now: datetime, limit: int
) -> list[tuple[Reminder, Chat]]:
    """Enabled reminders whose moment has come, oldest first, with their chats."""
    return await _take_rows(
        tx,
        and_(Reminder.enabled.is_(True), Reminder.next_fire_at <= now),
        Reminder.next_fire_at,
        limit,
    )


async def claim_reminder(
    tx: AsyncSession,
    reminder: Reminder,
    *,
    next_fire_at: datetime | None,
    pending: datetime | None,
    snoozes: int,
) -> bool:
    """Move a due reminder on to its next moment, queueing this one for delivery if `pending`.

    Conditional on the moment it was read at, so two instances ticking together claim it once.
    """
    matched = await execute_write(
        tx,
        update(Reminder)
        .where(
            Reminder.chat_id == reminder.chat_id,
            Reminder.next_fire_at == reminder.next_fire_at,
        )
        .values(
            next_fire_at=next_fire_at, pending_since=pending, lease_until=None, snoozes=snoozes
        ),
    )
    return matched == 1


async def pending_deliveries(
    tx: AsyncSession, now: datetime, limit: int
) -> list[tuple[Reminder, Chat]]:
    """Claimed reminders not yet delivered and not being delivered by anyone right now."""
    return await _take_rows(
        tx,
        and_(Reminder.pending_since.is_not(None), _not_leased(now)),
        Reminder.pending_since,
        limit,
    )


async def _take_rows(
    tx: AsyncSession, condition: ColumnElement[bool], oldest: Any, limit: int
) -> list[tuple[Reminder, Chat]]:
    """Reminders matching `condition`, oldest first, with their chats, locked for this transaction.

    On PostgreSQL rows another instance has locked are skipped, so instances ticking together
    share the work instead of queueing; SQLite has one writer and ignores the lock clause.
    """
    rows = await tx.execute(
        select(Reminder, Chat)
        .join(Chat, Chat.id == Reminder.chat_id)
        .where(condition)
        .order_by(oldest, Reminder.chat_id)
        .limit(limit)
        .with_for_update(of=Reminder, skip_locked=True)
    )
    return [(reminder, chat) for reminder, chat in rows]


def _not_leased(now: datetime) -> ColumnElement[bool]:
    """Nobody is delivering it: never leased, or the lease ran out."""
    return or_(Reminder.lease_until.is_(None), Reminder.lease_until < now)


async def lease_deliveries(
    tx: AsyncSession, pending: Collection[tuple[int, datetime]], now: datetime, until: datetime
) -> set[int]:
    """Take the delivery of pending reminders for a while, each if it is still pending since
    the moment given and nobody else has it; returns the chats whose delivery was taken."""
    if not pending:
        return set()
    leased = await tx.scalars(
        update(Reminder)
        .where(
            tuple_(Reminder.chat_id, Reminder.pending_since).in_(list(pending)),
            _not_leased(now),
        )
        .values(lease_until=until)
        .returning(Reminder.chat_id),
        execution_options={"synchronize_session": False},
    )
    return set(leased)


async def finish_delivery(
    tx: AsyncSession, chat_id: int, pending: datetime, sent_at: datetime | None
) -> None:
    """The pending reminder was sent (`sent_at`) or dropped (None)."""
    values: dict[str, object] = {"pending_since": None, "lease_until": None}
    if sent_at is not None:
        values["last_sent_at"] = sent_at
    await execute_write(
        tx,
        update(Reminder)
        .where(Reminder.chat_id == chat_id, Reminder.pending_since == pending)
        .values(**values),
    )
