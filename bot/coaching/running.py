"""A running warm-up as the services see it: where it is (`Position`), why a press changed
nothing (`Notice`), and `running`, the opening every service on a running warm-up shares:
one transaction, the session a press names loaded with its chat's settings, or a `Notice`."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum, StrEnum
from typing import Any, NamedTuple, ParamSpec, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import coach, preferences
from bot.coaching.coach import Cursor, Side
from bot.coaching.plan import Changes, Prefs
from bot.coaching.safety import Answer
from bot.content import Content, Routine, Step
from bot.content.speaking import speak
from db import repo
from db.database import Database
from db.models import SessionStatus

P = ParamSpec("P")
R = TypeVar("R")


class Notice(StrEnum):
    """Why a button press changed nothing."""

    STALE = "stale"  # from an earlier step, or the other half of a double tap
    FINISHED = "finished"  # the session is over
    NOT_YOURS = "not_yours"  # the session belongs to another chat
    UNKNOWN = "unknown"  # no such session, or a position the routine does not have
    HOLDING = "holding"  # a countdown is already running on this step
    NOT_HOLDING = "not_holding"  # the countdown this button controls is over
    FLAGGED = "flagged"  # its person reported a warning sign: no step until a clinician
    UNSCREENED = "unscreened"  # its person has not answered the safety check yet
    SAFETY_STOP = "safety_stop"  # the warm-up was ended by its person's red flag
    NOTHING_LEFT = "nothing_left"  # its person's precautions leave no exercise of the routine


class Gate(Enum):
    """How much of the safety check a press needs (`gate`)."""

    STEP = "step"  # anything but leaving: the person answered the check, and no sign applies
    LEAVING = "leaving"  # stopping a warm-up or its countdown: always allowed


@dataclass(frozen=True)
class ChatState:
    """What a tap needs to know of its chat beyond its settings, read with the session."""

    screening: str | None = None  # its person's answer to the safety check (None: not yet)

    @property
    def screened(self) -> bool:
        """The person has answered the safety check."""
        return self.screening is not None

    gentle_next: bool = False  # a red warm-up's gentle offer is still to be made


@dataclass(frozen=True)
class GuideNote:
    """The audio guide's voice note: its message, and when it stops speaking (None: it was
    cut by ⏸ Pause, and ▶️ Go on sends the rest)."""

    message_id: int
    ends_at: datetime | None


@dataclass(frozen=True)
class Position:
    """A running session at one sub-step: what a step message shows."""

    session_id: int
    routine: Routine
    cursor: Cursor
    message_id: int | None = None
    hold_message_id: int | None = None  # the countdown message, while a hold runs
    holding: bool = False  # a countdown runs on this step (its message may not be known yet)
    paused_left: int | None = None  # a paused countdown's time left (its message stays)
    guide: GuideNote | None = None  # the audio guide's voice note on this exercise, if sent
    prefs: Prefs = field(
        default_factory=Prefs
    )  # how this chat's warm-ups run; `routine` is already shaped by it
    chat: ChatState = field(default_factory=ChatState)

    @property
    def step(self) -> Step:
        return self.routine.steps[self.cursor.step]


def step_message(position: Position, message_id: int) -> repo.StepMessage:
    """The record that `message_id` shows the step at `position` (written unless the session
    has moved on by then)."""
    return repo.StepMessage(position.session_id, row_of(position.cursor), message_id)


def cursor_of(warmup: repo.Warmup) -> Cursor:
    side = Side(warmup.side) if warmup.side is not None else None
    return Cursor(warmup.step, warmup.set_number, side)


async def load_running(
    tx: AsyncSession,
    content: Content,
    chat_id: int,
    session_id: int,
    *,
    expected: Cursor | None = None,
    gate: Gate = Gate.STEP,
) -> tuple[repo.Warmup, Position] | Notice:
    """The running session a button names, at `expected` if given, or why it cannot act.

    This is the safety gate every way into a step passes: nothing moves a warm-up whose
    person reported a warning sign, or has not answered the safety check (stopping is always
    allowed: `gate`). One statement reads the session with its
    chat's settings and its person's check: this runs on every tap.
    """
    read = await repo.session_with_chat(tx, session_id)
    if read is None:
        return Notice.UNKNOWN
    if read.warmup.chat_id == chat_id and (read.warmup.language or read.language):
        # A press on a warm-up speaks its language, read with it (`bot/chat/language.py`
        # left the press in the app's language, to spare every tap a read of its own).
        speak(read.warmup.language or read.language)
    if (refused := _refusal(read, chat_id, gate)) is not None:
        return refused
    warmup = read.warmup
    chat = ChatState(screening=read.screening, gentle_next=read.gentle_next)
    position = position_of(content, warmup, preferences.of_row(read.settings), chat)
    if position is None:
        return Notice.UNKNOWN
    if expected is not None and expected != position.cursor:
        valid = coach.is_valid(position.routine, expected)
        return Notice.STALE if valid else Notice.UNKNOWN
    return warmup, position


def _refusal(read: repo.WithChat, chat_id: int, gate: Gate) -> Notice | None:
    """Why the session read cannot be acted on by a press from `chat_id`, if it cannot."""
    if read.warmup.chat_id != chat_id:
        return Notice.NOT_YOURS
    if read.warmup.status != SessionStatus.ACTIVE:
        return Notice.SAFETY_STOP if read.warmup.ended_for_safety else Notice.FINISHED
    return screened_for(read.screening, gate)


async def showing(
    db: Database, content: Content, *, chat_id: int, session_id: int, cursor: Cursor
) -> Position | Notice:
    """The running warm-up at `cursor`, to show its step message again (More, Less): read
    only, and only while the step's own buttons are what is open (no countdown running)."""
    async with db.reading() as tx:
        loaded = await load_running(tx, content, chat_id, session_id, expected=cursor)
    if isinstance(loaded, Notice):
        return loaded
    _warmup, position = loaded
    return Notice.HOLDING if position.holding else position


def screened_for(screening: str | None, gate: Gate) -> Notice | None:
    """Why a person may not pass `gate`, given their answer to the safety check."""
    if gate is Gate.LEAVING:
        return None
    if screening == Answer.FLAGGED:
        return Notice.FLAGGED
    if screening is None:
        return Notice.UNSCREENED
    return None


def position_of(
    content: Content,
    warmup: repo.Warmup,
    prefs: Prefs,
    chat: ChatState | None = None,
    *,
    its_language: bool = True,
) -> Position | None:
    if its_language and warmup.language is not None:
        # A warm-up speaks the language it began in (its starter's, in a group), in a job
        # too; /language in a private chat changes it (`bot/coaching/language.py`).
        speak(warmup.language)
    routine = content.routines.get(warmup.routine_id)
    cursor = cursor_of(warmup)
    if routine is None:
        return None
    prefs = prefs.planned(Changes.of_row(warmup.plan_changes))
    routine = preferences.shape(content, routine, prefs, at=cursor)
    if not coach.is_valid(routine, cursor):
        return None
    return Position(
        warmup.id,
        routine,
        cursor,
        warmup.message_id,
        warmup.hold_message_id,
        holding=warmup.hold_ends_at is not None,
        paused_left=warmup.hold_paused_left,
        guide=_guide_of(warmup),
        prefs=prefs,
        chat=chat or ChatState(),
    )


def _guide_of(warmup: repo.Warmup) -> GuideNote | None:
    if warmup.guide_message_id is None:
        return None
    return GuideNote(warmup.guide_message_id, warmup.guide_ends_at)


def row_of(cursor: Cursor) -> tuple[int, int, str | None]:
    return cursor.step, cursor.set, cursor.side.value if cursor.side else None


class Running(NamedTuple):
    """The running warm-up a press names, in the transaction that loaded it."""

    tx: AsyncSession
    warmup: repo.Warmup
    position: Position


class RefusedError(Exception):
    """The press cannot act on the warm-up it names; `notice` says why."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.value)
        self.notice = notice


@asynccontextmanager
async def running(
    db: Database,
    content: Content,
    chat_id: int,
    session_id: int,
    *,
    expected: Cursor | None = None,
    gate: Gate = Gate.STEP,
) -> AsyncIterator[Running]:
    """One transaction on the running warm-up `session_id` (at `expected`, if given).

    Raises `RefusedError` when the press cannot act on it; a service wrapped in `answers_refusal`
    then returns the `Notice` instead of its result.
    """
    async with db.transaction() as tx:
        loaded = await load_running(tx, content, chat_id, session_id, expected=expected, gate=gate)
        if isinstance(loaded, Notice):
            raise RefusedError(loaded)
        yield Running(tx, *loaded)


def answers_refusal(
    service: Callable[P, Coroutine[Any, Any, R]],
) -> Callable[P, Coroutine[Any, Any, R | Notice]]:
    """The service returns the `Notice` of a `RefusedError` raised inside it (by `running`)."""

    @functools.wraps(service)
    async def answering(*args: P.args, **kwargs: P.kwargs) -> R | Notice:
        try:
            return await service(*args, **kwargs)
        except RefusedError as refused:
            return refused.notice

    return answering
