"""The schema of `content/levels.yaml`: each exercise's levels, easiest first."""

from __future__ import annotations

from pydantic import Field

from bot.content.base import Slug, Strict


class Level(Strict):
    """One level of an exercise: the hold or duration, sets and reps it guides (None: the
    exercise's own)."""

    seconds: int | None = Field(default=None, ge=1)
    sets: int | None = Field(default=None, ge=1)
    reps: int | None = Field(default=None, ge=1)


class Levels(Strict):
    """Everything in `content/levels.yaml`."""

    exercises: dict[Slug, list[Level]] = Field(default_factory=dict)

    def of(self, exercise_id: str) -> list[Level]:
        return self.exercises.get(exercise_id, [])
