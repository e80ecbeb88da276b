"""Rendering remembered per content object and small values (bot/chat/memo.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.chat.memo import by_content
from bot.coaching.coach import Cursor


class Words(BaseModel):
    model_config = ConfigDict(frozen=True)
    hello: str


def test_the_same_content_and_values_are_rendered_once() -> None:
    """A render is remembered per content object, values and keywords, and done once for each."""
    calls: list[tuple[str, Cursor, bool]] = []

    @by_content()
    def render(words: Words, cursor: Cursor, *, loud: bool = False) -> str:
        calls.append((words.hello, cursor, loud))
        return f"{words.hello} {cursor.step}{'!' if loud else ''}"

    english, german = Words(hello="Hi"), Words(hello="Hallo")
    assert render(english, Cursor(1)) == "Hi 1"
    assert render(english, Cursor(1)) == "Hi 1"  # remembered
    assert render(english, Cursor(2)) == "Hi 2"  # another cursor: by value
    assert render(english, Cursor(1), loud=True) == "Hi 1!"  # another keyword
    assert render(german, Cursor(1)) == "Hallo 1"  # another content object
    # Equal content loaded again (a new object) is rendered again, never mixed up.
    assert render(Words(hello="Hi"), Cursor(1)) == "Hi 1"
    assert len(calls) == 5


def test_a_full_cache_starts_over_and_still_answers_right() -> None:
    """A cache past its size still gives the right answer for every call."""

    @by_content(maxsize=2)
    def double(words: Words, n: int) -> str:
        return words.hello * n

    words = Words(hello="a")
    assert [double(words, n) for n in (1, 2, 3, 1)] == ["a", "aa", "aaa", "a"]
