"""The routine schema: exercises, their prescriptions, and the routines they make up."""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from bot.content.base import Slug, Strict, Text


class Range(Strict):
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


class Prescription(Strict):
    """How much of an exercise to do. Exactly one measure: a hold, a duration or reps."""

    per_side: bool = False
    sets: RangeField = Range(low=1, high=1)
    hold_seconds: RangeField | None = None
    duration_seconds: RangeField | None = None
    reps: RangeField | None = None
    rep_unit: Literal["reps", "breaths"] = "reps"
    from_source: bool
    # What the bot guides, where the person chose it in /settings (see
    # `bot/coaching/plan.py`); left out, the top of each range is guided.
    chosen_sets: int | None = Field(default=None, ge=1)
    chosen_seconds: int | None = Field(default=None, ge=1)
    chosen_reps: int | None = Field(default=None, ge=1)
    by_hand: bool = False  # chosen in /settings, not by the level
    level: int | None = Field(default=None, ge=1)  # 1-based, where content/levels.yaml has some
    levels: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _one_measure(self) -> Prescription:
        measures = [self.hold_seconds, self.duration_seconds, self.reps]
        if sum(m is not None for m in measures) != 1:
            raise ValueError("give exactly one of hold_seconds, duration_seconds or reps")
        return self

    @property
    def timed(self) -> Range | None:
        """The hold or the duration: what a countdown times. None for reps."""
        return self.hold_seconds or self.duration_seconds

    @property
    def guided_sets(self) -> int:
        return self.chosen_sets or self.sets.high

    @property
    def guided_seconds(self) -> int | None:
        """How long the countdown runs; None for an exercise counted in reps."""
        timed = self.timed
        return None if timed is None else self.chosen_seconds or timed.high

    @property
    def guided_reps(self) -> int | None:
        return None if self.reps is None else self.chosen_reps or self.reps.high


class Step(Strict):
    """One exercise of a routine.

    An exercise done on each side may write `{side}` and `{other}` in its cue and
    instructions: they read "left" and "right" (or the other way round) for the side being
    done.
    """

    id: Slug
    name: Text  # the plain name first, the anatomical one in brackets
    targets: list[Text] = Field(min_length=1)
    # One or two short lines, what a person on the floor reads at a glance; the whole how
    # (`instructions`) sits behind the step message's More button.
    cue: list[Text] = Field(min_length=1, max_length=2)
    instructions: list[Text] = Field(min_length=1, max_length=12)
    prescription: Prescription
    why: Text
    needs: Literal["foam roller"] | None = None  # equipment beyond a floor and a cushion
    # Done instead when the person has no foam roller: an exercise with the same aim.
    instead: Step | None = None
    # Not from the source: an alternative we chose, shown as such.
    alternative: bool = False
    # Sets alternate arms (set 1 the left, set 2 the right, ...); a suggestion, not the source's.
    alternate_arms: bool = False
    # Which of `targets` and `why` go beyond what the source says, each with the reason: the
    # bot marks them "(our reading)". Required, even when empty, so that every exercise's
    # author has decided (instruction lines of ours say so in their own words).
    ours: dict[Literal["targets", "why"], Text]

    @model_validator(mode="after")
    def _sides_named_only_when_there_are_sides(self) -> Step:
        allowed = {"side", "other"} if self.prescription.per_side else set()
        for field, lines in (("cue", self.cue), ("instructions", self.instructions)):
            for line in lines:
                try:
                    used = {name for _, name, _, _ in string.Formatter().parse(line) if name}
                except ValueError as exc:
                    raise ValueError(f"{field}: {exc}") from exc
                if unknown := used - allowed:
                    raise ValueError(
                        f"{field}: unknown placeholder(s) {', '.join(sorted(unknown))}"
                    )
        return self

    @model_validator(mode="after")
    def _equipment_has_an_alternative(self) -> Step:
        if (self.needs is None) != (self.instead is None):
            raise ValueError("instead: give an alternative exactly when the exercise needs one")
        if self.instead is not None and (self.instead.needs or not self.instead.alternative):
            raise ValueError(
                "instead: an alternative needs no equipment and is marked alternative"
            )
        return self


class Routine(Strict):
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
