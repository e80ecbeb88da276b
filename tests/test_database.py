"""Migrations and database settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from db.database import Database, DatabaseError, alembic_config
from db.models import Base


def _sync_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def _migrate(path: Path) -> None:
    db = Database(_sync_url(path))
    try:
        await db.migrate()
    finally:
        await db.close()


def _alembic(path: Path, action: str, revision: str) -> None:
    """Run an Alembic command the way an operator would, in its own event loop."""

    async def run() -> None:
        db = Database(_sync_url(path))
        async with db.engine.begin() as connection:

            def go(sync_connection: object) -> None:
                config = alembic_config()
                config.attributes["connection"] = sync_connection
                getattr(command, action)(config, revision)

            await connection.run_sync(go)
        await db.close()

    asyncio.run(run())


def _tables(path: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names())
    engine.dispose()
    return names - {"alembic_version"}


def test_migrations_step_up_and_down_every_revision(tmp_path: Path) -> None:
    """Stairway: each revision upgrades, downgrades and upgrades again cleanly."""
    database = tmp_path / "stairway.db"
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(reversed(list(script.walk_revisions())))
    assert revisions, "no migrations found"
    for revision in revisions:
        _alembic(database, "upgrade", revision.revision)
        _alembic(database, "downgrade", revision.down_revision or "base")
        _alembic(database, "upgrade", revision.revision)
    assert _tables(database) == set(Base.metadata.tables)
    _alembic(database, "downgrade", "base")
    assert _tables(database) == set()


async def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """Nothing in the models is missing from the migrations."""
    database = tmp_path / "compare.db"
    await _migrate(database)

    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


async def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    tmp_path: Path,
) -> None:
    db = Database(_sync_url(tmp_path / "nested" / "folder" / "warmup.db"))
    try:
        await db.migrate()
        async with db.transaction() as tx:
            assert (await tx.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            assert (await tx.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            assert (await tx.execute(text("PRAGMA busy_timeout"))).scalar() == 15_000
    finally:
        await db.close()
    assert (tmp_path / "nested" / "folder" / "warmup.db").exists()


async def test_a_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    """Start-up stops with a clear message instead of running old code on a newer schema."""
    database = tmp_path / "newer.db"
    await _migrate(database)
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer release"):
        await _migrate(database)


def test_downgrading_keeps_the_chats_sessions(tmp_path: Path) -> None:
    """Schema changes never cascade into the rows stored under a changed table."""
    database = tmp_path / "keep.db"
    _alembic(database, "upgrade", "head")
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO chats (id, timezone, created_at) VALUES (1, 'UTC', '2026-01-01')")
        )
        connection.execute(
            text(
                "INSERT INTO warmup_sessions (chat_id, routine_id, status, started_at, step, "
                "set_number) VALUES (1, 'lower-back', 'active', '2026-01-01', 0, 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO step_events (session_id, exercise_id, step, set_number, outcome, at) "
                "VALUES (1, 'psoas-stretch', 2, 1, 'done', '2026-01-01')"
            )
        )
    for revision in ("0002", "0001", "head"):
        _alembic(database, "downgrade" if revision != "head" else "upgrade", revision)
        with engine.connect() as connection:
            for table in ("chats", "warmup_sessions", "step_events"):
                count = connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()  # noqa: S608 - fixed names
                assert count == 1, (revision, table)
    engine.dispose()
