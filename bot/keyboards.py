"""Inline keyboards and the callback-data format. The only module that knows that format.

Callback data is `prefix:field:field…`, at most 64 bytes (Telegram's limit):

    step:<session>:<step>.<set>.<side>:<action>   a step's buttons (done, skip, stop, hold,
                                                  unhold = stop the countdown, pain)
    pain:<session>:<b|a>:<0-10|x>                 check-in before/after (x: skipped)
    switch:<session>:<routine> / go:<session>     another routine instead, or carry on
    forget:<yes|no>:<minute>                      /forget's confirmation, stamped
    resume:<session> / restart:<session>          the offer for an unfinished warm-up
    begin:<routine>                               start a routine
    remind:<kind>[:<value>]                       the reminder picker (at:0730, days:31, …)
    rem:<action>:<yyyymmdd>                       a reminder's own buttons, for its local day

Anything that does not parse exactly is treated as a forged or outdated button.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import coach
from bot.coach import Action, Cursor, Side
from bot.content import Routine, Texts
from bot.localtime import EVERY_DAY, WEEKDAYS, WEEKEND

MAX_CALLBACK_BYTES = 64

StepAction = Literal["done", "skip", "stop", "hold", "unhold", "pain"]

_SIDE_CODES = {None: "-", Side.LEFT: "l", Side.RIGHT: "r"}
_SIDES_BY_CODE = {code: side for side, code in _SIDE_CODES.items()}

_STEP = re.compile(
    r"step:(\d{1,15}):(\d{1,3})\.(\d{1,3})\.([lr-]):(done|skip|stop|hold|unhold|pain)"
)
_SESSION = re.compile(r"(resume|restart):(\d{1,15})")
_BEGIN = re.compile(r"begin:([a-z0-9][a-z0-9-]{0,31})")
_REMIND = re.compile(
    r"remind:(?:(type|menu|off|pickdays)|at:([01]\d|2[0-3])([0-5]\d)|days:(\d{1,3}))"
)
_REMINDER = re.compile(r"rem:(start|quick|snooze|skip):(\d{8})")
_PAIN = re.compile(r"pain:(\d{1,15}):([ba]):(10|[0-9]|x)")
_SWITCH = re.compile(r"switch:(\d{1,15}):([a-z0-9][a-z0-9-]{0,31})")
_GO = re.compile(r"go:(\d{1,15})")
_FORGET = re.compile(r"forget:(yes|no):(\d{1,12})")


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


@dataclass(frozen=True)
class RemindPress:
    """A button of the /remind picker."""

    kind: Literal["type", "menu", "off", "pickdays", "at", "days"]
    at: time | None = None
    days: int | None = None


@dataclass(frozen=True)
class ReminderPress:
    """A button under a reminder, for the local day it was sent for."""

    action: Literal["start", "quick", "snooze", "skip"]
    day: date


@dataclass(frozen=True)
class PainPress:
    """A check-in answer: 0-10, or None for skip."""

    session_id: int
    after: bool
    pain: int | None


@dataclass(frozen=True)
class SwitchPress:
    session_id: int
    routine_id: str


@dataclass(frozen=True)
class GoPress:
    session_id: int


@dataclass(frozen=True)
class ForgetPress:
    confirm: bool
    minute: int  # when the question was asked, in minutes since the epoch


Press = (
    StepPress
    | SessionPress
    | BeginPress
    | RemindPress
    | ReminderPress
    | PainPress
    | SwitchPress
    | GoPress
    | ForgetPress
)


def parse(data: object) -> Press | None:
    """The press a button's callback data describes, or None for anything malformed."""
    if not isinstance(data, str) or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    for pattern, build in _PARSERS:
        if match := pattern.fullmatch(data):
            return build(*match.groups())
    return None


def _step_press(session: str, step: str, set_number: str, side: str, action: str) -> Press:
    cursor = Cursor(int(step), int(set_number), _SIDES_BY_CODE[side])
    return StepPress(int(session), cursor, action)  # type: ignore[arg-type]


def _session_press(kind: str, session: str) -> Press:
    return SessionPress(kind, int(session))  # type: ignore[arg-type]


def _remind_press(
    plain: str | None, hour: str | None, minute: str | None, days: str | None
) -> Press | None:
    if plain is not None:
        return RemindPress(plain)  # type: ignore[arg-type]
    if hour is not None and minute is not None:
        return RemindPress("at", at=time(int(hour), int(minute)))
    if days is not None and 1 <= int(days) <= EVERY_DAY:
        return RemindPress("days", days=int(days))
    return None


def _reminder_press(action: str, stamp: str) -> Press | None:
    try:
        day = datetime.strptime(stamp, "%Y%m%d").date()  # noqa: DTZ007 - a calendar date
    except ValueError:
        return None
    return ReminderPress(action, day)  # type: ignore[arg-type]


def _pain_press(session: str, phase: str, value: str) -> Press:
    return PainPress(int(session), phase == "a", None if value == "x" else int(value))


_PARSERS: list[tuple[re.Pattern[str], Callable[..., Press | None]]] = [
    (_STEP, _step_press),
    (_SESSION, _session_press),
    (_BEGIN, BeginPress),
    (_REMIND, _remind_press),
    (_REMINDER, _reminder_press),
    (_PAIN, _pain_press),
    (_SWITCH, lambda session, routine: SwitchPress(int(session), routine)),
    (_GO, lambda session: GoPress(int(session))),
    (_FORGET, lambda answer, minute: ForgetPress(answer == "yes", int(minute))),
]


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
    rows.append([_button(labels.sharp_pain, step_data(session_id, cursor, "pain"))])
    return InlineKeyboardMarkup(rows)


def countdown_keyboard(texts: Texts, session_id: int, cursor: Cursor) -> InlineKeyboardMarkup:
    """Under a running countdown: stop it, or call the step done early."""
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.buttons.stop_hold, step_data(session_id, cursor, "unhold")),
                _button(texts.buttons.done, step_data(session_id, cursor, "done")),
            ],
            [_button(texts.buttons.sharp_pain, step_data(session_id, cursor, "pain"))],
        ]
    )


def checkin_keyboard(
    texts: Texts, session_id: int, *, after: bool, quick: Routine | None = None
) -> InlineKeyboardMarkup:
    """0-10 in two rows, then skip; before a warm-up also the quick routine."""
    phase = "a" if after else "b"
    values = [_button(str(v), f"pain:{session_id}:{phase}:{v}") for v in range(11)]
    last = [_button(texts.buttons.pain_skip, f"pain:{session_id}:{phase}:x")]
    if quick is not None:
        label = texts.buttons.quick.format(minutes=coach.estimated_minutes(quick))
        last.append(_button(label, _checked(f"switch:{session_id}:{quick.id}")))
    return InlineKeyboardMarkup([values[:6], values[6:], last])


def flare_up_keyboard(texts: Texts, session_id: int, gentle: Routine) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.buttons.gentle, _checked(f"switch:{session_id}:{gentle.id}"))],
            [_button(texts.buttons.full_anyway, f"go:{session_id}")],
        ]
    )


def forget_keyboard(texts: Texts, minute: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.buttons.forget_yes, f"forget:yes:{minute}")],
            [_button(texts.buttons.forget_no, f"forget:no:{minute}")],
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


def remind_picker(texts: Texts, days: int) -> InlineKeyboardMarkup:
    """Preset times four to a row, then typing a time, the days, and off."""
    labels = texts.buttons
    presets = [
        _button(labels.remind_at.format(time=preset), f"remind:at:{preset.replace(':', '')}")
        for preset in texts.reminders.presets
    ]
    rows = [presets[i : i + 4] for i in range(0, len(presets), 4)]
    rows.append([_button(labels.remind_type, "remind:type")])
    rows.append(
        [_button(labels.remind_days.format(days=days_label(texts, days)), "remind:pickdays")]
    )
    rows.append([_button(labels.remind_off, "remind:off")])
    return InlineKeyboardMarkup(rows)


def days_picker(texts: Texts, days: int) -> InlineKeyboardMarkup:
    """Every day, weekdays or weekends in one tap, or any days by toggling them."""
    rules, labels = texts.reminders, texts.buttons
    toggles = []
    for index, name in enumerate(rules.day_names):
        bit = 1 << index
        chosen = bool(days & bit)
        # Never offer to switch off the last chosen day: a reminder on no day is "off".
        toggled = days ^ bit if days ^ bit else days
        label = (labels.day_on if chosen else labels.day_off).format(day=name)
        toggles.append(_button(label, f"remind:days:{toggled}"))
    return InlineKeyboardMarkup(
        [
            [
                _button(labels.every_day, f"remind:days:{EVERY_DAY}"),
                _button(labels.weekdays, f"remind:days:{WEEKDAYS}"),
                _button(labels.weekend, f"remind:days:{WEEKEND}"),
            ],
            toggles[:4],
            toggles[4:],
            [_button(labels.remind_back, "remind:menu")],
        ]
    )


def reminder_keyboard(texts: Texts, day: date, *, snooze: bool) -> InlineKeyboardMarkup:
    """Under a reminder: start now, snooze (while snoozes are left), or skip today."""
    labels, stamp = texts.buttons, day.strftime("%Y%m%d")
    start = [
        _button(labels.reminder_start, f"rem:start:{stamp}"),
        _button(labels.reminder_quick, f"rem:quick:{stamp}"),
    ]
    later = [_button(labels.reminder_skip, f"rem:skip:{stamp}")]
    if snooze:
        minutes = texts.reminders.snooze_minutes
        later.insert(
            0, _button(labels.reminder_snooze.format(minutes=minutes), f"rem:snooze:{stamp}")
        )
    return InlineKeyboardMarkup([start, later])


def days_label(texts: Texts, days: int) -> str:
    """`every day`, `on weekdays`, `at weekends`, or `on Mon, Wed, Fri`."""
    rules = texts.reminders
    named = {EVERY_DAY: rules.every_day, WEEKDAYS: rules.weekdays, WEEKEND: rules.weekend}
    if days in named:
        return named[days]
    chosen = [name for i, name in enumerate(rules.day_names) if days & (1 << i)]
    return rules.on_days.format(days=", ".join(chosen))


def begin_data(routine: Routine) -> str:
    return _checked(f"begin:{routine.id}")


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _checked(data: str) -> str:
    # Ids and positions are bounded, so this only fails if the format itself grows too long.
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data
