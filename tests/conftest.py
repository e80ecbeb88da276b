"""Fixtures: a fake Bot API server and the real application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, RunningBot, make_settings, run_bot


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
