"""The callback data of every inline button: one small typed value per button kind.

Each kind's encoder and parser sit side by side, and `bot/app.py` routes each kind to its own
handler. The wire format is `prefix:field:field…`, at most 64 bytes (Telegram's limit):

    step:<session>:<step>.<set>.<side>:<action>   a step's buttons: done, skip, stop, pain,
                                                  hold (start the countdown), unhold (stop it),
                                                  pause, goon (pause it, run it again)
    pain:<session>:<b|a>:<0-10|x>                 check-in before/after (x: skipped)
    switch:<session>:<routine> / go:<session>     another routine instead, or carry on
    forget:<yes|no>:<minute>                      /forget's confirmation, stamped
    resume:<session> / restart:<session>          the offer for an unfinished warm-up
    begin:<routine>                               start a routine
    remind:<kind>[:<value>]                       the reminder picker (at:0730, days:31, …)
    rem:<action>:<yyyymmdd>                       a reminder's own buttons, for its local day
    set:<name>:<value>                            /settings: a page, or a value chosen
    zone:<place>                                  a timezone offered for a typed offset
    screen:<yes|none|ok>:<session>                the red-flag screen's answers
    morning:<session>:<better|same|worse>         the next morning's question

Anything that does not parse exactly, ids past what the database stores included, is a forged
or outdated button, and is refused before any handler (or database) sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import ClassVar, Self

from bot.coaching.coach import Cursor, Side
from bot.coaching.localtime import EVERY_DAY

MAX_CALLBACK_BYTES = 64
# Session ids are 32-bit integers in the database; a larger one can only be forged.
MAX_ID = 2**31 - 1

_ID = r"(\d{1,10})"
_SLUG = r"([a-z0-9][a-z0-9-]{0,31})"
_SIDE_CODES = {None: "-", Side.LEFT: "l", Side.RIGHT: "r"}
_SIDES_BY_CODE = {code: side for side, code in _SIDE_CODES.items()}


class Callback:
    """A button kind: `encode()` gives its callback data, `parse()` reads it back or refuses."""

    PATTERN: ClassVar[re.Pattern[str]]

    def encode(self) -> str:
        data = self._encode()
        # Ids and positions are bounded, so this only fails if a format itself grows too long.
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
        return data

    @property
    def warmup_id(self) -> int | None:
        """The warm-up the press acts on, if it names one (in a group, only its starter may)."""
        session_id = getattr(self, "session_id", None)
        return session_id if isinstance(session_id, int) else None

    @classmethod
    def matches(cls, data: object) -> bool:
        """Whether `data` is of this kind: the pattern a button's route is found by."""
        return cls.parse(data) is not None

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The press `data` describes if it is exactly of this kind, else None."""
        if not isinstance(data, str) or len(data.encode()) > MAX_CALLBACK_BYTES:
            return None
        match = cls.PATTERN.fullmatch(data)
        return cls._decode(*match.groups()) if match else None

    def _encode(self) -> str:
        raise NotImplementedError

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        raise NotImplementedError


def _id(text: str) -> int | None:
    value = int(text)
    return value if value <= MAX_ID else None


# --- a step's buttons: one kind per action, all in the `step:` format -----------------------


@dataclass(frozen=True)
class StepButton(Callback):
    """A button under a step or its countdown, for the position it was shown at."""

    ACTION: ClassVar[str]
    session_id: int
    cursor: Cursor

    def __init_subclass__(cls, *, action: str) -> None:
        cls.ACTION = action
        cls.PATTERN = re.compile(rf"step:{_ID}:(\d{{1,3}})\.(\d{{1,3}})\.([lr-]):{action}")

    def _encode(self) -> str:
        c = self.cursor
        return f"step:{self.session_id}:{c.step}.{c.set}.{_SIDE_CODES[c.side]}:{self.ACTION}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session, step, set_number, side = fields
        if (session_id := _id(session)) is None:
            return None
        return cls(session_id, Cursor(int(step), int(set_number), _SIDES_BY_CODE[side]))


class Done(StepButton, action="done"):
    """✅ Done: on by exactly one sub-step."""


class Skip(StepButton, action="skip"):
    """⏭ Skip: the rest of the exercise is left out."""


class Stop(StepButton, action="stop"):
    """⏹ Stop: the warm-up ends, keeping what was done."""


class SharpPain(StepButton, action="pain"):
    """⚠️ Sharp pain: stop at once, and why."""


class StartHold(StepButton, action="hold"):
    """⏱ Start the countdown."""


class StopHold(StepButton, action="unhold"):
    """⏹ Stop hold: the countdown ends, the step stays open."""


class PauseHold(StepButton, action="pause"):
    """⏸ Pause a hands-free countdown where it is."""


class GoOn(StepButton, action="goon"):
    """▶️ Go on: a paused countdown runs again."""


# --- a warm-up as a whole ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionButton(Callback):
    """A button naming a warm-up only: `<prefix>:<session>`."""

    PREFIX: ClassVar[str]
    session_id: int

    def __init_subclass__(cls, *, prefix: str) -> None:
        cls.PREFIX = prefix
        cls.PATTERN = re.compile(rf"{prefix}:{_ID}")

    def _encode(self) -> str:
        return f"{self.PREFIX}:{self.session_id}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session_id = _id(fields[0])
        return None if session_id is None else cls(session_id)


class Resume(SessionButton, prefix="resume"):
    """▶️ Resume, offered by /warmup for an unfinished warm-up."""


class Restart(SessionButton, prefix="restart"):
    """🔄 Start over, offered beside Resume."""


class FullAnyway(SessionButton, prefix="go"):
    """The full routine anyway, after the gentle offer."""


@dataclass(frozen=True)
class Begin(Callback):
    """▶️ Start a routine (under /start and /routines)."""

    PATTERN = re.compile(rf"begin:{_SLUG}")
    routine_id: str

    def _encode(self) -> str:
        return f"begin:{self.routine_id}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        return cls(fields[0])


@dataclass(frozen=True)
class Switch(Callback):
    """⚡ Quick on the check-in, or 🌿 Gentle after a high one: this warm-up, another routine."""

    PATTERN = re.compile(rf"switch:{_ID}:{_SLUG}")
    session_id: int
    routine_id: str

    def _encode(self) -> str:
        return f"switch:{self.session_id}:{self.routine_id}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session_id = _id(fields[0])
        return None if session_id is None else cls(session_id, fields[1])


# --- pain check-ins ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PainButton(Callback):
    """A check-in answer, 0-10, or None for skip."""

    PHASE: ClassVar[str]
    session_id: int
    pain: int | None

    def __init_subclass__(cls, *, phase: str) -> None:
        cls.PHASE = phase
        cls.PATTERN = re.compile(rf"pain:{_ID}:{phase}:(10|[0-9]|x)")

    def _encode(self) -> str:
        value = "x" if self.pain is None else str(self.pain)
        return f"pain:{self.session_id}:{self.PHASE}:{value}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session, value = fields
        if (session_id := _id(session)) is None:
            return None
        return cls(session_id, None if value == "x" else int(value))


class PainBefore(PainButton, phase="b"):
    """The opening check-in's answer."""


class PainAfter(PainButton, phase="a"):
    """The closing check-in's answer, under the summary."""


# --- /forget ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForgetButton(Callback):
    """/forget's answer, stamped with the minute (since the epoch) the question was asked."""

    ANSWER: ClassVar[str]
    minute: int

    def __init_subclass__(cls, *, answer: str) -> None:
        cls.ANSWER = answer
        cls.PATTERN = re.compile(rf"forget:{answer}:(\d{{1,12}})")

    def _encode(self) -> str:
        return f"forget:{self.ANSWER}:{self.minute}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        return cls(int(fields[0]))


class ForgetConfirm(ForgetButton, answer="yes"):
    """🗑 Delete everything."""


class ForgetCancel(ForgetButton, answer="no"):
    """Keep my data."""


# --- the /remind picker -----------------------------------------------------------------------


@dataclass(frozen=True)
class PickerButton(Callback):
    """A picker button that carries nothing but what it does: `remind:<name>`."""

    NAME: ClassVar[str]

    def __init_subclass__(cls, *, name: str) -> None:
        cls.NAME = name
        cls.PATTERN = re.compile(rf"remind:{name}")

    def _encode(self) -> str:
        return f"remind:{self.NAME}"

    @classmethod
    def _decode(cls, *_fields: str) -> Self | None:
        return cls()


class RemindType(PickerButton, name="type"):
    """⌨️ Type a time."""


class RemindMenu(PickerButton, name="menu"):
    """↩️ Back from the days to the times."""


class RemindOff(PickerButton, name="off"):
    """🔕 Off."""


class RemindPickDays(PickerButton, name="pickdays"):
    """📅 Days: opens the day picker."""


class RemindSave(PickerButton, name="save"):
    """✅ Save: the picker closes."""


@dataclass(frozen=True)
class RemindAt(Callback):
    """A preset reminder time."""

    PATTERN = re.compile(r"remind:at:([01]\d|2[0-3])([0-5]\d)")
    at: time

    def _encode(self) -> str:
        return f"remind:at:{self.at:%H%M}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        return cls(time(int(fields[0]), int(fields[1])))


@dataclass(frozen=True)
class RemindDays(Callback):
    """A set of reminder days, as weekday bits (never none)."""

    PATTERN = re.compile(r"remind:days:(\d{1,3})")
    days: int

    def _encode(self) -> str:
        return f"remind:days:{self.days}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        days = int(fields[0])
        return cls(days) if 1 <= days <= EVERY_DAY else None


# --- /settings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting(Callback):
    """A /settings button: a page to show (`set:page:<name>`), or a value to choose
    (`set:<name>:<value>`). Which names and values exist is the menu's business; a value it
    does not offer is refused there."""

    PATTERN = re.compile(r"set:([a-z]{1,8}):([a-z0-9.-]{1,48})")
    name: str
    value: str

    def _encode(self) -> str:
        return f"set:{self.name}:{self.value}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        return cls(fields[0], fields[1])


@dataclass(frozen=True)
class Screen(Callback):
    """The red-flag screen's answers: `screen:<yes|none|ok>:<session>`, session 0 for /safety.

    yes: one applies; none: none applies (under /safety); ok: a clinician has checked me.
    """

    PATTERN = re.compile(rf"screen:(yes|none|ok):{_ID}")
    answer: str
    session_id: int

    def _encode(self) -> str:
        return f"screen:{self.answer}:{self.session_id}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session_id = _id(fields[1])
        return None if session_id is None else cls(fields[0], session_id)

    @property
    def warmup_id(self) -> int | None:
        return self.session_id or None


@dataclass(frozen=True)
class MorningAnswer(Callback):
    """The morning question's answer about a warm-up: `morning:<session>:<better|same|worse>`."""

    PATTERN = re.compile(rf"morning:{_ID}:(better|same|worse)")
    session_id: int
    answer: str

    def _encode(self) -> str:
        return f"morning:{self.session_id}:{self.answer}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        session_id = _id(fields[0])
        return None if session_id is None else cls(session_id, fields[1])


@dataclass(frozen=True)
class Place(Callback):
    """A timezone offered after a fixed offset was typed: `zone:Europe/Berlin`."""

    PATTERN = re.compile(r"zone:([A-Za-z0-9_+/-]{1,58})")
    name: str

    def _encode(self) -> str:
        return f"zone:{self.name}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        return cls(fields[0])


# --- a reminder's own buttons -----------------------------------------------------------------


@dataclass(frozen=True)
class ReminderButton(Callback):
    """A button under a reminder, for the local day it was sent for."""

    ACTION: ClassVar[str]
    day: date

    def __init_subclass__(cls, *, action: str) -> None:
        cls.ACTION = action
        cls.PATTERN = re.compile(rf"rem:{action}:(\d{{8}})")

    def _encode(self) -> str:
        return f"rem:{self.ACTION}:{self.day:%Y%m%d}"

    @classmethod
    def _decode(cls, *fields: str) -> Self | None:
        try:
            day = datetime.strptime(fields[0], "%Y%m%d").date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            return None
        return cls(day)


class ReminderStart(ReminderButton, action="start"):
    """▶️ Start the warm-up now."""


class ReminderQuick(ReminderButton, action="quick"):
    """⚡ The quick routine now."""


class ReminderSnooze(ReminderButton, action="snooze"):
    """⏰ Snooze: remind again in a while."""


class ReminderSkip(ReminderButton, action="skip"):
    """🛌 Skip today."""


# Every kind a button can be, for the wiring's completeness check and the round-trip test.
KINDS: tuple[type[Callback], ...] = (
    Done,
    Skip,
    Stop,
    SharpPain,
    StartHold,
    StopHold,
    PauseHold,
    GoOn,
    Setting,
    Place,
    Screen,
    MorningAnswer,
    Resume,
    Restart,
    FullAnyway,
    Begin,
    Switch,
    PainBefore,
    PainAfter,
    ForgetConfirm,
    ForgetCancel,
    RemindType,
    RemindMenu,
    RemindOff,
    RemindPickDays,
    RemindSave,
    RemindAt,
    RemindDays,
    ReminderStart,
    ReminderQuick,
    ReminderSnooze,
    ReminderSkip,
)


def parse(data: object) -> Callback | None:
    """Whichever kind `data` is, or None: for tests and tools; the wiring routes by kind."""
    for kind in KINDS:
        if (press := kind.parse(data)) is not None:
            return press
    return None
