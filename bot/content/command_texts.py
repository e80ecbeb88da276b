"""The text schema's words for the commands around a warm-up: /progress, /settings,
reminders, the red-flag screen, data, pictures, rest days and group chats.

Part of the text schema (the top-level model is `Texts` in `texts.py`); the words said
during a warm-up are in `warmup_texts.py`. Only words live here: what a translator changes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bot.content.base import Strict, Text


class Command(Strict):
    command: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,32}$")]
    description: Annotated[str, Field(min_length=1, max_length=256)]


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
    trend: Text  # the pain before warm-ups, recent days against the days before
    warmups: Text  # "{count} warm-ups", with the language's plural forms
    levels: Text
    level: Text
    chart_caption: Text
    chart_sessions: Text
    chart_pain: Text
    chart_before: Text
    chart_after: Text
    target_set: Text
    target_help: Text


class DataAbout(Strict):
    """What each table of the /export file holds, written into the file beside it."""

    chats: Text
    reminders: Text
    warmup_sessions: Text
    step_events: Text
    rest_days: Text
    milestones: Text
    inbox: Text
    people: Text


class DataTexts(Strict):
    about: DataAbout
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
    not_flagged: Text
    clear_noted: Text  # the questions of a first warm-up, once answered "none"
    clear_for_you: Text  # "none", tapped by someone else under a person's questions
    yes: Text
    none: Text
    clinician: Text


class PrecautionTexts(Strict):
    """The precautions: asked once after the first check-in, changed in /settings."""

    question: Text
    labels: dict[str, Text]  # by precaution id (content/safety.yaml), on its button
    reasons: dict[str, Text]  # by precaution id: what it changes, shown with the plan
    none_recorded: Text
    noted: Text  # in a group: the answer was given (not what it was)
    changed: Text  # heads the list of what changed, and says it is our suggestion
    left_out: Text
    swapped: Text
    none: Text
    done: Text
    leave_out: Text  # the button under the check-in after a sharp-pain stop
    left_out_now: Text
    page: Text  # /settings
    nothing_left_out: Text
    put_back: Text


class RestTexts(Strict):
    taken: Text
    already: Text
    warmed_up: Text


class SettingsButtons(Strict):
    hands_free: Text
    audio_guide: Text
    switch: Text
    rest: Text
    roller: Text
    pictures: Text
    morning: Text
    exercises: Text
    precautions: Text
    reminder: Text
    zone: Text
    language: Text
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


class ReminderTexts(Strict):
    """Daily reminders: their words."""

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
    busy: Text  # /warmup while someone else's warm-up runs in the group
    in_private: Text  # its button: a warm-up of one's own, in the private chat


class TypedTexts(Strict):
    """What a typed message that answers nothing open is told: what is open, by its kind."""

    screening: Text
    before: Text
    buttons: Text
    step: Text
    after: Text
