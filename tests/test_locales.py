"""Every language says everything, with the same variables, in valid Fluent, as long as English
allows; and no sentence a person reads is left in the code, where no translator would see it.

These are the checks a new language's folder must pass (README, "Adding a language").
"""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from pydantic import BaseModel

from bot.chat.days import weekday_names
from bot.chat.render import format_duration, one_decimal
from bot.config import PROJECT_ROOT
from bot.content import Language, load_content
from bot.content.fluent import Message, variables
from bot.webapp.server import SECURITY_HEADERS
from tests.test_first_minutes import words

LOCALES = PROJECT_ROOT / "content" / "locales"
CONTENT = load_content(PROJECT_ROOT / "content")
OFFERED = CONTENT.rules.languages.offered
OTHERS = [code for code in OFFERED if code != "en"]
FILES = sorted(path.name for path in (LOCALES / "en").glob("*.ftl"))


def _messages(path: Path) -> dict[str, ftl.Pattern]:
    """Each message and attribute of a file (`id`, `id.attribute`) by its pattern."""
    found: dict[str, ftl.Pattern] = {}
    for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
        if isinstance(entry, ftl.Message):
            if entry.value is not None:
                found[entry.id.name] = entry.value
            for attribute in entry.attributes:
                found[f"{entry.id.name}.{attribute.id.name}"] = attribute.value
    return found


def test_every_language_offered_has_a_folder_and_every_folder_is_offered() -> None:
    """rules.yaml names the languages; each is a folder with English's files, and no folder
    sits there unused."""
    assert OFFERED[0] == "en"
    assert sorted(p.name for p in LOCALES.iterdir() if p.is_dir()) == sorted(OFFERED)
    for code in OFFERED:
        assert sorted(p.name for p in (LOCALES / code).glob("*.ftl")) == FILES, code


@pytest.mark.parametrize("code", OFFERED)
@pytest.mark.parametrize("name", FILES)
def test_every_file_is_valid_fluent(code: str, name: str) -> None:
    """fluent.syntax reads every entry of every file: nothing is left as Junk."""
    resource = FluentParser().parse((LOCALES / code / name).read_text(encoding="utf-8"))
    junk = [entry.content[:80] for entry in resource.body if isinstance(entry, ftl.Junk)]
    assert not junk, junk


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("name", FILES)
def test_every_language_has_every_message_with_the_same_variables(code: str, name: str) -> None:
    """Each file of each language has English's message ids and attributes, no others, and
    each uses the same variables (a selector on one counts as a use)."""
    english, other = _messages(LOCALES / "en" / name), _messages(LOCALES / code / name)
    assert sorted(other) == sorted(english)
    for key, pattern in english.items():
        assert variables(other[key]) == variables(pattern), key


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("name", FILES)
def test_each_message_keeps_englishs_length(code: str, name: str) -> None:
    """A message has at most the English one's words plus the margin rules.yaml states
    (`languages.word_margin`, rounded up: a one-word label may take two), so the limits the
    English is written to hold in every language."""
    margin = CONTENT.rules.languages.word_margin
    english, other = _messages(LOCALES / "en" / name), _messages(LOCALES / code / name)
    longer = {}
    for key, pattern in english.items():
        allowed = math.ceil(words(_text(pattern)) * (1 + margin))
        if words(_text(other[key])) > allowed:
            longer[key] = (words(_text(other[key])), allowed)
    assert not longer, longer


def _text(pattern: ftl.Pattern) -> str:
    """A pattern's words; a selector counts as its longest variant."""
    parts = []
    for element in pattern.elements:
        if isinstance(element, ftl.TextElement):
            parts.append(element.value)
        elif isinstance(element.expression, ftl.SelectExpression):
            variants = [_text(v.value) for v in element.expression.variants]
            parts.append(max(variants, key=words))
        else:
            parts.append(" x ")  # a variable is one word
    return "".join(parts)


@pytest.mark.parametrize(
    ("code", "counts"),
    [
        ("en", {1: "1 warm-up", 2: "2 warm-ups", 5: "5 warm-ups", 21: "21 warm-ups"}),
        ("ru", {1: "1 разминка", 2: "2 разминки", 5: "5 разминок", 21: "21 разминка"}),
        ("es", {1: "1 calentamiento", 2: "2 calentamientos", 21: "21 calentamientos"}),
    ],
)
def test_counts_take_each_languages_plural_forms(code: str, counts: dict[int, str]) -> None:
    """CLDR's plural rules pick the form: Russian's one, few and many (21 is "one" again)."""
    texts = CONTENT.language(code).texts
    for count, said in counts.items():
        assert texts.progress.warmups.format(count=count) == said


def test_numbers_and_weekdays_are_written_the_languages_way() -> None:
    """Decimals, two-digit minutes and weekday names come from CLDR, not from the code."""
    english, russian = CONTENT.language("en").texts, CONTENT.language("ru").texts
    assert english.checkin.change.format(before=one_decimal(1.5), after=2) == (
        "Back: 1.5/10 before, 2/10 after"
    )
    assert "1,5" in russian.checkin.change.format(before=one_decimal(1.5), after=2)
    assert format_duration(english, 3720) == "1 h 02 min"
    assert format_duration(russian, 380) == "6 мин 20 с"
    assert weekday_names(russian)[:2] == ["пн", "вт"]
    assert weekday_names(CONTENT.language("es").texts)[:2] == ["lun", "mar"]


@pytest.mark.parametrize("code", OFFERED)
def test_lines_of_ours_are_marked_in_every_language(code: str) -> None:
    """An instruction line of ours starts with the language's own mark exactly where the
    English one starts with "Our suggestion:" or "Our change:"."""
    english, other = CONTENT.language("en"), CONTENT.language(code)
    marks = (other.texts.ours.suggestion, other.texts.ours.change)
    english_marks = (english.texts.ours.suggestion, english.texts.ours.change)
    for routine_id, routine in english.routines.items():
        for step, theirs in zip(routine.steps, other.routines[routine_id].steps, strict=True):
            for line, translated in zip(step.instructions, theirs.instructions, strict=True):
                for mark, their_mark in zip(english_marks, marks, strict=True):
                    assert line.startswith(mark) == translated.startswith(their_mark), (
                        step.id,
                        translated,
                    )


# Values each variable takes in turn: the plural categories of each language, thousands, text.
SAMPLES: list[object] = [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 1234, 1_000_000, "x", "2-3"]


@pytest.mark.parametrize("code", OFFERED)
def test_the_fast_path_says_what_fluent_says(code: str) -> None:
    """Every message of the language, with every sample value in its variables, reads the same
    through the compiled fast path (`bot/content/patterns.py`) as through fluent.runtime; and
    nearly every message has a fast path."""
    messages = [m for m in _all_messages(CONTENT.language(code)) if isinstance(m, Message)]
    fast = [m for m in messages if m._quick is not None]
    assert len(fast) >= 0.95 * len(messages), (len(fast), len(messages))
    for message in fast:
        for sample in SAMPLES:
            values = dict.fromkeys(re.findall(r"\{(\w+)\}", message), sample)
            assert message.format(**values) == message.slowly(**values), (message, sample)


def _all_messages(language: Language) -> list[object]:
    """Every text of a language, its routines' words included."""
    found: list[object] = []

    def walk(value: object) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            found.append(value)

    walk(language.texts)
    walk(language.routines)
    return found


# Strings in the code that are not words for a person, each with why: Telegram's error texts
# matched, names of things for the log, an operator's start-up error, an equipment id.
NOT_FOR_PEOPLE = {
    "error: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather": "operator, stderr",
    "error: missing or invalid setting: ": "operator, stderr",
    "error: missing or invalid setting:  (see .env.example)": "operator, stderr",
    SECURITY_HEADERS["Content-Security-Policy"]: "a response header",
    "foam roller": "the equipment id of content/routines",
    "NOT ENOUGH RIGHTS": "Telegram's error, matched",
    "message to edit not found": "Telegram's error, matched",
    "message can't be edited": "Telegram's error, matched",
    "there is no text in the message to edit": "Telegram's error, matched",
    "there is no caption in the message": "Telegram's error, matched",
    "not modified": "Telegram's error, matched",
    "query is too old": "Telegram's error, matched",
    "query id is invalid": "Telegram's error, matched",
    "wrong file identifier": "Telegram's error, matched",
    "file reference expired": "Telegram's error, matched",
    "wrong remote file identifier": "Telegram's error, matched",
    "invalid file_id": "Telegram's error, matched",
    "invalid file id": "Telegram's error, matched",
    "the countdown of chat ": "a task's name, logged",
    "the reminder of chat ": "a task's name, logged",
    "(top level)": "a content error's place, for the operator",
    "not Fluent": "a content error, for the operator",
    "uncaught error": "a log line",
    "upper left": "where the chart's legend goes (matplotlib)",
    "dict[str, Any] | None": "a type",
    "<Bot API URL>": "the token's place in a logged URL",
}
# Two words in a string: something a person might read.
WORDY = re.compile(r"[^\W\d_]{2,}[^\n]*\s[^\W\d_]{2,}")
# A word of its own in an f-string's text ("{minutes} min"): a unit a person reads.
UNIT = re.compile(r"(^|\s)[^\W\d_]+(\s|$)")


def test_no_words_for_people_are_left_in_the_code() -> None:
    """Every sentence, label and unit a person reads is in content/locales: no string of two
    words or more, and no f-string with a word, in bot/ outside docstrings, log and error
    messages, and the strings listed above with why they are not for people. (make media's
    demonstrations are drawn once, with no words, and make vendor's messages are for a
    developer: both are left out; the /progress chart is not.)"""
    found = []
    for path in sorted((PROJECT_ROOT / "bot").rglob("*.py")):
        if path.name == "vendor.py" or ("drawing" in path.parts and path.name != "chart.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        quiet = _not_said(tree)
        for node in ast.walk(tree):
            if id(node) in quiet:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if WORDY.search(node.value) and node.value not in NOT_FOR_PEOPLE:
                    found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
            elif isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if UNIT.search(re.sub(r"</?\w+>", "", text)) and text not in NOT_FOR_PEOPLE:
                    found.append(f"{path.name}:{node.lineno}: f{text[:60]!r}")
    assert not found, "\n".join(found)


def _not_said(tree: ast.AST) -> set[int]:
    """The nodes no person reads: docstrings, and what log calls, raises and asserts carry."""
    quiet: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            quiet.add(id(body[0].value))  # a docstring, or a bare expression
        if isinstance(node, ast.Call) and _is_log(node.func):
            quiet.update(id(sub) for sub in ast.walk(node))
        if isinstance(node, ast.Raise | ast.Assert):
            quiet.update(id(sub) for sub in ast.walk(node))
    return quiet


def _is_log(func: ast.expr) -> bool:
    owner = func.value if isinstance(func, ast.Attribute) else None
    return isinstance(owner, ast.Name) and owner.id in ("log", "logging", "logger")
