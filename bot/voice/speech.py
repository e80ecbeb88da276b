"""Text to speech at build time: espeak-ng, from the library and voices the `espeakng-loader`
wheel ships (nothing is downloaded), called through its C API.

Only `make media` uses this; the running bot reads the clips it wrote. espeak-ng's random
seed is fixed, so the same words give the same samples on every run.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass, field

import espeakng_loader
import numpy as np
from numpy.typing import NDArray

_RETRIEVAL = 1  # AUDIO_OUTPUT_RETRIEVAL: samples come to a callback, nothing is played
_CHARACTER = 1  # POS_CHARACTER
_UTF8 = 1  # espeakCHARS_UTF8
_RATE = 1  # espeakRATE: words per minute
_SAMPLES = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


@functools.cache
def _library() -> tuple[ctypes.CDLL, int]:
    """espeak-ng, started once a process: starting it a second time hangs its first synth."""
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    rate = lib.espeak_Initialize(_RETRIEVAL, 0, espeakng_loader.get_data_path().encode(), 0)
    if rate <= 0:
        raise RuntimeError("espeak-ng did not start")
    lib.espeak_Synth.argtypes = [
        ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
        ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
    ]  # fmt: skip
    return lib, rate


@dataclass
class Voice:
    """One espeak-ng voice, at one pace."""

    name: str
    words_per_minute: int
    _chunks: list[NDArray[np.int16]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lib, self.sample_rate = _library()
        self._callback = _SAMPLES(self._collect)  # kept: the library holds a pointer to it
        self._use()

    def _use(self) -> None:
        """Make this voice espeak-ng's: one library serves every voice of a build."""
        self._lib.espeak_SetSynthCallback(self._callback)
        if self._lib.espeak_SetVoiceByName(self.name.encode()) != 0:
            raise RuntimeError(f"espeak-ng has no voice {self.name!r}")
        self._lib.espeak_SetParameter(_RATE, self.words_per_minute, 0)

    def _collect(self, samples: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
        if samples and count > 0:
            self._chunks.append(np.ctypeslib.as_array(samples, shape=(count,)).copy())
        return 0  # go on

    def say(self, words: str) -> NDArray[np.float32]:
        """`words` spoken, as samples from -1 to 1 at `sample_rate`."""
        self._chunks.clear()
        self._use()
        self._lib.espeak_ng_SetRandSeed(1)
        text = words.encode()
        self._lib.espeak_Synth(text, len(text) + 1, 0, _CHARACTER, 0, _UTF8, None, None)
        self._lib.espeak_Synchronize()
        spoken = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)
        return (spoken.astype(np.float32) / 32768).astype(np.float32)
