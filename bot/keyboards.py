"""Inline keyboards and the callback-data format. The only module that knows that format.

Callback data is `prefix:field:field…`, at most 64 bytes (Telegram's limit):

    step:<session>:<step>.<set>.<side>:<action>   a step's buttons (done, skip, stop, hold,
                                                  unhold = stop the countdown)
    resume:<session> / restart:<session>          the offer for an unfinished warm-up
    begin:<routine>                               start a routine

Anything that does not parse exactly is treated as a forged or outdated button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import coach
from bot.coach import Action, Cursor, Side
from bot.content import Routine, Texts

MAX_CALLBACK_BYTES = 64

StepAction = Literal["done", "skip", "stop", "hold", "unhold"]

_SIDE_CODES = {None: "-", Side.LEFT: "l", Side.RIGHT: "r"}
_SIDES_BY_CODE = {code: side for side, code in _SIDE_CODES.items()}

_STEP = re.compile(r"step:(\d{1,15}):(\d{1,3})\.(\d{1,3})\.([lr-]):(done|skip|stop|hold|unhold)")
_SESSION = re.compile(r"(resume|restart):(\d{1,15})")
_BEGIN = re.compile(r"begin:([a-z0-9][a-z0-9-]{0,31})")


@dataclass(frozen=True)
class StepPress:
    session_id: int
    cursor: Cursor
    action: StepAction

    @property
    def coach_action(self) -> Action:
        return Action.DONE if self.action == "done" else Action.SKIP


@dataclass(frozen=True)
class SessionPress:
    kind: Literal["resume", "restart"]
    session_id: int


@dataclass(frozen=True)
class BeginPress:
    routine_id: str


Press = StepPress | SessionPress | BeginPress


def parse(data: object) -> Press | None:
    """The press a button's callback data describes, or None for anything malformed."""
    if not isinstance(data, str) or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    if match := _STEP.fullmatch(data):
        session, step, set_number, side, action = match.groups()
        cursor = Cursor(int(step), int(set_number), _SIDES_BY_CODE[side])
        return StepPress(int(session), cursor, action)  # type: ignore[arg-type]
    if match := _SESSION.fullmatch(data):
        kind, session = match.groups()
        return SessionPress(kind, int(session))  # type: ignore[arg-type]
    if match := _BEGIN.fullmatch(data):
        return BeginPress(match.group(1))
    return None


def step_data(session_id: int, cursor: Cursor, action: StepAction) -> str:
    side = _SIDE_CODES[cursor.side]
    return _checked(f"step:{session_id}:{cursor.step}.{cursor.set}.{side}:{action}")


def step_keyboard(
    texts: Texts, routine: Routine, session_id: int, cursor: Cursor
) -> InlineKeyboardMarkup:
    """The timer first where the step has one, then `✅ Done` (the tap people make most),
    then `⏭ Skip` and `⏹ Stop` side by side."""
    labels = texts.buttons
    rows = []
    step = routine.steps[cursor.step]
    if (seconds := coach.timer_seconds(step)) is not None:
        label = labels.start_hold if step.prescription.hold_seconds else labels.start_timer
        rows.append(
            [_button(label.format(seconds=seconds), step_data(session_id, cursor, "hold"))]
        )
    rows.append([_button(labels.done, step_data(session_id, cursor, "done"))])
    rows.append(
        [
            _button(labels.skip, step_data(session_id, cursor, "skip")),
            _button(labels.stop, step_data(session_id, cursor, "stop")),
        ]
    )
    return InlineKeyboardMarkup(rows)


def countdown_keyboard(texts: Texts, session_id: int, cursor: Cursor) -> InlineKeyboardMarkup:
    """Under a running countdown: stop it, or call the step done early."""
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.buttons.stop_hold, step_data(session_id, cursor, "unhold")),
                _button(texts.buttons.done, step_data(session_id, cursor, "done")),
            ]
        ]
    )


def unfinished_keyboard(
    texts: Texts, session_id: int, number: int, total: int
) -> InlineKeyboardMarkup:
    resume = texts.buttons.resume.format(number=number, total=total)
    return InlineKeyboardMarkup(
        [
            [_button(resume, _checked(f"resume:{session_id}"))],
            [_button(texts.buttons.start_over, _checked(f"restart:{session_id}"))],
        ]
    )


def start_keyboard(texts: Texts, routine: Routine) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.buttons.start, begin_data(routine))]])


def routines_keyboard(texts: Texts, routines: list[Routine]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.buttons.begin_routine.format(title=r.title), begin_data(r))]
            for r in routines
        ]
    )


def begin_data(routine: Routine) -> str:
    return _checked(f"begin:{routine.id}")


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _checked(data: str) -> str:
    # Ids and positions are bounded, so this only fails if the format itself grows too long.
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data
