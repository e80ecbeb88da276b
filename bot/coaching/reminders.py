"""Daily reminders: settings, snoozing and skipping, and the claim-then-deliver cycle.

Every minute the scheduler's tick calls `claim_due` and then `take_deliveries`. Claiming moves
each due reminder on to its next moment and queues this one as pending, in one conditional
update, so several instances ticking together claim it once. Delivery leases a pending
reminder, sends it, and clears it; a restart in between re-delivers from the queue (within the
late limit) instead of losing it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import localtime, morning, streaks
from bot.content import ReminderRules
from db import repo
from db.database import Database
from db.models import Chat, Reminder
from db.rows import each_apart

log = logging.getLogger(__name__)

CLAIM_BATCH = 500
# Small enough that reading a batch (three short queries a reminder) holds the database for
# well under a second; the next batch is read while this one is sent.
DELIVERY_BATCH = 50
LEASE = timedelta(minutes=2)  # a delivery not finished by then is retried by the next tick


class Refusal(StrEnum):
    """Why a reminder button did nothing; the values name texts in `reminders`."""

    OLD = "old_reminder"
    NO_MORE_SNOOZES = "no_more_snoozes"


@dataclass(frozen=True)
class Status:
    """A chat's reminder as the user sees it."""

    enabled: bool
    local_time: str | None
    days: int
    zone: str | None  # None until the user has chosen one

    @property
    def waiting_for_zone(self) -> bool:
        return self.enabled and self.zone is None


@dataclass(frozen=True)
class Delivery:
    """A reminder to send now."""

    chat_id: int
    pending: datetime
    day: date  # the local day it is for; its buttons carry it
    snoozes_left: int
    streak: int


async def status(db: Database, *, chat_id: int, now: datetime) -> Status:
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        return _status(chat, await repo.get_reminder(tx, chat_id))


async def set_time(db: Database, *, chat_id: int, at: time, now: datetime) -> Status:
    """Remind at `at` local time; waits for a timezone if the chat has none yet."""
    return await _save(db, chat_id, now, enabled=True, local_time=at.strftime("%H:%M"))


async def set_days(db: Database, *, chat_id: int, days: int, now: datetime) -> Status:
    return await _save(db, chat_id, now, enabled=True, days=days)


async def turn_off(db: Database, *, chat_id: int, now: datetime) -> Status:
    return await _save(db, chat_id, now, enabled=False)


async def set_zone(db: Database, *, chat_id: int, zone: str, now: datetime) -> Status:
    """Choose the chat's timezone; a reminder waiting for it is armed."""
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now, lock=True)
        await morning.follow_zone(tx, chat_id, chat.timezone, zone)
        await repo.set_timezone(tx, chat, zone, now)
        reminder = await repo.get_reminder(tx, chat_id)
        if reminder is not None and reminder.enabled:
            await repo.save_reminder(
                tx, chat_id, enabled=True, next_fire_at=_next(chat, reminder, now)
            )
        return _status(chat, reminder)


async def snooze(
    db: Database, rules: ReminderRules, *, chat_id: int, day: date, now: datetime
) -> datetime | Refusal:
    """Remind again in a while; returns when, in UTC."""
    async with db.transaction() as tx:
        chat, reminder = await _for_today(tx, chat_id, day, now)
        if chat is None or reminder is None:
            return Refusal.OLD
        at = now + timedelta(minutes=rules.snooze_minutes)
        if not await repo.snooze_reminder(tx, reminder, until=at, max_snoozes=rules.max_snoozes):
            return Refusal.NO_MORE_SNOOZES
        return at


async def skip_today(db: Database, *, chat_id: int, day: date, now: datetime) -> Refusal | None:
    """No more reminders today (drops a pending snooze)."""
    async with db.transaction() as tx:
        chat, reminder = await _for_today(tx, chat_id, day, now)
        if chat is None or reminder is None:
            return Refusal.OLD
        tomorrow = datetime.combine(
            day + timedelta(days=1), time(0), localtime.zone(chat.timezone)
        )
        next_fire_at = _next(chat, reminder, max(now, tomorrow - timedelta(seconds=1)))
        await repo.skip_reminder(tx, reminder, next_fire_at)
        return None


async def claim_due(db: Database, rules: ReminderRules, now: datetime) -> int:
    """Queue every reminder whose moment has come; returns how many were queued."""
    late_limit = timedelta(minutes=rules.late_limit_minutes)
    queued = 0
    while True:
        async with db.transaction() as tx:
            due = await repo.due_reminders(tx, now, CLAIM_BATCH)

            async def claim(row: tuple[Reminder, Chat], tx: AsyncSession = tx) -> None:
                nonlocal queued
                queued += await _claim(tx, *row, now, late_limit)

            async def park(row: tuple[Reminder, Chat], tx: AsyncSession = tx) -> None:
                await repo.park_reminder(tx, row[1].id)

            await each_apart(tx, due, claim, set_aside=park, what=_reminder_of)
        if len(due) < CLAIM_BATCH:
            return queued


async def take_deliveries(db: Database, rules: ReminderRules, now: datetime) -> list[Delivery]:
    """Lease pending reminders for sending; drop those no longer worth sending.

    A batch is read, leased and given its streaks in a few statements, not a few per reminder:
    the transaction holds the one writer's place, and taps and the reminders already sent are
    waiting for it.
    """
    async with db.transaction() as tx:
        rows = await repo.pending_deliveries(tx, now, DELIVERY_BATCH)
        pending = [(r.chat_id, r.pending_since) for r, _ in rows if r.pending_since is not None]
        leased = await repo.lease_deliveries(tx, pending, now, now + LEASE)
        rows = [(reminder, chat) for reminder, chat in rows if chat.id in leased]
        ids = [chat.id for _, chat in rows]
        history = History(
            await repo.recent_completions_of(tx, ids), await repo.rest_days_of(tx, ids)
        )
        deliveries = []
        for reminder, chat in rows:
            try:
                delivery = _delivery(rules, reminder, chat, history, now)
            except Exception:  # a zone the installed tzdata no longer has, say
                log.exception("the reminder of chat %s failed; set aside", chat.id)
                delivery = None
            if delivery is None:
                assert reminder.pending_since is not None  # selected on it
                await repo.finish_delivery(tx, chat.id, reminder.pending_since, sent_at=None)
            else:
                deliveries.append(delivery)
    return deliveries


@dataclass(frozen=True)
class History:
    """What a batch of chats has done, for their reminders: completions and rest days."""

    completions: dict[int, list[datetime]]  # newest first
    rest_days: dict[int, set[date]]


def _delivery(
    rules: ReminderRules, reminder: Reminder, chat: Chat, history: History, now: datetime
) -> Delivery | None:
    """The reminder to send, or None when it is too late for it or today's warm-up is done."""
    pending = reminder.pending_since
    assert pending is not None  # selected on it
    day = localtime.local_today(chat.timezone, pending)
    completions = history.completions.get(chat.id, [])
    start_of_day = datetime.combine(day, time(0), localtime.zone(chat.timezone))
    if now - pending > timedelta(minutes=rules.late_limit_minutes):
        return None
    if completions and completions[0] >= start_of_day:
        return None
    days = streaks.local_dates(completions, chat.timezone)
    rest = frozenset(history.rest_days.get(chat.id, set()))
    streak = streaks.current_streak(days, localtime.local_today(chat.timezone, now), rest)
    snoozes_left = max(0, rules.max_snoozes - reminder.snoozes)
    return Delivery(chat.id, pending, day, snoozes_left, streak)


async def still_pending(db: Database, delivery: Delivery) -> bool:
    """Whether the delivery is still wanted: not deleted (/forget) or changed since taken."""
    async with db.reading() as tx:
        return await repo.pending_since(tx, delivery.chat_id) == delivery.pending


async def delivered(db: Database, delivery: Delivery, now: datetime | None) -> None:
    """The delivery went out at `now`, or (None) is dropped."""
    async with db.transaction() as tx:
        await repo.finish_delivery(tx, delivery.chat_id, delivery.pending, sent_at=now)


def _reminder_of(row: tuple[Reminder, Chat]) -> str:
    return f"the reminder of chat {row[1].id}"


async def _claim(
    tx: AsyncSession, reminder: Reminder, chat: Chat, now: datetime, late: timedelta
) -> int:
    due = reminder.next_fire_at
    assert due is not None  # selected on it
    regular = _next(chat, reminder, due - timedelta(minutes=1)) == due
    if now - due > late:
        log.info("reminder for chat %s is %s late; skipped", chat.id, now - due)
        pending = None
    else:
        pending = due
    claimed = await repo.claim_reminder(
        tx,
        reminder,
        next_fire_at=_next(chat, reminder, max(now, due)),
        pending=pending,
        snoozes=0 if regular else reminder.snoozes,
    )
    return int(claimed and pending is not None)


async def _for_today(
    tx: AsyncSession, chat_id: int, day: date, now: datetime
) -> tuple[Chat | None, Reminder | None]:
    """The chat and its reminder, if a reminder button for `day` is still current."""
    chat = await repo.get_chat(tx, chat_id)
    reminder = await repo.get_reminder(tx, chat_id)
    if chat is None or reminder is None or not reminder.enabled:
        return None, None
    if localtime.local_today(chat.timezone, now) != day:
        return None, None
    return chat, reminder


async def _save(
    db: Database,
    chat_id: int,
    now: datetime,
    *,
    enabled: bool,
    local_time: str | None = None,
    days: int | None = None,
) -> Status:
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now, lock=True)
        await repo.reactivate_chat(tx, chat_id)
        reminder = await repo.save_reminder(
            tx, chat_id, enabled=enabled, local_time=local_time, days=days, next_fire_at=None
        )
        if enabled:
            await repo.arm_reminder(tx, reminder, _next(chat, reminder, now))
        return _status(chat, reminder)


def _next(chat: Chat, reminder: Reminder, after: datetime) -> datetime | None:
    """The reminder's next regular moment; None while the chat has no timezone."""
    if chat.timezone_set_at is None:
        return None
    hour, minute = map(int, reminder.local_time.split(":"))
    return localtime.next_fire(time(hour, minute), reminder.days, chat.timezone, after)


def _status(chat: Chat, reminder: Reminder | None) -> Status:
    zone = chat.timezone if chat.timezone_set_at is not None else None
    if reminder is None:
        return Status(False, None, localtime.EVERY_DAY, zone)
    return Status(reminder.enabled, reminder.local_time, reminder.days, zone)
