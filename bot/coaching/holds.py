"""Hold countdowns: start, stop and finish one, and find the ones to resume after a restart.

The session row is the truth about a countdown (when it ends, which message shows it); the
scheduler only decides when to look. Finishing is a conditional update on that row, so a hold
ends once however many jobs, restarts or instances try.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from bot.coaching import coach
from bot.coaching.coach import Action, Cursor, Side
from bot.coaching.plan import Prefs
from bot.coaching.running import (
    Gate,
    Notice,
    Position,
    answers_refusal,
    load_running,
    running,
)
from bot.coaching.sessions import Acted, advance
from bot.content import Content, Rules
from db import repo
from db.database import Database
from db.rows import each_apart

log = logging.getLogger(__name__)

# A scheduler may wake a hair before the due time; that still counts as time being up.
EARLY_TOLERANCE = timedelta(seconds=1)


@dataclass(frozen=True)
class Hold:
    """A countdown on a session's current step."""

    chat_id: int
    position: Position
    seconds: int
    ends_at: datetime

    @property
    def starts_at(self) -> datetime:
        """When the hold itself begins, after the get-ready lead."""
        return self.ends_at - timedelta(seconds=self.seconds)

    def left(self, now: datetime) -> int:
        """Whole seconds of the hold still to go (the lead not counted)."""
        remaining = (self.ends_at - now).total_seconds()
        return max(0, min(self.seconds, round(remaining)))


@answers_refusal
async def start(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    cursor: Cursor,
    lead_seconds: int,
    clock: Callable[[], datetime],
) -> Hold | Notice:
    """Start the countdown for the step at `cursor`; one at a time per session.

    The countdown is timed from when this transaction has the database (SQLite's writer turn,
    or a pooled connection, which the first query waits for), not from when the press arrived:
    under load a press can wait its turn, and the user's hold (and its get-ready lead) must
    still be the full prescription from when the countdown shows.
    """
    async with running(db, content, chat_id, session_id, expected=cursor) as (
        tx,
        warmup,
        position,
    ):
        now = clock()
        seconds = coach.timer_seconds(position.step)
        if seconds is None:
            return Notice.UNKNOWN  # a reps step has no timer; the button was forged
        ends_at = now + timedelta(seconds=lead_seconds + seconds)
        if not await repo.begin_hold(tx, warmup, ends_at=ends_at, seconds=seconds):
            return Notice.HOLDING
        log.info("chat %s started a %ss hold in session %s", chat_id, seconds, session_id)
        return Hold(chat_id, position, seconds, ends_at)


@answers_refusal
async def stop(
    db: Database, content: Content, *, chat_id: int, session_id: int, cursor: Cursor
) -> Hold | Notice:
    """Stop the running countdown; the step stays open for Done, Skip or another hold."""
    async with running(db, content, chat_id, session_id, expected=cursor, gate=Gate.LEAVING) as (
        tx,
        warmup,
        position,
    ):
        hold = _hold_of(warmup.chat_id, position, warmup.hold_seconds, warmup.hold_ends_at)
        if hold is None or not await repo.end_hold(tx, warmup):
            return Notice.NOT_HOLDING
        return hold


@dataclass(frozen=True)
class Chained:
    """A hands-free hold ended and the exercise's next side or set began its own."""

    acted: Acted  # the side or set just finished, recorded as done
    hold: Hold  # the next one, its pause (switch sides or rest) as its lead


async def finish(
    db: Database, content: Content, *, session_id: int, ends_at: datetime, now: datetime
) -> Acted | Chained | None:
    """Time is up: move on exactly as Done would. None if this countdown is no longer running.

    Hands-free, the exercise's next side or set starts its own hold at once, timed from when
    this one was due so a sequence does not drift. A hold that ended long ago (the bot was
    down) ends alone: the person may have stopped, and is asked again rather than timed.
    """
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None or warmup.hold_ends_at != ends_at or now < ends_at - EARLY_TOLERANCE:
            return None
        loaded = await load_running(tx, content, warmup.chat_id, session_id)
        if isinstance(loaded, Notice):
            return None
        warmup, position = loaded
        acted = await advance(tx, warmup, position, Action.DONE, now)
        late = now - ends_at > timedelta(seconds=content.rules.hands_free.late_limit_seconds)
        if acted is None or late or (following := _chained(acted)) is None:
            return acted
        seconds = coach.timer_seconds(following.step)
        assert seconds is not None  # _chained only follows timed sides and sets
        pause = pause_before(following.cursor, following.prefs, content.rules)
        next_ends = max(ends_at, now) + timedelta(seconds=pause + seconds)
        chained = await repo.begin_hold(
            tx, warmup, ends_at=next_ends, seconds=seconds, message_id=position.hold_message_id
        )
        assert chained  # the row was moved to `following` in this very transaction
        shown = replace(following, holding=True, hold_message_id=position.hold_message_id)
        hold = Hold(warmup.chat_id, shown, seconds, next_ends)
        return Chained(acted, hold)


def _chained(acted: Acted) -> Position | None:
    """The next side or set of the same timed exercise, if the sequence runs hands-free."""
    following = acted.next
    if following is None or not acted.position.prefs.hands_free:
        return None
    if following.cursor.step != acted.position.cursor.step:
        return None
    return following if coach.timer_seconds(following.step) is not None else None


def pause_before(hold: Cursor, prefs: Prefs, rules: Rules) -> int:
    """Hands-free, the lead of a later hold: before the right side a pause to switch, before
    a new set a rest (the chat's choices, or the rules')."""
    hands_free = rules.hands_free
    if hold.side is Side.RIGHT:
        return hands_free.switch_seconds if prefs.switch_seconds is None else prefs.switch_seconds
    return hands_free.rest_seconds if prefs.rest_seconds is None else prefs.rest_seconds


class HoldChange(Protocol):
    """`pause` or `go_on`: what a press under a hands-free countdown changes."""

    async def __call__(
        self,
        db: Database,
        content: Content,
        *,
        chat_id: int,
        session_id: int,
        cursor: Cursor,
        clock: Callable[[], datetime],
    ) -> Hold | Notice: ...


@answers_refusal
async def pause(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    cursor: Cursor,
    clock: Callable[[], datetime],
) -> Hold | Notice:
    """⏸ Pause: the countdown stops where it is, keeping its message and what is left."""
    async with running(db, content, chat_id, session_id, expected=cursor, gate=Gate.LEAVING) as (
        tx,
        warmup,
        position,
    ):
        hold = _hold_of(warmup.chat_id, position, warmup.hold_seconds, warmup.hold_ends_at)
        if hold is None:
            return Notice.NOT_HOLDING
        left = max(1, math.ceil((hold.ends_at - clock()).total_seconds()))
        if not await repo.pause_hold(tx, warmup, left=left):
            return Notice.NOT_HOLDING
        return replace(hold, position=replace(position, holding=False, paused_left=left))


@answers_refusal
async def go_on(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    cursor: Cursor,
    clock: Callable[[], datetime],
) -> Hold | Notice:
    """▶️ Go on: a paused countdown runs again from where it was paused."""
    async with running(db, content, chat_id, session_id, expected=cursor) as (
        tx,
        warmup,
        position,
    ):
        left, seconds = warmup.hold_paused_left, warmup.hold_seconds
        if left is None or seconds is None:
            return Notice.NOT_HOLDING
        ends_at = clock() + timedelta(seconds=left)
        if not await repo.go_on_hold(tx, warmup, ends_at=ends_at):
            return Notice.NOT_HOLDING
        resumed = replace(position, holding=True, paused_left=None)
        return Hold(warmup.chat_id, resumed, seconds, ends_at)


async def current(
    db: Database, content: Content, *, session_id: int, ends_at: datetime
) -> Hold | None:
    """The countdown as it stands, if it is still the one that ends at `ends_at`."""
    async with db.transaction() as tx:
        warmup = await repo.get_session(tx, session_id)
        if warmup is None or warmup.hold_ends_at != ends_at:
            return None
        loaded = await load_running(tx, content, warmup.chat_id, session_id)
        if isinstance(loaded, Notice):
            return None
        return _hold_of(warmup.chat_id, loaded[1], warmup.hold_seconds, warmup.hold_ends_at)


async def remember_countdown(
    db: Database, *, session_id: int, ends_at: datetime, message_id: int
) -> None:
    """Record which message shows the countdown, so it can be edited and closed later."""
    async with db.transaction() as tx:
        await repo.set_hold_message(tx, session_id, ends_at, message_id)


async def pending(db: Database, content: Content) -> list[Hold]:
    """Every countdown that was running when the bot last stopped.

    One that cannot be restored (its routine changed under it) is ended and logged; the
    others are restored.
    """
    holds = []
    async with db.transaction() as tx:

        async def restore(warmup: repo.Warmup) -> None:
            loaded = await load_running(tx, content, warmup.chat_id, warmup.id)
            if isinstance(loaded, Notice):  # its step is gone from the routine
                log.warning("%s cannot be restored (%s); ended", _countdown_of(warmup), loaded)
                await repo.end_hold(tx, warmup)
                return
            hold = _hold_of(warmup.chat_id, loaded[1], warmup.hold_seconds, warmup.hold_ends_at)
            if hold is not None:
                holds.append(hold)

        async def end(warmup: repo.Warmup) -> None:
            await repo.end_hold(tx, warmup)

        rows = await repo.running_holds(tx)
        await each_apart(tx, rows, restore, set_aside=end, what=_countdown_of)
    return holds


def _countdown_of(warmup: repo.Warmup) -> str:
    return f"the countdown of chat {warmup.chat_id}"


def _hold_of(
    chat_id: int, position: Position, seconds: int | None, ends_at: datetime | None
) -> Hold | None:
    if seconds is None or ends_at is None:
        return None
    return Hold(chat_id, position, seconds, ends_at)
