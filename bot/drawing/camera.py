"""Where the camera is and what it sees: the same numbers place MuJoCo's camera and project
points for the tests, so a figure checked to be in frame is in the rendered frame."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bot.content.poses import Camera

WIDTH, HEIGHT = 480, 320


@dataclass(frozen=True)
class View:
    position: NDArray[np.float64]
    right: NDArray[np.float64]  # the picture's x axis, in world terms
    up: NDArray[np.float64]  # the picture's y axis
    forward: NDArray[np.float64]
    fov: float  # vertical, degrees


def view_of(camera: Camera) -> View:
    """The camera `distance` from `look_at`, at `azimuth` round and `elevation` up."""
    azimuth, elevation = np.radians(camera.azimuth), np.radians(camera.elevation)
    out = np.array(
        [
            np.cos(elevation) * np.cos(azimuth),
            np.cos(elevation) * np.sin(azimuth),
            np.sin(elevation),
        ]
    )
    forward = -out
    right = np.cross(forward, np.array([0.0, 0.0, 1.0]))
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    position = np.array(camera.look_at) + camera.distance * out
    return View(position, right, up, forward, camera.fov)


def project(view: View, points: NDArray[np.float64]) -> NDArray[np.float64]:
    """Pixel coordinates (x right, y down) of world `points` (n x 3) in a WIDTH x HEIGHT frame."""
    relative = points - view.position
    depth = relative @ view.forward
    focal = (HEIGHT / 2) / np.tan(np.radians(view.fov) / 2)
    x = WIDTH / 2 + focal * (relative @ view.right) / depth
    y = HEIGHT / 2 - focal * (relative @ view.up) / depth
    return np.stack([x, y], axis=1)
