"""One bot against one workload: the fake Telegram in one process, the bot in another.

The server (with its simulated users) is pinned to one core and the bot under test to the
other, so the bot's CPU and memory are its own. The bot runs exactly as `python -m bot` does.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench import databases
from bench.telegram import BenchTelegram
from bench.workloads import Result

TOKEN = "424242:BENCH-token"  # noqa: S105 - the fake server's, not a secret
ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


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
    """Run the bot against the workload; what the workload measured, and the bot's CPU and RSS."""
    parent, child = multiprocessing.get_context("fork").Pipe()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, run.server, run.workload), daemon=True
    )
    server.start()
    url = parent.recv()
    database = run.database or databases.migrated(folder / f"{run.name}.db")
    env = _bot_env(run, url, database)
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
        _stop(bot)
        parent.send("stop")
        server.join(timeout=10)
    return Measured(values, cpu, rss, started)


def _bot_env(run: Run, url: str, database: Path) -> dict[str, str]:
    """The bot's environment: this one, pointed at the fake server and the run's database."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": url,
        "DATABASE_URL": databases.url(database),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),  # the bot runs from a scratch folder; bench/ is not installed
        **run.env,
    }


def _stop(bot: subprocess.Popen[bytes]) -> None:
    """SIGTERM, five seconds to finish, then SIGKILL."""
    bot.send_signal(signal.SIGTERM)
    try:
        bot.wait(timeout=5)
    except subprocess.TimeoutExpired:
        bot.kill()
        bot.wait()


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
