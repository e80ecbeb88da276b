"""The Mini App's data call under load, beside a tap, in one process.

The real application (the app on) against the tests' fake Bot API server, 50 people each
with a warm-up under way: in each round all 50 open the app at once (`GET api/overview`,
signed in) and then all 50 tap at once (More or Less on their step, which reads the session
and edits the message). Bot and server share the process, so the figures are wall time for
both; the tap is the baseline, measured the same way in the same run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

import httpx

from bench import databases
from bench.sections import Row, _row
from bench.workloads import percentile
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, RunningBot, make_settings, run_bot
from tests.webapp_auth import authorization, signed_init_data

PEOPLE = 50
FIRST = 910_001


def webapp_section(folder: Path, quick: bool) -> list[Row]:
    rounds = 3 if quick else 20
    result = asyncio.run(app_cost(databases.migrated(folder / "webapp.db"), rounds))
    return [
        _row(
            f"Mini App data call, {PEOPLE} at once, p99 (ms), vs a tap",
            result["app_p99_ms"],
            result["tap_p99_ms"],
            "(baseline: 50 taps at once)",
        ),
        _row("   same, p50 (ms)", result["app_p50_ms"], result["tap_p50_ms"], ""),
    ]


async def app_cost(path: Path, rounds: int) -> dict[str, float]:
    """Milliseconds per data call and per tap, with `PEOPLE` of each at once."""
    async with FakeTelegram(TOKEN) as telegram:
        settings = make_settings(
            telegram, databases.url(path), webapp_url="https://bench.example/app", webhook_port=0
        )
        async with run_bot(telegram, settings) as bot:
            people = range(FIRST, FIRST + PEOPLE)
            for person in people:
                await bot.start_warmup(person)
            calls, taps = await _rounds(bot, people, rounds)
    return {
        "app_p99_ms": percentile(calls, 0.99),
        "app_p50_ms": percentile(calls, 0.5),
        "tap_p99_ms": percentile(taps, 0.99),
        "tap_p50_ms": percentile(taps, 0.5),
    }


async def _rounds(bot: RunningBot, people: range, rounds: int) -> tuple[list[float], list[float]]:
    calls: list[float] = []
    taps: list[float] = []
    headers = {p: authorization(signed_init_data(TOKEN, p)) for p in people}
    async with httpx.AsyncClient(base_url=bot.app_url, timeout=60) as http:
        for number in range(rounds):
            calls += await asyncio.gather(
                *(_timed(http.get("api/overview", headers=headers[p])) for p in people)
            )
            label = "More" if number % 2 == 0 else "Less"
            taps += await asyncio.gather(*(_timed(bot.press(p, label)) for p in people))
    return calls, taps


async def _timed(call: Awaitable[Any]) -> float:
    started = time.perf_counter()
    answer = await call
    if isinstance(answer, httpx.Response):
        answer.raise_for_status()
    return 1000 * (time.perf_counter() - started)
