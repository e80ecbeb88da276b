"""The sections of the benchmark report: each runs its scenarios and returns its rows.

A row sets the bot's figure beside a baseline measured in the same run: the echo bot
(bench/echo.py), plain sqlite3, an empty database, or Telegram's own cap.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import databases, inprocess, media
from bench.runner import COACH, ECHO, OWN_TRANSPORT, Measured, Run, measure
from bench.workloads import burst, holds, idle, postgres_hold_ends, sqlite_hold_ends, taps
from tests.postgres import find_binaries, postgres_server

Row = tuple[str, str, str, str, str]  # what, bot, baseline, ratio, target


def _taps(chats: int, rate: float | None, seconds: float) -> Any:
    return lambda telegram: taps(telegram, chats, rate, seconds)


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
    result = _burst(folder, chats)
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


def _burst(folder: Path, chats: int) -> dict[str, float]:
    """A minute's reminders for `chats` chats under Telegram's limits, with the bot's own log."""
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
    return result


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
