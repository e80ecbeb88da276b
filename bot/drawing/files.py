"""The demonstration files: their names, and what each was drawn from.

`content/media/manifest.json` maps each file to a digest of the pose file and the look it was
rendered from (and the renderer's version), so a test can tell when a pose changed and its
video did not. Nothing here renders; the bot and the tests read these names only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Bump when the rendering changes, so that every file counts as out of date.
RENDERER_VERSION = 3
# Silent H.264 MP4: about a fifteenth the size of the same loop as a 256-colour GIF (25-50 KB
# against 370-810 KB each, 0.42 MB against 6.2 MB for all eleven), shading kept smooth.
EXTENSION = ".mp4"
STYLE_FILE = "figure.yaml"


def digest(pose_file: Path, style_file: Path) -> str:
    """What a media file was drawn from: the pose's bytes, the look's, the renderer's version."""
    hashed = hashlib.sha256(pose_file.read_bytes())
    hashed.update(style_file.read_bytes())
    hashed.update(str(RENDERER_VERSION).encode())
    return hashed.hexdigest()
