"""`make media` (with the animations): speak every clip the audio guide can use, in every
language, into `content/voice/<language>/<clip>.flac`, at the guide's sample rate, its silence
trimmed so a clip starts when its cue does.

Each language's `manifest.json` records the words, voice and pace of each clip and the digest of
its file (`bot/voice/notes.py` checks them at start-up). FLAC, not Opus: the same words give
the same file on every run (Opus in OGG carries a random stream number).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import soundfile
from numpy.typing import NDArray

from bot.content import Content
from bot.voice.notes import file_digest, manifest
from bot.voice.speech import Voice

# Quieter than this (of full scale) is silence at a clip's ends.
SILENCE = 0.01


def build(content: Content, folder: Path) -> list[Path]:
    """Speak every language's clips into its folder of `folder`; returns what was written."""
    return [
        *(path for code in content.languages for path in _build(content, folder / code, code)),
        *_forget_languages(folder, set(content.languages)),
    ]


def _forget_languages(folder: Path, kept: set[str]) -> list[Path]:
    """Remove the clips of a language no longer offered (none is written, so none listed)."""
    for old in folder.glob("*/manifest.json"):
        if old.parent.name not in kept:
            for clip in old.parent.iterdir():
                clip.unlink()
            old.parent.rmdir()
    return []


def _build(content: Content, folder: Path, language: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rate = content.rules.audio_guide.sample_rate
    wanted = manifest(content, language)
    voice = Voice(
        content.rules.audio_guide.voices[language], content.rules.audio_guide.words_per_minute
    )
    written = []
    for name, entry in wanted.items():
        spoken = _trimmed(voice.say(str(entry["words"])))
        path = folder / f"{name}.flac"
        soundfile.write(path, _resampled(spoken, voice.sample_rate, rate), rate, subtype="PCM_16")
        written.append(path)
    for old in set(folder.glob("*.flac")) - set(written):
        old.unlink()  # a clip no script names any more
    for name, entry in wanted.items():
        entry["sha256"] = file_digest(folder / f"{name}.flac")
    (folder / "manifest.json").write_text(
        json.dumps(wanted, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return [*written, folder / "manifest.json"]


def _trimmed(samples: NDArray[np.float32]) -> NDArray[np.float32]:
    loud = np.flatnonzero(np.abs(samples) > SILENCE)
    trimmed: NDArray[np.float32] = samples[loud[0] : loud[-1] + 1] if len(loud) else samples[:0]
    return trimmed


def _resampled(samples: NDArray[np.float32], rate: int, to: int) -> NDArray[np.float32]:
    """Linear resampling: plenty for a voice, and no filter library at build time."""
    count = round(len(samples) * to / rate)
    at = np.arange(count) * (rate / to)
    resampled: NDArray[np.float32] = np.interp(at, np.arange(len(samples)), samples).astype(
        np.float32
    )
    return resampled
