"""A message's fast path: its Fluent pattern turned once into plain Python.

fluent.runtime resolves a pattern afresh on each call and formats every number through Babel:
about 90 µs for "Step { $number }/{ $total } · { $name }", where str.format takes 2. A tap
formats dozens of texts, so that cost was most of what the languages added to a tap.
What a translator writes almost always is text, variables and selectors on a variable; those
are compiled here into functions, with the same plural rules (CLDR, through Babel) and the
same number forms. Anything else (a NUMBER() call, a term, a decimal, a date) has no fast path
and is left to fluent.runtime; `tests/test_locales.py` checks that both say the same, message
by message, in every language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from babel import Locale
from babel.numbers import format_decimal
from fluent.syntax import ast

Render = Callable[[Mapping[str, Any]], str]


class SlowValueError(Exception):
    """This call has a value the fast path does not format: fluent.runtime will."""


class _UnsupportedError(Exception):
    """This pattern has an element the fast path does not compile."""


def compiled(pattern: ast.Pattern, locale: str) -> Render | None:
    """The pattern as a function of its values; None where fluent.runtime must do it."""
    try:
        parts = [_part(element, locale) for element in pattern.elements]
    except _UnsupportedError:
        return None
    return lambda values: "".join(part(values) for part in parts)


def _part(element: ast.PatternElement | ast.Expression, locale: str) -> Render:
    if isinstance(element, ast.TextElement):
        text = element.value
        return lambda _values: text
    expression = element.expression if isinstance(element, ast.Placeable) else element
    if isinstance(expression, ast.StringLiteral):
        literal = str(expression.parse()["value"])
        return lambda _values: literal
    if isinstance(expression, ast.VariableReference):
        name = expression.id.name
        return lambda values: _shown(values[name], locale)
    if isinstance(expression, ast.Placeable):
        return _part(expression, locale)
    if isinstance(expression, ast.SelectExpression) and isinstance(
        expression.selector, ast.VariableReference
    ):
        return _selected(expression, locale)
    raise _UnsupportedError


def _selected(select: ast.SelectExpression, locale: str) -> Render:
    """A selector on a variable: the first variant whose key the value matches (a number by
    value or by its CLDR plural category, text by the key's name), else the default."""
    assert isinstance(select.selector, ast.VariableReference)
    name = select.selector.id.name
    variants = []
    for variant in select.variants:
        if not isinstance(variant.key, ast.Identifier):
            raise _UnsupportedError  # an exact number as a key: rare, left to fluent.runtime
        render = compiled(variant.value, locale)
        if render is None:
            raise _UnsupportedError
        variants.append((variant.key.name, variant.default, render))
    default = next(render for _, is_default, render in variants if is_default)
    plural = _plural_rule(locale)

    def select_variant(values: Mapping[str, Any]) -> str:
        value = values[name]
        key = plural(value) if _is_int(value) else value if isinstance(value, str) else None
        if key is None:
            raise SlowValueError
        chosen = next((render for name_, _, render in variants if name_ == key), default)
        return chosen(values)

    return select_variant


def _shown(value: object, locale: str) -> str:
    if isinstance(value, str):
        return value
    if _is_int(value):
        assert isinstance(value, int)
        # Below a thousand no language's grouping applies; above, CLDR's (1,234 · 1 234).
        return str(value) if -1000 < value < 1000 else format_decimal(value, locale=locale)
    raise SlowValueError


def _is_int(value: object) -> bool:
    return type(value) is int


@functools.cache
def _plural_rule(locale: str) -> Callable[[int], str]:
    """CLDR's cardinal plural category of a whole number, remembered: a tap's counts repeat."""
    rule: Callable[[int], str] = Locale.parse(locale).plural_form
    return functools.lru_cache(maxsize=1024)(rule)
