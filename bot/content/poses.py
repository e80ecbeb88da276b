"""The schema of `content/poses/<exercise>.yaml`: each exercise's 3D demonstration.

A pose file gives a camera, the props, the parts to pick out and two to four key poses. A key
pose is where the pelvis is and how it is turned, and the angles of the body's joints, in
anatomical terms (flexion, abduction, rotation) so that a physiotherapist can read them; the
figure's geometry follows from them (`bot/drawing/body.py`). The animation eases from one key
pose to the next and holds each for its `hold` seconds. A file describes one side (`side`);
the other side is its mirror image.

World axes: x and y along the floor, z up, metres. The pelvis's own axes: x forward (the belly),
y to the person's left, z toward the head.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from bot.content.base import Slug, Strict

Degrees = Annotated[float, Field(ge=-180, le=180)]
# flexion (forward), side bend (to the left), twist (to the left): the spine and the neck
SpineAngles = tuple[Degrees, Degrees, Degrees]
# flexion (forward), abduction (away from the midline), inward rotation: hips and shoulders
LimbAngles = tuple[Degrees, Degrees, Degrees]
Hinge = Annotated[float, Field(ge=0, le=165)]  # elbow and knee flexion
Wrist = Annotated[float, Field(ge=-30, le=100)]  # the hand bent back, flat on the floor: 90
Ankle = Annotated[float, Field(ge=-45, le=75)]  # plantar flexion (toes pointed) is positive
Vec3 = tuple[float, float, float]
Colour = tuple[
    Annotated[float, Field(ge=0, le=1)],
    Annotated[float, Field(ge=0, le=1)],
    Annotated[float, Field(ge=0, le=1)],
]


class Part(StrEnum):
    """The body's volumes; `_l` and `_r` are the person's left and right."""

    PELVIS = "pelvis"
    ABDOMEN = "abdomen"
    CHEST = "chest"
    NECK = "neck"
    HEAD = "head"
    UPPER_ARM_L = "upper_arm_l"
    FOREARM_L = "forearm_l"
    HAND_L = "hand_l"
    UPPER_ARM_R = "upper_arm_r"
    FOREARM_R = "forearm_r"
    HAND_R = "hand_r"
    THIGH_L = "thigh_l"
    SHIN_L = "shin_l"
    FOOT_L = "foot_l"
    THIGH_R = "thigh_r"
    SHIN_R = "shin_r"
    FOOT_R = "foot_r"


class Joints(Strict):
    """Joint angles in degrees; a joint left out is in its standing position (0)."""

    lumbar: SpineAngles = (0, 0, 0)  # pelvis to abdomen
    thorax: SpineAngles = (0, 0, 0)  # abdomen to chest
    neck: SpineAngles = (0, 0, 0)
    shoulder_l: LimbAngles = (0, 0, 0)
    shoulder_r: LimbAngles = (0, 0, 0)
    elbow_l: Hinge = 0
    elbow_r: Hinge = 0
    wrist_l: Wrist = 0
    wrist_r: Wrist = 0
    hip_l: LimbAngles = (0, 0, 0)
    hip_r: LimbAngles = (0, 0, 0)
    knee_l: Hinge = 0
    knee_r: Hinge = 0
    ankle_l: Ankle = 0
    ankle_r: Ankle = 0


class Pelvis(Strict):
    # Where the point between the hip joints is; a height of null sets the figure down so
    # that its lowest point (or the lowest of the parts the key `rests_on`) touches the floor,
    # in every frame of the movement.
    at: tuple[float, float, float | None]
    # yaw (about the vertical); pitch (tipping forward: -90 lies on the back with the head
    # toward -x, 90 face down with the head toward +x); roll (about the body's own length,
    # turning the front to the person's left: lying on the back, 90 rolls onto the left side)
    turn: tuple[Degrees, Degrees, Degrees] = (0, 0, 0)


class Key(Strict):
    """One key pose, held for `hold` seconds, then `move` seconds easing to the next."""

    pelvis: Pelvis
    joints: Joints = Joints()
    # The parts the weight rests on (on all fours: the shins at the knees, and the hands). With
    # the pelvis's height null, the figure is set down on the lowest of them rather than on its
    # lowest point, so a hand reaching lower cannot hold the knees up off the floor.
    rests_on: list[Part] = Field(default_factory=list)
    hold: float = Field(default=0.6, ge=0.0, le=3.0)
    move: float = Field(default=1.0, ge=0.3, le=3.0)

    @model_validator(mode="after")
    def _set_down(self) -> Key:
        if self.rests_on and self.pelvis.at[2] is not None:
            raise ValueError("rests_on: the height is found from these parts; make it null")
        return self


class Camera(Strict):
    """A camera aimed at `look_at` from `azimuth` (degrees round the vertical from +x) and
    `elevation` above the floor; never from straight above, where a body reads badly."""

    look_at: Vec3
    azimuth: Degrees
    elevation: float = Field(ge=0, le=60)
    distance: float = Field(gt=1.0, le=10.0)
    fov: float = Field(default=35, ge=15, le=70)  # vertical, degrees


class Prop(Strict):
    """A prop the step names: a mat, a foam roller, a cushion, a wall or a chair."""

    kind: Literal["mat", "roller", "cushion", "wall", "chair"]
    at: Vec3  # the centre of its footprint on the floor (a roller's: its axis)
    # half-sizes along its own x, y, z; a roller: radius, half its length, unused
    size: Vec3
    yaw: Degrees = 0.0


class Pose(Strict):
    """One exercise's demonstration."""

    exercise: Slug
    side: Literal["left", "right"] | None = None  # the side drawn; the other is its mirror
    camera: Camera
    highlight: list[Part] = Field(min_length=1)  # the target area, in the accent colour
    # Pairs of parts that touch on purpose (a hand holding a knee); every other pair of parts
    # that are not joined must stay apart (tests/test_figures.py).
    touching: list[tuple[Part, Part]] = Field(default_factory=list)
    props: list[Prop] = Field(default_factory=list)
    keys: list[Key] = Field(min_length=2, max_length=4)

    @model_validator(mode="after")
    def _one_pause(self) -> Pose:
        if not any(key.hold >= 1.0 for key in self.keys):
            raise ValueError("keys: hold one pose (the stretch) for at least a second")
        return self


class Style(Strict):
    """`content/figure.yaml`: the demonstrations' colours (red, green, blue from 0 to 1) and
    light, shared by every exercise."""

    background: Colour
    floor: Colour
    body: Colour  # the trunk and the limbs of the side at rest
    working: Colour  # the limbs of the side being worked
    target: Colour  # the parts a pose picks out (`highlight`)
    head: Colour
    waistband: Colour  # the band that shows the pelvis's tilt
    props: dict[Literal["mat", "roller", "cushion", "wall", "chair"], Colour]
    light: Vec3  # the direction the main light shines in (it casts the shadows)
