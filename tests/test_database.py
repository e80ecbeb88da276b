"""Migrations and database settings."""

from __future__ import annotations

import asyncio
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError

from db import repo
from db.database import Database, DatabaseError, alembic_config
from db.models import Base, WarmupSession
from tests.harness import sqlite_url

TABLES_WITH_ROWS = ("chats", "warmup_sessions", "step_events")


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await db.migrate()
    finally:
        await db.close()


async def _alembic(url: str, action: str, revision: str) -> None:
    """Run an Alembic command the way an operator would, on a connection of its own."""
    db = Database(url)
    try:
        async with db.engine.begin() as connection:

            def go(sync_connection: Connection) -> None:
                config = alembic_config()
                config.attributes["connection"] = sync_connection
                getattr(command, action)(config, revision)

            await connection.run_sync(go)
    finally:
        await db.close()


async def _run(url: str, *statements: str) -> list[object]:
    """Run statements in one transaction; returns each one's first value, if it has rows."""
    db = Database(url)
    try:
        async with db.engine.begin() as connection:
            results = [await connection.execute(text(statement)) for statement in statements]
            return [result.scalar() if result.returns_rows else None for result in results]
    finally:
        await db.close()


async def _tables(url: str) -> set[str]:
    db = Database(url)
    try:
        async with db.engine.connect() as connection:
            names = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await db.close()
    return names - {"alembic_version"}


async def test_migrations_step_up_and_down_every_revision(database_url: str) -> None:
    """Stairway: each revision upgrades, downgrades and upgrades again cleanly."""
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(reversed(list(script.walk_revisions())))
    assert revisions, "no migrations found"
    for revision in revisions:
        await _alembic(database_url, "upgrade", revision.revision)
        await _alembic(database_url, "downgrade", revision.down_revision or "base")
        await _alembic(database_url, "upgrade", revision.revision)
    assert await _tables(database_url) == set(Base.metadata.tables)
    await _alembic(database_url, "downgrade", "base")
    assert await _tables(database_url) == set()


async def test_migrated_schema_matches_the_models(database_url: str) -> None:
    """Nothing in the models is missing from the migrations, on either database."""
    await _migrate(database_url)
    db = Database(database_url)
    try:
        async with db.engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await db.close()
    assert diff == []


async def test_instances_starting_together_migrate_once(database_url: str) -> None:
    """Several instances applying migrations at the same moment do not trip over each other."""
    await asyncio.gather(*(_migrate(database_url) for _ in range(3)))
    assert await _tables(database_url) == set(Base.metadata.tables)
    assert await _run(database_url, "SELECT count(*) FROM alembic_version") == [1]


async def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    tmp_path: Path,
) -> None:
    """Every SQLite connection has WAL, foreign keys and a busy timeout."""
    db = Database(sqlite_url(tmp_path / "nested" / "folder" / "warmup.db"))
    try:
        await db.migrate()
        async with db.transaction() as tx:
            assert (await tx.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            assert (await tx.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            assert (await tx.execute(text("PRAGMA busy_timeout"))).scalar() == 15_000
    finally:
        await db.close()
    assert (tmp_path / "nested" / "folder" / "warmup.db").exists()


async def test_a_database_from_a_newer_release_is_refused(database_url: str) -> None:
    """Start-up stops with a clear message instead of running old code on a newer schema."""
    await _migrate(database_url)
    await _run(database_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer release"):
        await _migrate(database_url)


async def test_downgrading_keeps_the_chats_sessions(database_url: str) -> None:
    """Schema changes never cascade into the rows stored under a changed table."""
    await _alembic(database_url, "upgrade", "head")
    await _run(
        database_url,
        "INSERT INTO chats (id, timezone, created_at) VALUES (1, 'UTC', '2026-01-01')",
        "INSERT INTO warmup_sessions (chat_id, routine_id, status, started_at, step, "
        "set_number) VALUES (1, 'lower-back', 'active', '2026-01-01', 0, 1)",
        "INSERT INTO step_events (session_id, exercise_id, step, set_number, outcome, at) "
        "VALUES (1, 'psoas-stretch', 2, 1, 'done', '2026-01-01')",
    )
    counts = [f"SELECT count(*) FROM {table}" for table in TABLES_WITH_ROWS]  # noqa: S608 - fixed names
    for revision in ("0002", "0001", "head"):
        await _alembic(database_url, "downgrade" if revision != "head" else "upgrade", revision)
        assert await _run(database_url, *counts) == [1, 1, 1], revision


class _Trips:
    """Counts the calls aiosqlite runs on its thread: each is a trip through the event loop."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        run = aiosqlite.Connection._execute

        async def counted(connection: aiosqlite.Connection, fn: Any, *args: Any) -> Any:
            self.names.append(getattr(fn, "__name__", type(fn).__name__))
            return await run(connection, fn, *args)

        monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)


async def test_a_sqlite_statement_is_one_trip_to_the_driver_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BEGIN, two statements and COMMIT are four trips, with no rollback after the commit."""
    db = Database(sqlite_url(tmp_path / "warmup.db"))
    try:
        await db.migrate()
        async with db.transaction() as tx:  # the pool has its connection from now on
            pass
        trips = _Trips(monkeypatch)
        async with db.transaction() as tx:
            await tx.execute(text("INSERT INTO chats (id, created_at) VALUES (7, '2026-01-01')"))
            found = (await tx.execute(text("SELECT id FROM chats"))).scalars().all()
        assert found == [7]
        assert trips.names == ["_run", "_run", "_run", "commit"]
    finally:
        await db.close()


async def _delete_then_clash(db: Database) -> None:
    """A transaction whose second statement breaks the primary key."""
    async with db.transaction() as tx:
        await tx.execute(text("DELETE FROM chats WHERE id = 3"))
        await tx.execute(text("INSERT INTO chats (id, created_at) VALUES (1, 'x')"))


async def test_one_trip_statements_keep_rowcounts_errors_and_rollback(
    tmp_path: Path,
) -> None:
    """What the driver reports after a statement, and what a failed transaction leaves."""
    db = Database(sqlite_url(tmp_path / "warmup.db"))
    try:
        await db.migrate()
        async with db.transaction() as tx:
            added = await tx.execute(
                text("INSERT INTO chats (id, created_at) VALUES (:id, '2026-01-01')"),
                [{"id": 1}, {"id": 2}, {"id": 3}],
            )
            assert added.rowcount == 3
            changed = await tx.execute(text("UPDATE chats SET weekly_target = 3 WHERE id > 1"))
            assert changed.rowcount == 2
        with pytest.raises(IntegrityError):
            await _delete_then_clash(db)
        async with db.reading() as tx:
            ids = (await tx.execute(text("SELECT id FROM chats ORDER BY id"))).scalars().all()
        assert ids == [1, 2, 3]  # the delete went with the failed insert
    finally:
        await db.close()


def test_a_session_read_as_a_plain_row_has_every_column() -> None:
    """The plain row the bot reads sessions into keeps up with the table."""
    assert [f.name for f in fields(repo.Warmup)] == list(WarmupSession.__table__.columns.keys())


async def test_a_begun_session_reads_back_as_the_row_it_was_begun_with(
    database_url: str,
) -> None:
    """The row `start_session` hands back (with the table's defaults) is what is stored."""
    now = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    db = Database(database_url)
    try:
        await db.migrate()
        async with db.transaction() as tx:
            await repo.ensure_chat(tx, 7, now)
            begun = await repo.start_session(
                tx,
                chat_id=7,
                routine_id="full",
                step=2,
                set_number=1,
                side="left",
                now=now,
                started_by=5,
            )
        async with db.transaction() as tx:
            by_id = await repo.get_session(tx, begun.id)
            running = await repo.active_session(tx, 7)
            with_chat = await repo.session_with_chat(tx, begun.id)
    finally:
        await db.close()
    assert with_chat is not None
    assert begun == by_id == running == with_chat.warmup
    assert isinstance(by_id, repo.Warmup)
    assert (begun.status, begun.ended_for_pain, begun.side) == ("active", False, "left")


async def test_the_inbox_stores_an_update_once_and_says_which_are_new(
    database_url: str,
) -> None:
    """A poll that brings an update again (Telegram resends after a lost answer) stores
    only the new ones, and reports only those."""
    now = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    db = Database(database_url)
    try:
        await db.migrate()
        async with db.transaction() as tx:
            first = await repo.receive_updates(tx, {1: '{"one": 1}', 2: '{"two": 2}'}, now)
        async with db.transaction() as tx:
            again = await repo.receive_updates(
                tx, {2: '{"two, again": 2}', 3: '{"three": 3}'}, now
            )
            single = await repo.receive_updates(tx, {4: '{"four": 4}'}, now)
            claim = repo.Claim("starting", now, live_since=now, lost_before=now)
            bodies = await repo.claim_unhandled(tx, claim)
    finally:
        await db.close()
    assert (first, again, single) == ({1, 2}, {3}, {4})
    assert bodies == ['{"one": 1}', '{"two": 2}', '{"three": 3}', '{"four": 4}']
