"""Pain check-ins around a warm-up, and switching routine before the first step.

A warm-up opens with "How is your back right now?" (0-10, or skip) and its summary asks the
same again. Before a person's first warm-up the safety check comes first, a question of its
own (`bot/coaching/safety.py`); the check-in is only shown, and only answered, after it. A
high first answer offers the gentle routine instead; the check-in message also offers the
quick one. Switching is only possible before any step was done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.coaching import adapt, morning, precautions, preferences
from bot.coaching.adapt import Change
from bot.coaching.plan import Changes
from bot.coaching.running import Gate, Notice, Position, answers_refusal, running
from bot.coaching.safety import Answer
from bot.coaching.sessions import start_routine
from bot.coaching.summary import Summary, summarize
from bot.content import Content, Routine
from db import repo
from db.database import Database
from db.models import SessionStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Before:
    """The opening check-in was answered (`pain` None: skipped); the warm-up can begin."""

    position: Position
    pain: int | None
    ask_precautions: bool = False  # its person was never asked: the question comes first


@dataclass(frozen=True)
class Switched:
    """A new warm-up of another routine; `checked_in` if the check-in carried over."""

    position: Position
    checked_in: bool


@dataclass(frozen=True)
class After:
    """The closing check-in was answered, with the summary to show it in, and what the pain
    model made of it (None when the check-in was skipped)."""

    summary: Summary
    change: Change | None = None
    next_time: Routine | None = None  # the full warm-up as the change leaves it


@answers_refusal
async def before(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    pain: int | None,
    now: datetime,
) -> Before | Notice:
    async with running(db, content, chat_id, session_id) as (tx, warmup, position):
        if not await repo.record_pain(tx, warmup, after=False, value=pain, now=now):
            return Notice.STALE
        if position.chat.gentle_next:
            await repo.gentle_offered(tx, chat_id)  # a red warm-up's offer is made once
        person = precautions.person_of(warmup)
        asked = not precautions.askable(person) or (
            (await repo.personal_of(tx, person)).precautions is not None
        )
        return Before(position, pain, ask_precautions=not asked)


async def after(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    pain: int | None,
    now: datetime,
) -> After | Notice:
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None:
            return Notice.UNKNOWN
        if warmup.chat_id != chat_id:
            return Notice.NOT_YOURS
        routine = content.routines.get(warmup.routine_id)
        if warmup.status != SessionStatus.COMPLETED or routine is None:
            return Notice.UNKNOWN
        if not await repo.record_pain(tx, warmup, after=True, value=pain, now=now):
            return Notice.STALE
        prefs = await preferences.load(tx, chat_id)
        planned = prefs.planned(Changes.of_row(warmup.plan_changes))
        routine = preferences.shape(content, routine, planned)  # as this warm-up ran
        summary = await summarize(tx, warmup, routine, now, celebrate=False)
        if pain is None:
            return After(summary)
        lit = adapt.light(warmup.pain_before, pain, content.rules.pain_model)
        change, prefs = await preferences.apply_light(tx, content, warmup, lit)
        await morning.ask_after(tx, content, warmup, now)
        return After(summary, change, preferences.shape(content, content.default_routine, prefs))


@answers_refusal
async def switch(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    routine_id: str,
    now: datetime,
) -> Switched | Notice:
    """Replace a warm-up that has not begun with one of another routine, keeping its check-in."""
    routine = content.routines.get(routine_id)
    if routine is None:
        return Notice.UNKNOWN
    async with running(db, content, chat_id, session_id) as (tx, warmup, old):
        if await repo.has_events(tx, warmup.id):
            return Notice.STALE  # it has begun: Start over is the way to change routine
        checked_in = warmup.pain_before_at is not None
        if checked_in and routine.id != content.flare_up_routine.id:
            # Quick under a check-in answered since (typed): only the gentle offer that
            # follows an answer switches, so the precautions asked after it are not skipped.
            return Notice.STALE
        if not await repo.end_session(tx, warmup, SessionStatus.ABANDONED, now):
            return Notice.STALE
        position = await start_routine(
            tx, content, chat_id, routine, now, started_by=warmup.started_by, prefs=old.prefs
        )
        if warmup.pain_before_at is not None:
            new = await repo.get_session(tx, position.session_id)
            assert new is not None  # created just above
            await repo.record_pain(tx, new, after=False, value=warmup.pain_before, now=now)
        log.info("chat %s switched session %s to %s", chat_id, session_id, routine_id)
        return Switched(position, checked_in=warmup.pain_before_at is not None)


@answers_refusal
async def opening(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    person: int,
    now: datetime,
    first: bool,
) -> Position | Notice:
    """The warm-up whose safety check `person` just answered, for its check-in: refused if it
    is someone else's, or has been checked in or has begun since (an old message's button)."""
    async with running(db, content, chat_id, session_id, gate=Gate.LEAVING) as (
        tx,
        warmup,
        position,
    ):
        owner = precautions.person_of(warmup)
        if owner != person and precautions.askable(owner):
            return Notice.NOT_YOURS
        if warmup.pain_before_at is not None or await repo.has_events(tx, warmup.id):
            return Notice.STALE
        if not first and precautions.askable(owner):  # its check-in came, or never will
            return Notice.STALE
        if not precautions.askable(owner):  # begun as the group: the admin answered for it
            await repo.record_screening(tx, owner, Answer.CLEAR, now)
        return position
