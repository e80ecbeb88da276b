"""Fixtures: a fake Bot API server, a database on each backend, and the real application.

Every test that takes `database_url` (directly or through `settings` and `bot`) runs twice:
on a SQLite file, and on a PostgreSQL server the run starts itself from the machine's
binaries. Where there are none, the PostgreSQL half is skipped and the run's header says so.
The database is a copy of one migrated once per worker (tests/databases.py).

The run is spread over pytest-xdist workers (`-n auto` in pyproject.toml; `-n 0` runs it in
one process). They share one PostgreSQL server, each with databases of its own, and each writes
its own log; the tests that run the real `python -m bot` run on one worker, one after another,
so that they do not slow each other down (tests/run_plan.py says which).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.runtime.context import utc_now
from tests import run_plan
from tests.databases import Templates
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, make_settings, run_bot, sqlite_url
from tests.postgres import PostgresServer, find_binaries, shared_server, stop_shared_server

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
    # pytest-xdist registers it too; here for a run without the plugin.
    config.addinivalue_line("markers", "xdist_group(name): run on one worker, in turn")
    run_plan.configure(config)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: tell each worker where the run's shared files are."""
    run_plan.configure_worker(node.config, node.workerinput)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:  # noqa: ARG001
    """`-n auto`: one worker more than the cores, up to a few (PYTEST_XDIST_AUTO_NUM_WORKERS
    overrides)."""
    return run_plan.worker_count()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    run_plan.group_wall_clock_tests(items)


def pytest_report_header() -> str:
    if POSTGRES_BINARIES is None:
        return f"databases: SQLite only; {NO_POSTGRES}, so the PostgreSQL half is skipped"
    return f"databases: SQLite and PostgreSQL (from {POSTGRES_BINARIES})"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if the bot token reached the DEBUG log of the run or of any worker."""
    if hasattr(session.config, "workerinput") or exitstatus not in (0, 1):
        return  # a worker's log is read by the process that ran the session, once all ended
    if leaked := run_plan.logs_with(session.config, TOKEN.split(":", 1)[1]):
        session.exitstatus = 1
        print(f"\nthe bot token appears in {', '.join(map(str, leaked))}")  # noqa: T201


def pytest_unconfigure(config: pytest.Config) -> None:
    """The process that ran the session stops the shared server, once every worker is done."""
    run_plan.finish(config, stop_shared_server)


@pytest.fixture(scope="session")
def postgres(pytestconfig: pytest.Config) -> PostgresServer:
    """The run's PostgreSQL server, started on first use; this worker's databases on it."""
    if POSTGRES_BINARIES is None:
        pytest.skip(NO_POSTGRES)
    folder = run_plan.run_folder(pytestconfig)
    return shared_server(folder, POSTGRES_BINARIES, prefix=f"{run_plan.worker_name()}_test")


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> str:
    """A database of its own: a SQLite file, or a database on the PostgreSQL server. It is
    at the newest schema, without rows; empty in tests/test_database.py (the migrations')."""
    empty = request.path.name in run_plan.EMPTY_DATABASES
    if request.param == "sqlite":
        path = tmp_path / "warmup.db"
        return sqlite_url(path) if empty else await templates.sqlite(path)
    server: PostgresServer = request.getfixturevalue("postgres")
    return await server.new_database() if empty else await templates.postgres(server)


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


@pytest.fixture
async def app_bot(
    telegram: FakeTelegram, database_url: str, clock: Callable[[], datetime]
) -> AsyncIterator[RunningBot]:
    """The real application with the Mini App on (polling; the app on a port of its own):
    `app_bot.app_url` is its page."""
    settings = make_settings(
        telegram, database_url, webapp_url="https://coach.example/app", webhook_port=0
    )
    async with run_bot(telegram, settings, clock=clock) as running_bot:
        yield running_bot
