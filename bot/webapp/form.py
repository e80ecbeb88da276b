"""The app's settings: each /settings choice as a field with its options, and a change
stored through the same rule set as the chat's buttons (`bot/chat/choices.py`).

A field carries its values as the chat's buttons do (`hf` `0`, `switch` `10`), so one check
decides what is on offer, whoever asks.
"""

from __future__ import annotations

from typing import Any

from bot.chat import preferences as menu
from bot.chat.language import autonym
from bot.coaching.preferences import Snapshot
from bot.content import Content

Json = dict[str, Any]

# The /settings choices the app offers (an exercise's dose and the precautions stay in the chat).
OFFERED = ("hf", "voice", "switch", "rest", "roller", "pics", "morning", "target", "lang")


def settings(content: Content, snap: Snapshot) -> Json:
    """Every field the app shows, with its options and the chat's current value."""
    prefs, rules = snap.prefs, content.rules.hands_free
    switch = prefs.switch_seconds if prefs.switch_seconds is not None else rules.switch_seconds
    rest = prefs.rest_seconds if prefs.rest_seconds is not None else rules.rest_seconds
    seconds = content.texts.settings.seconds
    fields = [
        _toggle(content, "hf", prefs.hands_free),
        _toggle(content, "voice", prefs.audio_guide),
        _field(
            content,
            "switch",
            switch,
            [(v, seconds.format(seconds=v)) for v in rules.switch_choices],
        ),
        _field(
            content, "rest", rest, [(v, seconds.format(seconds=v)) for v in rules.rest_choices]
        ),
        _toggle(content, "roller", prefs.roller),
        _toggle(content, "pics", snap.pictures),
        _toggle(content, "morning", snap.morning),
        _field(content, "target", snap.target, [(v, str(v)) for v in menu.TARGETS]),
        _field(content, "lang", menu.spoken(content, snap), _languages(content)),
    ]
    return {"fields": fields}


def _languages(content: Content) -> list[tuple[int | str, str]]:
    return [(code, autonym(code)) for code in content.rules.languages.offered]


def _toggle(content: Content, name: str, on: bool) -> Json:
    words = content.texts.webapp
    return _field(content, name, int(on), [(1, words.on), (0, words.off)])


def _field(
    content: Content, name: str, value: int | str, options: list[tuple[int | str, str]]
) -> Json:
    return {
        "name": name,
        "label": getattr(content.texts.webapp.fields, name),
        "value": str(value),
        "options": [{"value": str(v), "label": label} for v, label in options],
    }


def offered(content: Content, name: object, value: object) -> tuple[str, str] | None:
    """A request's choice, if it is one of the options of a field the app shows (the chat's
    rule set checks it again as it is stored); None for anything else."""
    if not isinstance(name, str) or not isinstance(value, str) or name not in OFFERED:
        return None
    rules = content.rules.hands_free
    values: dict[str, list[int] | list[str]] = {
        "switch": rules.switch_choices,
        "rest": rules.rest_choices,
        "target": list(menu.TARGETS),
        "lang": content.rules.languages.offered,
    }
    return (name, value) if value in {str(n) for n in values.get(name, [0, 1])} else None
