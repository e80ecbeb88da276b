"""The fake Telegram of the benchmarks, with its users, in a process of its own.

It extends the test server with what a load test needs: a delay added to every call (as real
Telegram's network round trip), Telegram's flood limits answered with real-shaped 429s, and a
clock on every reply, so latency is measured where the user would see it.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import statistics
import time
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from aiohttp import web

from tests.fake_telegram import ApiError, FakeTelegram

REMINDER = "⏰ Time for your warm-up"
TIME_UP = "⏰ Time's up"
# A countdown message is known by its buttons (Pause hands-free, Stop hold with one timer per
# side): its text loses the get-ready line when the bot sends it late.
COUNTDOWN_BUTTONS = ("⏸ Pause", "Stop hold")
HOLD_SECONDS = 35  # 5 to get ready, then the 30 s hold of the first step
SWITCH_SECONDS = 5  # hands-free, the pause to change sides before the second hold
# The short burst of messages one chat may take over its one a second (see _enforce_limits).
CHAT_BURST = 3
HOLD_ENDS = "SELECT chat_id, hold_ends_at FROM warmup_sessions WHERE hold_ends_at IS NOT NULL"


class BenchTelegram(FakeTelegram):
    """A fake Bot API that times every reply and can enforce Telegram's flood limits."""

    def __init__(self, token: str, *, delay: float = 0, limits: bool = False) -> None:
        super().__init__(token)
        self.delay = delay
        self.limits = limits
        self.waiting: dict[int, float] = {}  # chat -> when its pending action was sent
        self.replied: asyncio.Queue[int] = asyncio.Queue()
        self.reply_seconds: list[tuple[float, float]] = []  # (when, latency)
        self.sends: dict[int, list[tuple[float, str]]] = defaultdict(list)
        self.edits: dict[int, list[float]] = defaultdict(list)  # message id -> edit times
        self.rejected = 0
        self.rejected_per_chat = 0  # of those, for the one-a-second limit of a single chat
        self.answered_at: dict[int, float] = {}  # chat -> when its latest press was answered
        self.countdowns: dict[int, int] = {}  # chat -> its countdown message
        self.time_up: dict[int, float] = {}  # chat -> wall-clock time of its first time-up
        self.time_ups: dict[int, list[float]] = defaultdict(list)  # chat -> every time-up
        # Whether an edited text counts as the answer to a user's action. A finished warm-up
        # is answered by editing the closing check-in into the summary; users who act only on
        # new messages stop there.
        self.edits_answer = False
        self._query_chat: dict[str, int] = {}
        self.first_poll: float | None = None
        # Called when set-up is over and the measured part of a workload begins.
        self.measuring: Callable[[], None] = lambda: None
        self._recent: deque[float] = deque()
        self._chat_allowance: dict[int, tuple[float, float]] = {}  # chat -> (when, messages)

    async def _handle(self, request: web.Request) -> web.Response:
        if self.first_poll is None and request.match_info.get("method") == "getUpdates":
            self.first_poll = time.time()
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super()._handle(request)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id, now = int(params["chat_id"]), time.monotonic()
        if self.limits:
            self._enforce_limits(chat_id, now)
        result = await super()._api_sendMessage(params)
        text = str(params.get("text", ""))
        self.sends[chat_id].append((now, text))
        sent = self.messages[chat_id][result["message_id"]]
        if any(key in label for key in COUNTDOWN_BUTTONS for label, _ in sent.buttons):
            self.countdowns[chat_id] = sent.message_id
        self._time_up(chat_id, text)
        self._answered_action(chat_id, now)
        return result

    def _time_up(self, chat_id: int, text: str) -> None:
        if text.startswith(TIME_UP):
            self.time_up.setdefault(chat_id, time.time())
            self.time_ups[chat_id].append(time.time())

    async def _api_sendAnimation(self, params: dict[str, Any]) -> Any:  # noqa: N802
        """An exercise's first step, with its animation: a reply like any other."""
        chat_id, now = int(params["chat_id"]), time.monotonic()
        if self.limits:
            self._enforce_limits(chat_id, now)
        result = await super()._api_sendAnimation(params)
        caption = str(params.get("caption", ""))
        self.sends[chat_id].append((now, caption))
        self._time_up(chat_id, caption)  # the next exercise, after a sequence's last hold
        self._answered_action(chat_id, now)
        return result

    def _answered_action(self, chat_id: int, now: float) -> None:
        if (asked := self.waiting.pop(chat_id, None)) is not None:
            self.reply_seconds.append((now, now - asked))
            self.replied.put_nowait(chat_id)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat = self._query_chat.pop(str(params.get("callback_query_id")), None)
        if chat is not None:
            self.answered_at[chat] = time.monotonic()
        return await super()._api_answerCallbackQuery(params)

    def _push(self, update: dict[str, Any]) -> int:
        if query := update.get("callback_query"):
            self._query_chat[query["id"]] = query["message"]["chat"]["id"]
        return super()._push(update)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        now = time.monotonic()
        self.edits[int(params.get("message_id", 0))].append(now)
        result = await super()._api_editMessageText(params)
        if self.edits_answer and "chat_id" in params:
            self._answered_action(int(params["chat_id"]), now)
        return result

    def act(self, chat_id: int) -> None:
        """The user's next move: tap the step's Done (or skip the check-in), else /warmup."""
        self.waiting[chat_id] = time.monotonic()
        for label in ("Done", "Skip check-in"):
            try:
                self.user_presses(chat_id, label)
            except LookupError:
                continue
            return
        self.user_sends(chat_id, "/warmup")

    def _enforce_limits(self, chat_id: int, now: float) -> None:
        """Telegram's flood limits as its Bots FAQ states them ("My bot is hitting limits").

        In all: "not more than 30 messages per second", counted here over any one second.
        Per chat: "avoid sending more than one message per second. We may allow short bursts
        that go over this limit": a chat's allowance refills at one a second and holds up to
        CHAT_BURST, so a reply and the message that follows it at once are not refused.
        """
        while self._recent and now - self._recent[0] >= 1:
            self._recent.popleft()
        chat_at, chat_allowance = self._chat_allowance.get(chat_id, (now, CHAT_BURST))
        chat_allowance = min(CHAT_BURST, chat_allowance + (now - chat_at))
        if len(self._recent) >= 30 or chat_allowance < 1:
            self.rejected += 1
            self.rejected_per_chat += len(self._recent) < 30
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._recent.append(now)
        self._chat_allowance[chat_id] = (now, chat_allowance - 1)


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
    for chat in ids:
        server.act(chat)  # /warmup
    for _ in ids:
        await server.replied.get()
    for chat in ids:
        server.act(chat)  # skip the check-in: step 1, a 30 s hold per side
    for _ in ids:
        await server.replied.get()
    started = time.monotonic()
    for chat in ids:
        server.user_presses(chat, "Start 30s hold")
    await _until(lambda: len(server.countdowns) >= chats, started, HOLD_SECONDS)
    first_due = await due_times()
    await _until(lambda: _ended(server, 1) >= len(first_due), started, seconds)
    second_due = await due_times()
    await _until(lambda: _ended(server, 2) >= len(first_due), started, seconds)
    await asyncio.sleep(6)  # the last countdowns' closing edits
    late = [
        server.time_ups[chat][n] - due[chat]
        for n, due in enumerate((first_due, second_due))
        for chat in due
        if len(server.time_ups.get(chat, [])) > n
    ]
    gaps = []
    for chat in ids:
        if (countdown := server.countdowns.get(chat)) is not None:
            ticks = server.edits.get(countdown, [])[:-1]  # the last edit closes it
            gaps += [b - a for a, b in itertools.pairwise(ticks)]
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
