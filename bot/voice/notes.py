"""A voice note composed at run time: the script's clips laid on silence at their seconds,
encoded as OGG/Opus (what Telegram plays as a voice note; `soundfile` bundles libsndfile with
Opus). Clips are read once from `content/voice/`, written there by `make media`."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import soundfile
from numpy.typing import NDArray

from bot.coaching.guide import Script

# Between two clips of one cue ("Switch sides." "Right side."): a breath, not a run-on.
CLIP_GAP_SECONDS = 0.15


class Clips:
    """The spoken clips in a folder, by name, each read when first used."""

    def __init__(self, folder: Path, sample_rate: int) -> None:
        self.folder = folder
        self.sample_rate = sample_rate
        self._read: dict[str, NDArray[np.float32]] = {}

    def __getitem__(self, name: str) -> NDArray[np.float32]:
        if name not in self._read:
            samples, rate = soundfile.read(self.folder / f"{name}.flac", dtype="float32")
            if rate != self.sample_rate:
                raise ValueError(f"{name}.flac is at {rate} Hz, not {self.sample_rate}")
            self._read[name] = samples
        return self._read[name]


def compose(script: Script, clips: Clips) -> NDArray[np.float32]:
    """The note's samples: silence the script's length, each cue's clips from its second."""
    rate = clips.sample_rate
    note = np.zeros(script.length * rate, dtype=np.float32)
    gap = round(CLIP_GAP_SECONDS * rate)
    for cue in script.cues:
        at = cue.at * rate
        for name in cue.clips:
            clip = clips[name][: max(0, len(note) - at)]  # nothing runs past the end
            note[at : at + len(clip)] += clip
            at += len(clip) + gap
    return np.clip(note, -1, 1)


def ogg_opus(samples: NDArray[np.float32], sample_rate: int) -> bytes:
    """`samples` as an OGG/Opus file, mono."""
    output = io.BytesIO()
    soundfile.write(output, samples, sample_rate, format="OGG", subtype="OPUS")
    return output.getvalue()
