"""Remembering what is built from content: the same step shown to many chats is rendered once.

Texts and routines are loaded once and never change (a shaped routine is cached by
bot/coaching/plan.py), so what is rendered from them can be kept by the identity of those objects
instead of hashing their whole contents on every call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

from pydantic import BaseModel

P = ParamSpec("P")
R = TypeVar("R")


def by_content(maxsize: int = 4096) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function of content objects (by identity) and small values (by equality).

    Content arguments (pydantic models: a Texts, a Routine) are keyed by their id and kept
    alive in the entry, so an id is never reused while its entry exists; the others (a
    Cursor, a session id) by value. The cache is emptied when full.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cache: dict[tuple[Hashable, ...], tuple[Any, R]] = {}

        @functools.wraps(function)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (
                *(_key(arg) for arg in args),
                *((name, _key(value)) for name, value in sorted(kwargs.items())),
            )
            if (hit := cache.get(key)) is not None:
                return hit[1]
            result = function(*args, **kwargs)
            if len(cache) >= maxsize:
                cache.clear()
            cache[key] = ((args, kwargs), result)
            return result

        return cached

    return decorate


def _key(arg: object) -> Hashable:
    if isinstance(arg, BaseModel):  # content: identity, kept alive by the entry
        return ("id", id(arg))
    assert isinstance(arg, Hashable), f"not a content object nor a value: {arg!r}"
    return arg
