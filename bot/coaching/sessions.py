"""Warm-up sessions: begin, act on a step, stop, resume and start over.

Each function is one transaction: it checks the request against the stored session, moves the
session with `coach`, records what happened, and returns a plain result for a handler to render.
Nothing here knows about Telegram.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import coach, precautions, preferences, safety
from bot.coaching.coach import Action, Cursor
from bot.coaching.plan import Prefs
from bot.coaching.running import (
    Gate,
    Notice,
    Position,
    RefusedError,
    answers_refusal,
    load_running,
    position_of,
    row_of,
    running,
)
from bot.coaching.summary import Summary, summarize
from bot.content import Content, Routine
from bot.content.speaking import speaking
from db import repo
from db.database import Database
from db.models import Outcome, SessionStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Offer:
    """`/warmup` found an unfinished session: offer to resume it or start over."""

    position: Position


@dataclass(frozen=True)
class Flagged:
    """`/warmup` after a yes on the red-flag screen: no warm-up starts until a clinician."""


@dataclass(frozen=True)
class Acted:
    """A step was done or skipped; `next` is None when that finished the routine."""

    position: Position
    outcome: Outcome
    next: Position | None
    summary: Summary | None
    nothing_done: bool = False  # every exercise was skipped: ended, but not complete

    @property
    def done(self) -> bool:
        """The step was done (not skipped)."""
        return self.outcome is Outcome.DONE


@dataclass(frozen=True)
class Stopped:
    """The session was stopped at `position`, keeping what was done."""

    position: Position
    done: int


@dataclass(frozen=True)
class Restarted:
    """The unfinished session was dropped and a new one begun."""

    old: Position
    new: Position


@answers_refusal
async def begin(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    routine_id: str,
    now: datetime,
    started_by: int | None,
) -> Position | Offer | Flagged | Notice:
    """Start a routine, unless one is already running: then offer to resume it (in a group,
    someone else's too, for the chat layer to refuse). None starts after a red-flag yes."""
    routine = content.routines.get(routine_id)
    if routine is None:
        return Notice.UNKNOWN
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now, lock=True)
        person = started_by if started_by is not None else chat_id
        if not safety.may_warm_up(await repo.screening_of(tx, person)):
            return Flagged()
        prefs = await preferences.load(tx, chat_id)
        running = await repo.active_session(tx, chat_id)
        theirs = running is not None and running.started_by not in (None, person)
        if running is not None and not theirs and not await _begun(tx, running):
            # Nothing was answered or done yet: it starts afresh, its check-in asked again
            # (the old check-in's buttons then belong to an ended warm-up and do nothing).
            await repo.end_session(tx, running, SessionStatus.ABANDONED, now)
            running = None
        if running is not None:  # someone else's is named in the asker's language, not its own
            position = position_of(content, running, prefs, its_language=not theirs)
            stale = now - running.started_at > timedelta(hours=content.rules.progress.resume_hours)
            if position is not None and not stale:
                return Offer(position)
            # Begun too long ago to resume with a true duration, or its routine was removed
            # from content: it is closed as unfinished, and a new one begins.
            await repo.end_session(tx, running, SessionStatus.ABANDONED, now)
        return await start_routine(
            tx, content, chat_id, routine, now, started_by=started_by, prefs=prefs
        )


async def _begun(tx: AsyncSession, warmup: repo.Warmup) -> bool:
    """Whether anything of the warm-up happened: its check-in answered, or a step acted on."""
    return warmup.pain_before_at is not None or await repo.has_events(tx, warmup.id)


@answers_refusal
async def act(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    cursor: Cursor,
    action: Action,
    now: datetime,
) -> Acted | Notice:
    """Mark the sub-step at `cursor` done or skipped and move on."""
    async with running(db, content, chat_id, session_id, expected=cursor) as (tx, warmup, before):
        return await advance(tx, warmup, before, action, now) or Notice.STALE


async def advance(
    tx: AsyncSession, warmup: repo.Warmup, before: Position, action: Action, now: datetime
) -> Acted | None:
    """Record the action on the loaded position and move on; None if a concurrent change won."""
    routine, cursor = before.routine, before.cursor
    after = coach.advance(routine, cursor, action)
    if after is None and action is Action.SKIP and not await repo.steps_done(tx, warmup.id):
        return await _nothing_done(tx, warmup, before, now)
    moved_to = row_of(after) if after is not None else None
    if not await repo.move_session(tx, warmup, to=moved_to, now=now):
        return None
    outcome = Outcome.DONE if action is Action.DONE else Outcome.SKIPPED
    await repo.add_event(
        tx,
        warmup,
        exercise_id=before.step.id,
        position=row_of(cursor),
        outcome=outcome,
        now=now,
    )
    if after is None:
        log.info("chat %s completed session %s", warmup.chat_id, warmup.id)
        summary = await summarize(tx, warmup, routine, now, celebrate=True)
        return Acted(before, outcome, None, summary)
    return Acted(before, outcome, Position(warmup.id, routine, after, prefs=before.prefs), None)


async def _nothing_done(
    tx: AsyncSession, warmup: repo.Warmup, before: Position, now: datetime
) -> Acted | None:
    """The last exercise skipped with none done: the warm-up ends, but is not complete. It
    counts toward no streak, milestone or total, and its summary says nothing was done."""
    if not await repo.end_session(tx, warmup, SessionStatus.STOPPED, now):
        return None
    await repo.add_event(
        tx,
        warmup,
        exercise_id=before.step.id,
        position=row_of(before.cursor),
        outcome=Outcome.SKIPPED,
        now=now,
    )
    log.info("chat %s skipped every exercise of session %s", warmup.chat_id, warmup.id)
    return Acted(before, Outcome.SKIPPED, None, None, nothing_done=True)


async def stop(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    now: datetime,
    session_id: int | None = None,
    cursor: Cursor | None = None,
    for_pain: bool = False,
) -> Stopped | Notice | None:
    """Stop the running session: the one a button names, or for `/stop` the chat's own.

    Returns None when `/stop` finds nothing running.
    """
    async with db.transaction() as tx:
        if session_id is None:
            if (active := await repo.active_session(tx, chat_id)) is None:
                return None
            session_id = active.id
        loaded = await load_running(
            tx, content, chat_id, session_id, expected=cursor, gate=Gate.LEAVING
        )
        if isinstance(loaded, Notice):
            return loaded
        warmup, position = loaded
        if not await repo.end_session(tx, warmup, SessionStatus.STOPPED, now, for_pain=for_pain):
            return Notice.STALE
        log.info("chat %s stopped session %s%s", chat_id, warmup.id, " for pain" * for_pain)
        return Stopped(position, len(await repo.steps_done(tx, warmup.id)))


@answers_refusal
async def resume(
    db: Database, content: Content, *, chat_id: int, session_id: int
) -> Position | Notice:
    """The running session's current step, to show again."""
    async with running(db, content, chat_id, session_id) as (_, _, position):
        return position


async def unshown(
    db: Database, content: Content, *, chat_id: int, session_id: int
) -> Position | None:
    """The running session's current step if no message shows it (its send failed)."""
    async with db.transaction() as tx:
        loaded = await load_running(tx, content, chat_id, session_id)
    if isinstance(loaded, Notice) or loaded[1].message_id is not None:
        return None
    return loaded[1]


@answers_refusal
async def start_over(
    db: Database, content: Content, *, chat_id: int, session_id: int, now: datetime
) -> Restarted | Notice:
    """Drop the unfinished session and begin its routine again from step 1."""
    async with running(db, content, chat_id, session_id) as (tx, warmup, old):
        if not await repo.end_session(tx, warmup, SessionStatus.ABANDONED, now):
            return Notice.STALE
        routine = content.routines[warmup.routine_id]
        again = await start_routine(
            tx, content, chat_id, routine, now, started_by=warmup.started_by, prefs=old.prefs
        )
        return Restarted(old, again)


async def abandon(db: Database, *, chat_id: int, session_id: int, now: datetime) -> bool:
    """End a warm-up that has not begun (its check-in led elsewhere); False if not running."""
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None or warmup.chat_id != chat_id or warmup.status != SessionStatus.ACTIVE:
            return False
        return await repo.end_session(tx, warmup, SessionStatus.ABANDONED, now)


async def start_routine(
    tx: AsyncSession,
    content: Content,
    chat_id: int,
    routine: Routine,
    now: datetime,
    *,
    started_by: int | None,
    prefs: Prefs,
) -> Position:
    """A new running session of `routine`, shaped by `prefs` and by what its person's
    precautions and left-out exercises change (fixed on the session)."""
    found = await precautions.changes_of(tx, content, started_by or chat_id)
    changes = replace(found, roller=prefs.roller)  # fixed on the warm-up, as its precautions
    prefs = prefs.planned(changes)
    shaped = preferences.shape(content, routine, prefs)
    if not shaped.steps:
        raise RefusedError(Notice.NOTHING_LEFT)
    cursor = coach.first(shaped)
    step, set_number, side = row_of(cursor)
    warmup = await repo.start_session(
        tx,
        chat_id=chat_id,
        routine_id=routine.id,
        step=step,
        set_number=set_number,
        side=side,
        now=now,
        started_by=started_by,
        plan_changes=changes.row(),
        language=speaking(),
    )
    log.info("chat %s began session %s (%s)", chat_id, warmup.id, routine.id)
    return Position(warmup.id, shaped, cursor, prefs=prefs)
