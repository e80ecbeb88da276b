"""A declarative callback-data codec: a button kind declares its wire layout and typed fields,
and encoding, parsing, bounds and Telegram's 64-byte limit are written here, once.

    @dataclass(frozen=True)
    class Switch(Callback, wire="switch:{session_id}:{routine_id}"):
        session_id: Annotated[int, Int(0, MAX_ID)]
        routine_id: Annotated[str, Text(LOWER + DIGITS + "-", longest=32, first=LOWER + DIGITS)]

A placeholder in `wire` names a field, whose codec (`bot.chat.callback_fields`) rides on its
annotation, or a constant that a subclass binds with a class keyword:
`class Done(StepButton, action="done")`. So a family of kinds shares one declaration, and a
kind is complete once every placeholder is bound. Data that does not parse exactly, a value
past its field's bounds included, is refused before a handler or the database sees it.
"""

from __future__ import annotations

import re
import string
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from bot.chat.callback_fields import Field

MAX_CALLBACK_BYTES = 64  # Telegram's limit on a button's callback data


@dataclass(frozen=True)
class _Layout:
    """A complete kind's wire format: literal text and fields in order, and its pattern."""

    parts: tuple[str | tuple[str, Field[Any]], ...]
    fields: dict[str, Field[Any]]
    regex: re.Pattern[str]


class Callback:
    """A button kind: `encode()` gives its callback data, `parse()` reads it back or refuses.

    A subclass declares `wire=` and annotated fields, or binds a family's constants (see the
    module's docstring); `PATTERN` and `FIELDS` are then derived from the declaration.
    """

    PATTERN: ClassVar[re.Pattern[str]]
    FIELDS: ClassVar[Mapping[str, Field[Any]]]
    _WIRE: ClassVar[str | None] = None
    _CONSTANTS: ClassVar[Mapping[str, str]] = {}
    _LAYOUT: ClassVar[_Layout | None] = None

    def __init_subclass__(cls, *, wire: str | None = None, **constants: str) -> None:
        super().__init_subclass__()
        cls._WIRE = wire or cls._WIRE
        cls._CONSTANTS = {**cls._CONSTANTS, **constants}
        for name, value in constants.items():
            setattr(cls, name.upper(), value)  # `ACTION`, `PREFIX`…: readable by name too
        # Built when the class is, so a bad declaration fails at import, not at a press.
        cls._LAYOUT = None if cls._WIRE is None else _layout(cls, cls._WIRE, cls._CONSTANTS)
        if cls._LAYOUT is not None:
            cls.PATTERN, cls.FIELDS = cls._LAYOUT.regex, cls._LAYOUT.fields

    def encode(self) -> str:
        """The callback data for this press; ValueError if a field is outside its bounds
        (such a button could never be pressed: the parser would refuse it)."""
        try:
            return "".join(
                [
                    part if isinstance(part, str) else part[1].encode(getattr(self, part[0]))
                    for part in self._complete().parts
                ]
            )
        except ValueError as error:
            raise ValueError(f"{self!r} has no callback data: {error}") from error

    @property
    def warmup_id(self) -> int | None:
        """The warm-up the press acts on, if it names one (in a group, only its starter may)."""
        session_id = getattr(self, "session_id", None)
        return session_id if isinstance(session_id, int) else None

    @classmethod
    def matches(cls, data: object) -> bool:
        """Whether `data` is of this kind: the pattern a button's route is found by."""
        return cls.parse(data) is not None

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The press `data` describes if it is exactly of this kind, else None."""
        layout = cls._complete()
        # No kind is longer than 64 bytes, so longer data is refused before any pattern runs;
        # counting characters (each at least a byte) also spares encoding lone surrogates.
        if not isinstance(data, str) or len(data) > MAX_CALLBACK_BYTES:
            return None
        match = layout.regex.fullmatch(data)
        if match is None:
            return None
        try:
            values = {name: field.decode(match[name]) for name, field in layout.fields.items()}
        except ValueError:
            return None  # the right shape, but out of bounds: forged, or outdated
        build: Callable[..., Self] = cls
        return build(**values)

    @classmethod
    def _complete(cls) -> _Layout:
        if cls._LAYOUT is None:
            raise TypeError(f"{cls.__name__} is a family: a subclass binds its constants")
        return cls._LAYOUT


def _layout(kind: type[Callback], wire: str, constants: Mapping[str, str]) -> _Layout | None:
    """`kind`'s wire format, or None for a family whose constants a subclass binds."""
    hints = typing.get_type_hints(kind, include_extras=True)
    fields = {
        name: _field(kind, name, hint)
        for name, hint in hints.items()
        if typing.get_origin(hint) is not ClassVar
    }
    parts: list[str | tuple[str, Field[Any]]] = []
    for literal, name, spec, conversion in string.Formatter().parse(wire):
        parts.append(literal)
        if name is None:
            continue
        if spec or conversion or (name in constants and name in fields):
            raise TypeError(f"{kind.__name__}: bad placeholder {name!r} in {wire!r}")
        if name in constants:
            parts.append(constants[name])
        elif name in fields:
            parts.append((name, fields.pop(name)))
        else:
            return None
    if fields:  # a field missing from the wire could not be read back
        raise TypeError(f"{kind.__name__}: {sorted(fields)} not in {wire!r}")
    widest = sum(len(p.encode()) if isinstance(p, str) else p[1].widest for p in parts)
    if widest > MAX_CALLBACK_BYTES:
        raise TypeError(f"{kind.__name__} can take {widest} bytes, over {MAX_CALLBACK_BYTES}")
    regex = "".join(
        re.escape(p) if isinstance(p, str) else f"(?P<{p[0]}>{p[1].pattern})" for p in parts
    )
    named = tuple(p for p in parts if p)
    return _Layout(named, {p[0]: p[1] for p in named if isinstance(p, tuple)}, re.compile(regex))


def _field(kind: type[Callback], name: str, hint: object) -> Field[Any]:
    """The one codec in a field's `Annotated[type, codec]`."""
    found = [m for m in getattr(hint, "__metadata__", ()) if isinstance(m, Field)]
    if len(found) != 1:
        raise TypeError(f"{kind.__name__}.{name}: declare it as Annotated[type, <one codec>]")
    return found[0]
