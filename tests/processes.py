"""`python -m bot` as a real process, for tests of start-up, signals and restarts."""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.coaching.safety import Answer
from db import repo
from db.database import Database
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN

_starts = itertools.count()


def bot_env(database_url: str, **values: str) -> dict[str, str]:
    """The process environment: this one's, minus any settings of the bot's, plus `values`."""
    prefixes = ("TELEGRAM_", "DATABASE_", "WEBHOOK_", "INSTANCE_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    # A killed instance's updates are handled by the next start once its lease runs out: a
    # short one here, where a restart follows a kill -9 at once (the 30 s default would only
    # make the tests wait).
    env["INSTANCE_LEASE_SECONDS"] = "3"
    env.update(values)
    env["DATABASE_URL"] = database_url
    return env


async def until(condition: Callable[[], bool], timeout: float = 20) -> None:
    """Poll a condition about another process; fails the test if it never holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def start_bot(
    telegram: FakeTelegram, tmp_path: Path, database_url: str, **values: str
) -> asyncio.subprocess.Process:
    """Start the bot against the fake server; returns once it is polling (or serving)."""
    env = bot_env(database_url, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url, **values)
    ready = len(telegram.calls_to("getUpdates")) + len(telegram.calls_to("setWebhook"))
    # Each start logs to its own file in the test's folder, to read when a test fails.
    log = tmp_path / f"bot-{next(_starts)}.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdout=output, stderr=output
        )
    await until(
        lambda: len(telegram.calls_to("getUpdates")) + len(telegram.calls_to("setWebhook")) > ready
    )
    return process


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def first_questions_answered(database_url: str, *people: int) -> None:
    """Record that `people` answered the safety check and the precautions ("none of these"),
    for tests about something else: /warmup then asks the check-in, which leads straight to
    the first step. The bot has migrated the database by then (call it after `start_bot`)."""
    db = Database(database_url)
    try:
        async with db.transaction() as tx:
            for person in people:
                await repo.record_screening(tx, person, Answer.CLEAR, datetime.now(UTC))
                await repo.record_personal(tx, person, precautions=())
    finally:
        await db.close()
