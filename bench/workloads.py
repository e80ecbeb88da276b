"""The simulated users of the benchmarks: workloads run inside the fake Telegram's process.

Each workload drives a BenchTelegram (bench/telegram.py) and returns what it measured as plain
numbers: tap throughput and latency, a reminder burst under Telegram's limits, hands-free holds
ending on time, or just start-up.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import statistics
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from bench.telegram import BenchTelegram

REMINDER = "⏰ Time for your warm-up"
HOLD_SECONDS = 35  # 5 to get ready, then the 30 s hold of the first step
SWITCH_SECONDS = 5  # hands-free, the pause to change sides before the second hold
HOLD_ENDS = "SELECT chat_id, hold_ends_at FROM warmup_sessions WHERE hold_ends_at IS NOT NULL"


@dataclass
class Result:
    """What one workload measured, as plain numbers."""

    values: dict[str, float]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def taps(server: BenchTelegram, chats: int, rate: float | None, seconds: float) -> Result:
    """Users tapping through warm-ups: at `rate` taps a second, or as fast as answered."""
    ids = list(range(1, chats + 1))
    for chat in ids:  # start every warm-up first; that is set-up, not measured
        server.act(chat)
    for _ in ids:
        await server.replied.get()
    server.reply_seconds.clear()
    server.measuring()
    ready: deque[int] = deque(ids)
    started, cpu = time.monotonic(), time.process_time()
    offered = 0
    while (now := time.monotonic()) - started < seconds:
        while not server.replied.empty():
            ready.append(server.replied.get_nowait())
        if rate is not None:
            due = started + offered / rate
            if due > now:
                await asyncio.sleep(due - now)
            offered += 1
        if ready:
            server.act(ready.popleft())
        elif rate is None:
            ready.append(await server.replied.get())
    elapsed = time.monotonic() - started
    latencies = [latency for _, latency in server.reply_seconds]
    return Result(
        {
            "taps_per_second": len(latencies) / elapsed,
            "p50_ms": 1000 * percentile(latencies, 0.5),
            "p99_ms": 1000 * percentile(latencies, 0.99),
            "taps": len(latencies),
            "server_cpu_share": (time.process_time() - cpu) / elapsed,
        }
    )


async def burst(server: BenchTelegram, chats: int, seconds: float) -> Result:
    """A minute's reminders for `chats` chats, while a few other users keep tapping."""
    users = [10_000_000 + i for i in range(5)]
    server.edits_answer = True  # they go round and round the routine, summaries included
    deadline = time.monotonic() + seconds
    for user in users:
        server.act(user)
    while time.monotonic() < deadline:
        reminded = sum(1 for c in range(1, chats + 1) if _reminders(server, c))
        if reminded >= chats:
            break
        while not server.replied.empty():  # people take a second or two between taps
            user = server.replied.get_nowait()
            asyncio.get_running_loop().call_later(1.5, server.act, user)
        await asyncio.sleep(0.5)
    times = sorted(t for c in range(1, chats + 1) for t in _reminders(server, c))
    per_chat = Counter(len(_reminders(server, c)) for c in range(1, chats + 1))
    span = times[-1] - times[0] if len(times) > 1 else float("nan")
    during = [latency for when, latency in server.reply_seconds if times and when >= times[0]]
    everything = [
        t for sent in server.sends.values() for t, _ in sent if times[0] <= t <= times[-1]
    ]
    return Result(
        {
            "messages_per_second": (len(times) - 1) / span if len(times) > 1 else 0,
            "all_messages_per_second": (len(everything) - 1) / span if len(times) > 1 else 0,
            "rejected_429": server.rejected,
            "rejected_429_per_chat": server.rejected_per_chat,
            "duplicates": sum((n - 1) * count for n, count in per_chat.items() if n > 1),
            "missed": per_chat.get(0, 0),
            "tap_p99_ms_during_burst": 1000 * percentile(during, 0.99),
            "taps_during_burst": len(during),
        }
    )


def _reminders(server: BenchTelegram, chat: int) -> list[float]:
    return [t for t, text in server.sends.get(chat, []) if text.startswith(REMINDER)]


DueTimes = Callable[[], Awaitable[dict[int, float]]]


async def holds(server: BenchTelegram, chats: int, seconds: float, due_times: DueTimes) -> Result:
    """Many users start step 1 hands-free at once: one tap runs the left side's hold, a pause
    to switch, then the right side's. How close to due does each hold's end arrive?

    Due times are read from the bot's database while every chat's first hold is showing, and
    again once every first hold has ended (the second is then running, chained on in the same
    transaction); each is compared with when that hold's time-up message reached the server.
    Both are the machine's wall clock, so this is the lateness a user would see.
    """
    ids = list(range(1, chats + 1))
    await _open_the_first_step(server, ids)
    started = time.monotonic()
    for chat in ids:
        server.user_presses(chat, "Start 30s hold")
    await _until(lambda: len(server.countdowns) >= chats, started, HOLD_SECONDS)
    first_due = await due_times()
    await _until(lambda: _ended(server, 1) >= len(first_due), started, seconds)
    second_due = await due_times()
    await _until(lambda: _ended(server, 2) >= len(first_due), started, seconds)
    await asyncio.sleep(6)  # the last countdowns' closing edits
    late = _lateness(server, (first_due, second_due))
    gaps = _edit_gaps(server, ids)
    return Result(
        {
            "holds": len(first_due) + len(second_due),
            "ended": len(late),
            "end_p50_ms": 1000 * percentile(late, 0.5),
            "end_p99_ms": 1000 * percentile(late, 0.99),
            "end_max_ms": 1000 * max(late, default=float("nan")),
            "min_seconds_between_edits": min(gaps) if gaps else float("nan"),
            "mean_seconds_between_edits": statistics.mean(gaps) if gaps else float("nan"),
        }
    )


async def _open_the_first_step(server: BenchTelegram, ids: list[int]) -> None:
    """/warmup in every chat, then the check-in skipped: every chat shows step 1 (its user
    answered the precautions before: `databases.TAPPING_USERS`)."""
    for chat in ids:
        server.act(chat)  # /warmup
    for _ in ids:
        await server.replied.get()
    for chat in ids:
        server.act(chat)  # skip the check-in: step 1, a 30 s hold per side
    for _ in ids:
        await server.replied.get()


def _lateness(server: BenchTelegram, due_times: tuple[dict[int, float], ...]) -> list[float]:
    """Seconds from each hold's due time (the n-th of `due_times`) to its n-th time-up."""
    return [
        server.time_ups[chat][n] - due[chat]
        for n, due in enumerate(due_times)
        for chat in due
        if len(server.time_ups.get(chat, [])) > n
    ]


def _edit_gaps(server: BenchTelegram, ids: list[int]) -> list[float]:
    """Seconds between consecutive edits of each chat's countdown, its closing edit left out."""
    gaps = []
    for chat in ids:
        if (countdown := server.countdowns.get(chat)) is not None:
            ticks = server.edits.get(countdown, [])[:-1]  # the last edit closes it
            gaps += [b - a for a, b in itertools.pairwise(ticks)]
    return gaps


def _ended(server: BenchTelegram, holds: int) -> int:
    """How many chats have seen at least `holds` of their holds end."""
    return sum(len(times) >= holds for times in server.time_ups.values())


async def _until(done: Callable[[], bool], started: float, seconds: float) -> None:
    """Wait until `done()`, checking ten times a second, or `seconds` after `started`."""
    while time.monotonic() - started < seconds:
        if done():
            return
        await asyncio.sleep(0.1)


def sqlite_hold_ends(database: Path) -> DueTimes:
    """Chat -> when its running hold is due (epoch seconds), from the bot's SQLite file."""

    async def read() -> dict[int, float]:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
            rows = connection.execute(HOLD_ENDS).fetchall()
        return {
            int(chat): datetime.fromisoformat(ends).replace(tzinfo=UTC).timestamp()
            for chat, ends in rows
        }

    return read


def postgres_hold_ends(dsn: str) -> DueTimes:
    """The same, from a PostgreSQL database."""

    async def read() -> dict[int, float]:
        connection = await asyncpg.connect(dsn)
        try:
            rows = await connection.fetch(HOLD_ENDS)
        finally:
            await connection.close()
        return {int(row["chat_id"]): row["hold_ends_at"].timestamp() for row in rows}

    return read


async def idle(server: BenchTelegram, seconds: float) -> Result:
    """No users: only when the bot first polled (start-up time) matters."""
    await asyncio.sleep(seconds)
    return Result({"first_poll": server.first_poll or float("nan")})
