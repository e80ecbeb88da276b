"""The field codecs of callback data: how one typed value is written, read and bounded.

A kind (`bot.chat.callback_codec.Callback`) puts one on each field's annotation:
`session_id: Annotated[int, Int(0, MAX_ID)]`. Each codec accepts exactly the texts it writes
(digits without leading zeros, ASCII only, a fixed width where declared), so a parsed button is
always the encoding of its value, and a second spelling of a real button is refused.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Field(ABC, Generic[T]):
    """How one field is written: a pattern, and an encoder and decoder that check bounds."""

    @property
    @abstractmethod
    def pattern(self) -> str:
        """A regular expression matching every text `encode` can write (and no `:`)."""

    @property
    @abstractmethod
    def widest(self) -> int:
        """The most bytes `encode` can write: what the 64-byte check adds up."""

    @abstractmethod
    def encode(self, value: T) -> str:
        """The text for `value`; ValueError if it is outside the declared bounds."""

    @abstractmethod
    def decode(self, text: str) -> T:
        """The value of `text`, which matched `pattern`; ValueError if out of bounds."""


@dataclass(frozen=True)
class Int(Field[int]):
    """A whole number in `lo..hi`: plain digits, or zero-padded to a fixed `width`."""

    lo: int
    hi: int
    width: int | None = None

    def __post_init__(self) -> None:
        too_wide = self.width is not None and len(str(self.hi)) > self.width
        if not 0 <= self.lo <= self.hi or too_wide:
            raise ValueError(f"bad bounds: {self}")

    @property
    def pattern(self) -> str:
        """Digits only, ASCII only: `007` or `٣` would be a second spelling of one value."""
        if self.width is not None:
            return f"[0-9]{{{self.width}}}"
        return f"0|[1-9][0-9]{{0,{len(str(self.hi)) - 1}}}"

    @property
    def widest(self) -> int:
        """The fixed width, or the digits of the largest value."""
        return self.width or len(str(self.hi))

    def encode(self, value: int) -> str:
        """`value` in decimal, zero-padded to the width if there is one."""
        if not self.lo <= value <= self.hi:
            raise ValueError(f"{value} is outside {self.lo}..{self.hi}")
        return str(value) if self.width is None else f"{value:0{self.width}d}"

    def decode(self, text: str) -> int:
        """The number, if within bounds."""
        value = int(text)
        if not self.lo <= value <= self.hi:
            raise ValueError(f"{value} is outside {self.lo}..{self.hi}")
        return value


@dataclass(frozen=True)
class Text(Field[str]):
    """A short string of `alphabet`, 1 to `longest` characters; `first` narrows the first."""

    alphabet: str
    longest: int
    first: str | None = None

    def __post_init__(self) -> None:
        # The separator in a field would make the field and the next one indistinguishable.
        if ":" in self.alphabet or self.longest < 1:
            raise ValueError(f"bad text field: {self}")

    @property
    def pattern(self) -> str:
        """The alphabet as a character class, `first` checked separately if given."""
        chars = _char_class(self.alphabet)
        if self.first is None:
            return f"{chars}{{1,{self.longest}}}"
        return f"{_char_class(self.first)}{chars}{{0,{self.longest - 1}}}"

    @property
    def widest(self) -> int:
        """The longest string of the widest character, in UTF-8."""
        return self.longest * max(len(c.encode()) for c in self.alphabet + (self.first or ""))

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def encode(self, value: str) -> str:
        """`value` itself, if it is made of the declared characters."""
        # Checked by the very pattern the parser uses: what is sent is what is accepted.
        if self._regex.fullmatch(value) is None:
            raise ValueError(f"{value!r} does not match {self.pattern}")
        return value

    def decode(self, text: str) -> str:
        """The text itself: the pattern has checked it all."""
        return text


class OneOf(Field[T]):
    """One of a few values, each written as its own fixed code."""

    def __init__(self, codes: Mapping[T, str]) -> None:
        if len(set(codes.values())) != len(codes):
            raise ValueError(f"codes are not distinct: {codes}")
        self.codes = dict(codes)
        self._values = {code: value for value, code in codes.items()}

    def __repr__(self) -> str:
        return f"OneOf({self.codes!r})"

    @classmethod
    def words(cls, *words: str) -> OneOf[str]:
        """Words written as themselves: `OneOf.words("yes", "no")`."""
        return OneOf({word: word for word in words})

    @property
    def pattern(self) -> str:
        """The codes, as alternatives."""
        return "|".join(re.escape(code) for code in self.codes.values())

    @property
    def widest(self) -> int:
        """The longest code."""
        return max(len(code.encode()) for code in self.codes.values())

    def encode(self, value: T) -> str:
        """The value's code."""
        if value not in self.codes:
            raise ValueError(f"{value!r} is none of {list(self.codes)}")
        return self.codes[value]

    def decode(self, text: str) -> T:
        """The value the code stands for."""
        if text not in self._values:
            raise ValueError(f"{text!r} is none of {list(self._values)}")
        return self._values[text]


@dataclass(frozen=True)
class Maybe(Field[T | None]):
    """A value of `inner`, or None written as the code `none` (a check-in skipped: `x`)."""

    inner: Field[T]
    none: str

    @property
    def pattern(self) -> str:
        """The code for None, or the inner value."""
        return f"{re.escape(self.none)}|(?:{self.inner.pattern})"

    @property
    def widest(self) -> int:
        """The wider of the two."""
        return max(len(self.none.encode()), self.inner.widest)

    def encode(self, value: T | None) -> str:
        """The code for None, or the inner encoding."""
        return self.none if value is None else self.inner.encode(value)

    def decode(self, text: str) -> T | None:
        """None for its code, else the inner value."""
        return None if text == self.none else self.inner.decode(text)


class Record(Field[T]):
    """A value made of parts, read off its attributes and built back with `factory`:
    `Record(time, hour=Int(0, 23, width=2), minute=Int(0, 59, width=2))` is `0730`."""

    def __init__(self, factory: Callable[..., T], sep: str = "", **parts: Field[Any]) -> None:
        self.factory, self.sep, self.parts = factory, sep, parts
        groups = (f"(?P<{name}>{part.pattern})" for name, part in parts.items())
        self._regex = re.compile(re.escape(sep).join(groups))

    def __repr__(self) -> str:
        return f"Record({self.factory.__name__}, {self.sep!r}, **{self.parts!r})"

    @property
    def pattern(self) -> str:
        """The parts' patterns, between separators."""
        return re.escape(self.sep).join(f"(?:{part.pattern})" for part in self.parts.values())

    @property
    def widest(self) -> int:
        """Every part at its widest, and the separators."""
        separators = len(self.sep.encode()) * (len(self.parts) - 1)
        return separators + sum(part.widest for part in self.parts.values())

    def encode(self, value: T) -> str:
        """Each part's attribute, encoded; attributes not declared (seconds) are not sent."""
        return self.sep.join([part.encode(getattr(value, n)) for n, part in self.parts.items()])

    def decode(self, text: str) -> T:
        """The value built from its parts; ValueError if they do not make one (February 30)."""
        match = self._regex.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} does not match {self.pattern}")
        return self.factory(**{n: part.decode(match[n]) for n, part in self.parts.items()})


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"
