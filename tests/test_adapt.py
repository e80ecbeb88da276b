"""The pain-monitoring model: green, amber and red, and the levels they move."""

from __future__ import annotations

import pytest

from bot.coaching.adapt import Light, State, after_warmup, light
from bot.coaching.plan import Prefs
from bot.config import PROJECT_ROOT
from bot.content import load_content

CONTENT = load_content(PROJECT_ROOT / "content")
MODEL = CONTENT.rules.pain_model
LEVELS = CONTENT.levels
QL = "quadratus-lumborum-stretch"


@pytest.mark.parametrize(
    ("before", "after", "lit"),
    [
        (3, 3, Light.GREEN),  # 0-3 and no worse
        (5, 0, Light.GREEN),
        (None, 3, Light.GREEN),
        (2, 3, Light.AMBER),  # low, but worse than before
        (4, 4, Light.AMBER),  # 4-5: amber
        (5, 5, Light.AMBER),
        (5, 6, Light.RED),  # 6 or more: red
        (8, 6, Light.RED),
        (1, 3, Light.RED),  # two points worse: red, whatever the number
        (None, 6, Light.RED),
    ],
)
def test_the_traffic_light(before: int | None, after: int, lit: Light) -> None:
    """Green, amber or red from the pain before and after, by the model's thresholds."""
    assert light(before, after, MODEL) is lit


def _run(state: State, *lights: Light, full: bool = True) -> State:
    for lit in lights:
        state, _ = after_warmup(state, lit, {QL}, LEVELS, MODEL, full=full)
    return state


def test_three_greens_in_a_row_step_up_one_level() -> None:
    """Three greens in a row move the exercise up one level and start the run again."""
    start = State(Prefs(), 0, gentle_next=False)
    two = _run(start, Light.GREEN, Light.GREEN)
    assert (two.prefs.level(QL), two.green_run) == (0, 2)
    state, change = after_warmup(two, Light.GREEN, {QL}, LEVELS, MODEL, full=True)
    assert (state.prefs.level(QL), state.green_run) == (1, 0)
    assert (change.step, change.moved) == (1, (QL,))


def test_amber_stays_and_breaks_the_run() -> None:
    """Amber keeps the level and starts the count of greens again."""
    state = _run(State(Prefs(), 0, gentle_next=False), Light.GREEN, Light.GREEN, Light.AMBER)
    assert (state.prefs.level(QL), state.green_run) == (0, 0)
    state = _run(state, Light.GREEN, Light.GREEN)
    assert state.prefs.level(QL) == 0  # two greens since the amber: not yet


def test_red_steps_down_and_offers_the_gentle_routine_next() -> None:
    """Red moves the level down one and offers the gentle routine next time."""
    start = State(Prefs().with_level(QL, 2), 2, gentle_next=False)
    state, change = after_warmup(start, Light.RED, {QL}, LEVELS, MODEL, full=True)
    assert (state.prefs.level(QL), state.green_run, state.gentle_next) == (1, 0, True)
    assert (change.step, change.gentle_next) == (-1, True)


def test_levels_never_pass_either_end() -> None:
    """Red at the bottom level and greens at the top leave the level where it is."""
    bottom = _run(State(Prefs(), 0, gentle_next=False), Light.RED)
    assert bottom.prefs.level(QL) == 0
    top = State(Prefs().with_level(QL, 3), 0, gentle_next=False)
    top = _run(top, Light.GREEN, Light.GREEN, Light.GREEN)
    assert top.prefs.level(QL) == 3


def test_only_the_exercises_done_move_and_only_in_the_full_warmup() -> None:
    """Only the exercises done move, only in the full warm-up; any red offers the gentle one."""
    start = State(Prefs(), 2, gentle_next=False)
    _, change = after_warmup(start, Light.GREEN, set(), LEVELS, MODEL, full=True)
    assert change.moved == ()
    quick = _run(State(Prefs(), 2, gentle_next=False), Light.GREEN, full=False)
    assert quick.prefs.level(QL) == 0
    red_quick, _ = after_warmup(start, Light.RED, {QL}, LEVELS, MODEL, full=False)
    assert red_quick.gentle_next  # a red anywhere offers the gentle routine next time
