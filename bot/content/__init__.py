"""Loads and validates everything in `content/`: routines, words, rules and poses.

Content is checked once, at start-up. A mistake in a file stops the bot with a message that
names the file and the field, instead of surfacing later as a broken message to a user. The
schemas live beside this loader: `routines.py`, `texts.py` (with its parts), `rules.py`
(`safety.yaml`'s too) and `poses.py`. The words are Fluent files, one folder per language
(`content/locales/`, read by `locales.py`); `texts` and `routines` are those of the language
this update is answered in (`speaking.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.base import Strict, problems
from bot.content.command_texts import ProgressTexts
from bot.content.doses import options
from bot.content.fluent import FluentError
from bot.content.levels import Level, Levels
from bot.content.locales import Language, load_language
from bot.content.poses import Pose
from bot.content.routines import Prescription, Range, Routine, Step
from bot.content.rules import Precaution, ReminderRules, Rules, SafetyRules
from bot.content.speaking import speaking
from bot.content.texts import Texts

__all__ = [
    "Content",
    "ContentError",
    "Language",
    "Level",
    "Levels",
    "Pose",
    "Precaution",
    "Prescription",
    "ProgressTexts",
    "Range",
    "ReminderRules",
    "Routine",
    "Rules",
    "SafetyRules",
    "Step",
    "Texts",
    "load_content",
]

M = TypeVar("M", bound=BaseModel)


class ContentError(Exception):
    """A content file is missing, unreadable or invalid. The message names file and field."""


class Content(Strict):
    """Every language's words and routines, and the rules, poses and levels they share."""

    languages: dict[str, Language]  # by code; the first is the default
    rules: Rules
    poses: dict[str, Pose]  # each exercise's demonstration, by exercise id
    levels: Levels = Levels()
    safety: SafetyRules

    def language(self, code: str | None = None) -> Language:
        """The language `code`, else the one this update speaks, else the default."""
        return self.languages.get(code or speaking() or "") or next(iter(self.languages.values()))

    @property
    def texts(self) -> Texts:
        return self.language().texts

    @property
    def routines(self) -> dict[str, Routine]:
        return self.language().routines

    @property
    def default_routine(self) -> Routine:
        return next(r for r in self.routines.values() if r.default)

    @property
    def quick_routine(self) -> Routine:
        return self.routines[self.rules.routines.quick]

    @property
    def flare_up_routine(self) -> Routine:
        return self.routines[self.rules.routines.flare_up]

    def exercises(self) -> dict[str, Step]:
        """Every exercise of every routine by id, the standing alternatives included."""
        return {
            done.id: done
            for routine in self.routines.values()
            for step in routine.steps
            for done in (step, step.instead)
            if done is not None
        }

    def ordered_routines(self) -> list[Routine]:
        return sorted(self.routines.values(), key=lambda r: (r.order, r.title))


def load_content(directory: Path) -> Content:
    """Read and validate `rules.yaml`, every `routines/*.yaml` and every language of
    `locales/` that the rules offer, in `directory`."""
    rules = _load_file(directory / "rules.yaml", Rules)
    languages = _load_languages(directory, rules)
    texts, routines = (
        languages[rules.languages.offered[0]].texts,
        _routines_of(directory, languages),
    )
    for field, wanted in (
        ("routines.quick", rules.routines.quick),
        ("routines.flare_up", rules.routines.flare_up),
    ):
        if wanted not in routines:
            raise ContentError(f"{directory / 'rules.yaml'}: {field}: no routine {wanted!r}")
    poses = _load_poses(directory / "poses", routines)
    levels = _load_file(directory / "levels.yaml", Levels)
    _check_levels(directory / "levels.yaml", levels, routines, rules)
    safety = _load_file(directory / "safety.yaml", SafetyRules)
    _check_precautions(directory / "safety.yaml", safety, routines, texts)
    return Content(languages=languages, rules=rules, poses=poses, levels=levels, safety=safety)


def _load_languages(directory: Path, rules: Rules) -> dict[str, Language]:
    """Every offered language's words on the routines' numbers; the first language's routines
    are checked as content/routines/ always were."""
    raw = _raw_routines(directory / "routines")
    languages = {}
    for code in rules.languages.offered:
        try:
            languages[code] = load_language(directory / "locales" / code, raw)
        except FluentError as exc:
            raise ContentError(str(exc)) from exc
    return languages


def _routines_of(directory: Path, languages: dict[str, Language]) -> dict[str, Routine]:
    routines = next(iter(languages.values())).routines
    defaults = [r.id for r in routines.values() if r.default]
    if len(defaults) != 1:
        raise ContentError(
            f"{directory}/routines: default: exactly one routine must set `default: true`, "
            f"found {len(defaults)}"
        )
    return routines


def _check_precautions(
    path: Path, safety: SafetyRules, routines: dict[str, Routine], texts: Texts
) -> None:
    """Every exercise a precaution names is in a routine (a swap: one with an `instead`), and
    every precaution has its words in the texts."""
    steps = {step.id: step for routine in routines.values() for step in routine.steps}
    done = set(steps) | {step.instead.id for step in steps.values() if step.instead}
    for precaution in safety.precautions:
        where = f"{path}: {precaution.id}"
        for exercise in precaution.leave_out + precaution.swap:
            if exercise not in done:
                raise ContentError(f"{where}: {exercise}: not an exercise of any routine")
        for exercise in precaution.swap:
            if exercise not in steps or steps[exercise].instead is None:
                raise ContentError(f"{where}: {exercise}: no `instead` to swap it for")
        for part in ("labels", "reasons"):
            if precaution.id not in getattr(texts.precautions, part):
                raise ContentError(f"{where}: no texts precautions.{part}.{precaution.id}")


def _check_levels(path: Path, levels: Levels, routines: dict[str, Routine], rules: Rules) -> None:
    """Every level names an exercise of the full warm-up and only values /settings offers
    for it (the source's range, or the band around a suggestion)."""
    full = next(r for r in routines.values() if r.default)
    steps = {step.id: step for step in full.steps}
    for exercise, ladder in levels.exercises.items():
        if exercise not in steps:
            raise ContentError(f"{path}: {exercise}: not an exercise of {full.id!r}")
        offered = options(steps[exercise].prescription, rules.doses)
        for number, level in enumerate(ladder, start=1):
            for value, allowed, name in (
                (level.seconds, offered.seconds, "seconds"),
                (level.sets, offered.sets or (steps[exercise].prescription.guided_sets,), "sets"),
                (level.reps, offered.reps, "reps"),
            ):
                if value is not None and value not in allowed:
                    raise ContentError(
                        f"{path}: {exercise}: level {number}: {name} {value} is outside "
                        f"{', '.join(map(str, allowed)) or 'what the exercise has'}"
                    )


def _raw_routines(folder: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Each routine file's numbers and structure by id; its words come from each language."""
    routine_files = sorted(folder.glob("*.yaml"))
    if not routine_files:
        raise ContentError(f"{folder}: no routine files (*.yaml) found")
    routines: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in routine_files:
        raw = _read_yaml(path)
        if not isinstance(raw.get("id"), str):
            raise ContentError(f"{path}: id: every routine needs an id")
        if raw["id"] in routines:
            raise ContentError(f"{path}: id: routine id {raw['id']!r} is used twice")
        routines[raw["id"]] = (path, raw)
    return routines


def _load_poses(folder: Path, routines: dict[str, Routine]) -> dict[str, Pose]:
    """Every exercise's pose file; each exercise of every routine must have one, drawing one
    side exactly when the exercise is done on each side."""
    steps = {
        step.id: step
        for routine in routines.values()
        for listed in routine.steps
        for step in (listed, listed.instead)
        if step is not None
    }
    poses = {}
    for exercise, step in sorted(steps.items()):
        path = folder / f"{exercise}.yaml"
        if not path.exists():
            raise ContentError(f"{path}: missing: every exercise needs its demonstration")
        pose = _load_file(path, Pose)
        if pose.exercise != exercise:
            raise ContentError(f"{path}: exercise: {pose.exercise!r} is not {exercise!r}")
        if (pose.side is not None) != step.prescription.per_side:
            raise ContentError(f"{path}: side: set it exactly when the exercise has sides")
        poses[exercise] = pose
    return poses


def _load_file(path: Path, model: type[M]) -> M:
    raw = _read_yaml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(f"{path}: {problems(exc)}") from exc


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ContentError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: expected a mapping at the top level")
    return raw
