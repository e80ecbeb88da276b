"""`make media`: render every pose in `content/poses/` into `content/media/` as a looping MP4,
with the contact sheet `docs/exercises.png` and a strip of key poses per exercise in
`docs/frames/`; then speak the audio guide's clips into `content/voice/` (`bot/voice/clips.py`).

Rendering needs the `media` extra (MuJoCo, and ffmpeg from imageio-ffmpeg); the bot only reads
the files this writes. `content/media/manifest.json` records what each file was drawn from.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
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
WORKERS = 2  # the build machine's cores


def _render(job: tuple[Pose, Style]) -> tuple[bytes, Frames]:
    """One file: the loop (each held frame repeated) as MP4, and its key poses' frames."""
    pose, style = job
    frames = loop(pose)
    images = scene.render(pose, style, frames)
    pairs = list(zip(frames, images, strict=True))
    played = [image for frame, image in pairs for _ in range(frame.repeat)]
    return video.mp4(played), [image for frame, image in pairs if frame.key in pose.keys]


def _render_all(jobs: list[tuple[Pose, Style]]) -> list[tuple[bytes, Frames]]:
    """Every file, two at a time: each renders and encodes on its own, so the bytes are the
    same whatever the order (a fresh process each, as a rendering context does not fork)."""
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        return pool.map(_render, jobs, chunksize=1)


def build(content_dir: Path, docs_dir: Path) -> list[Path]:
    """Render every file; returns what was written."""
    content = load_content(content_dir)
    style_file = content_dir / STYLE_FILE
    style = Style.model_validate(yaml.safe_load(style_file.read_text(encoding="utf-8")))
    media, strips = content_dir / "media", docs_dir / "frames"
    media.mkdir(exist_ok=True)
    strips.mkdir(parents=True, exist_ok=True)
    # In the order of the routines, the alternatives after the exercise they stand in for.
    names = {
        done.id: done.name
        for routine in content.ordered_routines()
        for step in routine.steps
        for done in (step, step.instead)
        if done is not None
    }
    files = [
        (exercise, file, drawn)
        for exercise in names
        for file, drawn in variants(content.poses[exercise]).items()
    ]
    rendered = _render_all([(drawn, style) for _, _, drawn in files])
    manifest, written, held = {}, [], []
    for (exercise, file, drawn), (mp4, keys) in zip(files, rendered, strict=True):
        path = media / f"{file}{EXTENSION}"
        path.write_bytes(mp4)
        manifest[path.name] = digest(content_dir / "poses" / f"{exercise}.yaml", style_file)
        written.append(path)
        if drawn is content.poses[exercise]:  # the side the pose file describes
            longest = max(range(len(drawn.keys)), key=lambda i: drawn.keys[i].hold)
            held.append((names[exercise], keys[longest]))
            (strips / f"{exercise}.png").write_bytes(sheets.strip(names[exercise], keys))
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
