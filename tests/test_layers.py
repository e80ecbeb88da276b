"""Imports run one way: handlers → chat → coaching → db, runtime beside them, content below all;
drawing and voice (media from data) below chat.

Read from the source with `ast` (no module is imported), so a layer that reaches past its
neighbour fails here, naming the file and the import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each part of the tree may not import (a prefix matches the module and its children).
FORBIDDEN = {
    "db": ("bot", "telegram"),
    "bot/content": ("bot.coaching", "bot.chat", "bot.runtime", "bot.handlers", "db", "telegram"),
    "bot/coaching": (
        "telegram",
        "bot.chat",
        "bot.runtime",
        "bot.handlers",
        "bot.drawing",
        "bot.voice",
    ),
    "bot/chat": ("bot.handlers", "db", "sqlalchemy"),
    "bot/handlers": ("db", "sqlalchemy", "bot.handlers"),
    "bot/drawing": ("bot.handlers", "bot.chat", "bot.runtime", "db", "telegram"),
    # The audio guide's sound: a script (coaching) in, samples and files out.
    "bot/voice": ("bot.handlers", "bot.chat", "bot.runtime", "db", "telegram"),
    "bot/runtime": ("bot.handlers",),
    # The Mini App: beside the handlers, over HTTP instead of updates.
    "bot/webapp": ("db", "sqlalchemy", "bot.handlers"),
}


def imports_of(path: Path) -> list[str]:
    """Every module `path` imports, at any depth (a function's imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def violations(part: str, forbidden: tuple[str, ...]) -> list[str]:
    """`file: module` for each import under `part` that a rule forbids."""
    found = []
    for path in sorted((ROOT / part).rglob("*.py")):
        for module in imports_of(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)}: {module}")
    return sorted(set(found))


@pytest.mark.parametrize(("part", "forbidden"), FORBIDDEN.items(), ids=list(FORBIDDEN))
def test_each_layer_imports_only_the_layers_below_it(
    part: str, forbidden: tuple[str, ...]
) -> None:
    """No module imports from a layer above its own (or, for handlers, another handler)."""
    assert violations(part, forbidden) == []


def test_the_check_sees_an_import_that_runs_the_wrong_way(tmp_path: Path) -> None:
    """A module importing upward, even inside a function, is reported with its file."""
    module = tmp_path / "wrong.py"
    module.write_text("def f():\n    from bot.handlers import start\n", encoding="utf-8")
    assert "bot.handlers.start" in imports_of(module)
    assert "bot.handlers" in imports_of(module)


_IMPORT_EACH = """
import importlib, sys
failed = []
for module in sys.argv[1:]:
    for name in [n for n in sys.modules if n in ("bot", "db") or n.startswith(("bot.", "db."))]:
        del sys.modules[name]
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name not in ("mujoco", "imageio_ffmpeg"):  # make media's own extra
            failed.append(f"{module}: {exc!r}")
    except Exception as exc:
        failed.append(f"{module}: {exc!r}")
print("\\n".join(failed))
"""


def test_every_module_imports_first() -> None:
    """Each module under bot/ and db/ loads when it is the first of the project imported: no
    import cycle is hidden by the order the application happens to import things in. (The
    media build's renderer needs its own extra, which the tests do not install.)"""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for part in ("bot", "db")
        for path in sorted((ROOT / part).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", _IMPORT_EACH, *modules],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    assert len(modules) > 100
    assert done.stdout.strip() == ""
