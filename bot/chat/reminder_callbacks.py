"""The callback data of the buttons about reminders: the /remind picker, a timezone offered,
and the buttons under a reminder. `bot.chat.callbacks` re-exports each kind: handlers and
keyboards know callbacks by that module alone."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, ClassVar

from bot.chat.callback_codec import Callback
from bot.chat.callback_fields import Int, Record, Text
from bot.coaching.localtime import EVERY_DAY

# --- the /remind picker -----------------------------------------------------------------------


@dataclass(frozen=True)
class PickerButton(Callback, wire="remind:{name}"):
    """A picker button that carries nothing but what it does: `remind:<name>`."""

    NAME: ClassVar[str]


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
class RemindAt(Callback, wire="remind:at:{at}"):
    """A preset reminder time, to the minute: `remind:at:0730`."""

    at: Annotated[time, Record(time, hour=Int(0, 23, width=2), minute=Int(0, 59, width=2))]


@dataclass(frozen=True)
class RemindDays(Callback, wire="remind:days:{days}"):
    """A set of reminder days, as weekday bits (never none)."""

    days: Annotated[int, Int(1, EVERY_DAY)]


@dataclass(frozen=True)
class Place(Callback, wire="zone:{name}"):
    """A timezone offered after a fixed offset was typed: `zone:Europe/Berlin`."""

    # Every IANA name is made of these; 58 is what is left of the 64 bytes.
    name: Annotated[str, Text(string.ascii_letters + string.digits + "_+/-", longest=58)]


# --- a reminder's own buttons -----------------------------------------------------------------

# A calendar day as yyyymmdd; four-digit years keep the width fixed, so it reads back unsplit.
_YMD = {"year": Int(1000, 9999, width=4), "month": Int(1, 12, width=2), "day": Int(1, 31, width=2)}
LocalDay = Annotated[date, Record(date, **_YMD)]


@dataclass(frozen=True)
class ReminderButton(Callback, wire="rem:{action}:{day}"):
    """A button under a reminder, for the local day it was sent for."""

    ACTION: ClassVar[str]
    day: LocalDay


class ReminderStart(ReminderButton, action="start"):
    """▶️ Start the warm-up now."""


class ReminderQuick(ReminderButton, action="quick"):
    """⚡ The quick routine now."""


class ReminderSnooze(ReminderButton, action="snooze"):
    """⏰ Snooze: remind again in a while."""


class ReminderSkip(ReminderButton, action="skip"):
    """🛌 Skip today."""
