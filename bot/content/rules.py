"""The rules schema: the numbers that decide how the bot behaves, apart from its words.

Timings, thresholds and limits live in `content/rules.yaml`, so a translator editing
the texts (`content/locales/`) cannot change behaviour, and a change of rule is reviewed as one.
"""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, model_validator

from bot.content.base import Slug, Strict

LocalTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class TimerRules(Strict):
    """The hold countdown's pace."""

    get_ready_seconds: int = Field(ge=0, le=30)
    update_every_seconds: int = Field(ge=3, le=60)
    bar_width: int = Field(ge=0, le=20)


class HandsFreeRules(Strict):
    """One ⏱ Start runs a timed exercise's every side and set, with pauses between them."""

    switch_seconds: int = Field(ge=0, le=60)  # to change sides between two holds
    rest_seconds: int = Field(ge=0, le=180)  # between sets; a suggestion, not the source's
    switch_choices: list[int] = Field(min_length=1, max_length=6)
    rest_choices: list[int] = Field(min_length=1, max_length=6)
    # A hold that ended longer ago than this ended while the bot was down: the sequence stops
    # there and waits for the person, instead of running sides they were not told about.
    late_limit_seconds: int = Field(ge=1, le=600)

    @model_validator(mode="after")
    def _defaults_offered(self) -> HandsFreeRules:
        if self.switch_seconds not in self.switch_choices:
            raise ValueError("switch_choices: must include switch_seconds")
        if self.rest_seconds not in self.rest_choices:
            raise ValueError("rest_choices: must include rest_seconds")
        return self


class GuideRules(Strict):
    """What the audio guide says and when, and how its voice note is made."""

    seconds_left_at: list[int] = Field(max_length=4)  # "10 seconds left", largest first
    min_gap_seconds: int = Field(ge=1, le=30)
    count_down_from: int = Field(ge=0, le=5)
    min_lead_seconds: int = Field(ge=1, le=10)  # 0 would say a lead and "start" at once
    tail_seconds: int = Field(ge=1, le=5)
    sample_rate: int = Field(ge=8000, le=48000)
    words_per_minute: int = Field(ge=80, le=300)
    refusal_minutes: int = Field(ge=0, le=24 * 60)
    voices: dict[str, Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[a-z0-9]+)?$")]]

    @model_validator(mode="after")
    def _spaced(self) -> GuideRules:
        points = self.seconds_left_at
        if points != sorted(points, reverse=True) or len(set(points)) != len(points):
            raise ValueError("seconds_left_at: distinct, largest first")
        if any(p <= self.count_down_from for p in points):
            raise ValueError("seconds_left_at: each must come before the count down")
        return self


class DoseRules(Strict):
    """Which holds, sets and reps /settings offers for an exercise.

    Where the source gives a range, the choices stay inside it. Around a suggested number,
    they stay inside a band: from `band_low` to `band_high` times the suggestion.
    """

    hold_ladder: list[int] = Field(min_length=2)  # the hold lengths ever offered, in seconds
    band_low: float = Field(gt=0, le=1)
    band_high: float = Field(ge=1, le=3)
    extra_sets: int = Field(ge=0, le=3)  # a suggested number of sets may grow by this many
    max_choices: int = Field(ge=2, le=8)  # buttons in one row of the menu


class ReminderRules(Strict):
    """Daily reminders: snoozing, lateness, and the times the picker offers."""

    snooze_minutes: int = Field(ge=5, le=180)
    max_snoozes: int = Field(ge=0, le=5)
    late_limit_minutes: int = Field(ge=0, le=24 * 60)
    presets: list[LocalTime] = Field(min_length=1, max_length=12)


class TimezoneRules(Strict):
    """Which places to offer, as buttons, for a fixed offset someone typed."""

    buttons: int = Field(ge=1, le=8)
    # Places people writing in each language most likely mean, likeliest first; then the
    # widely used places, then the rest by name.
    by_language: dict[Annotated[str, Field(pattern=r"^[a-z]{2}$")], list[str]]
    common: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _real_places(self) -> TimezoneRules:
        for name in [*self.common, *(n for names in self.by_language.values() for n in names)]:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"{name!r} is not a timezone tzdata knows") from exc
        return self

    def likeliest(self, language: str | None) -> list[str]:
        """The places to rank first for someone writing in `language` (`de`, `en-GB`)."""
        hints = self.by_language.get((language or "")[:2].lower(), [])
        return [*hints, *(name for name in self.common if name not in hints)]


class PainModel(Strict):
    """The pain-monitoring model (Silbernagel et al., Am J Sports Med 2007), after a warm-up:
    green at or below `green_max` and no worse than before; red at `red_from` or above, or
    `worse_by` points worse than before; amber between."""

    green_max: int = Field(ge=0, le=10)
    red_from: int = Field(ge=1, le=10)
    worse_by: int = Field(ge=1, le=10)
    greens_to_step_up: int = Field(ge=1, le=10)  # green warm-ups in a row before a step up

    @model_validator(mode="after")
    def _ordered(self) -> PainModel:
        if self.red_from <= self.green_max:
            raise ValueError("red_from: must be above green_max")
        return self


class MorningRules(Strict):
    """The morning after a warm-up: when to ask how the back is."""

    at: LocalTime  # local time, unless the daily reminder comes earlier
    late_limit_hours: int = Field(ge=1, le=12)  # asked this late at most (the bot was down)


class RoutineChoices(Strict):
    """Which routine is offered where, by id."""

    quick: Slug  # on the check-in and under a reminder, for a busy day
    flare_up: Slug  # after a high check-in


class CheckinRules(Strict):
    flare_up_at: int = Field(ge=1, le=10)  # a check-in this high offers the flare-up routine
    # This high: the full routine is still offered, but with a caution beside it.
    caution_at: int = Field(ge=1, le=10)
    rest_at: int = Field(ge=1, le=10)  # this high: rest suggested, when to seek care today

    @model_validator(mode="after")
    def _rest_above_flare_up(self) -> CheckinRules:
        if not self.flare_up_at <= self.caution_at <= self.rest_at:
            raise ValueError("must be flare_up_at <= caution_at <= rest_at")
        return self


class ProgressRules(Strict):
    """What /progress looks at, and how much data an insight needs."""

    chart_days: int = Field(ge=7, le=366)
    # An unfinished warm-up older than this is closed as unfinished, not offered for resume.
    resume_hours: int = Field(ge=1, le=72)
    insight_min_sessions: int = Field(ge=1)
    # An exercise is compared only once it was done in this many checked-in warm-ups and
    # skipped in as many others: with less, the data cannot tell it apart from the rest.
    insight_min_each_way: int = Field(ge=1)
    # The pain before warm-ups in the last `trend_days` against the `trend_days` before: what
    # someone who always does every exercise (no contrast to compare) can still see change.
    trend_days: int = Field(ge=7, le=60)
    trend_min_each: int = Field(ge=1)


class DataRules(Strict):
    forget_window_minutes: int = Field(ge=1, le=24 * 60)  # how long a /forget question holds


class WebAppRules(Strict):
    sign_in_hours: int = Field(ge=1, le=7 * 24)  # an older Mini App sign-in is refused


class LanguageRules(Strict):
    """The languages the bot speaks: each a folder of `content/locales/`."""

    offered: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(min_length=1)
    # How many more words (a share of the English) another language's message may have, for
    # the word limits the texts are written to (tests/test_locales.py).
    word_margin: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _each_once(self) -> LanguageRules:
        if len(set(self.offered)) != len(self.offered):
            raise ValueError("offered: a language is listed twice")
        return self


class Rules(Strict):
    """Everything in `content/rules.yaml`."""

    timer: TimerRules
    hands_free: HandsFreeRules
    audio_guide: GuideRules
    doses: DoseRules
    reminders: ReminderRules
    timezones: TimezoneRules
    routines: RoutineChoices
    checkin: CheckinRules
    pain_model: PainModel
    morning: MorningRules
    progress: ProgressRules
    data: DataRules
    webapp: WebAppRules
    languages: LanguageRules

    @model_validator(mode="after")
    def _a_voice_for_each_language(self) -> Rules:
        if missing := set(self.languages.offered) - set(self.audio_guide.voices):
            raise ValueError(f"audio_guide.voices: none for {', '.join(sorted(missing))}")
        return self


# The question's buttons carry the precautions ticked as the bits of one small number.
MOST_PRECAUTIONS = 8


class Precaution(Strict):
    """One precaution: the exercises it leaves out, and those it swaps for their `instead`."""

    id: Slug
    leave_out: list[Slug] = Field(default_factory=list)
    swap: list[Slug] = Field(default_factory=list)


class SafetyRules(Strict):
    """Every precaution, in the order the question lists them."""

    precautions: list[Precaution] = Field(min_length=1, max_length=MOST_PRECAUTIONS)

    @model_validator(mode="after")
    def _unique(self) -> SafetyRules:
        ids = [precaution.id for precaution in self.precautions]
        if len(set(ids)) != len(ids):
            raise ValueError("precautions: an id is used twice")
        return self

    @property
    def ids(self) -> list[str]:
        return [precaution.id for precaution in self.precautions]
