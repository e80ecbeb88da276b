"""A voice note composed at run time: the script's clips laid on silence at their seconds,
encoded as OGG/Opus (what Telegram plays as a voice note; `soundfile` bundles libsndfile with
Opus). Clips are read from `content/voice/<language>/`, written there by `make media`.

Each language's `manifest.json` says what each clip says (words, voice, pace) and the digest of
its file. At start-up the clips are checked against it and against the texts and rules, so a
clip missing or stale stops the bot there rather than at a person's press.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np
import soundfile
from numpy.typing import NDArray

from bot.coaching.guide import Script, vocabulary
from bot.content import Content

# Between two clips of one cue ("Switch sides." "Right side."): a breath, not a run-on.
CLIP_GAP_SECONDS = 0.15


def manifest(content: Content, language: str) -> dict[str, dict[str, object]]:
    """What each clip of `language` should say, and how (without the digests of the files)."""
    rules = content.rules.audio_guide
    voice, pace = rules.voices[language], rules.words_per_minute
    words = vocabulary(content.language(language).texts.guide.spoken, content.rules)
    return {name: {"words": said, "voice": voice, "pace": pace} for name, said in words.items()}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Clips:
    """One language's spoken clips in a folder, checked against `content`, each read when
    first used."""

    def __init__(self, folder: Path, content: Content, language: str) -> None:
        self.folder = folder
        self.sample_rate = content.rules.audio_guide.sample_rate
        recorded = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for name, entry in recorded.items():
            if file_digest(folder / f"{name}.flac") != entry.pop("sha256", None):
                raise ValueError(f"{folder / name}.flac: not the file manifest.json records")
        if recorded != manifest(content, language):
            raise ValueError(f"{folder}: the clips do not say today's texts (run `make media`)")
        # Names the sound of every clip: a note made from other clips is another file.
        self.digest = file_digest(folder / "manifest.json")
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
    return np.clip(note, -1, 1, out=note)


def ogg_opus(samples: NDArray[np.float32], sample_rate: int) -> bytes:
    """`samples` as an OGG/Opus file, mono."""
    output = io.BytesIO()
    soundfile.write(output, samples, sample_rate, format="OGG", subtype="OPUS")
    return output.getvalue()
