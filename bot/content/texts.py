"""The text schema: everything the bot says that is not part of a routine.

Only words live here, and the `{fields}` each template may use: what a translator changes.
Numbers that change behaviour are rules (`bot/content/rules.py`).
"""

from __future__ import annotations

import string
from typing import Annotated, Any

from pydantic import Field, model_validator

from bot.content.base import Strict, Text


class Command(Strict):
    command: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,32}$")]
    description: Annotated[str, Field(min_length=1, max_length=256)]


class SideLabels(Strict):
    left: Text
    right: Text


class PrescriptionTexts(Strict):
    each_side: Text
    sets: Text
    hold: Text
    duration: Text
    reps: Text
    suggested: Text
    chosen: Text
    level: Text


class Outcomes(Strict):
    done: Text
    skipped: Text
    stopped: Text
    sharp_pain: Text
    paused: Text


class Checkin(Strict):
    """The 0-10 pain question before and after a warm-up."""

    before: Text
    after: Text
    recorded_before: Text
    recorded_after: Text
    change: Text
    skipped: Text
    flare_up: Text
    rest_today: Text  # a check-in at rules.checkin.rest_at or above
    go_gently: Text  # the safety line when the gentle routine starts on a high check-in


class Milestones(Strict):
    first: Text
    streak_3: Text
    streak_7: Text
    streak_30: Text


class ProgressTexts(Strict):
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
    insight_less: Text
    insight_basis: Text
    no_contrast: Text
    warmup_one: Text
    warmup_many: Text
    levels: Text
    level: Text
    chart_caption: Text
    chart_sessions: Text
    chart_pain: Text
    chart_before: Text
    chart_after: Text
    target_set: Text
    target_help: Text


class DataTexts(Strict):
    export_caption: Text
    forget_ask: Text
    forgotten: Text
    kept: Text
    forget_expired: Text


class PicturesTexts(Strict):
    shown: Text
    hidden: Text
    usage: Text


class ScreeningTexts(Strict):
    """The red-flag screen: asked before the first warm-up, and with /safety."""

    questions: Text
    flagged: Text
    clinician_recorded: Text
    clear_recorded: Text
    yes: Text
    none: Text
    clinician: Text


class AdaptTexts(Strict):
    """What the pain model made of a warm-up, under its summary."""

    green: Text
    green_run: Text
    amber: Text
    red: Text
    worse: Text
    up: Text
    down: Text
    moved: Text
    gentle_next: Text
    gentle_offer: Text  # on the next check-in, after a red warm-up


class MorningTexts(Strict):
    question: Text
    better: Text
    same: Text
    worse: Text
    noted_better: Text
    noted_same: Text
    noted_worse: Text


class RestTexts(Strict):
    taken: Text
    already: Text
    warmed_up: Text


class OfferTexts(Strict):
    """How the offer for an unfinished warm-up ends: which button was chosen."""

    resumed: Text
    started_over: Text


class SettingsButtons(Strict):
    hands_free: Text
    switch: Text
    rest: Text
    roller: Text
    pictures: Text
    morning: Text
    exercises: Text
    reminder: Text
    zone: Text
    target: Text
    close: Text
    reset: Text
    back: Text


class SettingsTexts(Strict):
    """/settings: its pages and buttons."""

    main: Text
    on: Text
    off: Text
    yes: Text
    no: Text
    zone_unset: Text
    switch_page: Text
    rest_page: Text
    exercises_page: Text
    exercise_page: Text
    from_source: Text
    suggested: Text
    target_page: Text
    zone_page: Text
    seconds: Text
    sets: Text
    reps: Text
    level: Text
    changed: Text  # the toast after a change
    not_offered: Text  # the toast for a forged or outdated choice
    buttons: SettingsButtons


class ArmLabels(Strict):
    """A word or label for each side."""

    left: Text
    right: Text


class StreakDays(Strict):
    one: Text
    many: Text


class Timer(Strict):
    """The hold countdown's words."""

    get_ready: Text
    running: Text
    stopped: Text
    finished: Text
    ended_early: Text
    ended: Text
    release: Text
    switch_side: Text
    next_set: Text
    # Hands-free: the pause between holds, what comes next, and a paused countdown.
    switching: Text
    resting: Text
    up_next: Text
    up_end: Text
    paused: Text


class ReminderTexts(Strict):
    """Daily reminders: their words."""

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
    bad_typed_time: Text
    bad_time: Text
    turned_off: Text
    ask_zone: Text
    zone_now: Text
    zone_unset: Text
    bad_zone: Text
    fixed_offset: Text
    message: Text
    message_streak: Text
    snoozed: Text
    skipped: Text
    started: Text
    no_more_snoozes: Text
    old_reminder: Text


class GroupTexts(Strict):
    """What a group member hears when something belongs to someone else."""

    not_yours: Text  # a toast, under Telegram's 200-character limit
    someone: Text  # the name when Telegram does not give one
    admins_only: Text


class Notices(Strict):
    stale: Text
    holding: Text
    not_holding: Text
    finished: Text
    not_yours: Text
    unknown: Text
    too_fast: Text
    not_sent: Text


class Buttons(Strict):
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
    remind_save: Text
    every_day: Text
    weekdays: Text
    weekend: Text
    day_on: Text
    day_off: Text
    reminder_start: Text
    reminder_quick: Text
    reminder_snooze: Text
    reminder_skip: Text
    pause: Text
    go_on: Text
    resume: Text
    start_over: Text
    begin_routine: Text


# The fields each template may use; any other `{name}` in a text is a content error.
TEMPLATE_FIELDS: dict[str, set[str]] = {
    "needs_roller": {"count", "names"},
    "groups.not_yours": {"name"},
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
    "prescription.level": {"level", "levels"},
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
    "timer.switching": {"seconds"},
    "timer.resting": {"seconds"},
    "timer.up_next": {"what"},
    "timer.paused": {"left"},
    "buttons.start_hold": {"seconds"},
    "buttons.start_timer": {"seconds"},
    "checkin.recorded_before": {"pain"},
    "checkin.recorded_after": {"pain"},
    "checkin.change": {"before", "after"},
    "checkin.flare_up": {"pain", "minutes"},
    "checkin.rest_today": {"pain", "minutes"},
    "checkin.go_gently": {"pain"},
    "progress.streak": {"streak", "best"},
    "progress.week": {"done", "target"},
    "progress.totals": {"sessions", "average"},
    "progress.completion": {"percent"},
    "progress.most_skipped": {"name", "times"},
    "progress.pain": {"change", "count"},
    "progress.pain_worse": {"change", "count"},
    "progress.insight": {"name", "change", "with_it", "without_it"},
    "progress.insight_less": {"name", "change", "with_it", "without_it"},
    "progress.insight_basis": {"count"},
    "rest.already": {"day"},
    "adapt.green": {"after"},
    "adapt.green_run": {"greens"},
    "adapt.amber": {"after"},
    "adapt.red": {"after"},
    "adapt.worse": {"points"},
    "adapt.moved": {"name", "prescription"},
    "progress.no_contrast": {"least"},
    "progress.warmup_one": {"count"},
    "progress.levels": {"levels"},
    "progress.level": {"name", "level", "levels"},
    "progress.warmup_many": {"count"},
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
    "settings.main": {
        "hands_free",
        "switch",
        "rest",
        "roller",
        "pictures",
        "morning",
        "reminder",
        "zone",
        "target",
    },
    "settings.exercise_page": {"name", "prescription", "source"},
    "settings.target_page": {"target"},
    "settings.zone_page": {"zone"},
    "settings.seconds": {"seconds", "sets", "reps"},
    "settings.sets": {"seconds", "sets", "reps"},
    "settings.reps": {"seconds", "sets", "reps"},
    "settings.level": {"level"},
    "settings.buttons.hands_free": {"value"},
    "settings.buttons.switch": {"seconds"},
    "settings.buttons.rest": {"seconds"},
    "settings.buttons.roller": {"value"},
    "settings.buttons.pictures": {"value"},
    "settings.buttons.morning": {"value"},
    "settings.buttons.target": {"target"},
}


class Texts(Strict):
    """Everything the bot says that is not part of a routine."""

    welcome: Text
    safety: Text
    help: Text
    commands: list[Command] = Field(min_length=1)
    intro: Text
    needs_roller: Text
    alternative: Text  # under an exercise the source does not give (no foam roller)
    checkin: Checkin
    sharp_pain: Text
    milestones: Milestones
    progress: ProgressTexts
    data: DataTexts
    pictures: PicturesTexts
    settings: SettingsTexts
    step_header: Text
    set_label: Text
    side_labels: SideLabels
    arm_labels: ArmLabels
    side_words: ArmLabels  # "left" and "right" inside a sentence
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
    nothing_done: Text  # the end of a warm-up whose every exercise was skipped
    unfinished: Text
    offer: OfferTexts
    screening: ScreeningTexts
    adapt: AdaptTexts
    rest: RestTexts
    morning: MorningTexts
    routines: Text
    routine_line: Text
    timer: Timer
    reminders: ReminderTexts
    notices: Notices
    groups: GroupTexts
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
