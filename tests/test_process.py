"""`python -m bot` as a real process: settings errors, serving a user, clean shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN

CHAT = 4001


def _env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(values)
    env["DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'warmup.db'}"
    return env


async def _until(condition: Callable[[], bool], timeout: float = 20) -> None:
    """Poll a condition about another process; fails the test if it never holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_missing_token_is_a_one_line_error(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=_env(tmp_path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert lines == ["error: missing or invalid setting: TELEGRAM_BOT_TOKEN (see .env.example)"]


async def test_the_bot_serves_a_user_and_stops_on_sigterm_without_logging_the_token(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    """Started like production, the bot answers /warmup, exits 0 on SIGTERM, hides its token."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=_env(
            tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url, LOG_LEVEL="DEBUG"
        ),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await _until(lambda: bool(telegram.calls_to("getUpdates")))
        telegram.user_sends(CHAT, "/warmup")
        await _until(lambda: len(telegram.chat(CHAT)) == 3)  # the command, intro and step 1
        assert telegram.chat(CHAT)[-1].text.startswith("Step 1/8")
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    logs = (stdout + stderr).decode()
    assert process.returncode == 0, logs
    assert "bot @warmup_coach_bot ready" in logs
    assert TOKEN not in logs
    assert TOKEN.split(":")[1] not in logs
