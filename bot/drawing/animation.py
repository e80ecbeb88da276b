"""Drawing the demonstrations: a looping GIF per exercise (and side), and single frames.

The style is an exercise sheet's: one rounded figure, the far limbs paler, the part that works
in one accent colour, a floor line (or a mat, seen from above), the props, and an arrow for the
movement. `bot/drawing/make_media.py` writes the files; the bot never draws at run time.
"""

from __future__ import annotations

import hashlib
import io
import math
from pathlib import Path
from typing import Any

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from PIL import Image

from bot.content.poses import Arrow, Keyframe, Pose, Segment
from bot.drawing.figure import HEAD_RADIUS, Frame, between, joints, mirrored

# Bump when the drawing changes, so that every file counts as out of date.
RENDERER_VERSION = 1
SIZE = (4.8, 3.2)  # inches at DPI: 480 x 320 pixels
DPI = 100
TRANSITION_FRAMES = 10
FRAME_MS = 70
INK, PALE, ACCENT = "#3b4a5a", "#a9b6c3", "#e4572e"
FLOOR, ROLLER, CUSHION, MAT = "#c9d1da", "#6fa8dc", "#d8c7a4", "#e8eef4"
FAR = {
    Segment.UPPER_ARM_FAR,
    Segment.FOREARM_FAR,
    Segment.THIGH_FAR,
    Segment.SHIN_FAR,
    Segment.FOOT_FAR,
}
WIDTH = {Segment.TRUNK: 20.0, Segment.HEAD: 9.0}
LIMB_WIDTH = 11.0
# Highlight regions as (segment, from, to): fractions along the segment.
REGIONS = {
    "lower_back": (Segment.TRUNK, 0.0, 0.5),
    "upper_back": (Segment.TRUNK, 0.45, 1.0),
    "side": (Segment.TRUNK, 0.15, 0.85),
    "hip_near": (Segment.THIGH_NEAR, 0.0, 0.35),
    "hip_far": (Segment.THIGH_FAR, 0.0, 0.35),
}
_SIDE_LABEL = {"left": "Left side", "right": "Right side"}
_ROUND: dict[str, Any] = {"solid_capstyle": "round", "solid_joinstyle": "round"}


def variants(pose: Pose) -> dict[str, Pose]:
    """The files one pose makes: one, or one per side (the second drawn as the mirror)."""
    if pose.side is None:
        return {pose.exercise: pose}
    other = mirrored(pose)
    return {f"{pose.exercise}-{pose.side}": pose, f"{pose.exercise}-{other.side}": other}


def digest(pose_file: Path) -> str:
    """What a media file was drawn from: the pose file's bytes and the renderer's version."""
    hashed = hashlib.sha256(pose_file.read_bytes())
    hashed.update(str(RENDERER_VERSION).encode())
    return hashed.hexdigest()


def gif(pose: Pose) -> bytes:
    """The looping animation: each key pose held, smooth movement between them."""
    frames, durations = [], []
    keys = pose.keyframes
    limits = limits_of(pose)
    for index, key in enumerate(keys):
        frames.append(_image(pose, key, limits))
        durations.append(max(FRAME_MS, int(key.hold_seconds * 1000)))
        following = keys[(index + 1) % len(keys)]
        for step in range(1, TRANSITION_FRAMES):
            frames.append(_image(pose, between(key, following, step / TRANSITION_FRAMES), limits))
            durations.append(FRAME_MS)
    output = io.BytesIO()
    frames[0].save(
        output,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=0,
        disposal=1,
    )
    return output.getvalue()


def still(pose: Pose, key: Keyframe) -> Image.Image:
    """One frame, for the contact sheet and for looking at a pose while editing it."""
    return _image(pose, key, limits_of(pose))


def _image(pose: Pose, key: Keyframe, limits: tuple[float, float, float, float]) -> Image.Image:
    figure = plt.figure(figsize=SIZE, dpi=DPI)
    axes = figure.add_axes((0, 0, 1, 1))
    draw(axes, pose, key, limits)
    figure.canvas.draw()
    rgba = bytes(figure.canvas.buffer_rgba())  # type: ignore[attr-defined]
    width, height = figure.canvas.get_width_height()
    plt.close(figure)
    image = Image.frombytes("RGBA", (width, height), rgba).convert("RGB")
    # A small fixed palette keeps the file small and the output the same on every machine.
    return image.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def draw(axes: Axes, pose: Pose, key: Keyframe, limits: tuple[float, float, float, float]) -> None:
    """The figure, its props and its arrow, on `axes`."""
    left, right, bottom, top = limits
    axes.set_xlim(left, right)
    axes.set_ylim(bottom, top)
    axes.set_aspect("equal")
    axes.axis("off")
    frame = joints(key, pose.keyframes[0])
    if pose.view == "top":  # seen from above: the mat the person lies or sits on
        mat = FancyBboxPatch(
            (left + 0.12, bottom + 0.06),
            right - left - 0.24,
            top - bottom - 0.12,
            boxstyle="round,pad=0,rounding_size=0.08",
            color=MAT,
            zorder=0,
        )
        axes.add_patch(mat)
    if pose.floor:
        axes.plot([left, right], [0, 0], color=FLOOR, linewidth=4, solid_capstyle="butt")
    if pose.cushion is not None:
        c = pose.cushion
        box = FancyBboxPatch(
            (c.centre[0] - c.width / 2, c.centre[1] - c.height / 2),
            c.width,
            c.height,
            boxstyle="round,pad=0.01,rounding_size=0.03",
            color=CUSHION,
            zorder=1,
        )
        axes.add_patch(box)
    _draw_figure(axes, pose, frame)
    if pose.roller is not None:
        _draw_roller(axes, pose, frame)
    if key.arrow is not None:
        _draw_arrow(axes, key.arrow)
    if pose.side is not None:
        axes.text(
            left + 0.05, top - 0.08, _SIDE_LABEL[pose.side], fontsize=12, color=INK, va="top"
        )


def _draw_figure(axes: Axes, pose: Pose, frame: Frame) -> None:
    pale = set(pose.pale) if pose.pale is not None else (FAR if pose.view == "side" else set())
    for segment in sorted(frame.bones, key=lambda s: (s not in pale, s is not Segment.TRUNK)):
        if segment is Segment.TRUNK:
            _draw_trunk(axes, pose, frame)
            continue
        colour = ACCENT if segment in pose.highlight else PALE if segment in pale else INK
        (x0, y0), (x1, y1) = frame.bones[segment]
        width = WIDTH.get(segment, LIMB_WIDTH)
        axes.plot(
            [x0, x1], [y0, y1], color=colour, linewidth=width, **_ROUND, zorder=_z(segment, pale)
        )
    for region in pose.highlight:
        if region in REGIONS:
            segment, start, end = REGIONS[region]
            xs, ys = _along(frame, segment, start, end)
            axes.plot(
                xs, ys, color=ACCENT, linewidth=WIDTH.get(segment, LIMB_WIDTH), **_ROUND, zorder=5
            )
    axes.add_patch(Circle(frame.head, HEAD_RADIUS, color=INK, zorder=6))


def _draw_trunk(axes: Axes, pose: Pose, frame: Frame) -> None:
    """The spine (curved as the pose says), and shoulders and hips where they show apart."""
    colour = ACCENT if Segment.TRUNK in pose.highlight else INK
    xs, ys = _along(frame, Segment.TRUNK, 0.0, 1.0)
    axes.plot(xs, ys, color=colour, linewidth=WIDTH[Segment.TRUNK], **_ROUND, zorder=4)
    for (x0, y0), (x1, y1) in (frame.shoulders, frame.hips):
        if abs(x1 - x0) + abs(y1 - y0) > 0.01:
            axes.plot(
                [x0, x1], [y0, y1], color=colour, linewidth=LIMB_WIDTH * 1.4, **_ROUND, zorder=4
            )


def _along(
    frame: Frame, segment: Segment, start: float, end: float
) -> tuple[list[float], list[float]]:
    """Points along a segment from fraction `start` to `end`; the trunk follows its curve."""
    (x0, y0), (x1, y1) = frame.bones[segment]
    bulge = frame.spine * 0.12 if segment is Segment.TRUNK else 0.0
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length  # the segment's left
    xs, ys = [], []
    for i in range(13):
        t = start + (end - start) * i / 12
        lift = 4 * t * (1 - t) * bulge
        xs.append(x0 + (x1 - x0) * t + nx * lift)
        ys.append(y0 + (y1 - y0) * t + ny * lift)
    return xs, ys


def _z(segment: Segment, pale: set[Segment]) -> int:
    return 3 if segment in pale else 4


def _draw_roller(axes: Axes, pose: Pose, frame: Frame) -> None:
    assert pose.roller is not None
    roller = pose.roller
    x = roller.centre[0] + (frame.roller_shift if roller.follows == "pelvis" else 0.0)
    axes.add_patch(Circle((x, roller.centre[1]), roller.radius, color=ROLLER, zorder=2))
    axes.add_patch(Circle((x, roller.centre[1]), roller.radius * 0.35, color="#ffffff", zorder=2))


def _draw_arrow(axes: Axes, shown: Arrow) -> None:
    arrow = FancyArrowPatch(
        shown.start,
        shown.end,
        connectionstyle=f"arc3,rad={shown.bend}",
        arrowstyle="-|>,head_length=8,head_width=5",
        color=ACCENT,
        linewidth=2.5,
        zorder=7,
    )
    axes.add_patch(arrow)


def limits_of(pose: Pose) -> tuple[float, float, float, float]:
    """The view: every key pose in frame, centred, at the canvas's proportions."""
    xs, ys = [], []
    for key in pose.keyframes:
        frame = joints(key, pose.keyframes[0])
        for start, end in frame.bones.values():
            xs += [start[0], end[0]]
            ys += [start[1], end[1]]
        xs += [frame.head[0] - HEAD_RADIUS, frame.head[0] + HEAD_RADIUS]
        ys += [frame.head[1] - HEAD_RADIUS, frame.head[1] + HEAD_RADIUS]
    if pose.roller is not None:
        ys.append(pose.roller.centre[1] - pose.roller.radius)
    if pose.floor:
        ys.append(0.0)
    margin = 0.15
    left, right, bottom, top = (
        min(xs) - margin,
        max(xs) + margin,
        min(ys) - margin,
        max(ys) + margin,
    )
    width, height = right - left, top - bottom
    aspect = SIZE[0] / SIZE[1]
    if width / height < aspect:
        grow = (height * aspect - width) / 2
        left, right = left - grow, right + grow
    else:  # the floor stays near the bottom; the room goes above
        top = bottom + width / aspect
    return left, right, bottom, top
