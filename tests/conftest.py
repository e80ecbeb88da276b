"""Fixtures: a fake Bot API server, a database on each backend, and the real application.

Every test that takes `database_url` (directly or through `settings` and `bot`) runs twice:
on a SQLite file, and on a PostgreSQL server the run starts itself from the machine's
binaries. Where there are none, the PostgreSQL half is skipped and the run's header says so.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.config import Settings
from bot.runtime.context import utc_now
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, make_settings, run_bot, sqlite_url
from tests.postgres import PostgresServer, find_binaries, postgres_server

# TEST_POSTGRES=0 skips the PostgreSQL half on purpose (a quicker local run).
WANT_POSTGRES = os.environ.get("TEST_POSTGRES", "1") != "0"
POSTGRES_BINARIES = find_binaries() if WANT_POSTGRES else None
NO_POSTGRES = (
    "no PostgreSQL binaries (initdb, postgres) on this machine"
    if WANT_POSTGRES
    else "TEST_POSTGRES=0"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "clock(start): the bot reads a FakeClock from `start` (the `clock` fixture)"
    )


def pytest_report_header() -> str:
    if POSTGRES_BINARIES is None:
        return f"databases: SQLite only; {NO_POSTGRES}, so the PostgreSQL half is skipped"
    return f"databases: SQLite and PostgreSQL (from {POSTGRES_BINARIES})"


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


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run, started on first use."""
    if POSTGRES_BINARIES is None:
        pytest.skip(NO_POSTGRES)
    with postgres_server(POSTGRES_BINARIES) as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, or a database of its own on the PostgreSQL server."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "warmup.db")
    server: PostgresServer = request.getfixturevalue("postgres")
    return await server.new_database()


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN) as server:
        yield server


@pytest.fixture
def settings(telegram: FakeTelegram, database_url: str) -> Settings:
    return make_settings(telegram, database_url)


@pytest.fixture
def clock(request: pytest.FixtureRequest) -> Callable[[], datetime]:
    """The bot's clock: real time, or a FakeClock from `@pytest.mark.clock(start)`."""
    marker = request.node.get_closest_marker("clock")
    return FakeClock(marker.args[0]) if marker is not None else utc_now


@pytest.fixture
async def bot(
    telegram: FakeTelegram, settings: Settings, clock: Callable[[], datetime]
) -> AsyncIterator[RunningBot]:
    """The real application, polling the fake server, on `clock`."""
    async with run_bot(telegram, settings, clock=clock) as running_bot:
        yield running_bot
