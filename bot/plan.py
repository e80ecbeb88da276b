"""A routine as one person does it: their holds, sets and reps, and the foam roller or not.

Pure logic over content. Content gives each exercise its range (the source's, or a band
around our suggestion); a person's choices in /settings pick within it, and `personalise`
turns a routine into the one the coach guides them through.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.coach import Cursor
from bot.content import Prescription, Range, Routine, Step
from bot.content.rules import DoseRules


@dataclass(frozen=True)
class Dose:
    """One exercise as a person chose it; None keeps what content guides."""

    seconds: int | None = None
    sets: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Prefs:
    """Everything a chat chose about how its warm-ups run."""

    hands_free: bool = True
    switch_seconds: int | None = None  # None: the content's default
    rest_seconds: int | None = None
    roller: bool = True
    doses: tuple[tuple[str, Dose], ...] = field(default=())  # by exercise id, sorted

    def dose(self, exercise_id: str) -> Dose:
        return dict(self.doses).get(exercise_id, Dose())

    def with_dose(self, exercise_id: str, dose: Dose) -> Prefs:
        doses = dict(self.doses) | {exercise_id: dose}
        kept = tuple(sorted((key, value) for key, value in doses.items() if value != Dose()))
        return Prefs(self.hands_free, self.switch_seconds, self.rest_seconds, self.roller, kept)


@dataclass(frozen=True)
class Options:
    """What /settings offers for one exercise; empty where the exercise has no such measure."""

    seconds: tuple[int, ...]
    sets: tuple[int, ...]
    reps: tuple[int, ...]


def options(rx: Prescription, rules: DoseRules) -> Options:
    """The choices for an exercise: inside the source's range, or a band around a suggestion."""
    seconds: tuple[int, ...] = ()
    if rx.timed is not None:
        seconds = _within(rx.timed, rx.from_source, rules, ladder=rules.hold_ladder)
    reps: tuple[int, ...] = ()
    if rx.reps is not None:
        ladder = list(range(1, rx.reps.high * 3 + 1))
        reps = _within(rx.reps, rx.from_source, rules, ladder=ladder)
    if rx.from_source or rx.sets.low != rx.sets.high:
        sets = tuple(range(rx.sets.low, rx.sets.high + 1))
    else:
        sets = tuple(range(1, rx.sets.high + rules.extra_sets + 1))
    return Options(seconds, sets if len(sets) > 1 else (), reps)


def _within(
    band: Range, from_source: bool, rules: DoseRules, *, ladder: list[int]
) -> tuple[int, ...]:
    if from_source or band.low != band.high:
        low, high = band.low, band.high
    else:
        low = math.ceil(band.high * rules.band_low)
        high = math.floor(band.high * rules.band_high)
    chosen = sorted({v for v in ladder if low <= v <= high} | {band.low, band.high})
    while len(chosen) > rules.max_choices:  # thin evenly, keeping both ends and the default
        chosen = [v for i, v in enumerate(chosen) if i % 2 == 0 or v in (high, band.high)]
    return tuple(chosen)


def personalise(
    routine: Routine, prefs: Prefs, rules: DoseRules, *, full: bool, at: Cursor | None = None
) -> Routine:
    """The routine as `prefs` shape it.

    Doses shape the full warm-up only (`full`); the quick and gentle versions keep their own
    short doses. The foam roller choice applies everywhere. `at` is where a warm-up stands:
    a set already under way stays in the plan even if fewer sets were chosen since.
    """
    shaped = _personalised(routine, prefs, rules, full)
    if at is None or at.step >= len(shaped.steps):
        return shaped
    step = shaped.steps[at.step]
    if at.set <= step.prescription.guided_sets:
        return shaped
    kept = _with_rx(step, step.prescription.model_copy(update={"chosen_sets": at.set}))
    steps = [kept if i == at.step else s for i, s in enumerate(shaped.steps)]
    return shaped.model_copy(update={"steps": steps})


# Personalised routines by (routine, rules, prefs, full); content objects live as long as the
# process, so their ids are stable keys. Few distinct preferences exist, so this stays small.
_SHAPED: dict[tuple[int, int, Prefs, bool], Routine] = {}
_SHAPED_MAX = 4096


def _personalised(routine: Routine, prefs: Prefs, rules: DoseRules, full: bool) -> Routine:
    if prefs == Prefs() or (not full and prefs.roller):
        return routine
    key = (id(routine), id(rules), prefs, full)
    if (shaped := _SHAPED.get(key)) is None:
        if len(_SHAPED) >= _SHAPED_MAX:
            _SHAPED.clear()
        steps = [_step(step, prefs, rules, full) for step in routine.steps]
        shaped = _SHAPED[key] = routine.model_copy(update={"steps": steps})
    return shaped


def _step(step: Step, prefs: Prefs, rules: DoseRules, full: bool) -> Step:
    if not prefs.roller and step.instead is not None:
        step = step.instead
    if not full:
        return step
    dose, offered = prefs.dose(step.id), options(step.prescription, rules)
    chosen = {
        "chosen_seconds": dose.seconds if dose.seconds in offered.seconds else None,
        "chosen_sets": dose.sets if dose.sets in offered.sets else None,
        "chosen_reps": dose.reps if dose.reps in offered.reps else None,
    }
    if not any(chosen.values()):
        return step
    return _with_rx(step, step.prescription.model_copy(update=chosen))


def _with_rx(step: Step, rx: Prescription) -> Step:
    return step.model_copy(update={"prescription": rx})
