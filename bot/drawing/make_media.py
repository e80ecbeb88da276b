"""`make media`: draw every pose in `content/poses/` into `content/media/`, and the contact sheet;
then speak the audio guide's clips into `content/voice/` (`bot/voice/clips.py`).

`content/media/manifest.json` records which pose (and renderer version) each file was drawn
from, so a test can tell when a pose changed and its animation did not. `docs/exercises.png`
shows one frame (the end position) of each exercise with its name, for review at a glance.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt

from bot.content import load_content
from bot.content.poses import Pose
from bot.drawing.animation import INK, SIZE, digest, draw, gif, limits_of, variants
from bot.voice import clips


def contact_sheet(poses: list[tuple[str, Pose]]) -> bytes:
    """One frame (the end position) of each exercise with its name, in a grid."""
    columns = 3
    rows = (len(poses) + columns - 1) // columns
    figure = plt.figure(figsize=(SIZE[0] * columns, (SIZE[1] + 0.7) * rows), dpi=60)
    for index, (name, pose) in enumerate(poses):
        axes = figure.add_subplot(rows, columns, index + 1)
        draw(axes, pose, pose.keyframes[-1], limits_of(pose))
        axes.set_title(textwrap.fill(name, 34), fontsize=13, color=INK)
    figure.tight_layout()
    output = io.BytesIO()
    figure.savefig(output, format="png", metadata={"Software": None})
    plt.close(figure)
    return output.getvalue()


def build(content_dir: Path, docs_dir: Path) -> list[Path]:
    """Draw every file; returns what was written."""
    content = load_content(content_dir)
    media = content_dir / "media"
    media.mkdir(exist_ok=True)
    manifest, written, sheet = {}, [], []
    names = {
        step.id: step.name
        for routine in content.routines.values()
        for listed in routine.steps
        for step in (listed, listed.instead)  # the alternatives without a foam roller too
        if step is not None
    }
    for exercise, pose in sorted(content.poses.items()):
        source = content_dir / "poses" / f"{exercise}.yaml"
        for name, drawn in variants(pose).items():
            path = media / f"{name}.gif"
            path.write_bytes(gif(drawn))
            manifest[path.name] = digest(source)
            written.append(path)
        sheet.append((names.get(exercise, exercise), pose))
    (media / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    docs_dir.mkdir(exist_ok=True)
    (docs_dir / "exercises.png").write_bytes(contact_sheet(sheet))
    return [*written, media / "manifest.json", docs_dir / "exercises.png"]


def main() -> int:
    parser = argparse.ArgumentParser(description="Draw every demonstration, speak every clip.")
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    args = parser.parse_args()
    spoken = clips.build(load_content(args.content), args.content / "voice")
    for path in [*build(args.content, args.docs), *spoken]:
        print(f"{path}  {path.stat().st_size // 1024} KiB")  # noqa: T201 - the command's report
    return 0


if __name__ == "__main__":
    sys.exit(main())
