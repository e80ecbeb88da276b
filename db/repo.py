"""Repository functions: every query the bot runs. Callers pass an open transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.dml import Update

from db.models import (
    Chat,
    Milestone,
    Outcome,
    Reminder,
    SessionStatus,
    StepEvent,
    WarmupSession,
)

# A streak is counted from recent completions only; a year and more of daily warm-ups fits.
STREAK_LOOKBACK_SESSIONS = 500

# Moving on from a step, or ending the session, ends any hold running on it.
NO_HOLD = {"hold_ends_at": None, "hold_seconds": None, "hold_message_id": None}


def _insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT on both SQLite and PostgreSQL."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


async def ensure_chat(
    session: AsyncSession, chat_id: int, now: datetime, *, lock: bool = False
) -> Chat:
    """The chat's row, created on first contact. Safe when two updates race to create it.

    With `lock`, the row stays locked until the transaction ends, so decisions that look at
    several of the chat's rows (is a warm-up running? is there a reminder?) are not raced by
    another instance. SQLite writers are one at a time anyway and ignore the lock clause.
    FOR NO KEY UPDATE still lets other transactions insert rows that refer to the chat.
    """
    await session.execute(
        _insert(session)(Chat)
        .values(id=chat_id, created_at=now)
        .on_conflict_do_nothing(index_elements=["id"])
    )
    chat = await session.get(Chat, chat_id, with_for_update={"key_share": True} if lock else None)
    assert chat is not None  # inserted or already there, in this very transaction
    return chat


async def chat_timezone(session: AsyncSession, chat_id: int) -> str:
    """The IANA timezone the chat's days are counted in."""
    timezone = await session.scalar(select(Chat.timezone).where(Chat.id == chat_id))
    return timezone or "UTC"


async def get_session(session: AsyncSession, session_id: int) -> WarmupSession | None:
    return await session.get(WarmupSession, session_id)


async def active_session(session: AsyncSession, chat_id: int) -> WarmupSession | None:
    """The chat's running warm-up, if any (the schema allows at most one)."""
    return await session.scalar(
        select(WarmupSession).where(
            WarmupSession.chat_id == chat_id, WarmupSession.status == SessionStatus.ACTIVE
        )
    )


async def start_session(
    session: AsyncSession,
    *,
    chat_id: int,
    routine_id: str,
    step: int,
    set_number: int,
    side: str | None,
    now: datetime,
) -> WarmupSession:
    warmup = WarmupSession(
        chat_id=chat_id,
        routine_id=routine_id,
        status=SessionStatus.ACTIVE,
        started_at=now,
        step=step,
        set_number=set_number,
        side=side,
    )
    session.add(warmup)
    await session.flush()
    return warmup


async def move_session(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    to: tuple[int, int, str | None] | None,
    now: datetime,
) -> bool:
    """Move a running session on from the position it was loaded at; None completes it.

    The update only matches while the row is still at the loaded position, so of two racing
    taps on the same button exactly one wins, on any database and across instances.
    """
    values: dict[str, object] = dict(NO_HOLD)
    if to is None:
        values |= {"status": SessionStatus.COMPLETED, "finished_at": now}
    else:
        values |= {"step": to[0], "set_number": to[1], "side": to[2]}
    matched = await _execute_update(
        session,
        update(WarmupSession).where(_unchanged(warmup)).values(**values),
    )
    if matched != 1:
        return False
    _loaded(warmup, values)
    return True


def _loaded(row: object, values: dict[str, object]) -> None:
    """Show the values just written on the loaded object, without another SELECT."""
    for key, value in values.items():
        set_committed_value(row, key, value)


def _unchanged(warmup: WarmupSession) -> ColumnElement[bool]:
    """Matches the row only while it is still running at the position it was loaded at."""
    side = warmup.side
    return and_(
        WarmupSession.id == warmup.id,
        WarmupSession.status == SessionStatus.ACTIVE,
        WarmupSession.step == warmup.step,
        WarmupSession.set_number == warmup.set_number,
        WarmupSession.side.is_(None) if side is None else WarmupSession.side == side,
    )


async def end_session(
    session: AsyncSession,
    warmup: WarmupSession,
    status: SessionStatus,
    now: datetime,
    *,
    for_pain: bool = False,
) -> bool:
    """Stop or abandon a running session. False if it was no longer running."""
    matched = await _execute_update(
        session,
        update(WarmupSession)
        .where(WarmupSession.id == warmup.id, WarmupSession.status == SessionStatus.ACTIVE)
        .values(status=status, finished_at=now, ended_for_pain=for_pain, **NO_HOLD),
    )
    if matched != 1:
        return False
    _loaded(warmup, {"status": status, "finished_at": now, "ended_for_pain": for_pain, **NO_HOLD})
    return True


async def add_event(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    exercise_id: str,
    position: tuple[int, int, str | None],
    outcome: Outcome,
    now: datetime,
) -> None:
    step, set_number, side = position
    session.add(
        StepEvent(
            session_id=warmup.id,
            exercise_id=exercise_id,
            step=step,
            set_number=set_number,
            side=side,
            outcome=outcome,
            at=now,
        )
    )
    await session.flush()


async def begin_hold(
    session: AsyncSession, warmup: WarmupSession, *, ends_at: datetime, seconds: int
) -> bool:
    """Start a countdown on the session's current step, unless one is already running."""
    matched = await _execute_update(
        session,
        update(WarmupSession)
        .where(_unchanged(warmup), WarmupSession.hold_ends_at.is_(None))
        .values(hold_ends_at=ends_at, hold_seconds=seconds, hold_message_id=None),
    )
    if matched != 1:
        return False
    await session.refresh(warmup)
    return True


async def end_hold(session: AsyncSession, warmup: WarmupSession) -> bool:
    """Stop the countdown running on the session's current step, if it still is."""
    matched = await _execute_update(
        session,
        update(WarmupSession)
        .where(
            _unchanged(warmup),
            WarmupSession.hold_ends_at == warmup.hold_ends_at,
        )
        .values(**NO_HOLD),
    )
    return matched == 1


async def set_hold_message(
    session: AsyncSession, session_id: int, ends_at: datetime, message_id: int
) -> None:
    """Remember the countdown message, if that countdown is still the one running."""
    await _execute_update(
        session,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.hold_ends_at == ends_at)
        .values(hold_message_id=message_id),
    )


async def running_holds(session: AsyncSession) -> list[WarmupSession]:
    """Every running session with a countdown, to reschedule after a restart."""
    rows = await session.scalars(
        select(WarmupSession).where(
            WarmupSession.hold_ends_at.is_not(None),
            WarmupSession.status == SessionStatus.ACTIVE,
        )
    )
    return list(rows)


async def set_message(session: AsyncSession, session_id: int, message_id: int) -> None:
    """Remember which message shows the session's current step."""
    await _execute_update(
        session,
        update(WarmupSession).where(WarmupSession.id == session_id).values(message_id=message_id),
    )


async def steps_done(session: AsyncSession, session_id: int) -> set[int]:
    """Indexes of the exercises with at least one finished sub-step in this session."""
    rows = await session.scalars(
        select(StepEvent.step)
        .where(StepEvent.session_id == session_id, StepEvent.outcome == Outcome.DONE)
        .distinct()
    )
    return set(rows)


async def has_events(session: AsyncSession, session_id: int) -> bool:
    """Whether any step of the session was done or skipped."""
    found = await session.scalar(
        select(StepEvent.id).where(StepEvent.session_id == session_id).limit(1)
    )
    return found is not None


async def completed_count(session: AsyncSession, chat_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(WarmupSession)
        .where(WarmupSession.chat_id == chat_id, WarmupSession.status == SessionStatus.COMPLETED)
    )
    return count or 0


async def recent_completions(session: AsyncSession, chat_id: int) -> list[datetime]:
    """When the chat's latest completed warm-ups finished, newest first."""
    rows = await session.scalars(
        select(WarmupSession.finished_at)
        .where(
            WarmupSession.chat_id == chat_id,
            WarmupSession.status == SessionStatus.COMPLETED,
            WarmupSession.finished_at.is_not(None),
        )
        .order_by(WarmupSession.finished_at.desc())
        .limit(STREAK_LOOKBACK_SESSIONS)
    )
    return [at for at in rows if at is not None]


async def _execute_update(session: AsyncSession, statement: Update) -> int:
    """Run an UPDATE without touching loaded objects; return how many rows matched."""
    result = await session.execute(statement.execution_options(synchronize_session=False))
    return cast(CursorResult[Any], result).rowcount


async def record_pain(
    session: AsyncSession,
    warmup: WarmupSession,
    *,
    after: bool,
    value: int | None,
    now: datetime,
) -> bool:
    """Store a check-in (None: skipped), once: False if that check-in was already answered."""
    if after:
        condition = WarmupSession.pain_after_at.is_(None)
        values = {"pain_after": value, "pain_after_at": now}
    else:
        condition = WarmupSession.pain_before_at.is_(None)
        values = {"pain_before": value, "pain_before_at": now}
    matched = await _execute_update(
        session,
        update(WarmupSession).where(WarmupSession.id == warmup.id, condition).values(**values),
    )
    if matched != 1:
        return False
    await session.refresh(warmup)
    return True


async def add_milestones(
    session: AsyncSession, chat_id: int, keys: list[str], now: datetime
) -> list[str]:
    """Record milestones; returns those the chat had not reached before."""
    if not keys:
        return []
    # ON CONFLICT: of two instances recording the same milestone, one gets it, neither fails.
    added = await session.scalars(
        _insert(session)(Milestone)
        .values([{"chat_id": chat_id, "key": key, "reached_at": now} for key in keys])
        .on_conflict_do_nothing(index_elements=["chat_id", "key"])
        .returning(Milestone.key)
    )
    new = set(added)
    return [key for key in keys if key in new]


async def sessions_of(session: AsyncSession, chat_id: int) -> list[WarmupSession]:
    """Every warm-up of a chat, oldest first."""
    rows = await session.scalars(
        select(WarmupSession).where(WarmupSession.chat_id == chat_id).order_by(WarmupSession.id)
    )
    return list(rows)


async def events_of(session: AsyncSession, chat_id: int) -> list[StepEvent]:
    """Every step event of a chat's warm-ups, in order."""
    rows = await session.scalars(
        select(StepEvent)
        .join(WarmupSession, WarmupSession.id == StepEvent.session_id)
        .where(WarmupSession.chat_id == chat_id)
        .order_by(StepEvent.id)
    )
    return list(rows)


async def milestones_of(session: AsyncSession, chat_id: int) -> list[Milestone]:
    rows = await session.scalars(
        select(Milestone).where(Milestone.chat_id == chat_id).order_by(Milestone.reached_at)
    )
    return list(rows)


async def set_weekly_target(session: AsyncSession, chat: Chat, target: int) -> None:
    chat.weekly_target = target
    await session.flush()


async def delete_chat(session: AsyncSession, chat_id: int) -> list[int]:
    """Delete everything stored for a chat; returns its sessions that had a running hold."""
    holding = list(
        await session.scalars(
            select(WarmupSession.id).where(
                WarmupSession.chat_id == chat_id, WarmupSession.hold_ends_at.is_not(None)
            )
        )
    )
    # Children first, explicitly: correct even where foreign keys are not enforced.
    sessions = select(WarmupSession.id).where(WarmupSession.chat_id == chat_id)
    await session.execute(delete(StepEvent).where(StepEvent.session_id.in_(sessions)))
    for table in (WarmupSession, Reminder, Milestone):
        await session.execute(delete(table).where(table.chat_id == chat_id))
    await session.execute(delete(Chat).where(Chat.id == chat_id))
    return holding


# --- chats --------------------------------------------------------------------------------


async def get_chat(session: AsyncSession, chat_id: int) -> Chat | None:
    return await session.get(Chat, chat_id)


async def set_timezone(session: AsyncSession, chat: Chat, timezone: str, now: datetime) -> None:
    chat.timezone = timezone
    chat.timezone_set_at = now
    await session.flush()


async def deactivate_chat(session: AsyncSession, chat_id: int) -> None:
    """The chat blocked the bot: mark it and switch its reminder off."""
    await _execute_update(session, update(Chat).where(Chat.id == chat_id).values(active=False))
    await _execute_update(
        session,
        update(Reminder)
        .where(Reminder.chat_id == chat_id)
        .values(enabled=False, next_fire_at=None, pending_since=None, lease_until=None),
    )


async def reactivate_chat(session: AsyncSession, chat_id: int) -> None:
    """The chat wrote to the bot again after blocking it."""
    await _execute_update(
        session, update(Chat).where(Chat.id == chat_id, Chat.active.is_(False)).values(active=True)
    )


async def move_chat(session: AsyncSession, old_id: int, new_id: int) -> bool:
    """Give a chat's rows a new chat id; False if there is nothing to move or it already moved."""
    old = await session.get(Chat, old_id)
    if old is None or await session.get(Chat, new_id) is not None:
        return False
    session.add(
        Chat(
            id=new_id,
            timezone=old.timezone,
            created_at=old.created_at,
            timezone_set_at=old.timezone_set_at,
            active=old.active,
        )
    )
    await session.flush()
    for table in (WarmupSession, Reminder):
        await _execute_update(
            session, update(table).where(table.chat_id == old_id).values(chat_id=new_id)
        )
    await session.delete(old)
    await session.flush()
    return True


# --- reminders ----------------------------------------------------------------------------


async def get_reminder(session: AsyncSession, chat_id: int) -> Reminder | None:
    return await session.get(Reminder, chat_id)


async def save_reminder(
    session: AsyncSession,
    chat_id: int,
    *,
    enabled: bool,
    local_time: str | None = None,
    days: int | None = None,
    next_fire_at: datetime | None,
) -> Reminder:
    """Create or change the chat's reminder; a change drops any snooze or pending delivery."""
    reminder = await session.get(Reminder, chat_id)
    if reminder is None:
        reminder = Reminder(chat_id=chat_id, local_time=local_time or "07:30", days=days or 127)
        session.add(reminder)
    if local_time is not None:
        reminder.local_time = local_time
    if days is not None:
        reminder.days = days
    reminder.enabled = enabled
    reminder.next_fire_at = next_fire_at
    reminder.snoozes = 0
    reminder.pending_since = None
    reminder.lease_until = None
    await session.flush()
    return reminder


async def due_reminders(
    session: AsyncSession, now: datetime, limit: int
) -> list[tuple[Reminder, Chat]]:
    """Enabled reminders whose moment has come, oldest first, with their chats.

    On PostgreSQL the rows are locked for this transaction and rows another instance has
    locked are skipped, so instances ticking together share the work instead of queueing.
    """
    rows = await session.execute(
        select(Reminder, Chat)
        .join(Chat, Chat.id == Reminder.chat_id)
        .where(Reminder.enabled.is_(True), Reminder.next_fire_at <= now)
        .order_by(Reminder.next_fire_at, Reminder.chat_id)
        .limit(limit)
        .with_for_update(of=Reminder, skip_locked=True)
    )
    return [(reminder, chat) for reminder, chat in rows]


async def claim_reminder(
    session: AsyncSession,
    reminder: Reminder,
    *,
    next_fire_at: datetime | None,
    pending: datetime | None,
    snoozes: int,
) -> bool:
    """Move a due reminder on to its next moment, queueing this one for delivery if `pending`.

    Conditional on the moment it was read at, so two instances ticking together claim it once.
    """
    matched = await _execute_update(
        session,
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
    session: AsyncSession, now: datetime, limit: int
) -> list[tuple[Reminder, Chat]]:
    """Claimed reminders not yet delivered and not being delivered by anyone right now."""
    rows = await session.execute(
        select(Reminder, Chat)
        .join(Chat, Chat.id == Reminder.chat_id)
        .where(
            Reminder.pending_since.is_not(None),
            or_(Reminder.lease_until.is_(None), Reminder.lease_until < now),
        )
        .order_by(Reminder.pending_since, Reminder.chat_id)
        .limit(limit)
        .with_for_update(of=Reminder, skip_locked=True)
    )
    return [(reminder, chat) for reminder, chat in rows]


async def lease_delivery(
    session: AsyncSession, reminder: Reminder, now: datetime, until: datetime
) -> bool:
    """Take the delivery of a pending reminder for a while; False if someone else has it."""
    matched = await _execute_update(
        session,
        update(Reminder)
        .where(
            Reminder.chat_id == reminder.chat_id,
            Reminder.pending_since == reminder.pending_since,
            or_(Reminder.lease_until.is_(None), Reminder.lease_until < now),
        )
        .values(lease_until=until),
    )
    return matched == 1


async def finish_delivery(
    session: AsyncSession, chat_id: int, pending: datetime, sent_at: datetime | None
) -> None:
    """The pending reminder was sent (`sent_at`) or dropped (None)."""
    values: dict[str, object] = {"pending_since": None, "lease_until": None}
    if sent_at is not None:
        values["last_sent_at"] = sent_at
    await _execute_update(
        session,
        update(Reminder)
        .where(Reminder.chat_id == chat_id, Reminder.pending_since == pending)
        .values(**values),
    )


async def completed_since(session: AsyncSession, chat_id: int, since: datetime) -> bool:
    """Whether the chat finished a warm-up at or after `since`."""
    found = await session.scalar(
        select(WarmupSession.id)
        .where(
            WarmupSession.chat_id == chat_id,
            WarmupSession.status == SessionStatus.COMPLETED,
            WarmupSession.finished_at >= since,
        )
        .limit(1)
    )
    return found is not None
