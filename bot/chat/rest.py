"""A rest day in words."""

from __future__ import annotations

from bot.chat.days import weekday_name
from bot.coaching.rest import Rest
from bot.content import Texts


def said(texts: Texts, taken: Rest) -> str:
    """What a rest day request came to, in words."""
    words = texts.rest
    if taken.warmed_up:
        return words.warmed_up
    if taken.taken:
        return words.taken
    return words.already.format(day=weekday_name(texts, taken.day.weekday(), "wide"))
