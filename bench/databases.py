"""Databases for the benchmarks: migrated by the bot's own code, filled in bulk with sqlite3."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from db.database import Database
from db.models import Person

# How SQLAlchemy stores a DateTime on SQLite; rows written here must compare the same way.
STORED = "%Y-%m-%d %H:%M:%S.%f"


def url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


# The chats the workloads tap in (bench/workloads.py): returning users, who answered the
# safety check and the precautions asked once before a person's first warm-up. Taps measure
# the warm-up itself; a newcomer's one-off questions would otherwise be most of a short run's
# taps.
TAPPING_USERS = (*range(1, 5_001), *range(10_000_000, 10_000_010))


def migrated(path: Path) -> Path:
    """A SQLite database at the newest schema, its tapping users returning ones."""
    asyncio.run(migrate(url(path)))
    return path


async def migrate(database_url: str) -> None:
    """The newest schema (SQLite or PostgreSQL), and the tapping users' safety check and
    precautions answered: none of these."""
    database = Database(database_url)
    try:
        await database.migrate()
        now = datetime.now(UTC)
        people = [
            {"user_id": user, "precautions": "", "screening": "clear", "screened_at": now}
            for user in TAPPING_USERS
        ]
        async with database.engine.begin() as connection:
            await connection.execute(insert(Person), people)
    finally:
        await database.close()


def with_reminders(path: Path, chats: int, due: datetime) -> Path:
    """`chats` chats in UTC, each with a daily reminder next due at `due`."""
    migrated(path)
    now = datetime.now(UTC).strftime(STORED)
    local = due.strftime("%H:%M")
    when = due.astimezone(UTC).replace(tzinfo=None).strftime(STORED)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executemany(
            "INSERT INTO chats (id, timezone, created_at, timezone_set_at, active, weekly_target)"
            " VALUES (?, 'UTC', ?, ?, 1, 5)",
            ((chat, now, now) for chat in range(1, chats + 1)),
        )
        connection.executemany(
            "INSERT INTO reminders (chat_id, enabled, local_time, days, next_fire_at, snoozes)"
            " VALUES (?, 1, ?, 127, ?, 0)",
            ((chat, local, when) for chat in range(1, chats + 1)),
        )
    return path


def tomorrow() -> datetime:
    return (datetime.now(UTC) + timedelta(days=1)).replace(second=0, microsecond=0)
