"""The demonstration figure's geometry, checked on the very numbers the videos are rendered from
(`bot/drawing/body.py`), in every frame of every exercise and side, with numpy only.

Each body part is taken as a capsule (a segment and a radius); the pelvis, chest and head are
ellipsoids, taken as a capsule along their longest axis as thick as their thinnest, so a check
errs toward letting a near miss pass rather than failing a good pose.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from numpy.typing import NDArray

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.content.poses import Part, Pose
from bot.drawing.body import Piece, pieces
from bot.drawing.camera import HEIGHT, WIDTH, project, view_of
from bot.drawing.motion import between, loop, variants

Vector = NDArray[np.float64]

CONTENT = PROJECT_ROOT / "content"
FLOOR_CONTACT = 0.015  # how far a part may press into the floor (soft tissue on a mat)
OVERLAP = 0.02  # how far two parts not joined may overlap (flesh gives a little)
# Parts joined to each other, which of course touch.
JOINED = {
    frozenset(pair)
    for pair in [
        (Part.PELVIS, Part.ABDOMEN),
        (Part.ABDOMEN, Part.CHEST),
        (Part.CHEST, Part.NECK),
        (Part.NECK, Part.HEAD),
        *[(Part.CHEST, Part(f"upper_arm_{s}")) for s in "lr"],
        *[(Part(f"upper_arm_{s}"), Part(f"forearm_{s}")) for s in "lr"],
        *[(Part(f"forearm_{s}"), Part(f"hand_{s}")) for s in "lr"],
        *[(Part.PELVIS, Part(f"thigh_{s}")) for s in "lr"],
        *[(Part(f"thigh_{s}"), Part(f"shin_{s}")) for s in "lr"],
        *[(Part(f"shin_{s}"), Part(f"foot_{s}")) for s in "lr"],
    ]
}
LIMB_ENDS = ("forearm", "hand", "shin", "foot")  # whose far ends say how much a side moves
TOUCH = 0.01  # how far above the floor a knee or hand the step puts down may be
KNEES, HANDS = ("knee_l", "knee_r"), ("hand_l", "hand_r")
# What each kneeling or all-fours step puts on the floor, key pose by key pose, as the source
# says: "knees and hands to the ground"; one hand comes off it to open to the side; in the
# kneeling stretch, the back knee.
ON_THE_FLOOR = {
    "diaphragmatic-breathing": [KNEES + HANDS] * 3,
    "sit-back": [KNEES + HANDS] * 2,
    "side-breathing": [KNEES + HANDS, (*KNEES, "hand_r"), (*KNEES, "hand_r"), (*KNEES, "hand_r")],
    "deep-quads-psoas-stretch": [("knee_l",), ("knee_l",)],
}


def _variants() -> list[tuple[str, Pose]]:
    poses = load_content(CONTENT).poses
    return sorted((name, v) for pose in poses.values() for name, v in variants(pose).items())


VARIANTS = _variants()
IDS = [name for name, _ in VARIANTS]
SIDED = [(name, pose) for name, pose in VARIANTS if pose.side is not None]


def _frames(pose: Pose) -> list[list[Piece]]:
    return [pieces(frame.key) for frame in loop(pose)]


def capsule(piece: Piece, *, whole: bool = True) -> tuple[Vector, Vector, float]:
    """The piece as a segment and a radius. Not `whole`: a thigh from a third of the way down,
    as its top lies within the hip, beside the belly, in any body."""
    if piece.shape == "capsule":
        if not whole and piece.part in (Part.THIGH_L, Part.THIGH_R):
            return piece.a + (piece.b - piece.a) / 3, piece.b, piece.size[0]
        return piece.a, piece.b, piece.size[0]
    size = np.array(piece.size)
    longest = int(np.argmax(size))
    reach = piece.rotation[:, longest] * (size[longest] - size.min())
    return piece.a - reach, piece.a + reach, float(size.min())


def segment_distance(p1: Vector, q1: Vector, p2: Vector, q2: Vector) -> float:
    """The shortest distance between segments p1-q1 and p2-q2 (sampled finely, then exact
    enough for millimetres at body scale)."""
    t = np.linspace(0.0, 1.0, 41)
    a = p1 + np.outer(t, q1 - p1)
    b = p2 + np.outer(t, q2 - p2)
    return float(np.min(np.linalg.norm(a[:, None, :] - b[None, :, :], axis=2)))


def test_segment_distance_measures_what_it_should() -> None:
    """Crossing segments are 0 apart, parallel ones their gap, a point its distance."""
    o, x, y, z = (np.array(v, dtype=float) for v in ((0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)))
    assert segment_distance(-x, x, -y, y) == pytest.approx(0.0)
    assert segment_distance(o, x, z, z + x) == pytest.approx(1.0)
    assert segment_distance(o, o, y + z, y + z) == pytest.approx(np.sqrt(2))


@pytest.mark.parametrize(("name", "pose"), VARIANTS, ids=IDS)
def test_no_part_goes_below_the_floor(name: str, pose: Pose) -> None:
    """In every frame, every part is on or above the floor (touching it is fine)."""
    for index, placed in enumerate(_frames(pose)):
        for piece in placed:
            a, b, radius = capsule(piece)
            low = min(a[2], b[2]) - radius
            assert low >= -FLOOR_CONTACT, f"{name} frame {index}: {piece.part} at {low:.3f}"


@pytest.mark.parametrize(("name", "pose"), VARIANTS, ids=IDS)
def test_no_limb_passes_through_the_body(name: str, pose: Pose) -> None:
    """Parts that are not joined stay apart in every frame, except the contacts the pose
    names on purpose (`touching`: a hand holding a knee)."""
    allowed = JOINED | {frozenset(pair) for pair in pose.touching}
    for index, placed in enumerate(_frames(pose)):
        body = [piece for piece in placed if piece.part is not None]
        for first, second in itertools.combinations(body, 2):
            if frozenset((first.part, second.part)) in allowed:
                continue
            a1, b1, r1 = capsule(first, whole=False)
            a2, b2, r2 = capsule(second, whole=False)
            gap = segment_distance(a1, b1, a2, b2) - r1 - r2
            assert gap >= -OVERLAP, f"{name} frame {index}: {first.part}, {second.part} {gap:.3f}"


@pytest.mark.parametrize(("name", "pose"), VARIANTS, ids=IDS)
def test_the_whole_figure_stays_in_the_picture(name: str, pose: Pose) -> None:
    """Every part, to its surface, projects inside the frame in every frame of the loop."""
    view = view_of(pose.camera)
    for index, placed in enumerate(_frames(pose)):
        points = []
        for piece in placed:
            a, b, radius = capsule(piece)
            reach = max(piece.size) if piece.shape != "capsule" else radius
            for end in (a, b):
                for offset in (view.right, -view.right, view.up, -view.up):
                    points.append(end + offset * reach)
        xy = project(view, np.array(points))
        inside = (xy[:, 0] >= 0) & (xy[:, 0] <= WIDTH) & (xy[:, 1] >= 0) & (xy[:, 1] <= HEIGHT)
        assert inside.all(), f"{name} frame {index}: {xy[~inside].round()}"


def _travel(pose: Pose, side: str) -> float:
    """How far the far ends of one side's limbs travel over the loop, each seen from the part
    it hangs on (an arm from the chest, a leg from the pelvis), so that a trunk that slides,
    rolls or twists counts for neither side: only the limbs' own movement does."""
    frames = loop(pose)
    total = 0.0
    previous: list[Vector] | None = None
    for frame in [*frames, frames[0]]:
        placed = {piece.part: piece for piece in pieces(frame.key) if piece.part is not None}
        ends = []
        for limb in LIMB_ENDS:
            root = placed[Part.CHEST if limb in ("forearm", "hand") else Part.PELVIS]
            ends.append(root.rotation.T @ (placed[Part(f"{limb}_{side}")].b - root.a))
        if previous is not None:
            total += sum(float(np.linalg.norm(e - p)) for e, p in zip(ends, previous, strict=True))
        previous = ends
    return total


@pytest.mark.parametrize(("name", "pose"), SIDED, ids=[name for name, _ in SIDED])
def test_the_side_named_is_the_side_that_moves_most(name: str, pose: Pose) -> None:
    """In an exercise done on each side, the limbs of the side the file is for move more than
    the other side's: the left file shows the left side working, the right file the right."""
    working = "l" if pose.side == "left" else "r"
    other = "r" if working == "l" else "l"
    assert _travel(pose, working) > _travel(pose, other), name


def _height(placed: list[Piece], name: str) -> float:
    """How high a hand's underside, or a knee's (the thigh's rounded lower end), is."""
    piece = {piece.part: piece for piece in placed}[Part(name.replace("knee", "thigh"))]
    a, b, radius = capsule(piece)
    return float(b[2] if name.startswith("knee") else min(a[2], b[2])) - radius


@pytest.mark.parametrize("exercise", sorted(ON_THE_FLOOR))
def test_knees_and_hands_put_down_touch_the_floor(exercise: str) -> None:
    """On all fours and kneeling, every knee and hand the step puts down touches the floor in
    each key pose (within a centimetre), and in every frame of a move between two keys that
    both put it down: the figure rests on them rather than hovering above the mat."""
    pose = load_content(CONTENT).poses[exercise]
    down = ON_THE_FLOOR[exercise]
    assert len(down) == len(pose.keys), f"{exercise}: name what touches in every key"
    keys = pose.keys
    for index, (key, following) in enumerate(zip(keys, [*keys[1:], keys[0]], strict=True)):
        for name in down[index]:
            height = _height(pieces(key), name)
            assert height <= TOUCH, f"{exercise} key {index + 1}: {name} {height:.3f} m up"
        both = set(down[index]) & set(down[(index + 1) % len(keys)])
        for t in np.linspace(0.0, 1.0, 9):
            placed = pieces(between(key, following, float(t)))
            for name in sorted(both):
                height = _height(placed, name)
                assert height <= TOUCH, f"{exercise} key {index + 1}+{t:.2f}: {name} {height:.3f}"
