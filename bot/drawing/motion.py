"""The movement: poses in between the keys, the loop's frames, and the other side's mirror.

A loop holds each key pose (its frames repeat, which costs a video nearly nothing) and eases
to the next with a smooth start and stop, back to the first at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.content.poses import Camera, Joints, Key, Part, Pelvis, Pose, Prop

FPS = 12  # smooth enough for slow stretches; fewer frames keep `make media` quick


@dataclass(frozen=True)
class Frame:
    """One frame of the loop: the pose, and how many times it is shown."""

    key: Key
    repeat: int


def variants(pose: Pose) -> dict[str, Pose]:
    """The files one pose makes: one, or one per side (the second is the mirror image)."""
    if pose.side is None:
        return {pose.exercise: pose}
    other = mirrored(pose)
    return {f"{pose.exercise}-{pose.side}": pose, f"{pose.exercise}-{other.side}": other}


def loop(pose: Pose) -> list[Frame]:
    """Every distinct frame of the loop in order, each key held, each move eased."""
    frames = []
    for index, key in enumerate(pose.keys):
        frames.append(Frame(key, max(1, round(key.hold * FPS))))
        following = pose.keys[(index + 1) % len(pose.keys)]
        steps = max(2, round(key.move * FPS))
        frames += [Frame(between(key, following, i / steps), 1) for i in range(1, steps)]
    return frames


def ease(t: float) -> float:
    """Slow out of one pose, slow into the next (a smoothstep)."""
    return t * t * (3 - 2 * t)


def between(a: Key, b: Key, t: float) -> Key:
    """The pose a fraction `t` of the way from `a` to `b`, eased."""
    e = ease(t)
    mixed: dict[str, Any] = {
        name: _mix(getattr(a.joints, name), getattr(b.joints, name), e)
        for name in Joints.model_fields
    }
    za, zb = a.pelvis.at[2], b.pelvis.at[2]
    # A pose set down on the floor stays on it all the way (its height is found per frame).
    height = None if za is None or zb is None else za + (zb - za) * e
    x, y = (_mix(a.pelvis.at[i], b.pelvis.at[i], e) for i in (0, 1))
    pelvis = Pelvis.model_construct(at=(x, y, height), turn=_mix(a.pelvis.turn, b.pelvis.turn, e))
    # The parts that bear the weight in both keys keep bearing it on the way.
    rests_on = [part for part in a.rests_on if part in b.rests_on]
    joints = Joints.model_construct(**mixed)
    return Key.model_construct(
        pelvis=pelvis, joints=joints, rests_on=rests_on, hold=0.0, move=a.move
    )


def _mix(a: Any, b: Any, t: float) -> Any:
    """A number or a tuple of numbers (a joint's angles) a fraction `t` from `a` to `b`."""
    if isinstance(a, tuple):
        return tuple(x + (y - x) * t for x, y in zip(a, b, strict=True))
    return a + (b - a) * t


def other_part(part: Part) -> Part:
    """The same part on the other side of the body (the trunk's parts are their own)."""
    name = part.value
    if name.endswith("_l"):
        return Part(name[:-2] + "_r")
    if name.endswith("_r"):
        return Part(name[:-2] + "_l")
    return part


def mirrored(pose: Pose) -> Pose:
    """The same exercise on the other side: the world reflected across the x-z plane, so the
    left limbs do what the right ones did, and the camera sees it from the mirrored place."""
    camera = pose.camera
    look = camera.look_at
    flipped = Camera(
        look_at=(look[0], -look[1], look[2]),
        azimuth=-camera.azimuth,
        elevation=camera.elevation,
        distance=camera.distance,
        fov=camera.fov,
    )
    return pose.model_copy(
        update={
            "side": "right" if pose.side == "left" else "left",
            "camera": flipped,
            "highlight": [other_part(p) for p in pose.highlight],
            "touching": [(other_part(a), other_part(b)) for a, b in pose.touching],
            "props": [_mirrored_prop(prop) for prop in pose.props],
            "keys": [_mirrored_key(key) for key in pose.keys],
        }
    )


def _mirrored_prop(prop: Prop) -> Prop:
    x, y, z = prop.at
    return prop.model_copy(update={"at": (x, -y, z), "yaw": -prop.yaw})


def _mirrored_key(key: Key) -> Key:
    x, y, z = key.pelvis.at
    yaw, pitch, roll = key.pelvis.turn
    joints = key.joints
    swapped: dict[str, object] = {}
    for name in Joints.model_fields:
        value = getattr(joints, name)
        if name.endswith(("_l", "_r")):
            swapped[name[:-2] + ("_r" if name.endswith("_l") else "_l")] = value
        else:  # the spine and neck: a bend or twist to the left becomes one to the right
            flexion, side, twist = value
            swapped[name] = (flexion, -side, -twist)
    pelvis = Pelvis(at=(x, -y, z), turn=(-yaw, pitch, -roll))
    rests_on = [other_part(part) for part in key.rests_on]
    return key.model_copy(
        update={"pelvis": pelvis, "joints": Joints(**swapped), "rests_on": rests_on}
    )
