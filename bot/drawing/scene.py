"""Rendering a pose's frames with MuJoCo, offscreen (EGL): only `make media` imports this.

The scene is built once per file: a floor, the props, a light that casts shadows, the camera,
and one static volume per body piece, coloured for its role. Each frame moves the volumes to
where `bot/drawing/body.py` places them and renders; MuJoCo simulates nothing here.
"""

from __future__ import annotations

import os

# Headless: render through EGL unless told otherwise (before mujoco is imported).
os.environ.setdefault("MUJOCO_GL", "egl")

from collections.abc import Iterator

import mujoco
import numpy as np
from numpy.typing import NDArray

from bot.content.poses import Part, Pose, Prop, Style
from bot.drawing.body import Piece, pieces
from bot.drawing.camera import HEIGHT, WIDTH, view_of
from bot.drawing.motion import Frame

Image = NDArray[np.uint8]


def _rgb(colour: tuple[float, float, float], alpha: float = 1.0) -> str:
    return " ".join(f"{c:.3f}" for c in (*colour, alpha))


def _v(values: object) -> str:
    assert isinstance(values, tuple | list | np.ndarray)
    return " ".join(f"{float(v):.5f}" for v in values)


def _colour_of(piece: Piece, pose: Pose, style: Style) -> tuple[float, float, float]:
    part = piece.part
    if piece.detail == "waistband":
        return style.waistband
    if part is None or part in (Part.HEAD, Part.NECK):
        return style.head
    if part in pose.highlight:
        return style.target
    working = {"left": "_l", "right": "_r"}.get(pose.side or "", "-")
    return style.working if part.value.endswith(working) else style.body


def _body_geoms(pose: Pose, style: Style) -> Iterator[str]:
    for index, piece in enumerate(pieces(pose.keys[0])):
        shape = piece.shape
        size = piece.size if shape != "capsule" else (piece.size[0], max(piece.size[1], 1e-3))
        yield (
            f'<geom name="b{index}" type="{shape}" size="{_v(size)}" '
            f'rgba="{_rgb(_colour_of(piece, pose, style))}" material="skin"/>'
        )


def _prop_geoms(prop: Prop, style: Style) -> Iterator[str]:
    x, y, z = prop.at
    sx, sy, sz = prop.size
    colour = f'rgba="{_rgb(style.props[prop.kind])}" material="matte"'
    yaw = np.radians(prop.yaw)
    along = (-np.sin(yaw), np.cos(yaw), 0.0)
    turned = f'euler="0 0 {prop.yaw:.3f}"'
    if prop.kind == "roller":
        axis = f'zaxis="{_v(along)}"'
        yield f'<geom type="cylinder" size="{sx} {sy}" pos="{x} {y} {sx}" {axis} {colour}/>'
    elif prop.kind == "cushion":
        size = f'size="{sx} {sy} {sz}"'
        yield f'<geom type="ellipsoid" {size} pos="{x} {y} {sz}" {turned} {colour}/>'
    elif prop.kind == "chair":
        yield from _chair(prop, colour)
    else:  # a mat or a wall: a box standing on the floor
        yield f'<geom type="box" size="{sx} {sy} {sz}" pos="{x} {y} {z + sz}" {turned} {colour}/>'


def _chair(prop: Prop, colour: str) -> Iterator[str]:
    """A seat `size[2]` high, its back on the chair's -x side, turned by `yaw`."""
    x, y, _ = prop.at
    sx, sy, h = prop.size
    yield f'<body pos="{x} {y} 0" euler="0 0 {prop.yaw:.3f}">'
    yield f'<geom type="box" size="{sx} {sy} 0.025" pos="0 0 {h}" {colour}/>'
    yield f'<geom type="box" size="0.025 {sy} 0.24" pos="{-sx} 0 {h + 0.24}" {colour}/>'
    for cx in (-sx + 0.03, sx - 0.03):
        for cy in (-sy + 0.03, sy - 0.03):
            yield f'<geom type="cylinder" size="0.018 {h / 2}" pos="{cx} {cy} {h / 2}" {colour}/>'
    yield "</body>"


def mjcf(pose: Pose, style: Style) -> str:
    """The scene for one file, as MuJoCo's XML."""
    view = view_of(pose.camera)
    light = np.array(style.light) / np.linalg.norm(style.light)
    bg = _rgb(style.background)
    parts = [
        '<mujoco model="demo"><visual>',
        f'<global offwidth="{WIDTH}" offheight="{HEIGHT}"/>',
        '<quality shadowsize="2048" offsamples="4"/>',
        '<headlight ambient="0.42 0.42 0.42" diffuse="0.25 0.25 0.25" specular="0 0 0"/>',
        f'<rgba haze="{bg}" fog="{bg}"/>',
        # Fog from about 4 m (in units of the extent) hides the floor's far edge.
        '<map fogstart="1.5" fogend="2.4" shadowclip="3" shadowscale="0.6" znear="0.05"/>',
        "</visual>",
        '<statistic center="0 0 0.4" extent="2.5"/><asset>',
        f'<texture type="skybox" builtin="flat" rgb1="{_v(style.background)}" '
        f'rgb2="{_v(style.background)}" width="8" height="8"/>',
        '<material name="skin" specular="0.15" shininess="0.3"/>',
        '<material name="matte" specular="0.05" shininess="0.1"/>',
        "</asset><worldbody>",
        f'<geom type="plane" size="8 8 0.1" rgba="{_rgb(style.floor)}" material="matte"/>',
        f'<light type="directional" dir="{_v(light)}" castshadow="true" '
        'diffuse="0.62 0.62 0.62" specular="0.1 0.1 0.1" pos="0 0 4"/>',
        f'<camera name="view" pos="{_v(view.position)}" '
        f'xyaxes="{_v(view.right)} {_v(view.up)}" fovy="{pose.camera.fov}"/>',
    ]
    for prop in pose.props:
        parts += list(_prop_geoms(prop, style))
    parts += list(_body_geoms(pose, style))
    parts.append("</worldbody></mujoco>")
    return "\n".join(parts)


def _place(data: mujoco.MjData, first: int, placed: list[Piece]) -> None:
    """Put each body volume where it is in this frame (the world's own volumes are never
    moved by MuJoCo's kinematics, so their placed positions are written directly)."""
    quat, matrix = np.zeros(4), np.zeros(9)
    for index, piece in enumerate(placed):
        geom = first + index
        if piece.shape == "capsule":
            data.geom_xpos[geom] = (piece.a + piece.b) / 2
            axis = piece.b - piece.a
            mujoco.mju_quatZ2Vec(quat, axis / max(float(np.linalg.norm(axis)), 1e-9))
            mujoco.mju_quat2Mat(matrix, quat)
            data.geom_xmat[geom] = matrix
        else:
            data.geom_xpos[geom] = piece.a
            data.geom_xmat[geom] = np.ascontiguousarray(piece.rotation).ravel()


def render(pose: Pose, style: Style, frames: list[Frame]) -> list[Image]:
    """Each frame of `frames` as an RGB image, WIDTH x HEIGHT."""
    model = mujoco.MjModel.from_xml_string(mjcf(pose, style))
    data = mujoco.MjData(model)
    first = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_GEOM, "b0")
    images = []
    with mujoco.Renderer(model, HEIGHT, WIDTH) as renderer:
        mujoco.mj_forward(model, data)
        # The fog, in the background's colour, hides the floor's far edge.
        renderer.scene.flags[mujoco.mjtRndFlag.mjRND_FOG] = 1
        for frame in frames:
            _place(data, first, pieces(frame.key))
            renderer.update_scene(data, camera="view")
            images.append(renderer.render().copy())
    return images
