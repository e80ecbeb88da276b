"""The rules schema: the numbers that decide how the bot behaves, apart from its words.

Timings, thresholds and limits live in `content/rules.yaml`, so a translator editing
`texts.yaml` cannot change behaviour, and a change of rule is reviewed as one.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bot.content.base import Slug, Strict

LocalTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class TimerRules(Strict):
    """The hold countdown's pace."""

    get_ready_seconds: int = Field(ge=0, le=30)
    update_every_seconds: int = Field(ge=3, le=60)
    bar_width: int = Field(ge=0, le=20)


class ReminderRules(Strict):
    """Daily reminders: snoozing, lateness, and the times the picker offers."""

    snooze_minutes: int = Field(ge=5, le=180)
    max_snoozes: int = Field(ge=0, le=5)
    late_limit_minutes: int = Field(ge=0, le=24 * 60)
    presets: list[LocalTime] = Field(min_length=1, max_length=12)


class RoutineChoices(Strict):
    """Which routine is offered where, by id."""

    quick: Slug  # on the check-in and under a reminder, for a busy day
    flare_up: Slug  # after a high check-in


class CheckinRules(Strict):
    flare_up_at: int = Field(ge=1, le=10)  # a check-in this high offers the flare-up routine


class ProgressRules(Strict):
    """What /progress looks at, and how much data an insight needs."""

    chart_days: int = Field(ge=7, le=366)
    insight_min_sessions: int = Field(ge=1)
    insight_min_per_exercise: int = Field(ge=1)


class DataRules(Strict):
    forget_window_minutes: int = Field(ge=1, le=24 * 60)  # how long a /forget question holds


class Rules(Strict):
    """Everything in `content/rules.yaml`."""

    timer: TimerRules
    reminders: ReminderRules
    routines: RoutineChoices
    checkin: CheckinRules
    progress: ProgressRules
    data: DataRules
