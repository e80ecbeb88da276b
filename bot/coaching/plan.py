"""A routine as one person does it: their holds, sets and reps, the foam roller or not, and
what their precautions change.

Pure logic over content. Content gives each exercise its range (the source's, or a band
around our suggestion); a person's choices in /settings pick within it, and `personalise`
turns a routine into the one the coach guides them through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bot.coaching.coach import Cursor
from bot.content import Levels, Prescription, Routine, Step
from bot.content.doses import Options, options
from bot.content.rules import DoseRules


@dataclass(frozen=True)
class Dose:
    """One exercise as a person chose it; None keeps what content guides."""

    seconds: int | None = None
    sets: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Changes:
    """What is fixed on one warm-up when it begins: what its person's precautions and
    left-out exercises change (exercises left out, and foam rolls swapped for their standing
    stretch, by exercise id), and whether the chat had a foam roller then (None on warm-ups
    begun before that was kept: the chat's choice now applies)."""

    left_out: tuple[str, ...] = ()
    swapped: tuple[str, ...] = ()
    roller: bool | None = None

    def __bool__(self) -> bool:
        """Whether the person's precautions change anything (the roller is the chat's)."""
        return bool(self.left_out or self.swapped)

    def row(self) -> dict[str, object] | None:
        """As the warm-up's row stores it; None when nothing is fixed."""
        if not self and self.roller is None:
            return None
        row: dict[str, object] = {"left_out": list(self.left_out), "swapped": list(self.swapped)}
        if self.roller is not None:
            row["roller"] = self.roller
        return row

    @staticmethod
    def of_row(row: Mapping[str, object] | None) -> Changes:
        row = row or {}
        roller = row.get("roller")
        return Changes(
            _ids(row.get("left_out")),
            _ids(row.get("swapped")),
            roller if isinstance(roller, bool) else None,
        )


def _ids(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


@dataclass(frozen=True)
class Prefs:
    """Everything a chat chose about how its warm-ups run."""

    hands_free: bool = True
    audio_guide: bool = False  # every ⏱ Start sends the audio guide too (/settings)
    switch_seconds: int | None = None  # None: the content's default
    rest_seconds: int | None = None
    roller: bool = True
    doses: tuple[tuple[str, Dose], ...] = field(default=())  # by exercise id, sorted
    levels: tuple[tuple[str, int], ...] = field(default=())  # 0-based, by exercise id, sorted
    pictures: bool = True  # an exercise's first step shows its animation (/pictures)
    changes: Changes = field(default=Changes())  # the warm-up's person's, not the chat's

    def planned(self, changes: Changes) -> Prefs:
        """These preferences as a warm-up fixed with `changes` runs: its roller choice wins
        over the chat's now, so a change in /settings never re-orders a warm-up under way."""
        roller = self.roller if changes.roller is None else changes.roller
        return replace(self, changes=changes, roller=roller)

    def dose(self, exercise_id: str) -> Dose:
        return dict(self.doses).get(exercise_id, Dose())

    def level(self, exercise_id: str) -> int:
        """The exercise's level, 0 for the first (where every new person starts)."""
        return dict(self.levels).get(exercise_id, 0)

    def with_dose(self, exercise_id: str, dose: Dose) -> Prefs:
        doses = dict(self.doses) | {exercise_id: dose}
        kept = tuple(sorted((key, value) for key, value in doses.items() if value != Dose()))
        return replace(self, doses=kept)

    def with_level(self, exercise_id: str, level: int) -> Prefs:
        """At `level` for the exercise; a hold, set or rep count chosen by hand gives way."""
        levels = dict(self.levels) | {exercise_id: level}
        doses = tuple((key, dose) for key, dose in self.doses if key != exercise_id)
        return replace(self, levels=tuple(sorted(levels.items())), doses=doses)


def personalise(
    routine: Routine,
    prefs: Prefs,
    rules: DoseRules,
    levels: Levels,
    *,
    full: bool,
    at: Cursor | None = None,
) -> Routine:
    """The routine as `prefs` shape it.

    Levels and doses shape the full warm-up only (`full`); the quick and gentle versions keep
    their own short doses. A dose chosen by hand wins over the level's. The foam roller choice
    applies everywhere. `at` is where a warm-up stands: a set already under way stays in the
    plan even if fewer sets were chosen since.
    """
    shaped = _personalised(routine, prefs, rules, levels, full)
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
_SHAPED: dict[tuple[int, int, int, Prefs, bool], Routine] = {}
_SHAPED_MAX = 4096


def _personalised(
    routine: Routine, prefs: Prefs, rules: DoseRules, levels: Levels, full: bool
) -> Routine:
    prefs = replace(prefs, pictures=True)  # pictures do not change what is done
    plain = prefs.roller and prefs.changes == Changes()
    if (not full and plain) or (prefs == Prefs() and not levels.exercises):
        return routine  # nothing to shape
    key = (id(routine), id(rules), id(levels), prefs, full)
    if (shaped := _SHAPED.get(key)) is None:
        if len(_SHAPED) >= _SHAPED_MAX:
            _SHAPED.clear()
        done = [_swapped(step, prefs) for step in routine.steps]
        kept = [step for step in done if step.id not in prefs.changes.left_out]
        # The standing stretches that replace the foam rolls go last, so a person gets down
        # to the floor once (and stands up once) instead of floor, standing, floor again.
        kept.sort(key=lambda step: step.alternative)
        steps = [_step(step, prefs, rules, levels, full) for step in kept]
        shaped = _SHAPED[key] = routine.model_copy(update={"steps": steps})
    return shaped


def _swapped(step: Step, prefs: Prefs) -> Step:
    """The step as done: its standing stretch without a roller, or when a precaution says."""
    swap = not prefs.roller or step.id in prefs.changes.swapped
    return step.instead if swap and step.instead is not None else step


def level_dose(levels: Levels, exercise_id: str, level: int) -> Dose:
    """What a level guides (clamped to the exercise's ladder); nothing for an exercise
    without levels."""
    ladder = levels.of(exercise_id)
    if not ladder:
        return Dose()
    chosen = ladder[max(0, min(level, len(ladder) - 1))]
    return Dose(chosen.seconds, chosen.sets, chosen.reps)


def _step(step: Step, prefs: Prefs, rules: DoseRules, levels: Levels, full: bool) -> Step:
    if not full:
        return step
    offered, ladder = options(step.prescription, rules), levels.of(step.id)
    manual = _offered(prefs.dose(step.id), offered)
    leveled = _offered(level_dose(levels, step.id, prefs.level(step.id)), offered)
    dose = Dose(
        manual.seconds or leveled.seconds, manual.sets or leveled.sets, manual.reps or leveled.reps
    )
    update: dict[str, object] = {
        "chosen_seconds": dose.seconds,
        "chosen_sets": dose.sets,
        "chosen_reps": dose.reps,
        "by_hand": manual != Dose(),
    }
    if ladder:
        update |= {"level": min(prefs.level(step.id), len(ladder) - 1) + 1, "levels": len(ladder)}
    if update == {
        "chosen_seconds": None,
        "chosen_sets": None,
        "chosen_reps": None,
        "by_hand": False,
    }:
        return step
    return _with_rx(step, step.prescription.model_copy(update=update))


def _offered(dose: Dose, offered: Options) -> Dose:
    """Only the values on offer now: stored choices from older content are not trusted."""
    return Dose(
        dose.seconds if dose.seconds in offered.seconds else None,
        dose.sets if dose.sets in offered.sets else None,
        dose.reps if dose.reps in offered.reps else None,
    )


def _with_rx(step: Step, rx: Prescription) -> Step:
    return step.model_copy(update={"prescription": rx})
