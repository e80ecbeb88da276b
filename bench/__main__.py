"""`python -m bench [--quick]`: run every benchmark and write docs/PERFORMANCE.md.

Each scenario starts the fake Telegram (with its simulated users) in one process, pinned to
one core, and the bot under test in another, pinned to the other core, so the bot's CPU and
memory are its own. The bot runs exactly as `python -m bot` does; the baseline is a bare
python-telegram-bot bot (bench/echo.py) against the same server in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from bench.runner import ROOT
from bench.sections import (
    Row,
    burst_section,
    database_section,
    holds_section,
    latency_section,
    media_section,
    scale_section,
    taps_section,
)
from bench.webapp import webapp_section

# The two-process harness is bench/runner.py; the report's sections, bench/sections.py.


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run of under a minute")
    # A smoke run's figures are not a report: it prints them and leaves docs/ alone.
    parser.add_argument("--out", type=Path, help="default: docs/PERFORMANCE.md (a full run)")
    parser.add_argument(
        "--only",
        choices=["taps", "database", "scale", "media", "webapp", "latency", "burst", "holds"],
    )
    args = parser.parse_args()
    quick = args.quick
    sections: dict[str, Callable[[Path], list[Row]]] = {
        "taps": lambda folder: taps_section(folder, quick),
        "database": lambda folder: database_section(folder, quick),
        "scale": lambda folder: scale_section(folder, quick),
        "media": lambda folder: media_section(folder, quick),
        "webapp": lambda folder: webapp_section(folder, quick),
    }
    if not quick:
        sections |= {"latency": latency_section, "burst": burst_section, "holds": holds_section}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        for key, section in sections.items():
            if args.only in (None, key):
                rows += section(Path(name))
        out = args.out or (Path(name) / "quick.md" if quick else ROOT / "docs" / "PERFORMANCE.md")
        write(out, rows, quick)
        print(out.read_text())  # noqa: T201 - the report is the output


def write(path: Path, rows: list[Row], quick: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    command = "make bench" + (" QUICK=1" if quick else "")
    lines = [
        "# Performance",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `{command}` on {platform.node()}:",
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()},",
        f"python-telegram-bot {version('python-telegram-bot')},"
        f" SQLAlchemy {version('SQLAlchemy')}, APScheduler {version('APScheduler')},"
        f" SQLite {sqlite3.sqlite_version}.",
        "",
        "The bot and the fake Bot API server run in separate processes on separate cores. The",
        "baseline is measured in the same run: a bare python-telegram-bot bot doing the same",
        "Bot API calls per update (bench/echo.py), plain sqlite3, an empty database, or",
        "Telegram's own cap, as each row says. Ratios are bot / baseline.",
        "",
        "| what | bot | baseline | ratio | target |",
        "|---|---:|---:|---:|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
