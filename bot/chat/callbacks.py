"""The callback data of every inline button: one small typed value per button kind.

Each kind declares its wire format (`wire=`, `prefix:field:field…`) and the bounds of its
fields; `bot.chat.callback_codec` encodes and parses them all alike, within Telegram's 64
bytes, and `bot/app.py` routes each kind to its own handler. A format never changes once
shipped: buttons already sent in chats must keep working.

Anything that does not parse exactly, ids past what the database stores included, is a forged
or outdated button, and is refused before any handler (or database) sees it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Annotated, ClassVar

# Re-exported (PEP 484's `as` form, which strict mypy honours): handlers and keyboards know
# callbacks by this module alone.
from bot.chat.callback_codec import MAX_CALLBACK_BYTES as MAX_CALLBACK_BYTES  # noqa: PLC0414
from bot.chat.callback_codec import Callback as Callback  # noqa: PLC0414
from bot.chat.callback_fields import Int, Maybe, OneOf, Record, Text

# The reminders' kinds live in their own module; named here like every other kind.
from bot.chat.reminder_callbacks import LocalDay as LocalDay  # noqa: PLC0414
from bot.chat.reminder_callbacks import PickerButton as PickerButton  # noqa: PLC0414
from bot.chat.reminder_callbacks import Place as Place  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindAt as RemindAt  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindDays as RemindDays  # noqa: PLC0414
from bot.chat.reminder_callbacks import ReminderButton as ReminderButton  # noqa: PLC0414
from bot.chat.reminder_callbacks import ReminderQuick as ReminderQuick  # noqa: PLC0414
from bot.chat.reminder_callbacks import ReminderSkip as ReminderSkip  # noqa: PLC0414
from bot.chat.reminder_callbacks import ReminderSnooze as ReminderSnooze  # noqa: PLC0414
from bot.chat.reminder_callbacks import ReminderStart as ReminderStart  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindMenu as RemindMenu  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindOff as RemindOff  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindPickDays as RemindPickDays  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindSave as RemindSave  # noqa: PLC0414
from bot.chat.reminder_callbacks import RemindType as RemindType  # noqa: PLC0414
from bot.coaching.coach import Cursor, Side

# Session ids are 32-bit integers in the database; a larger one can only be forged.
MAX_ID = 2**31 - 1

_LOWER, _DIGITS = string.ascii_lowercase, string.digits

# The field types most kinds share.
SessionId = Annotated[int, Int(0, MAX_ID)]
RoutineId = Annotated[str, Text(_LOWER + _DIGITS + "-", longest=32, first=_LOWER + _DIGITS)]
_SIDES = OneOf({None: "-", Side.LEFT: "l", Side.RIGHT: "r"})
Position = Annotated[Cursor, Record(Cursor, ".", step=Int(0, 999), set=Int(0, 999), side=_SIDES)]


# --- a step's buttons: one kind per action, all in the `step:` format -----------------------


@dataclass(frozen=True)
class StepButton(Callback, wire="step:{session_id}:{cursor}:{action}"):
    """A button under a step or its countdown, for the position it was shown at."""

    ACTION: ClassVar[str]
    session_id: SessionId
    cursor: Position


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


class AudioGuide(StepButton, action="voice"):
    """🎧 Audio guide: the countdown starts as with ⏱ Start, and a voice note leads it."""


class More(StepButton, action="more"):
    """More: the step's message shows the whole how, what it works and why."""


class Less(StepButton, action="less"):
    """Less: the step's message folds back to its short form."""


# --- a warm-up as a whole ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionButton(Callback, wire="{prefix}:{session_id}"):
    """A button naming a warm-up only: `<prefix>:<session>`."""

    PREFIX: ClassVar[str]
    session_id: SessionId


class Resume(SessionButton, prefix="resume"):
    """▶️ Resume, offered by /warmup for an unfinished warm-up."""


class Restart(SessionButton, prefix="restart"):
    """🔄 Start over, offered beside Resume."""


class FullAnyway(SessionButton, prefix="go"):
    """The full routine anyway, after the gentle offer."""


@dataclass(frozen=True)
class Begin(Callback, wire="begin:{routine_id}"):
    """▶️ Start a routine (under /start and /routines)."""

    routine_id: RoutineId


@dataclass(frozen=True)
class Roller(Callback, wire="roller:{have}"):
    """Under /start: whether the chat has a foam roller (`roller:<yes|no>`)."""

    have: Annotated[str, OneOf.words("yes", "no")]


@dataclass(frozen=True)
class Switch(Callback, wire="switch:{session_id}:{routine_id}"):
    """⚡ Quick on the check-in, or 🌿 Gentle after a high one: this warm-up, another routine."""

    session_id: SessionId
    routine_id: RoutineId


# --- pain check-ins ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PainButton(Callback, wire="pain:{session_id}:{phase}:{pain}"):
    """A check-in answer, 0-10, or None for skip."""

    PHASE: ClassVar[str]
    session_id: SessionId
    pain: Annotated[int | None, Maybe(Int(0, 10), none="x")]


class PainBefore(PainButton, phase="b"):
    """The opening check-in's answer."""


class PainAfter(PainButton, phase="a"):
    """The closing check-in's answer, under the summary."""


# --- precautions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Precautions(Callback, wire="care:{session_id}:{chosen}:{pick}"):
    """The precautions question after a first check-in: `chosen`, those ticked so far (bit n
    for the n-th in content/safety.yaml); `pick`, the one to tick or untick, or DONE."""

    DONE: ClassVar[int] = 8  # content allows 8 precautions, numbered 0-7
    session_id: SessionId
    chosen: Annotated[int, Int(0, 255)]
    pick: Annotated[int, Int(0, 8)]


@dataclass(frozen=True)
class LeaveOut(Callback, wire="out:{session_id}:{exercise}"):
    """🚫 Leave out the exercise a sharp-pain stop happened in (under the next check-in)."""

    session_id: SessionId
    exercise: RoutineId


# --- /forget ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForgetButton(Callback, wire="forget:{answer}:{minute}"):
    """/forget's answer, stamped with the minute (since the epoch) the question was asked."""

    ANSWER: ClassVar[str]
    minute: Annotated[int, Int(0, 10**12 - 1)]


class ForgetConfirm(ForgetButton, answer="yes"):
    """🗑 Delete everything."""


class ForgetCancel(ForgetButton, answer="no"):
    """Keep my data."""


# --- /settings and the other questions --------------------------------------------------------


@dataclass(frozen=True)
class Setting(Callback, wire="set:{name}:{value}"):
    """A /settings button: a page to show (`set:page:<name>`), or a value to choose
    (`set:<name>:<value>`). Which names and values exist is the menu's business; a value it
    does not offer is refused there."""

    name: Annotated[str, Text(_LOWER, longest=8)]
    value: Annotated[str, Text(_LOWER + _DIGITS + ".-", longest=48)]


@dataclass(frozen=True)
class Screen(Callback, wire="screen:{answer}:{session_id}"):
    """The red-flag screen's answers: `screen:<yes|none|ok>:<session>`, session 0 for /safety.

    yes: one applies; none: none applies (under /safety); ok: a clinician has checked me.
    """

    answer: Annotated[str, OneOf.words("yes", "none", "ok")]
    session_id: SessionId

    @property
    def warmup_id(self) -> int | None:
        """The warm-up the check-in opened; none under /safety (session 0)."""
        return self.session_id or None


@dataclass(frozen=True)
class MorningAnswer(Callback, wire="morning:{session_id}:{answer}"):
    """The morning question's answer about a warm-up: `morning:<session>:<better|same|worse>`."""

    session_id: SessionId
    answer: Annotated[str, OneOf.words("better", "same", "worse")]


@dataclass(frozen=True)
class MorningPain(Callback, wire="dawn:{session_id}:{pain}"):
    """The morning question's 0-10 answer about a warm-up: `dawn:<session>:<0-10>`."""

    session_id: SessionId
    pain: Annotated[int, Int(0, 10)]


# Every kind a button can be, for the wiring's completeness check and the round-trip test.
KINDS: tuple[type[Callback], ...] = (
    Done, Skip, Stop, SharpPain, StartHold, AudioGuide, StopHold, PauseHold, GoOn, More, Less,
    Setting, Place, Screen, MorningAnswer, MorningPain,
    Resume, Restart, FullAnyway, Begin, Roller, Switch,
    PainBefore, PainAfter, Precautions, LeaveOut,
    ForgetConfirm, ForgetCancel,
    RemindType, RemindMenu, RemindOff, RemindPickDays, RemindSave, RemindAt, RemindDays,
    ReminderStart, ReminderQuick, ReminderSnooze, ReminderSkip,
)  # fmt: skip


# Kinds pressed on a running warm-up's step, countdown or opening check-in: the press reads
# the warm-up's row (`bot/coaching/running.py`), and speaks the language it finds there.
ON_A_WARMUP: tuple[type[Callback], ...] = (
    Done, Skip, Stop, SharpPain, StartHold, AudioGuide, StopHold, PauseHold, GoOn, More, Less,
    PainBefore,
)  # fmt: skip

# Kinds that change what a whole group shares (its settings, reminder, data): in a group,
# only its admins may press them, and they are answered in the group's language.
SHARED: tuple[type[Callback], ...] = (
    Setting, Place, ForgetConfirm, ForgetCancel,
    RemindAt, RemindType, RemindOff, RemindPickDays, RemindDays, RemindMenu, RemindSave,
)  # fmt: skip


def parse(data: object) -> Callback | None:
    """Whichever kind `data` is, or None: for tests and tools; the wiring routes by kind."""
    for kind in KINDS:
        if (press := kind.parse(data)) is not None:
            return press
    return None
