"""Alembic environment: runs on the application's connection, or opens one from DATABASE_URL."""

import asyncio
import os

from alembic import context
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from db.models import Base

target_metadata = Base.metadata


# On SQLite, prefer plain ADD/DROP COLUMN over batch table rebuilds for tables that others
# reference with ON DELETE CASCADE: with foreign keys on, dropping the old copy of the table
# deletes the referencing rows. tests/test_database.py checks that rows survive every step.


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # Command-line use (`alembic -c db/alembic.ini ...`): the same URL the bot uses.
    url = os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///data/warmup.db")
    asyncio.run(_run_standalone(url))
