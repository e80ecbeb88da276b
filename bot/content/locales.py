"""One language's words: its folder of `content/locales/`, read into the typed schema.

Every language has the same files with the same message ids and variables (checked by
`tests/test_locales.py`); each is read on its own, so a language with a message missing
stops the bot at start-up with the file and the id, not a user with a broken message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.content.base import Strict, problems
from bot.content.fluent import FluentError, bundle, exercise_words, message_tree, parse, plain
from bot.content.routines import Routine
from bot.content.texts import Texts

ROUTINE_FILE = "routine-{}.ftl"


class Language(Strict):
    """Everything the bot says in one language: its texts and its routines' words."""

    code: str
    texts: Texts
    routines: dict[str, Routine]


def load_language(folder: Path, routines: dict[str, tuple[Path, dict[str, Any]]]) -> Language:
    """The language in `folder` (named by its code), with the words of `routines` (each
    routine file's path, and its numbers and structure)."""
    code = folder.name
    text_files = sorted(p for p in folder.glob("*.ftl") if not p.name.startswith("routine-"))
    if not text_files:
        raise FluentError(f"{folder}: no .ftl files")
    sources = {path: parse(path) for path in text_files}
    messages = bundle(code, sources)
    tree = message_tree(messages, sources)
    texts = _validated(folder, Texts, dict(tree, locale=code))
    worded = {
        id_: _routine(folder / ROUTINE_FILE.format(id_), where, raw)
        for id_, (where, raw) in routines.items()
    }
    return Language(code=code, texts=texts, routines=worded)


def _routine(path: Path, where: Path, raw: dict[str, Any]) -> Routine:
    """A routine from its file's numbers (`where`) and `path`'s words."""
    source = parse(path)
    messages = bundle(path.parent.name, {path: source})
    try:
        worded = dict(raw, title=plain(messages, source, "title"))
        worded["description"] = plain(messages, source, "description")
        worded["steps"] = [_step(messages, source, step) for step in raw.get("steps", [])]
    except FluentError as exc:
        raise FluentError(f"{path}: {exc}") from exc
    routine: Routine = _validated(where, Routine, worded, f" (words: {path})")
    return routine


def _step(messages: Any, source: Any, raw: dict[str, Any]) -> dict[str, Any]:
    step = dict(raw, **exercise_words(messages, source, raw["id"]))
    if raw.get("instead"):
        step["instead"] = _step(messages, source, raw["instead"])
    return step


def _validated(path: Path, model: type[Any], raw: dict[str, Any], note: str = "") -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise FluentError(f"{path}{note}: {problems(exc)}") from exc
