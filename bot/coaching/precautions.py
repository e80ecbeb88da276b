"""Precautions and left-out exercises: what a person's answers change in their warm-ups.

A precaution (`content/safety.yaml`) never stops a warm-up: it leaves out the exercises it
concerns, or swaps a foam roll for its standing stretch. An exercise the person chose to leave
out after a sharp-pain stop is left out too. The changes are the person's, in every chat, and
are fixed on each warm-up when it begins (its `plan_changes`), so a change made meanwhile never
renumbers the steps of one under way; the precautions asked after a first check-in, or an
exercise left out from a check-in, re-plan the warm-up that has not moved yet.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import coach, preferences
from bot.coaching.plan import Changes
from bot.coaching.running import (
    Gate,
    Notice,
    Position,
    answers_refusal,
    position_of,
    row_of,
    running,
)
from bot.content import Content, SafetyRules
from db import repo
from db.database import Database
from db.models import SessionStatus


@dataclass(frozen=True)
class Answers:
    """What a person told the bot that shapes their warm-ups: their precautions (None: never
    asked) and the exercises they left out after a sharp-pain stop."""

    precautions: tuple[str, ...] | None = None
    left_out: tuple[str, ...] = ()


def _answers(personal: repo.Personal) -> Answers:
    return Answers(personal.precautions, personal.left_out)


def changes_for(safety: SafetyRules, personal: Answers) -> Changes:
    """What the person's precautions and left-out exercises change, in a stable order."""
    ticked = [p for p in safety.precautions if p.id in (personal.precautions or ())]
    left_out = {exercise for p in ticked for exercise in p.leave_out} | set(personal.left_out)
    swapped = {exercise for p in ticked for exercise in p.swap} - left_out
    return Changes(tuple(sorted(left_out)), tuple(sorted(swapped)))


async def changes_of(tx: AsyncSession, content: Content, person: int) -> Changes:
    return changes_for(content.safety, _answers(await repo.personal_of(tx, person)))


# How Telegram shows an admin writing anonymously in a group: one id shared by every such
# admin of every group, so never a person to ask or to keep answers for.
ANONYMOUS_ADMIN = 1087968824


def askable(person: int) -> bool:
    """Whether `person` is one person (not a group, nor an anonymous admin)."""
    return person > 0 and person != ANONYMOUS_ADMIN


def person_of(warmup: repo.Warmup) -> int:
    """Whose warm-up it is (one from before people were recorded: its private chat's)."""
    return warmup.started_by if warmup.started_by is not None else warmup.chat_id


@dataclass(frozen=True)
class Answered:
    """The precautions are recorded and the warm-up re-planned; `pain` is its check-in's."""

    position: Position
    pain: int | None
    changes: Changes


@answers_refusal
async def answer(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    chosen: tuple[str, ...],
    now: datetime,
) -> Answered | Notice:
    """Record the precautions that apply to the warm-up's person (asked once, after the first
    check-in) and re-plan the warm-up, which has not moved yet."""
    async with running(db, content, chat_id, session_id) as (tx, warmup, position):
        person = person_of(warmup)
        answered = (await repo.personal_of(tx, person)).precautions is not None
        if answered or not askable(person) or not await _unmoved(tx, warmup, position):
            return Notice.STALE  # answered already (a double tap, an old question), or begun
        await repo.record_personal(tx, person, precautions=chosen)
        changed = await _replanned(tx, content, warmup, position, now)
        if isinstance(changed, Notice):
            return changed
        return Answered(changed, warmup.pain_before, changed.prefs.changes)


@answers_refusal
async def leave_out(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    exercise: str,
    now: datetime,
) -> Position | Notice:
    """Leave `exercise` out of the person's warm-ups (offered after a sharp-pain stop), this
    one too while it has not moved."""
    if exercise not in content.exercises():
        return Notice.UNKNOWN
    async with running(db, content, chat_id, session_id, gate=Gate.STEP) as (
        tx,
        warmup,
        position,
    ):
        person = person_of(warmup)
        left_out = (await repo.personal_of(tx, person)).left_out
        if exercise in left_out or not await _unmoved(tx, warmup, position):
            return Notice.STALE
        await repo.record_personal(tx, person, left_out=(*left_out, exercise))
        return await _replanned(tx, content, warmup, position, now)


async def _replanned(
    tx: AsyncSession, content: Content, warmup: repo.Warmup, position: Position, now: datetime
) -> Position | Notice:
    """The warm-up planned afresh with its person's changes, if it has not moved yet; ended
    if they leave none of its exercises."""
    if not await _unmoved(tx, warmup, position):
        return Notice.STALE
    found = await changes_of(tx, content, person_of(warmup))
    changes = replace(found, roller=position.prefs.roller)  # the warm-up's, as fixed
    routine = content.routines[warmup.routine_id]
    shaped = preferences.shape(content, routine, replace(position.prefs, changes=changes))
    if not shaped.steps:
        await repo.end_session(tx, warmup, SessionStatus.ABANDONED, now)
        return Notice.NOTHING_LEFT
    at, to = row_of(position.cursor), row_of(coach.first(shaped))
    if not await repo.replan(tx, warmup, changes.row(), at, to):
        return Notice.STALE
    replanned = position_of(content, warmup, position.prefs, position.chat)
    return replanned if replanned is not None else Notice.UNKNOWN


async def _unmoved(tx: AsyncSession, warmup: repo.Warmup, position: Position) -> bool:
    """Whether nothing of the warm-up has been shown or done: at its first step, with no step
    message, countdown or recorded step, so re-planning renumbers nothing anyone has seen."""
    shown = warmup.message_id is not None or position.holding
    at_first = position.cursor == coach.first(position.routine)
    return at_first and not shown and not await repo.has_events(tx, warmup.id)


async def personal(db: Database, person: int) -> Answers:
    async with db.reading() as tx:
        return _answers(await repo.personal_of(tx, person))


async def tick(
    db: Database, content: Content, person: int, precaution: str, *, on: bool
) -> Answers | None:
    """Tick (`on`) or untick one of the person's precautions, from the next warm-up; None if
    there is no such precaution. The wanted state, not a flip: a double tap changes nothing."""
    if precaution not in content.safety.ids:
        return None
    async with db.transaction() as tx:
        ticked = set((await repo.personal_of(tx, person)).precautions or ())
        ticked = ticked | {precaution} if on else ticked - {precaution}
        chosen = tuple(p for p in content.safety.ids if p in ticked)
        await repo.record_personal(tx, person, precautions=chosen)
        return _answers(await repo.personal_of(tx, person))


async def put_back(db: Database, person: int, exercise: str) -> Answers | None:
    """Put an exercise left out after a sharp-pain stop back (from the next warm-up); None if
    it was not left out."""
    async with db.transaction() as tx:
        left_out = (await repo.personal_of(tx, person)).left_out
        if exercise not in left_out:
            return None
        kept = tuple(e for e in left_out if e != exercise)
        await repo.record_personal(tx, person, left_out=kept)
        return _answers(await repo.personal_of(tx, person))
