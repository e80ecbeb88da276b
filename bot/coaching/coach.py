"""The routine as a state machine: where a warm-up is and what comes next.

Pure logic over content; no Telegram, no database. A position is a `Cursor`: the exercise, the
set and the side. Exercises done per side go left then right; exercises with sets go set by set
(sides inside each set). Where content gives a range of sets, the top of the range is guided
unless the person chose otherwise (`bot/coaching/plan.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.content import Prescription, Routine, Step


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Action(StrEnum):
    """What a user can do with the current sub-step."""

    DONE = "done"
    SKIP = "skip"


@dataclass(frozen=True, order=True)
class Cursor:
    """A position in a routine: 0-based exercise index, 1-based set, side if any."""

    step: int
    set: int = 1
    side: Side | None = None


# Rough time to get into position for each sub-step, and per rep, used for the intro estimate.
SETUP_SECONDS = 15
SECONDS_PER_REP = 5


def sub_steps(step_index: int, step: Step) -> list[Cursor]:
    """Every position of one exercise, in the order the user does them."""
    sides: list[Side | None] = [Side.LEFT, Side.RIGHT] if step.prescription.per_side else [None]
    return [
        Cursor(step_index, set_number, side)
        for set_number in range(1, step.prescription.guided_sets + 1)
        for side in sides
    ]


def first(routine: Routine) -> Cursor:
    """Where every warm-up of this routine starts."""
    return sub_steps(0, routine.steps[0])[0]


def is_valid(routine: Routine, cursor: Cursor) -> bool:
    """Whether the cursor names a real position in this routine."""
    if not 0 <= cursor.step < len(routine.steps):
        return False
    return cursor in sub_steps(cursor.step, routine.steps[cursor.step])


def advance(routine: Routine, cursor: Cursor, action: Action) -> Cursor | None:
    """The position after acting on `cursor`, or None when the routine is finished.

    `DONE` moves on by exactly one sub-step. `SKIP` leaves the rest of the exercise out: someone
    skipping the left side of a stretch does not want to be asked about the right side.
    """
    positions = sub_steps(cursor.step, routine.steps[cursor.step])
    index = positions.index(cursor)
    if action is Action.DONE and index + 1 < len(positions):
        return positions[index + 1]
    next_step = cursor.step + 1
    if next_step == len(routine.steps):
        return None
    return sub_steps(next_step, routine.steps[next_step])[0]


def is_first_of_step(cursor: Cursor) -> bool:
    """The first sub-step of an exercise shows the full instructions; later ones a short cue."""
    return cursor.set == 1 and cursor.side in (None, Side.LEFT)


def timer_seconds(step: Step) -> int | None:
    """How long the countdown for this exercise runs; None for exercises counted in reps."""
    return step.prescription.guided_seconds


def _measure_seconds(prescription: Prescription) -> int:
    if (seconds := prescription.guided_seconds) is not None:
        return seconds
    reps = prescription.guided_reps
    assert reps is not None  # content validation guarantees one measure
    return reps * SECONDS_PER_REP


def estimated_minutes(routine: Routine) -> int:
    """A rounded estimate of how long the routine takes, for the intro line."""
    total = sum(
        len(sub_steps(i, step)) * (_measure_seconds(step.prescription) + SETUP_SECONDS)
        for i, step in enumerate(routine.steps)
    )
    return max(1, round(total / 60))
