"""The database handle: engine, transactions, and migrations applied at start-up."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from db.sqlite_driver import OneTripDBAPI

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# How long a SQLite writer waits for a writer in another process before giving up, in ms.
SQLITE_BUSY_TIMEOUT_MS = 15_000
# How often a new connection tries to switch a new file to WAL while another is doing so.
WAL_SWITCH_ATTEMPTS = 40

# Key of the PostgreSQL advisory lock that lets one instance at a time migrate the schema.
MIGRATION_LOCK_KEY = 0x5741524D  # "WARM"


class DatabaseError(Exception):
    """The database cannot be used: unreachable, unwritable or from a newer version."""


class Database:
    """One engine and its session factory. Open once at start-up, close at shutdown."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        if self.url.get_backend_name() == "sqlite":
            _create_sqlite_folder(self.url.database)
        # A server can drop idle connections, so each is checked before use; a SQLite file
        # cannot, and the check would cost every transaction a round trip to its thread.
        self.engine = create_async_engine(
            self.url, pool_pre_ping=self.url.get_backend_name() != "sqlite", **_driver(self.url)
        )
        if self.url.get_backend_name() == "sqlite":
            _configure_sqlite(self.engine.sync_engine)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # Reads that must not wait for, or block, the writer (health checks, a last look
        # before sending): on SQLite their transaction takes no write lock.
        self._readers = async_sessionmaker(
            self.engine.execution_options(reading=True), expire_on_commit=False
        )
        # SQLite has one writer at a time, and here every transaction writes. Queueing them in
        # the event loop is fair and cheap; left to SQLite, hundreds of concurrent updates
        # would spin on its busy handler, and under load a lock held across an await can
        # outlast the busy timeout. Other databases lock rows, not the whole file.
        self._one_writer = (
            asyncio.Lock() if self.url.get_backend_name() == "sqlite" else contextlib.nullcontext()
        )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error."""
        async with self._one_writer, self._sessions.begin() as session:
            yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A session for reads only, beside the writer queue; never write through it."""
        async with self._readers() as session:
            yield session

    async def migrate(self) -> None:
        """Bring the schema to the newest revision; refuse a database from a newer release."""
        try:
            async with self.engine.begin() as connection:
                await connection.run_sync(_upgrade_to_head)
        except OperationalError as exc:
            where = self.url.render_as_string(hide_password=True)
            raise DatabaseError(f"cannot open the database {where}: {exc.orig}") from exc

    async def ping(self) -> bool:
        """Whether the database answers a trivial query."""
        try:
            async with self.engine.execution_options(reading=True).connect() as connection:
                await connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    async def close(self) -> None:
        await self.engine.dispose()


def alembic_config() -> Config:
    """Alembic configuration pointing at this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _upgrade_to_head(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Instances starting together would each try to create the same tables. The lock lasts
        # until this transaction ends, so the others wait and then find the schema up to date.
        # (SQLite's BEGIN IMMEDIATE already lets one writer in at a time.)
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    config = alembic_config()
    current = MigrationContext.configure(connection).get_current_revision()
    script = ScriptDirectory.from_config(config)
    if current is not None and not _known(script, current):
        raise DatabaseError(
            f"the database is at schema revision {current}, which this version of the bot "
            "does not know; it was written by a newer release"
        )
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _create_sqlite_folder(database: str | None) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create the folder for {database}: {exc.strerror}") from exc


def _driver(url: URL) -> dict[str, Any]:
    """The DBAPI module to use instead of the dialect's own, if any."""
    if url.drivername == "sqlite+aiosqlite":
        return {"module": OneTripDBAPI()}  # one trip to aiosqlite's thread per statement
    return {}


def _configure_sqlite(engine: Any) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the driver so BEGIN IMMEDIATE below is honoured.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A transaction that writes takes the write lock up front, so two concurrent taps
        # queue on busy_timeout instead of failing with SQLITE_BUSY on lock upgrade. A reading
        # one (`Database.reading`) takes none: in WAL mode it runs beside the writer.
        reading = connection.get_execution_options().get("reading", False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _use_wal(cursor: Any) -> None:
    """Put the file in WAL mode (readers run while one writer commits; it stays in the file).

    Switching needs the file to itself, and SQLite answers "locked" at once rather than waiting
    when another connection is busy with it: that happens only while several processes open a
    new file together, and one of them is then switching it. So: switch only if needed, and on
    "locked" look again a little later.
    """
    for _ in range(WAL_SWITCH_ATTEMPTS):
        cursor.execute("PRAGMA journal_mode")
        if str(cursor.fetchone()[0]).lower() == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except Exception as exc:  # the driver's OperationalError, under its adapted name
            if "locked" not in str(exc):
                raise
            time.sleep(0.05)  # rare, at first start only; runs in the driver's connect path
        else:
            return
    cursor.execute("PRAGMA journal_mode=WAL")  # one last time; a failure now is reported
