"""The choices an exercise offers in /settings: inside the source's range, or a band around
our suggestion. Read from content alone, so loading content can check its levels against them
(`bot/coaching/plan.py` shapes routines with these choices)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.content.routines import Prescription, Range
from bot.content.rules import DoseRules


@dataclass(frozen=True)
class Options:
    """What /settings offers for one exercise; empty where the exercise has no such measure."""

    seconds: tuple[int, ...]
    sets: tuple[int, ...]
    reps: tuple[int, ...]


def options(rx: Prescription, rules: DoseRules) -> Options:
    """The choices for an exercise: inside the source's range, or a band around a suggestion."""
    seconds: tuple[int, ...] = ()
    if rx.timed is not None:
        seconds = _within(rx.timed, rx.from_source, rules, ladder=rules.hold_ladder)
    reps: tuple[int, ...] = ()
    if rx.reps is not None:
        ladder = list(range(1, rx.reps.high * 3 + 1))
        reps = _within(rx.reps, rx.from_source, rules, ladder=ladder)
    if rx.from_source or rx.sets.low != rx.sets.high:
        sets = tuple(range(rx.sets.low, rx.sets.high + 1))
    else:
        sets = tuple(range(1, rx.sets.high + rules.extra_sets + 1))
    return Options(seconds, sets if len(sets) > 1 else (), reps)


def _within(
    band: Range, from_source: bool, rules: DoseRules, *, ladder: list[int]
) -> tuple[int, ...]:
    if from_source or band.low != band.high:
        low, high = band.low, band.high
    else:
        low = math.ceil(band.high * rules.band_low)
        high = math.floor(band.high * rules.band_high)
    chosen = sorted({v for v in ladder if low <= v <= high} | {band.low, band.high})
    while len(chosen) > rules.max_choices:  # thin evenly, keeping both ends and the default
        chosen = [v for i, v in enumerate(chosen) if i % 2 == 0 or v in (high, band.high)]
    return tuple(chosen)
