"""The demonstration figure's geometry: joints from a pose, poses in between, the other side.

Pure arithmetic, no drawing (that is `bot/drawing/animation.py`). Lengths are in body units: the
figure stands about 1.75 tall, the floor is y = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.content.poses import Arrow, Keyframe, Point, Pose, Segment

# Segment lengths in proportion to an adult of 1.75 (the head's is the neck; its circle is
# drawn beyond it, radius HEAD_RADIUS).
LENGTHS = {
    Segment.TRUNK: 0.52,
    Segment.HEAD: 0.07,
    Segment.UPPER_ARM_NEAR: 0.29,
    Segment.FOREARM_NEAR: 0.27,
    Segment.UPPER_ARM_FAR: 0.29,
    Segment.FOREARM_FAR: 0.27,
    Segment.THIGH_NEAR: 0.43,
    Segment.SHIN_NEAR: 0.42,
    Segment.FOOT_NEAR: 0.13,
    Segment.THIGH_FAR: 0.43,
    Segment.SHIN_FAR: 0.42,
    Segment.FOOT_FAR: 0.13,
}
HEAD_RADIUS = 0.09
SHOULDER_HALF = 0.18  # half the shoulders' width, seen from above or in front
HIP_HALF = 0.11
_NEAR = {
    Segment.UPPER_ARM_NEAR: SHOULDER_HALF,
    Segment.UPPER_ARM_FAR: -SHOULDER_HALF,
    Segment.THIGH_NEAR: HIP_HALF,
    Segment.THIGH_FAR: -HIP_HALF,
}

# Which joint each segment starts from: the end of the segment named, or the pelvis (None).
PARENT: dict[Segment, Segment | None] = {
    Segment.TRUNK: None,
    Segment.HEAD: Segment.TRUNK,
    Segment.UPPER_ARM_NEAR: Segment.TRUNK,
    Segment.FOREARM_NEAR: Segment.UPPER_ARM_NEAR,
    Segment.UPPER_ARM_FAR: Segment.TRUNK,
    Segment.FOREARM_FAR: Segment.UPPER_ARM_FAR,
    Segment.THIGH_NEAR: None,
    Segment.SHIN_NEAR: Segment.THIGH_NEAR,
    Segment.FOOT_NEAR: Segment.SHIN_NEAR,
    Segment.THIGH_FAR: None,
    Segment.SHIN_FAR: Segment.THIGH_FAR,
    Segment.FOOT_FAR: Segment.SHIN_FAR,
}


@dataclass(frozen=True)
class Frame:
    """One drawable moment: where each segment starts and ends, and where the roller is."""

    bones: dict[Segment, tuple[Point, Point]]
    pelvis: Point
    head: Point  # the centre of the head's circle
    roller_shift: float  # how far a roller that follows the pelvis has moved
    spine: float  # the trunk's curve (see Keyframe.spine)
    shoulders: tuple[Point, Point]  # near and far; the same point in a side view
    hips: tuple[Point, Point]


def joints(key: Keyframe, first: Keyframe | None = None) -> Frame:
    """Each segment's start and end for a key pose (parents before children)."""
    bones: dict[Segment, tuple[Point, Point]] = {}
    trunk = math.radians(key.angles[Segment.TRUNK])
    across = (-math.sin(trunk) * key.breadth, math.cos(trunk) * key.breadth)  # the trunk's left
    for segment, parent in PARENT.items():  # a parent comes before its children
        start = key.pelvis if parent is None else bones[parent][1]
        if (offset := _NEAR.get(segment)) is not None:
            start = (start[0] + across[0] * offset, start[1] + across[1] * offset)
        length = LENGTHS[segment] * key.scale.get(segment, 1.0)
        angle = math.radians(key.angles[segment])
        end = (start[0] + length * math.cos(angle), start[1] + length * math.sin(angle))
        bones[segment] = (start, end)
    neck_end = bones[Segment.HEAD][1]
    head_angle = math.radians(key.angles[Segment.HEAD])
    reach = HEAD_RADIUS * key.scale.get(Segment.HEAD, 1.0)
    head = (neck_end[0] + reach * math.cos(head_angle), neck_end[1] + reach * math.sin(head_angle))
    shift = 0.0 if first is None else key.pelvis[0] - first.pelvis[0]
    shoulders = (bones[Segment.UPPER_ARM_NEAR][0], bones[Segment.UPPER_ARM_FAR][0])
    hips = (bones[Segment.THIGH_NEAR][0], bones[Segment.THIGH_FAR][0])
    return Frame(bones, key.pelvis, head, shift, key.spine, shoulders, hips)


def between(a: Keyframe, b: Keyframe, t: float) -> Keyframe:
    """The pose a fraction `t` of the way from `a` to `b`, eased in and out."""
    eased = t * t * (3 - 2 * t)
    angles = {s: _norm(a.angles[s] + _turn(a.angles[s], b.angles[s]) * eased) for s in Segment}
    scale = {
        s: a.scale.get(s, 1.0) + (b.scale.get(s, 1.0) - a.scale.get(s, 1.0)) * eased
        for s in Segment
    }
    pelvis = (_mix(a.pelvis[0], b.pelvis[0], eased), _mix(a.pelvis[1], b.pelvis[1], eased))
    return Keyframe.model_construct(
        pelvis=pelvis,
        angles=angles,
        scale=scale,
        breadth=_mix(a.breadth, b.breadth, eased),
        spine=_mix(a.spine, b.spine, eased),
        hold_seconds=0.0,
    )


def mirrored(pose: Pose) -> Pose:
    """The same exercise on the other side: everything reflected left to right.

    Seen from above or in front, reflecting also swaps which limbs are on the trunk's left, so
    near and far trade places there; in a side view the near limbs stay near.
    """
    other = "right" if pose.side == "left" else "left"
    swap = _swapped if pose.view != "side" else _same
    keyframes = [
        key.model_copy(
            update={
                "pelvis": _flip(key.pelvis),
                "angles": {swap(s): _norm(180 - a) for s, a in key.angles.items()},
                "scale": {swap(s): v for s, v in key.scale.items()},
                "spine": -key.spine,
                "arrow": None if key.arrow is None else _flipped_arrow(key.arrow),
            }
        )
        for key in pose.keyframes
    ]
    update: dict[str, object] = {
        "side": other,
        "keyframes": keyframes,
        "highlight": [_swapped_name(h) if pose.view != "side" else h for h in pose.highlight],
    }
    if pose.pale is not None:
        update["pale"] = [swap(s) for s in pose.pale]
    if pose.roller is not None:
        update["roller"] = pose.roller.model_copy(update={"centre": _flip(pose.roller.centre)})
    if pose.cushion is not None:
        update["cushion"] = pose.cushion.model_copy(update={"centre": _flip(pose.cushion.centre)})
    return pose.model_copy(update=update)


def _flipped_arrow(arrow: Arrow) -> Arrow:
    return arrow.model_copy(
        update={"start": _flip(arrow.start), "end": _flip(arrow.end), "bend": -arrow.bend}
    )


def _swapped(segment: Segment) -> Segment:
    return Segment(_swapped_name(segment.value))


def _swapped_name(name: str) -> str:
    if name.endswith("_near"):
        return name.removesuffix("_near") + "_far"
    if name.endswith("_far"):
        return name.removesuffix("_far") + "_near"
    return name


def _same(segment: Segment) -> Segment:
    return segment


def _turn(a: float, b: float) -> float:
    """The shorter way round from angle `a` to angle `b`."""
    return (b - a + 180) % 360 - 180


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _flip(point: Point) -> Point:
    return (-point[0], point[1])


def _norm(angle: float) -> float:
    """The same direction, within -180 to 180 degrees."""
    return (angle + 180) % 360 - 180
