"""Weekday names in the language of the words, from Babel's CLDR data (not translated by hand)."""

from __future__ import annotations

import functools
from typing import Literal

from babel.dates import get_day_names

from bot.content import Texts

Width = Literal["wide", "abbreviated", "short"]


def weekday_names(texts: Texts, width: Width = "abbreviated") -> list[str]:
    """Monday first: `Mon`..`Sun`, `пн`..`вс`, `lun`..`dom`."""
    return list(_names(texts.locale, width))


def weekday_name(texts: Texts, weekday: int, width: Width = "abbreviated") -> str:
    """Day `weekday` (0 is Monday) as a sentence names it: `Monday`, `понедельник`."""
    return _names(texts.locale, width)[weekday]


@functools.cache
def _names(locale: str, width: Width) -> tuple[str, ...]:
    names = get_day_names(width, context="format", locale=locale)
    return tuple(str(names[day]) for day in range(7))
