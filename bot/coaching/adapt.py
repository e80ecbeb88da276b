"""The coach adapts: the pain-monitoring model read after each warm-up, and the levels it moves.

Pure logic over content rules. After a warm-up, the check-in against the one before it is green,
amber or red (`rules.yaml`, `pain_model`). Red steps each exercise just done down one level and
offers the gentle routine next time; amber stays; green counts, and enough greens in a row step
each exercise just done up one level. Levels never go past either end of `levels.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from bot.coaching.plan import Prefs
from bot.content import Levels
from bot.content.rules import PainModel


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


def light(before: int | None, after: int, model: PainModel) -> Light:
    """The traffic light for a warm-up: how the back is after it, against before it."""
    worse = before is not None and after - before >= model.worse_by
    if after >= model.red_from or worse:
        return Light.RED
    if after <= model.green_max and (before is None or after <= before):
        return Light.GREEN
    return Light.AMBER


@dataclass(frozen=True)
class State:
    """What the model keeps per chat between warm-ups."""

    prefs: Prefs
    green_run: int
    gentle_next: bool


@dataclass(frozen=True)
class Change:
    """What one warm-up's light changed for next time."""

    light: Light
    step: int  # +1 a level up, -1 down, 0 none
    moved: tuple[str, ...]  # the exercises whose level moved
    greens: int  # green warm-ups in a row, after this one
    gentle_next: bool


def after_warmup(
    state: State,
    lit: Light,
    done: set[str],
    levels: Levels,
    model: PainModel,
    *,
    full: bool,
) -> tuple[State, Change]:
    """The state after a warm-up of `done` exercises whose check-in came out `lit`.

    Only the full warm-up moves levels (the quick and gentle ones keep their own doses), but a
    red in any of them offers the gentle routine next time.
    """
    greens = state.green_run + 1 if lit is Light.GREEN and full else 0
    step = 0
    if full and lit is Light.RED:
        step = -1
    elif full and greens >= model.greens_to_step_up:
        step, greens = 1, 0
    prefs, moved = state.prefs, []
    for exercise in sorted(done) if step else []:
        ladder = levels.of(exercise)
        level = prefs.level(exercise)
        if ladder and 0 <= level + step < len(ladder):
            prefs = prefs.with_level(exercise, level + step)
            moved.append(exercise)
    gentle = lit is Light.RED
    new = replace(state, prefs=prefs, green_run=greens, gentle_next=gentle)
    return new, Change(lit, step if moved else 0, tuple(moved), greens, gentle)
