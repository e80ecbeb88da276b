"""Loads and validates everything in `content/`: routines and the texts the bot says.

Content is checked once, at start-up. A mistake in a file stops the bot with a message that
names the file and the field, instead of surfacing later as a broken message to a user.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

M = TypeVar("M", bound=BaseModel)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")]
Text = Annotated[str, Field(min_length=1)]


class ContentError(Exception):
    """A content file is missing, unreadable or invalid. The message names file and field."""


class _Strict(BaseModel):
    # Unknown fields are rejected so a typo ("hold_secs") fails loudly instead of being ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    """A number or a `min-max` range as the source writes it ("2-3 sets", "20-30 s")."""

    low: int = Field(ge=1)
    high: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"range {self.low}-{self.high} runs backwards")
        return self

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def _parse_range(value: object) -> object:
    if isinstance(value, bool):
        return value  # let pydantic reject it; bool is an int subclass
    if isinstance(value, int):
        return {"low": value, "high": value}
    if isinstance(value, str):
        low, sep, high = value.partition("-")
        if low.strip().isdigit() and (not sep or high.strip().isdigit()):
            return {"low": int(low), "high": int(high if sep else low)}
        raise ValueError(f"expected a number or a range like 2-3, got {value!r}")
    return value


RangeField = Annotated[Range, BeforeValidator(_parse_range)]


class Prescription(_Strict):
    """How much of an exercise to do. Exactly one measure: a hold, a duration or reps."""

    per_side: bool = False
    sets: RangeField = Range(low=1, high=1)
    hold_seconds: RangeField | None = None
    duration_seconds: RangeField | None = None
    reps: RangeField | None = None
    rep_unit: Literal["reps", "breaths"] = "reps"
    from_source: bool

    @model_validator(mode="after")
    def _one_measure(self) -> Prescription:
        measures = [self.hold_seconds, self.duration_seconds, self.reps]
        if sum(m is not None for m in measures) != 1:
            raise ValueError("give exactly one of hold_seconds, duration_seconds or reps")
        return self


class Step(_Strict):
    """One exercise of a routine."""

    id: Slug
    name: Text
    targets: list[Text] = Field(min_length=1)
    instructions: list[Text] = Field(min_length=1, max_length=12)
    prescription: Prescription
    why: Text


class Routine(_Strict):
    """An ordered list of exercises; every file in `content/routines/` is one."""

    id: Slug
    title: Text
    description: Text
    default: bool = False
    order: int = 100
    steps: list[Step] = Field(min_length=1, max_length=50)

    @field_validator("steps")
    @classmethod
    def _unique_step_ids(cls, steps: list[Step]) -> list[Step]:
        ids = [step.id for step in steps]
        if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"step ids must be unique, repeated: {', '.join(duplicates)}")
        return steps


class Command(_Strict):
    command: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,32}$")]
    description: Annotated[str, Field(min_length=1, max_length=256)]


class SideLabels(_Strict):
    left: Text
    right: Text


class PrescriptionTexts(_Strict):
    each_side: Text
    sets: Text
    hold: Text
    duration: Text
    reps: Text
    suggested: Text


class Outcomes(_Strict):
    done: Text
    skipped: Text
    stopped: Text
    sharp_pain: Text
    paused: Text


class Checkin(_Strict):
    """The 0-10 pain question before and after a warm-up."""

    before: Text
    after: Text
    recorded_before: Text
    recorded_after: Text
    change: Text
    skipped: Text
    flare_up_at: int = Field(ge=1, le=10)
    flare_up_routine: Slug
    flare_up: Text


class Milestones(_Strict):
    first: Text
    streak_3: Text
    streak_7: Text
    streak_30: Text


class ProgressTexts(_Strict):
    title: Text
    empty: Text
    streak: Text
    week: Text
    totals: Text
    completion: Text
    most_skipped: Text
    pain: Text
    pain_worse: Text
    insight_title: Text
    insight: Text
    chart_caption: Text
    chart_sessions: Text
    chart_pain: Text
    chart_before: Text
    chart_after: Text
    target_set: Text
    target_help: Text


class DataTexts(_Strict):
    export_caption: Text
    forget_ask: Text
    forgotten: Text
    kept: Text
    forget_expired: Text


class StreakDays(_Strict):
    one: Text
    many: Text


class Timer(_Strict):
    """The hold countdown: its pace and its words."""

    get_ready_seconds: int = Field(ge=0, le=30)
    update_every_seconds: int = Field(ge=3, le=60)
    bar_width: int = Field(ge=0, le=20)
    get_ready: Text
    running: Text
    stopped: Text
    finished: Text
    ended_early: Text
    ended: Text
    release: Text
    switch_side: Text
    next_set: Text


class Reminders(_Strict):
    """Daily reminders: their rules and their words."""

    snooze_minutes: int = Field(ge=5, le=180)
    max_snoozes: int = Field(ge=0, le=5)
    late_limit_minutes: int = Field(ge=0, le=24 * 60)
    presets: list[Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]] = Field(
        min_length=1, max_length=12
    )
    day_names: list[Text] = Field(min_length=7, max_length=7)
    every_day: Text
    weekdays: Text
    weekend: Text
    on_days: Text
    status_on: Text
    status_waiting: Text
    status_off: Text
    pick: Text
    pick_days: Text
    type_time: Text
    bad_time: Text
    turned_off: Text
    ask_zone: Text
    zone_now: Text
    zone_unset: Text
    bad_zone: Text
    message: Text
    message_streak: Text
    snoozed: Text
    skipped: Text
    started: Text
    no_more_snoozes: Text
    old_reminder: Text


class Notices(_Strict):
    stale: Text
    holding: Text
    not_holding: Text
    finished: Text
    not_yours: Text
    unknown: Text


class Buttons(_Strict):
    start: Text
    done: Text
    skip: Text
    stop: Text
    start_hold: Text
    start_timer: Text
    stop_hold: Text
    sharp_pain: Text
    pain_skip: Text
    quick: Text
    gentle: Text
    full_anyway: Text
    forget_yes: Text
    forget_no: Text
    remind_at: Text
    remind_type: Text
    remind_days: Text
    remind_off: Text
    remind_back: Text
    every_day: Text
    weekdays: Text
    weekend: Text
    day_on: Text
    day_off: Text
    reminder_start: Text
    reminder_quick: Text
    reminder_snooze: Text
    reminder_skip: Text
    resume: Text
    start_over: Text
    begin_routine: Text


# The fields each template may use; any other `{name}` in a text is a content error.
TEMPLATE_FIELDS: dict[str, set[str]] = {
    "intro": {"title", "count", "minutes"},
    "step_header": {"number", "total", "name"},
    "set_label": {"set", "sets"},
    "repeat_side": {"side"},
    "targets": {"targets"},
    "why": {"why"},
    "prescription.sets": {"sets"},
    "prescription.hold": {"seconds"},
    "prescription.duration": {"seconds"},
    "prescription.reps": {"reps", "unit"},
    "complete": {"done", "total", "skipped_list", "duration", "sessions", "streak"},
    "skipped_list": {"names"},
    "streak_days.many": {"days"},
    "stopped": {"done", "total"},
    "unfinished": {"title", "number", "total"},
    "routine_line": {"title", "count", "minutes"},
    "timer.get_ready": {"seconds"},
    "timer.running": {"left"},
    "timer.stopped": {"left"},
    "timer.finished": {"seconds"},
    "timer.ended_early": {"left"},
    "timer.switch_side": {"side"},
    "timer.next_set": {"set", "sets"},
    "buttons.start_hold": {"seconds"},
    "buttons.start_timer": {"seconds"},
    "checkin.recorded_before": {"pain"},
    "checkin.recorded_after": {"pain"},
    "checkin.change": {"before", "after"},
    "checkin.flare_up": {"pain", "minutes"},
    "progress.streak": {"streak", "best"},
    "progress.week": {"done", "target"},
    "progress.totals": {"sessions", "average"},
    "progress.completion": {"percent"},
    "progress.most_skipped": {"name", "times"},
    "progress.pain": {"change", "count"},
    "progress.pain_worse": {"change", "count"},
    "progress.insight": {"name", "change"},
    "progress.target_set": {"target"},
    "buttons.quick": {"minutes"},
    "reminders.on_days": {"days"},
    "reminders.status_on": {"time", "days", "zone"},
    "reminders.status_waiting": {"time", "days"},
    "reminders.zone_now": {"zone", "time"},
    "reminders.message": {"count", "minutes"},
    "reminders.message_streak": {"streak"},
    "reminders.snoozed": {"time"},
    "buttons.remind_at": {"time"},
    "buttons.remind_days": {"days"},
    "buttons.day_on": {"day"},
    "buttons.day_off": {"day"},
    "buttons.reminder_snooze": {"minutes"},
    "buttons.resume": {"number", "total"},
    "buttons.begin_routine": {"title"},
}


class Texts(_Strict):
    """Everything the bot says that is not part of a routine."""

    welcome: Text
    safety: Text
    help: Text
    commands: list[Command] = Field(min_length=1)
    intro: Text
    quick_routine: Slug
    checkin: Checkin
    sharp_pain: Text
    milestones: Milestones
    progress: ProgressTexts
    data: DataTexts
    step_header: Text
    set_label: Text
    side_labels: SideLabels
    repeat_side: Text
    repeat_set: Text
    targets: Text
    why: Text
    prescription: PrescriptionTexts
    outcomes: Outcomes
    complete: Text
    skipped_list: Text
    streak_days: StreakDays
    stopped: Text
    nothing_to_stop: Text
    unfinished: Text
    routines: Text
    routine_line: Text
    timer: Timer
    reminders: Reminders
    notices: Notices
    fallback: Text
    error: Text
    buttons: Buttons

    @model_validator(mode="after")
    def _known_placeholders(self) -> Texts:
        for path, template in _strings(self.model_dump(exclude={"commands"})):
            allowed = TEMPLATE_FIELDS.get(path, set())
            try:
                used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            except ValueError as exc:
                raise ValueError(f"{path}: {exc}") from exc
            if unknown := used - allowed:
                names = ", ".join(sorted(unknown))
                raise ValueError(f"{path}: unknown placeholder(s) {names}")
        return self


def _strings(tree: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            found.extend(_strings(value, f"{path}."))
    return found


class Content(_Strict):
    """All routines by id, plus the texts."""

    routines: dict[str, Routine]
    texts: Texts

    @property
    def default_routine(self) -> Routine:
        return next(r for r in self.routines.values() if r.default)

    def ordered_routines(self) -> list[Routine]:
        return sorted(self.routines.values(), key=lambda r: (r.order, r.title))


def load_content(directory: Path) -> Content:
    """Read and validate `texts.yaml` and every `routines/*.yaml` below `directory`."""
    texts = _load_file(directory / "texts.yaml", Texts)
    routine_files = sorted((directory / "routines").glob("*.yaml"))
    if not routine_files:
        raise ContentError(f"{directory / 'routines'}: no routine files (*.yaml) found")
    routines: dict[str, Routine] = {}
    for path in routine_files:
        routine = _load_file(path, Routine)
        if routine.id in routines:
            raise ContentError(f"{path}: id: routine id {routine.id!r} is used twice")
        routines[routine.id] = routine
    defaults = [r.id for r in routines.values() if r.default]
    if len(defaults) != 1:
        raise ContentError(
            f"{directory / 'routines'}: default: exactly one routine must set `default: true`, "
            f"found {len(defaults)}"
        )
    for field, wanted in (
        ("quick_routine", texts.quick_routine),
        ("checkin.flare_up_routine", texts.checkin.flare_up_routine),
    ):
        if wanted not in routines:
            raise ContentError(f"{directory / 'texts.yaml'}: {field}: no routine {wanted!r}")
    return Content(routines=routines, texts=texts)


def _load_file(path: Path, model: type[M]) -> M:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ContentError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: expected a mapping at the top level")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(top level)'}: {error['msg']}"
            for error in exc.errors()
        )
        raise ContentError(f"{path}: {problems}") from exc
