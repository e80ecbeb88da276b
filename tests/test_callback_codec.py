"""The callback codec's promises beyond round trips (`bot/chat/callback_codec.py`): the wire
never changes, one spelling per value, no dead buttons, declarations checked up front."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Annotated

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat import callbacks
from bot.chat import callbacks as cb
from bot.chat.callback_codec import Callback
from bot.chat.callback_fields import Text
from bot.chat.callbacks import MAX_ID, StepButton
from bot.coaching.coach import Cursor, Side
from bot.coaching.localtime import EVERY_DAY

# What each kind's data has always been: a button sent long ago must still read as its value.
_SHIPPED = [
    (cb.Done(5, Cursor(0, 1, Side.LEFT)), "step:5:0.1.l:done"),
    (cb.Skip(5, Cursor(12, 3, Side.RIGHT)), "step:5:12.3.r:skip"),
    (cb.Stop(MAX_ID, Cursor(999, 999)), f"step:{MAX_ID}:999.999.-:stop"),
    (cb.SharpPain(5, Cursor(2, 0)), "step:5:2.0.-:pain"),
    (cb.StartHold(5, Cursor(1)), "step:5:1.1.-:hold"),
    (cb.AudioGuide(5, Cursor(1, 2, Side.LEFT)), "step:5:1.2.l:voice"),
    (cb.StopHold(5, Cursor(1)), "step:5:1.1.-:unhold"),
    (cb.PauseHold(5, Cursor(1)), "step:5:1.1.-:pause"),
    (cb.GoOn(5, Cursor(1)), "step:5:1.1.-:goon"),
    (cb.More(5, Cursor(0, 1, Side.LEFT)), "step:5:0.1.l:more"),
    (cb.Less(5, Cursor(0, 1, Side.LEFT)), "step:5:0.1.l:less"),
    (cb.Resume(0), "resume:0"), (cb.Restart(17), "restart:17"), (cb.FullAnyway(17), "go:17"),
    (cb.Begin("lower-back"), "begin:lower-back"), (cb.Switch(3, "quick"), "switch:3:quick"),
    (cb.Roller("no"), "roller:no"),
    (cb.PainBefore(3, None), "pain:3:b:x"), (cb.PainAfter(3, 10), "pain:3:a:10"),
    (cb.ForgetConfirm(29_000_000), "forget:yes:29000000"), (cb.ForgetCancel(0), "forget:no:0"),
    (cb.RemindType(), "remind:type"), (cb.RemindMenu(), "remind:menu"),
    (cb.RemindOff(), "remind:off"), (cb.RemindSave(), "remind:save"),
    (cb.RemindPickDays(), "remind:pickdays"),
    (cb.RemindAt(time(7, 5)), "remind:at:0705"), (cb.RemindDays(EVERY_DAY), "remind:days:127"),
    (cb.Setting("level", "cat-cow.2"), "set:level:cat-cow.2"),
    (cb.Place("Etc/GMT+5"), "zone:Etc/GMT+5"),
    (cb.Screen("none", 0), "screen:none:0"), (cb.MorningAnswer(8, "worse"), "morning:8:worse"),
    (cb.MorningPain(8, 0), "dawn:8:0"),
    (cb.Precautions(12, 5, 8), "care:12:5:8"),
    (cb.LeaveOut(12, "psoas-stretch"), "out:12:psoas-stretch"),
    (cb.ReminderStart(date(2026, 5, 4)), "rem:start:20260504"),
    (cb.ReminderQuick(date(2026, 5, 4)), "rem:quick:20260504"),
    (cb.ReminderSnooze(date(2026, 12, 31)), "rem:snooze:20261231"),
    (cb.ReminderSkip(date(2026, 1, 9)), "rem:skip:20260109"),
]  # fmt: skip


@pytest.mark.parametrize(("press", "data"), _SHIPPED, ids=[data for _, data in _SHIPPED])
def test_wire_format_is_unchanged(press: Callback, data: str) -> None:
    """Each kind writes, and reads back, exactly the data its buttons have always carried."""
    assert press.encode() == data
    assert callbacks.parse(data) == press
    assert {type(p) for p, _ in _SHIPPED} == set(callbacks.KINDS)  # every kind is pinned


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(callbacks.KINDS).flatmap(lambda k: st.from_regex(k.PATTERN, fullmatch=True))
)
def test_accepted_data_is_always_an_encoding(data: str) -> None:
    """Whatever a kind accepts is exactly what its value encodes to: no second spellings."""
    press = callbacks.parse(data)
    assert press is None or press.encode() == data


@pytest.mark.parametrize(
    "data",
    ["resume:007", "step:01:0.1.l:done", "step:1:0.01.l:done", "forget:yes:0001", "pain:01:b:3",
     "remind:days:07", "screen:ok:00", "resume:\u0663", "rem:start:09990101"],
)  # fmt: skip
def test_second_spellings_are_refused(data: str) -> None:
    """Leading zeros and non-ASCII digits, which no button ever carried, match no kind."""
    assert callbacks.parse(data) is None


@pytest.mark.parametrize(
    "press",
    [cb.Done(MAX_ID + 1, Cursor(0)), cb.Done(1, Cursor(1000)), cb.RemindDays(0),
     cb.PainAfter(1, 11), cb.Begin("Lower-Back"), cb.Setting("page", "a:b"), cb.Place("x" * 59),
     cb.Screen("maybe", 1), cb.ReminderSkip(date(999, 12, 31))],
)  # fmt: skip
def test_a_value_out_of_bounds_has_no_callback_data(press: Callback) -> None:
    """Encoding a value the parser would refuse raises, instead of sending a dead button."""
    with pytest.raises(ValueError, match="has no callback data"):
        press.encode()


def test_a_bad_declaration_fails_when_the_kind_is_made() -> None:
    """Kinds that could exceed 64 bytes, or leave a field off the wire, are refused at once."""
    with pytest.raises(TypeError, match="over 64"):

        @dataclass(frozen=True)
        class _TooLong(Callback, wire="long:{text}"):
            text: Annotated[str, Text("a", longest=60)]

    with pytest.raises(TypeError, match="not in"):

        @dataclass(frozen=True)
        class _Unsent(Callback, wire="unsent"):
            text: Annotated[str, Text("a", longest=6)]

    with pytest.raises(TypeError, match="is a family"):
        StepButton.parse("step:1:0.1.l:done")
