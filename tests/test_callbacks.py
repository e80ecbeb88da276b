"""The callback-data codec: every kind round-trips within 64 bytes; anything else is refused."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import InlineKeyboardMarkup

from bot.app import button_routes
from bot.chat import callbacks, keyboards, precautions
from bot.chat import preferences as menu
from bot.chat import start as welcome
from bot.chat.callback_fields import Field, Int, Maybe, OneOf, Record, Text
from bot.chat.callbacks import (
    MAX_CALLBACK_BYTES,
    MAX_ID,
    Begin,
    Callback,
    ForgetButton,
    LeaveOut,
    MorningAnswer,
    MorningPain,
    PainButton,
    PickerButton,
    Place,
    Precautions,
    RemindAt,
    RemindDays,
    ReminderButton,
    Restart,
    Resume,
    Roller,
    Screen,
    SessionButton,
    Setting,
    StartHold,
    StepButton,
    StopHold,
    Switch,
)
from bot.coaching.coach import Cursor, Side
from bot.coaching.localtime import EVERY_DAY
from bot.coaching.plan import Prefs
from bot.coaching.preferences import Snapshot
from bot.coaching.reminders import Status
from bot.config import PROJECT_ROOT
from bot.content import Content, load_content

ids = st.integers(min_value=0, max_value=MAX_ID)
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
slugs = st.builds(
    str.__add__, st.sampled_from(_ALNUM), st.text(alphabet=_ALNUM + "-", max_size=31)
)
cursors = st.builds(
    Cursor,
    st.integers(0, 999),
    st.integers(1, 999),
    st.sampled_from([None, Side.LEFT, Side.RIGHT]),
)


# Every value a button of each family (or single kind) can carry.
_VALUES: dict[type[Callback], Callable[[Any], st.SearchStrategy[Any]]] = {
    StepButton: lambda kind: st.builds(kind, ids, cursors),
    SessionButton: lambda kind: st.builds(kind, ids),
    PainButton: lambda kind: st.builds(kind, ids, st.none() | st.integers(0, 10)),
    ReminderButton: lambda kind: st.builds(kind, st.dates(date(1000, 1, 1), date(9999, 12, 31))),
    PickerButton: st.builds,
    ForgetButton: lambda kind: st.builds(kind, st.integers(0, 10**12 - 1)),
    Begin: lambda kind: st.builds(kind, slugs),
    Switch: lambda kind: st.builds(kind, ids, slugs),
    LeaveOut: lambda kind: st.builds(kind, ids, slugs),
    Precautions: lambda kind: st.builds(kind, ids, st.integers(0, 255), st.integers(0, 8)),
    RemindAt: lambda kind: st.builds(kind, st.times().map(lambda t: time(t.hour, t.minute))),
    RemindDays: lambda kind: st.builds(kind, st.integers(1, 0b1111111)),
    Screen: lambda kind: st.builds(kind, st.sampled_from(["yes", "none", "ok"]), ids),
    Roller: lambda kind: st.builds(kind, st.sampled_from(["yes", "no"])),
    MorningAnswer: lambda kind: st.builds(kind, ids, st.sampled_from(["better", "same", "worse"])),
    MorningPain: lambda kind: st.builds(kind, ids, st.integers(0, 10)),
    Place: lambda kind: st.builds(
        kind, st.text(alphabet=_ALNUM + "ABCXYZ_+/-", min_size=1, max_size=58)
    ),
    Setting: lambda kind: st.builds(
        kind,
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
        st.text(alphabet=_ALNUM + ".-", min_size=1, max_size=48),
    ),
}


def _values(kind: type[Callback]) -> st.SearchStrategy[Callback]:
    [build] = [build for family, build in _VALUES.items() if issubclass(kind, family)]
    return build(kind)


# A busy CI machine can stall one draw for seconds; that says nothing about the codec.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(callbacks.KINDS).flatmap(_values))
def test_every_kind_round_trips_within_telegrams_limit(press: Callback) -> None:
    """Encoding any button value and parsing it back gives the same value, in 64 bytes."""
    data = press.encode()
    assert len(data.encode()) <= MAX_CALLBACK_BYTES
    assert type(press).parse(data) == press
    assert callbacks.parse(data) == press  # and no other kind claims it
    assert [kind for kind in callbacks.KINDS if kind.matches(data)] == [type(press)]


def test_every_kind_has_exactly_one_route() -> None:
    """bot/app.py routes each button kind, and only those, to one handler."""
    routed = [kind for kind, _ in button_routes()]
    assert sorted(k.__name__ for k in routed) == sorted(k.__name__ for k in callbacks.KINDS)


def _settings_pages(content: Content) -> list[InlineKeyboardMarkup]:
    """Every /settings page, as a new chat sees it."""
    snap = Snapshot(Prefs(), True, Status(False, None, EVERY_DAY, None), 5)
    pages = [
        menu.main(content, snap),
        menu.pauses(content, snap, rest=False),
        menu.pauses(content, snap, rest=True),
        menu.exercises(content, snap),
        menu.target(content, snap),
        menu.zone(content, snap),
        *(menu.exercise(content, snap, step.id) for step in content.default_routine.steps),
    ]
    return [page.markup for page in pages if page is not None and page.markup is not None]


def _every_keyboard(content: Content) -> list[InlineKeyboardMarkup]:
    """A keyboard of every kind the bot sends, between them holding every button kind."""
    texts, routine = content.texts, content.default_routine
    return [
        keyboards.step_keyboard(texts, routine, 5, Cursor(0, 1, Side.LEFT), guide=True),
        keyboards.step_keyboard(texts, routine, 5, Cursor(7, 2)),
        keyboards.step_keyboard(texts, routine, 5, Cursor(0, 1, Side.LEFT), more=True),
        keyboards.countdown_keyboard(texts, 5, Cursor(1, 3), hands_free=False),
        keyboards.countdown_keyboard(texts, 5, Cursor(1, 3), hands_free=True),
        keyboards.countdown_keyboard(texts, 5, Cursor(1, 3), hands_free=True, paused=True),
        *_settings_pages(content),
        keyboards.unfinished_keyboard(texts, 5, 3, 8),
        welcome.keyboard(texts, routine.id, roller=True),
        keyboards.routines_keyboard(texts, content.ordered_routines()),
        keyboards.checkin_keyboard(texts, 5, after=False, quick=content.quick_routine),
        keyboards.screening_keyboard(texts, 5),
        keyboards.screening_keyboard(texts),
        keyboards.clinician_keyboard(texts),
        keyboards.morning_keyboard(5),
        keyboards.checkin_keyboard(texts, 5, after=True),
        keyboards.flare_up_keyboard(texts, 5, content.flare_up_routine, rest=False),
        keyboards.forget_keyboard(texts, 29_000_000),
        keyboards.remind_picker(
            texts, content.rules.reminders, Status(True, "07:45", 0b0011111, "Europe/Berlin")
        ),
        keyboards.places_keyboard(["Europe/Berlin", "America/Argentina/Buenos_Aires"]),
        keyboards.days_picker(texts, 0b0000001),
        keyboards.reminder_keyboard(texts, content.rules.reminders, date(2026, 5, 4), snooze=True),
        precautions.keyboard(content, 5, 0b11, ticks=True),
        InlineKeyboardMarkup([precautions.leave_out_button(content, 5, "psoas-stretch")]),
    ]


def test_every_button_the_bot_makes_parses_back() -> None:
    """The keyboards build their buttons from the codec: each one's data parses to its kind."""
    parsed = [
        callbacks.parse(button.callback_data)
        for markup in _every_keyboard(load_content(PROJECT_ROOT / "content"))
        for row in markup.inline_keyboard
        for button in row
    ]
    assert None not in parsed
    # Better / Same / Worse only arrive from morning questions sent before the 0-10 one.
    assert {type(press) for press in parsed} == set(callbacks.KINDS) - {MorningAnswer}
    assert StartHold(5, Cursor(0, 1, Side.LEFT)) in parsed
    assert StopHold(5, Cursor(1, 3)) in parsed
    assert Resume(5) in parsed
    assert Restart(5) in parsed
    assert Begin("lower-back") in parsed


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "step:1:0.1.l:done:extra",
        "step:1:0.1.x:done",
        "step:-1:0.1.l:done",
        "step:1234567890123456:0.1.l:done",  # beyond any id the database hands out
        f"step:{MAX_ID + 1}:0.1.l:done",  # past a 32-bit id: only a forgery carries it
        f"pain:{MAX_ID + 1}:b:3",
        f"resume:{MAX_ID + 1}",
        f"switch:{MAX_ID + 1}:quick",
        "pain:1:b:11",
        "remind:at:2400",
        "remind:days:0",
        "remind:days:128",
        "rem:start:20260230",
        "resume:",
        "restart:1.5",
        "begin:Lower-Back",
        "begin:" + "a" * 60,
        "STEP:1:0.1.l:done",
        "step:1:0.1.l:done\n",
        "💥" * 20,
        "\ud800",  # a lone surrogate, as JSON can carry: refused, not a crash
    ],
)
def test_malformed_data_is_refused_by_every_kind(data: object) -> None:
    """Data of no exact kind (or with an id past the database's range) matches no route."""
    assert callbacks.parse(data) is None
    assert not any(kind.matches(data) for kind in callbacks.KINDS)


def _made(factory: Callable[..., Any], parts: dict[str, Any]) -> Any:
    try:
        return factory(**parts)
    except ValueError:
        return None  # parts within bounds that make no value: February 30


def _declared(field: Field[Any]) -> st.SearchStrategy[Any]:
    """Every value a field's declaration says it carries, drawn from its bounds."""
    if isinstance(field, Int):
        return st.integers(field.lo, field.hi)
    if isinstance(field, Text):
        rest = st.text(field.alphabet, max_size=field.longest - 1)
        return st.builds(operator.add, st.sampled_from(field.first or field.alphabet), rest)
    if isinstance(field, OneOf):
        return st.sampled_from(list(field.codes))
    if isinstance(field, Maybe):
        return st.none() | _declared(field.inner)
    assert isinstance(field, Record)
    parts = st.fixed_dictionaries({name: _declared(p) for name, p in field.parts.items()})
    return parts.map(lambda kw: _made(field.factory, kw)).filter(lambda v: v is not None)


def _extremes(fields: dict[str, Field[Any]], build: Callable[..., Any]) -> list[Any]:
    """Every value `build` makes from fields at their bounds: least and most, short and long."""
    corners = itertools.product(*(_bounds(field) for field in fields.values()))
    made = (_made(build, dict(zip(fields, corner, strict=True))) for corner in corners)
    return [value for value in made if value is not None]


def _bounds(field: Field[Any]) -> list[Any]:
    if isinstance(field, Int):
        return [field.lo, field.hi]
    if isinstance(field, Text):
        first, wide = (
            (field.first or field.alphabet)[0],
            max(field.alphabet, key=lambda c: len(c.encode())),
        )
        return [first, first + wide * (field.longest - 1)]
    if isinstance(field, OneOf):
        return list(field.codes)
    if isinstance(field, Maybe):
        return [None, *_bounds(field.inner)]
    assert isinstance(field, Record)
    return _extremes(field.parts, field.factory)


def _kind_values(kind: type[Callback]) -> st.SearchStrategy[Callback]:
    fields = {name: _declared(field) for name, field in kind.FIELDS.items()}
    return st.fixed_dictionaries(fields).map(lambda values: kind(**values))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(callbacks.KINDS).flatmap(_kind_values))
def test_every_kind_round_trips_over_its_declared_bounds(press: Callback) -> None:
    """Any value within a kind's declared field bounds encodes and parses back to itself."""
    assert callbacks.parse(press.encode()) == press


@pytest.mark.parametrize("kind", callbacks.KINDS, ids=lambda kind: kind.__name__)
def test_every_kind_fits_64_bytes_at_its_bounds(kind: type[Callback]) -> None:
    """Every value with its fields at their bounds encodes within 64 bytes, and parses back."""
    for press in _extremes(dict(kind.FIELDS), kind):
        assert len(press.encode().encode()) <= MAX_CALLBACK_BYTES
        assert kind.parse(press.encode()) == press
