"""The schema of `content/poses/<exercise>.yaml`: the key poses of each exercise's demonstration.

A figure is a chain of body segments hung from the pelvis. A pose gives where the pelvis is and
the direction of each segment (degrees: 0 points right, 90 up), so every frame keeps the same
proportions; the animation moves smoothly from one key pose to the next and pauses on each.
In top and front views a segment pointing at the viewer looks shorter: `scale` says how much.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from bot.content.base import Slug, Strict

Point = tuple[float, float]
Degrees = Annotated[float, Field(ge=-360, le=360)]


class Segment(StrEnum):
    """The figure's parts, each drawn from the end of the one it hangs on."""

    TRUNK = "trunk"  # pelvis to shoulders
    HEAD = "head"  # shoulders to the crown (the neck, then the head)
    UPPER_ARM_NEAR = "upper_arm_near"
    FOREARM_NEAR = "forearm_near"
    UPPER_ARM_FAR = "upper_arm_far"
    FOREARM_FAR = "forearm_far"
    THIGH_NEAR = "thigh_near"
    SHIN_NEAR = "shin_near"
    FOOT_NEAR = "foot_near"
    THIGH_FAR = "thigh_far"
    SHIN_FAR = "shin_far"
    FOOT_FAR = "foot_far"


# Parts that can be picked out besides whole segments: halves of the trunk, and the hip joints.
Region = Literal["lower_back", "upper_back", "side", "hip_near", "hip_far"]


class Arrow(Strict):
    """The direction of movement: from `start` to `end`, bent into an arc by `bend`."""

    start: Point
    end: Point
    bend: float = Field(default=0.0, ge=-1.0, le=1.0)


class Keyframe(Strict):
    pelvis: Point
    angles: dict[Segment, Degrees]
    # Foreshortening in top and front views: 1 is full length, 0.15 nearly end-on.
    scale: dict[Segment, Annotated[float, Field(ge=0.1, le=1.0)]] = Field(default_factory=dict)
    # How far apart the shoulders and hips show: 0 in a side view (in profile), 1 seen from
    # above or in front. The near limbs hang on the left of the trunk's direction.
    breadth: float = Field(default=0.0, ge=0.0, le=1.0)
    # The spine's curve: positive rounds the back toward the trunk's left (up, on all fours).
    spine: float = Field(default=0.0, ge=-1.0, le=1.0)
    hold_seconds: float = Field(default=0.8, ge=0.0, le=3.0)
    # The movement that comes next, shown while this pose is held.
    arrow: Arrow | None = None

    @model_validator(mode="after")
    def _every_segment(self) -> Keyframe:
        if missing := set(Segment) - set(self.angles):
            raise ValueError(f"angles missing for {', '.join(sorted(missing))}")
        return self


class Roller(Strict):
    centre: Point
    radius: float = Field(default=0.09, gt=0, le=0.3)
    follows: Literal["pelvis", "none"] = "none"  # moves with the pelvis between key poses


class Cushion(Strict):
    centre: Point
    width: float = Field(default=0.22, gt=0, le=1)
    height: float = Field(default=0.06, gt=0, le=0.3)


class Pose(Strict):
    """One exercise's demonstration."""

    exercise: Slug
    view: Literal["side", "top", "front"]
    side: Literal["left", "right"] | None = None  # the side drawn; the other is its mirror
    highlight: list[Segment | Region] = Field(min_length=1)
    keyframes: list[Keyframe] = Field(min_length=2, max_length=4)
    roller: Roller | None = None
    cushion: Cushion | None = None
    floor: bool = True
    # Segments drawn pale, as behind the body; by default the far limbs in a side view only.
    pale: list[Segment] | None = None
