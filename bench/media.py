"""The cost of a step that carries an animation, against a text step, in one process.

The real application against the tests' fake Bot API server: each round starts a warm-up and
times the press that sends its first step (an animation by `file_id` once the first upload is
done, or text with /pictures off). Bot and server share the process, so the figures are wall
time for both; the ratio between the two kinds of step is what counts.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench import databases
from bot.drawing.files import EXTENSION
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, RunningBot, make_settings, run_bot

CHAT = 900_001


async def step_cost(path: Path, rounds: int) -> dict[str, float]:
    """Milliseconds to send a first step: the one upload, then by file_id, and as text."""
    async with FakeTelegram(TOKEN) as telegram:
        settings = make_settings(telegram, databases.url(path))
        async with run_bot(telegram, settings) as bot:
            upload = await _first_step(bot)
            by_id = [await _first_step(bot) for _ in range(rounds)]
            await bot.send(CHAT, "/pictures off")
            text = [await _first_step(bot) for _ in range(rounds)]
        assert telegram.uploads == [f"thoracic-spine-mobility-left{EXTENSION}"]  # uploaded once
    return {
        "upload_ms": upload,
        "by_id_ms": statistics.median(by_id),
        "text_ms": statistics.median(text),
    }


async def _first_step(bot: RunningBot) -> float:
    """Start a warm-up; return the time the press that sends its first step took, in ms."""
    await bot.send(CHAT, "/stop")
    await bot.send(CHAT, "/warmup")
    started = time.perf_counter()
    await bot.press(CHAT, "Skip check-in")
    return 1000 * (time.perf_counter() - started)
