"""The demonstration figure's geometry: the body's volumes placed by forward kinematics.

Pure numpy, no rendering (`bot/drawing/scene.py` draws what this places), so the tests check
the very figure that is drawn. Proportions are an adult's of about 1.77 m; every joint turns
its child by flexion about the side-to-side axis, then abduction (or side bend) about the
front-to-back axis, then rotation about the limb's (or spine's) own axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from bot.content.poses import Joints, Key, Part

Vector = NDArray[np.float64]
Matrix = NDArray[np.float64]

HIP_HALF = 0.09  # from the pelvis's centre to each hip joint
LUMBAR_AT = 0.08  # above the hip joints
ABDOMEN = 0.17
SHOULDER = (0.0, 0.19, 0.25)  # in the chest's frame (its y is mirrored for the right)
NECK_AT = 0.30
NECK, UPPER_ARM, FOREARM, THIGH, SHIN = 0.09, 0.29, 0.25, 0.43, 0.42
# Capsule radii (the limbs' thickness), and the ellipsoids' half-sizes (depth, width, height).
RADIUS = {
    Part.ABDOMEN: 0.105,
    Part.NECK: 0.05,
    Part.UPPER_ARM_L: 0.047,
    Part.FOREARM_L: 0.038,
    Part.HAND_L: 0.03,
    Part.THIGH_L: 0.072,
    Part.SHIN_L: 0.05,
    Part.FOOT_L: 0.035,
}
ELLIPSOIDS = {
    Part.PELVIS: ((-0.01, 0.0, 0.05), (0.1, 0.16, 0.1)),
    Part.CHEST: ((0.0, 0.0, 0.15), (0.11, 0.17, 0.16)),
    Part.HEAD: ((0.015, 0.0, 0.17), (0.1, 0.085, 0.115)),
}
NOSE = ((0.105, 0.0, 0.16), 0.022)  # in the neck's frame: shows where the face points
# A thin band round the pelvis at its widest, a little proud of it (and of the belly above):
# the pelvis is near round, so this line is what shows it tilting forward or tucking under.
WAISTBAND = ((-0.01, 0.0, 0.05), (0.113, 0.172, 0.02))


@dataclass(frozen=True)
class Piece:
    """One volume: a capsule from `a` to `b`, or an ellipsoid centred on `a` (then `b` is `a`).

    `rotation` is the volume's frame (columns: its axes in world terms); `size` the ellipsoid's
    half-sizes, or the capsule's (radius, half its length, 0).
    """

    part: Part | None  # None: a detail (`detail` says which) that the checks leave out
    shape: Literal["capsule", "ellipsoid", "sphere"]
    a: Vector
    b: Vector
    rotation: Matrix
    size: tuple[float, float, float]
    detail: Literal["nose", "waistband"] | None = None


def radius_of(part: Part) -> float:
    """A limb's thickness: its left and right are the same."""
    return RADIUS[Part(part.value.replace("_r", "_l"))]


def turn(axis: int, degrees: float) -> Matrix:
    """Rotation about x (0), y (1) or z (2)."""
    c, s = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    i, j = [(1, 2), (2, 0), (0, 1)][axis]
    matrix = np.eye(3)
    matrix[i, i], matrix[i, j], matrix[j, i], matrix[j, j] = c, -s, s, c
    return matrix


def spine(angles: tuple[float, float, float]) -> Matrix:
    """Flexion tips the top forward, side bend to the left, twist turns the front left."""
    flexion, side, twist = angles
    return turn(1, flexion) @ turn(0, -side) @ turn(2, twist)


def limb(angles: tuple[float, float, float], left: bool) -> Matrix:
    """For a limb hanging down: flexion forward, abduction outward, rotation inward."""
    flexion, abduction, inward = angles
    sign = 1.0 if left else -1.0
    return turn(1, -flexion) @ turn(0, sign * abduction) @ turn(2, -sign * inward)


def pelvis_frame(key: Key) -> Matrix:
    yaw, pitch, roll = key.pelvis.turn
    return turn(2, yaw) @ turn(1, pitch) @ turn(2, roll)


def pieces(key: Key) -> list[Piece]:
    """Every volume of the figure in `key`, set down on the floor if its height is null."""
    x, y, z = key.pelvis.at
    placed = _trunk(np.array([x, y, 0.0 if z is None else z]), pelvis_frame(key), key.joints)
    return placed if z is not None else set_down(placed, key.rests_on)


def set_down(placed: list[Piece], rests_on: list[Part]) -> list[Piece]:
    """The figure raised or lowered until the lowest of the parts it rests on (every part, if
    it names none; a detail such as the nose bears nothing) touches the floor: the height at
    which those parts bear its weight."""
    named = [piece for piece in placed if piece.part in rests_on]
    bearing = named or [piece for piece in placed if piece.part is not None]
    lift = -min(lowest(piece) for piece in bearing)
    return [_moved(piece, np.array([0.0, 0.0, lift])) for piece in placed]


def lowest(piece: Piece) -> float:
    """The height of the piece's lowest point."""
    if piece.shape == "ellipsoid":
        reach = float(np.sqrt(np.sum((piece.rotation[2, :] * np.array(piece.size)) ** 2)))
        return float(piece.a[2]) - reach
    return float(min(piece.a[2], piece.b[2])) - piece.size[0]


def _moved(piece: Piece, by: Vector) -> Piece:
    a, b = piece.a + by, piece.b + by
    return Piece(piece.part, piece.shape, a, b, piece.rotation, piece.size, piece.detail)


def _trunk(origin: Vector, frame: Matrix, joints: Joints) -> list[Piece]:
    """The pelvis, spine and head, then the limbs hung on them."""
    band, half = WAISTBAND
    centre = origin + frame @ np.array(band)
    out = [
        _ellipsoid(Part.PELVIS, origin, frame),
        Piece(None, "ellipsoid", centre, centre, frame, half, "waistband"),
    ]
    lumbar = origin + frame @ np.array([0.0, 0.0, LUMBAR_AT])
    belly = frame @ spine(joints.lumbar)
    thorax = lumbar + belly @ np.array([0.0, 0.0, ABDOMEN])
    out.append(_capsule(Part.ABDOMEN, lumbar, thorax, belly))
    chest = belly @ spine(joints.thorax)
    out.append(_ellipsoid(Part.CHEST, thorax, chest))
    neck_at = thorax + chest @ np.array([0.0, 0.0, NECK_AT])
    neck = chest @ spine(joints.neck)
    out.append(_capsule(Part.NECK, neck_at, neck_at + neck @ np.array([0.0, 0.0, NECK]), neck))
    out.append(_ellipsoid(Part.HEAD, neck_at, neck))
    nose, size = NOSE
    at = neck_at + neck @ np.array(nose)
    out.append(Piece(None, "sphere", at, at, neck, (size, size, size), "nose"))
    for left in (True, False):
        sign = 1.0 if left else -1.0
        shoulder = thorax + chest @ np.array([SHOULDER[0], sign * SHOULDER[1], SHOULDER[2]])
        out += _arm(shoulder, chest, joints, left)
        hip = origin + frame @ np.array([0.0, sign * HIP_HALF, 0.0])
        out += _leg(hip, frame, joints, left)
    return out


def _arm(shoulder: Vector, chest: Matrix, joints: Joints, left: bool) -> list[Piece]:
    side = "l" if left else "r"
    upper = chest @ limb(joints.shoulder_l if left else joints.shoulder_r, left)
    elbow = shoulder + upper @ np.array([0.0, 0.0, -UPPER_ARM])
    lower = upper @ turn(1, -(joints.elbow_l if left else joints.elbow_r))
    wrist = elbow + lower @ np.array([0.0, 0.0, -FOREARM])
    hand = lower @ turn(1, -(joints.wrist_l if left else joints.wrist_r))
    palm, fingers = (wrist + hand @ np.array([0.0, 0.0, -d]) for d in (0.03, 0.13))
    return [
        _capsule(Part(f"upper_arm_{side}"), shoulder, elbow, upper),
        _capsule(Part(f"forearm_{side}"), elbow, wrist, lower),
        _capsule(Part(f"hand_{side}"), palm, fingers, hand),
    ]


def _leg(hip: Vector, pelvis: Matrix, joints: Joints, left: bool) -> list[Piece]:
    side = "l" if left else "r"
    upper = pelvis @ limb(joints.hip_l if left else joints.hip_r, left)
    knee = hip + upper @ np.array([0.0, 0.0, -THIGH])
    lower = upper @ turn(1, joints.knee_l if left else joints.knee_r)
    ankle = knee + lower @ np.array([0.0, 0.0, -SHIN])
    foot = lower @ turn(1, joints.ankle_l if left else joints.ankle_r)
    heel = ankle + foot @ np.array([-0.03, 0.0, -0.045])
    toes = ankle + foot @ np.array([0.15, 0.0, -0.05])
    return [
        _capsule(Part(f"thigh_{side}"), hip, knee, upper),
        _capsule(Part(f"shin_{side}"), knee, ankle, lower),
        _capsule(Part(f"foot_{side}"), heel, toes, foot),
    ]


def _capsule(part: Part, a: Vector, b: Vector, frame: Matrix) -> Piece:
    half = float(np.linalg.norm(b - a)) / 2
    return Piece(part, "capsule", a, b, frame, (radius_of(part), half, 0.0))


def _ellipsoid(part: Part, joint: Vector, frame: Matrix) -> Piece:
    offset, size = ELLIPSOIDS[part]
    centre = joint + frame @ np.array(offset)
    return Piece(part, "ellipsoid", centre, centre, frame, size)
