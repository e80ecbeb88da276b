"""The bot's words in Fluent: `content/locales/<language>/*.ftl`, read into the text schema.

A translator writes messages, variables and plural selectors in Fluent (projectfluent.org);
the bot reads each message into the same typed schema (`Texts`, a routine's words) that its
code uses, so a call site still says `texts.progress.streak.format(streak=3, best=5)`. Each
value is a `Message`: it reads as its text, with `{name}` where a variable goes (what the
placeholder check and a message without variables need), and its `format` runs Fluent, so the
language's plural rules and number forms (Babel's CLDR data) apply.

A message id is its path in the schema with dashes: `progress-streak` is
`texts.progress.streak`. A routine's words are one file per routine (`routine-<id>.ftl`),
each exercise one message: its name, with attributes for the rest (`bot/content/__init__.py`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.runtime.types import FluentNumber
from fluent.syntax import FluentParser, ast, visitor

from bot.content import patterns
from bot.content.patterns import Render

# Telegram shows Unicode isolation marks around a variable as stray characters.
_ISOLATING = False
# What Fluent formats itself: a number by the language's CLDR rules, a date by Babel's.
_AS_IS = (str, int, float, Decimal, date, datetime, FluentNumber)


class FluentError(Exception):
    """A `.ftl` file that does not parse, or a message a schema path needs that is missing."""


class Message(str):
    """One message of one language: its text, and `format` to fill its variables."""

    __slots__ = ("_bundle", "_pattern", "_quick")
    _bundle: FluentBundle
    _pattern: Any  # fluent.runtime's compiled pattern
    _quick: Render | None  # the same, as plain Python (`patterns.py`), where it can be

    def __new__(cls, bundle: FluentBundle, pattern: Any, written: ast.Pattern) -> Message:
        shown = {name: f"{{{name}}}" for name in variables(written)}
        text, _ = bundle.format_pattern(pattern, shown)
        message = super().__new__(cls, text)
        message._bundle, message._pattern = bundle, pattern
        message._quick = patterns.compiled(written, bundle.locales[0])
        return message

    def format(self, *args: object, **values: Any) -> str:
        """The text with `values` in its variables; a missing one raises, as str.format does."""
        if args:
            raise TypeError("a message takes its values by name")
        given = {k: v if isinstance(v, _AS_IS) else str(v) for k, v in values.items()}
        if self._quick is not None:
            try:
                return self._quick(given)
            except patterns.SlowValueError:
                pass  # a value only fluent.runtime formats (a decimal, a date)
            except KeyError as missing:
                raise KeyError(f"{self!r}: no value for {missing}") from None
        return self.slowly(**given)

    def slowly(self, **given: Any) -> str:
        """The text as fluent.runtime makes it: the reference the fast path is checked by."""
        text, errors = self._bundle.format_pattern(self._pattern, given)
        if errors:
            raise KeyError(f"{self!r}: {'; '.join(map(str, errors))}")
        return str(text)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)  # a copy leaving the process is its text

    def __deepcopy__(self, memo: dict[int, object]) -> Message:
        return self  # immutable


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def variables(pattern: ast.SyntaxNode) -> set[str]:
    """The `$names` a message or pattern uses, selectors included."""
    found = _Variables()
    found.visit(pattern)
    return found.names


def parse(path: Path) -> ast.Resource:
    """One `.ftl` file, refused whole if any entry in it does not parse."""
    try:
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FluentError(f"{path}: cannot read: {exc.strerror}") from exc
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            start = entry.span.start if entry.span else 0
            line = path.read_text(encoding="utf-8")[:start].count("\n") + 1
            note = entry.annotations[0].message if entry.annotations else "not Fluent"
            raise FluentError(f"{path}:{line}: {note}")
    return resource


def bundle(language: str, sources: dict[Path, ast.Resource]) -> FluentBundle:
    """The messages of `sources` (each file as `parse` read it), in `language`; an id given
    twice is a mistake. Each file is parsed once: parsing is most of a language's start-up."""
    messages, seen = FluentBundle([language], use_isolating=_ISOLATING), set()
    for path, source in sources.items():
        for entry in source.body:
            if isinstance(entry, ast.Message):
                if entry.id.name in seen:
                    raise FluentError(f"{path}: {entry.id.name}: the id is used twice")
                seen.add(entry.id.name)
        messages.add_resource(source)  # what FluentResource(text) would parse again
    return messages


def message_tree(messages: FluentBundle, sources: dict[Path, ast.Resource]) -> dict[str, Any]:
    """Every message of `sources` placed at its schema path: `a-b-c` at tree["a"]["b"]["c"]."""
    tree: dict[str, Any] = {}
    for source in sources.values():
        for entry in source.body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                *parents, leaf = entry.id.name.split("-")
                node = tree
                for part in parents:
                    node = node.setdefault(part, {})
                compiled = messages.get_message(entry.id.name).value
                node[leaf] = Message(messages, compiled, entry.value)
    return tree


def exercise_words(messages: FluentBundle, source: ast.Resource, exercise: str) -> dict[str, Any]:
    """An exercise's words from its message: the name, then `.works-N`, `.cue-N`, `.how-N`
    and `.why`."""
    written, compiled = _message(source, exercise), messages.get_message(exercise)
    attributes = {
        a.id.name: Message(messages, compiled.attributes[a.id.name], a.value)
        for a in written.attributes
    }

    def listed(prefix: str) -> list[Message]:
        return [attributes[f"{prefix}-{n}"] for n in range(1, 99) if f"{prefix}-{n}" in attributes]

    return {
        "name": Message(messages, compiled.value, _value(written)),
        "targets": listed("works"),
        "cue": listed("cue"),
        "instructions": listed("how"),
        "why": attributes.get("why"),
    }


def plain(messages: FluentBundle, source: ast.Resource, message_id: str) -> Message:
    written = _message(source, message_id)
    compiled = messages.get_message(message_id).value
    return Message(messages, compiled, _value(written))


def _value(message: ast.Message) -> ast.Pattern:
    if message.value is None:
        raise FluentError(f"{message.id.name}: the message has no text of its own")
    return message.value


def _message(source: ast.Resource, message_id: str) -> ast.Message:
    for entry in source.body:
        if isinstance(entry, ast.Message) and entry.id.name == message_id:
            return entry
    raise FluentError(f"no message {message_id!r}")
