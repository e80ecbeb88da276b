"""`python -m bench [--quick]`: run every benchmark and write docs/PERFORMANCE.md.

Each scenario starts the fake Telegram (with its simulated users) in one process, pinned to
one core, and the bot under test in another, pinned to the other core, so the bot's CPU and
memory are its own. The bot runs exactly as `python -m bot` does; the baseline is a bare
python-telegram-bot bot (bench/echo.py) against the same server in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench import databases, inprocess, media
from bench.telegram import (
    BenchTelegram,
    Result,
    burst,
    holds,
    idle,
    postgres_hold_ends,
    sqlite_hold_ends,
    taps,
)
from tests.postgres import find_binaries, postgres_server

TOKEN = "424242:BENCH-token"  # noqa: S105 - the fake server's, not a secret
ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


Row = tuple[str, str, str, str, str]  # what, bot, baseline, ratio, target


@dataclass
class Run:
    """One bot against one workload."""

    name: str
    bot: list[str]
    workload: Callable[[BenchTelegram], Coroutine[Any, Any, Result]]
    server: dict[str, Any] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    database: Path | None = None


@dataclass
class Measured:
    values: dict[str, float]
    cpu_seconds: float
    rss_mb: float
    started: float


COACH = [sys.executable, "-m", "bot"]
ECHO = [sys.executable, "-m", "bench.echo"]
OWN_TRANSPORT = {"TRANSPORT": "aiohttp"}  # the echo bot on the coach's transport


def _pin(core: int) -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {core})


def _serve(conn: Connection, server: dict[str, Any], workload: Any) -> None:
    _pin(0)
    # A bot stopped at the end of a run drops requests it had under way: not worth a traceback.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)

    async def main() -> None:
        async with BenchTelegram(TOKEN, **server) as telegram:
            conn.send(telegram.url)
            while telegram.first_poll is None:  # noqa: ASYNC110 - set by the request handler
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # let the bot settle into its polling loop
            conn.send("start")
            telegram.measuring = lambda: conn.send("measuring")
            result = await workload(telegram)
            result.values.setdefault("first_poll", telegram.first_poll)
            conn.send(result.values)
            # Stay up until the bot has stopped: it finishes its work in hand against us.
            while not conn.poll():  # noqa: ASYNC110 - a pipe from another process
                await asyncio.sleep(0.05)

    asyncio.run(main())


def measure(run: Run, folder: Path) -> Measured:
    parent, child = multiprocessing.get_context("fork").Pipe()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, run.server, run.workload), daemon=True
    )
    server.start()
    url = parent.recv()
    database = run.database or databases.migrated(folder / f"{run.name}.db")
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": url,
        "DATABASE_URL": databases.url(database),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),  # the bot runs from a scratch folder; bench/ is not installed
        **run.env,
    }
    started = time.time()
    bot = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        run.bot,
        env=env,
        cwd=folder,
        preexec_fn=lambda: _pin(1),  # noqa: PLW1509 - this process starts no threads before
        stderr=(folder / f"{run.name}.log").open("wb"),
    )
    try:
        assert _receive(parent, bot, run.name) == "start"
        cpu_before = _cpu(bot.pid)
        while (values := _receive(parent, bot, run.name)) == "measuring":
            cpu_before = _cpu(bot.pid)  # the bot's set-up work is not what is measured
        cpu = _cpu(bot.pid) - cpu_before
        rss = _rss_mb(bot.pid)
    finally:
        # The figures are taken; a bot still draining a queue of simulated taps is not waited
        # for (graceful shutdown has its own tests).
        bot.send_signal(signal.SIGTERM)
        try:
            bot.wait(timeout=5)
        except subprocess.TimeoutExpired:
            bot.kill()
            bot.wait()
        parent.send("stop")
        server.join(timeout=10)
    return Measured(values, cpu, rss, started)


def _receive(conn: Connection, bot: subprocess.Popen[bytes], name: str) -> Any:
    """The server's next word; fails fast if the bot under test died instead."""
    deadline = time.monotonic() + 30 * 60
    while not conn.poll(0.5):
        if bot.poll() is not None:
            raise RuntimeError(f"{name}: the bot exited with {bot.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{name}: no result in time")
    return conn.recv()


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _taps(chats: int, rate: float | None, seconds: float) -> Any:
    return lambda telegram: taps(telegram, chats, rate, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run of under a minute")
    # A smoke run's figures are not a report: it prints them and leaves docs/ alone.
    parser.add_argument("--out", type=Path, help="default: docs/PERFORMANCE.md (a full run)")
    parser.add_argument(
        "--only", choices=["taps", "database", "scale", "media", "latency", "burst", "holds"]
    )
    args = parser.parse_args()
    quick = args.quick
    sections: dict[str, Callable[[Path], list[Row]]] = {
        "taps": lambda folder: taps_section(folder, quick),
        "database": lambda folder: database_section(folder, quick),
        "scale": lambda folder: scale_section(folder, quick),
        "media": lambda folder: media_section(folder, quick),
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


def taps_section(folder: Path, quick: bool) -> list[Row]:
    seconds, chats = (5, 200) if quick else (12, 1000)
    work = _taps(chats, None, seconds)
    echo = measure(Run("echo-max", ECHO, work), folder)
    echo_own = measure(Run("echo-aiohttp-max", ECHO, work, env=OWN_TRANSPORT), folder)
    coach = measure(Run("coach-max", COACH, work), folder)
    rows = [
        _row(
            f"1. taps/s, {chats} chats, as fast as answered, vs echo on PTB's httpx",
            coach.values["taps_per_second"],
            echo.values["taps_per_second"],
            "≥ 1.0× echo (httpx)",
        ),
        _row(
            "   same, vs the same echo bot on the bot's aiohttp transport",
            coach.values["taps_per_second"],
            echo_own.values["taps_per_second"],
            "≥ 0.5× echo (aiohttp)",
        ),
        _row(
            "   bot CPU per tap (ms), vs echo on httpx",
            _cpu_per_tap(coach),
            _cpu_per_tap(echo),
            "",
        ),
        _row(
            "   bot CPU per tap (ms), vs echo on aiohttp",
            _cpu_per_tap(coach),
            _cpu_per_tap(echo_own),
            "",
        ),
    ]
    return rows if quick else rows + _latency_rows(folder, chats, seconds)


def _cpu_per_tap(measured: Measured) -> float:
    return 1000 * measured.cpu_seconds / measured.values["taps"]


def _latency_rows(folder: Path, chats: int, seconds: float) -> list[Row]:
    """Tap-to-reply at a steady offered rate, against the echo bot on the same transport."""
    rows = []
    for rate, target in ((50, "< 50 ms"), (100, "< 250 ms")):
        work = _taps(chats, rate, seconds)
        echo = measure(Run(f"echo-{rate}", ECHO, work, env=OWN_TRANSPORT), folder)
        coach = measure(Run(f"coach-{rate}", COACH, work), folder)
        rows += [
            _row(
                f"   p99 tap-to-reply at {rate} taps/s, {chats} chats (ms), vs echo (aiohttp)",
                coach.values["p99_ms"],
                echo.values["p99_ms"],
                target,
            ),
            _row(
                f"   p50 tap-to-reply at {rate} taps/s (ms)",
                coach.values["p50_ms"],
                echo.values["p50_ms"],
                "",
            ),
        ]
    return rows


def database_section(folder: Path, quick: bool) -> list[Row]:
    count = 300 if quick else 2000
    ours = asyncio.run(inprocess.tap_cost(folder / "tap-cost.db", count))
    raw = inprocess.raw_tap_cost(folder / "raw-tap-cost.db", count)
    return [
        _row("   database CPU per tap (ms), vs plain sqlite3", ours["cpu_ms"], raw["cpu_ms"], ""),
        _row("   SQL statements per tap", ours["statements"], raw["statements"], "1 transaction"),
    ]


def scale_section(folder: Path, quick: bool) -> list[Row]:
    chats = 10_000 if quick else 100_000
    empty = measure(Run("empty-start", COACH, lambda t: idle(t, 2)), folder)
    full_db = databases.with_reminders(folder / "scale.db", chats, databases.tomorrow())
    full = measure(Run("scale-start", COACH, lambda t: idle(t, 2), database=full_db), folder)
    tick_empty = asyncio.run(inprocess.tick_time(databases.migrated(folder / "tick-empty.db")))
    tick_full = asyncio.run(inprocess.tick_time(full_db))
    return [
        _row(
            f"4. start-up to first poll, {chats:,} reminders (s)",
            full.values["first_poll"] - full.started,
            empty.values["first_poll"] - empty.started,
            "< 5 s",
        ),
        _row(
            f"   resident memory, {chats:,} reminders (MB)", full.rss_mb, empty.rss_mb, "< 200 MB"
        ),
        _row(f"   one reminder tick, {chats:,} reminders (ms)", tick_full, tick_empty, "< 100 ms"),
    ]


def media_section(folder: Path, quick: bool) -> list[Row]:
    """A step with its animation (uploaded once, then sent by file_id) against a text step."""
    rounds = 10 if quick else 50
    result = asyncio.run(media.step_cost(databases.migrated(folder / "media.db"), rounds))
    return [
        _row(
            "first step with animation, by file_id (ms)",
            result["by_id_ms"],
            result["text_ms"],
            "(baseline: the same step as text)",
        ),
        _row(
            "   the one upload of an animation (ms)",
            result["upload_ms"],
            result["text_ms"],
            "once per file per bot",
        ),
    ]


def latency_section(folder: Path) -> list[Row]:
    slow = {"delay": 0.05}
    work = _taps(1000, None, 15)
    coach = measure(Run("coach-50ms", COACH, work, server=slow), folder)
    echo_seq = measure(Run("echo-50ms", ECHO, work, server=slow, env=OWN_TRANSPORT), folder)
    concurrent = {**OWN_TRANSPORT, "CONCURRENT": "1"}
    echo_conc = measure(
        Run("echo-50ms-concurrent", ECHO, work, server=slow, env=concurrent), folder
    )
    return [
        _row(
            "2. taps/s with 50 ms per Bot API call (in order per chat)",
            coach.values["taps_per_second"],
            echo_seq.values["taps_per_second"],
            "≥ 150/s",
        ),
        _row(
            "   same, vs echo with concurrent_updates (no per-chat order)",
            coach.values["taps_per_second"],
            echo_conc.values["taps_per_second"],
            "",
        ),
    ]


def burst_section(folder: Path) -> list[Row]:
    chats = 10_000
    due = datetime.now(UTC).replace(second=0, microsecond=0)  # due now: the first tick sends
    database = databases.with_reminders(folder / "burst.db", chats, due)
    # Up to a minute until the bot's first tick, then the burst: 400 s at 25/s, with 75 s to spare.
    seconds = 60 + chats / 25 + 75
    result = measure(
        Run(
            "burst",
            COACH,
            lambda t: burst(t, chats, seconds),
            server={"limits": True},
            database=database,
        ),
        folder,
    ).values
    # The bot logs each reply it lets past a full window (every place on the wire): the one
    # way its own count allows a 429.
    log = (folder / "burst.log").read_text(errors="replace")
    result["past_the_window"] = log.count("goes past the send window")
    return [
        _row(
            f"3. reminder burst, {chats:,} chats, Telegram's limits (msg/s)",
            result["messages_per_second"],
            30,
            "≥ 27/s",
        ),
        _row(
            "   all messages/s in the burst (reminders and replies)",
            result["all_messages_per_second"],
            30,
            "",
        ),
        _verdict(
            "   429s (of those, a chat's 1/s limit) / duplicates / not sent in the window",
            result,
            ("rejected_429", "rejected_429_per_chat", "duplicates", "missed"),
        ),
        _verdict(
            "   replies the bot let past a full window (every place on the wire)",
            result,
            ("past_the_window",),
        ),
        _row(
            "   p99 tap reply during the burst (ms)",
            result["tap_p99_ms_during_burst"],
            500,
            "< 500 ms",
        ),
    ]


def holds_section(folder: Path) -> list[Row]:
    chats = 500
    database = databases.migrated(folder / "holds.db")
    due = sqlite_hold_ends(database)
    run = Run("holds", COACH, lambda t: holds(t, chats, 120, due), database=database)
    result = measure(run, folder).values
    rows = [
        _verdict("   holds ended in time to be measured", result, ("ended", "holds")),
        _row(
            f"5. {chats} hands-free sequences at once ({result['holds']:.0f} holds): "
            "p99 end notice after due (ms)",
            result["end_p99_ms"],
            1000,
            "< 1000 ms",
        ),
        _row("   p50 end notice after due (ms)", result["end_p50_ms"], 1000, ""),
        _row("   max end notice after due (ms)", result["end_max_ms"], 1000, ""),
        _row(
            "   shortest gap between countdown edits, per chat (s)",
            result["min_seconds_between_edits"],
            1,
            "≥ 1 s",
        ),
    ]
    return rows + _holds_on_postgres(folder, chats, result)


def _holds_on_postgres(folder: Path, chats: int, on_sqlite: dict[str, float]) -> list[Row]:
    """The same holds with the database on PostgreSQL (no single writer), if it is installed."""
    binaries = find_binaries()
    if binaries is None:
        return [("   same on PostgreSQL", "not measured: no PostgreSQL binaries", "", "", "")]
    with postgres_server(binaries) as server:
        url = asyncio.run(server.new_database())
        asyncio.run(databases.migrate(url))
        dsn = url.replace("postgresql+asyncpg://", "postgresql://")
        due = postgres_hold_ends(dsn)
        run = Run(
            "holds-postgresql",
            COACH,
            lambda t: holds(t, chats, 120, due),
            env={"DATABASE_URL": url},
        )
        result = measure(run, folder).values
    return [
        _verdict("   on PostgreSQL: holds ended in time", result, ("ended", "holds")),
        _row(
            "   on PostgreSQL: p99 end notice after due (ms), vs SQLite",
            result["end_p99_ms"],
            on_sqlite["end_p99_ms"],
            "< 1000 ms",
        ),
        _row(
            "   on PostgreSQL: p50 end notice after due (ms), vs SQLite",
            result["end_p50_ms"],
            on_sqlite["end_p50_ms"],
            "",
        ),
    ]


def _row(what: str, ours: float, baseline: float, target: str) -> Row:
    ratio = ours / baseline if baseline else float("nan")
    return (what, f"{ours:,.2f}", f"{baseline:,.2f}", f"{ratio:.2f}×", target)


def _verdict(what: str, values: dict[str, float], keys: tuple[str, ...]) -> Row:
    figures = " / ".join(f"{values[k]:.0f}" for k in keys)
    return (what, figures, "", "", "")


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
