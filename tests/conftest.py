"""Fixtures: a fake Bot API server and the real application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, RunningBot, make_settings, run_bot


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if the bot token reached the run's DEBUG log anywhere."""
    log_file = session.config.getini("log_file")
    if not log_file or exitstatus not in (0, 1):
        return
    path = Path(session.config.rootpath, log_file)
    secret = TOKEN.split(":", 1)[1]
    if path.exists() and secret in path.read_text(encoding="utf-8", errors="replace"):
        session.exitstatus = 1
        print(f"\nthe bot token appears in {path}")  # noqa: T201 - the run's own verdict


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
def settings(telegram: FakeTelegram, tmp_path: Path) -> Settings:
    return make_settings(telegram, tmp_path / "warmup.db")


@pytest.fixture
async def bot(telegram: FakeTelegram, settings: Settings) -> AsyncIterator[RunningBot]:
    async with run_bot(telegram, settings) as running_bot:
        yield running_bot
