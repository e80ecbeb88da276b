"""`make media`: render every pose in `content/poses/` into `content/media/` as a looping MP4,
with the contact sheet `docs/exercises.png` and a strip of key poses per exercise in
`docs/frames/`; then speak the audio guide's clips into `content/voice/` (`bot/voice/clips.py`).

Rendering needs the `media` extra (MuJoCo, and ffmpeg from imageio-ffmpeg); the bot only reads
the files this writes. `content/media/manifest.json` records what each file was drawn from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from numpy.typing import NDArray

from bot.content import load_content
from bot.content.poses import Pose, Style
from bot.drawing import scene, sheets, video
from bot.drawing.files import EXTENSION, STYLE_FILE, digest
from bot.drawing.motion import loop, variants
from bot.voice import clips

Frames = list[NDArray[np.uint8]]


def _render(pose: Pose, style: Style) -> tuple[Frames, Frames]:
    """The loop's every frame (each held frame repeated), and its key poses."""
    frames = loop(pose)
    images = scene.render(pose, style, frames)
    played = [
        image for frame, image in zip(frames, images, strict=True) for _ in range(frame.repeat)
    ]
    keys = [image for frame, image in zip(frames, images, strict=True) if frame.key in pose.keys]
    return played, keys


def build(content_dir: Path, docs_dir: Path) -> list[Path]:
    """Render every file; returns what was written."""
    content = load_content(content_dir)
    style_file = content_dir / STYLE_FILE
    style = Style.model_validate(yaml.safe_load(style_file.read_text(encoding="utf-8")))
    media, strips = content_dir / "media", docs_dir / "frames"
    media.mkdir(exist_ok=True)
    strips.mkdir(parents=True, exist_ok=True)
    names = {exercise: step.name for exercise, step in content.exercises().items()}
    manifest, written, held = {}, [], []
    for exercise, pose in sorted(content.poses.items()):
        name = names.get(exercise, exercise)
        for index, (file, drawn) in enumerate(variants(pose).items()):
            played, keys = _render(drawn, style)
            path = media / f"{file}{EXTENSION}"
            path.write_bytes(video.mp4(played))
            manifest[path.name] = digest(content_dir / "poses" / f"{exercise}.yaml", style_file)
            written.append(path)
            if index == 0:  # the side the pose file describes
                longest = max(range(len(pose.keys)), key=lambda i: pose.keys[i].hold)
                held.append((name, keys[longest]))
                (strips / f"{exercise}.png").write_bytes(sheets.strip(name, keys))
                written.append(strips / f"{exercise}.png")
    for old in set(media.iterdir()) - {*written, media / "manifest.json"}:
        old.unlink()  # a file no pose draws any more (or the older format)
    (media / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (docs_dir / "exercises.png").write_bytes(sheets.contact_sheet(held))
    return [*written, media / "manifest.json", docs_dir / "exercises.png"]


def main() -> int:
    parser = argparse.ArgumentParser(description="Render every demonstration, speak every clip.")
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    args = parser.parse_args()
    spoken = clips.build(load_content(args.content), args.content / "voice")
    for path in [*build(args.content, args.docs), *spoken]:
        print(f"{path}  {path.stat().st_size // 1024} KiB")  # noqa: T201 - the command's report
    return 0


if __name__ == "__main__":
    sys.exit(main())
