"""The shape rules, kept by tests so that they do not drift: every test says what it checks,
modules stay small, functions short, and a feature keeps one name in every layer.

Read from the source with `ast`; each failure names the file (and the function).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
# Functions allowed past the limit, each with its reason.
LONG_FUNCTIONS = {
    # The table of every button kind and its handler: one line a route, read as a list.
    ("bot/app.py", "button_routes"),
}
# Handler modules with no logic of their own below them, each with its reason.
HANDLERS_WITHOUT_FEATURE = {
    "errors": "the error handler logs, and hands a blocked or moved chat to chat/membership",
    "fallback": "answers what no other handler takes; it has nothing to store",
}
LAYERS = ("bot/handlers", "bot/chat", "bot/coaching")
OTHERS = ("bot", "bot/runtime", "bot/drawing", "bot/content")


def python_files(*parts: str) -> list[Path]:
    """The Python files under `parts` (Alembic's generated revisions left out)."""
    files = [p for part in parts for p in (ROOT / part).rglob("*.py")]
    return sorted(p for p in files if "migrations" not in p.parts)


def functions(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every function and method defined in `path`, nested ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef)
    return [node for node in ast.walk(tree) if isinstance(node, kinds)]


def names_in(part: str) -> set[str]:
    """The module names directly in `part` (a package counts by its folder's name)."""
    folder = ROOT / part
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    packages = {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
    return modules | packages


def test_every_test_states_its_behaviour_in_a_docstring() -> None:
    """A test function without a docstring is named here, with its file."""
    missing = [
        f"{path.relative_to(ROOT)}: {node.name}"
        for path in python_files("tests")
        for node in functions(path)
        if node.name.startswith("test_") and not ast.get_docstring(node)
    ]
    assert missing == []


def test_no_module_of_the_bot_is_over_300_lines() -> None:
    """bot/ and db/ are modules of at most 300 lines, grouped by concept."""
    long = [
        f"{path.relative_to(ROOT)}: {lines}"
        for path in python_files("bot", "db")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []


def test_no_function_is_over_40_lines() -> None:
    """Functions in the bot, its tests and its benchmarks are at most 40 lines long."""
    long = []
    for path in python_files("bot", "db", "tests", "bench"):
        where = str(path.relative_to(ROOT))
        for node in functions(path):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > MAX_FUNCTION_LINES and (where, node.name) not in LONG_FUNCTIONS:
                long.append(f"{where}: {node.name} ({lines} lines)")
    assert long == []


def test_each_handler_has_its_feature_under_the_same_name() -> None:
    """`handlers/x.py` has its logic in `coaching/x.py` or `chat/x.py`, under the same name."""
    below = names_in("bot/coaching") | names_in("bot/chat")
    orphans = names_in("bot/handlers") - below - set(HANDLERS_WITHOUT_FEATURE)
    assert orphans == set()


def test_a_feature_name_means_one_thing_in_the_whole_tree() -> None:
    """A name used in handlers, chat or coaching is not also another module's name elsewhere
    (as `settings` once named both the deployment config and the /settings menu)."""
    features = set().union(*(names_in(layer) for layer in LAYERS))
    where: defaultdict[str, list[str]] = defaultdict(list)
    for part in OTHERS:
        for name in names_in(part):
            where[name].append(part)
    clashes = {name: parts for name, parts in where.items() if name in features}
    assert clashes == {}
    assert "config" in names_in("bot")  # the deployment config, a name no feature uses
