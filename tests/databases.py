"""Each test's database, at the newest schema without running the migrations again.

Migrating a database takes a few tenths of a second, and most tests need one: the migrations
run once per worker, into a template (a SQLite file; a PostgreSQL database), and each test gets
a copy of it (the file copied; `CREATE DATABASE ... TEMPLATE`). The bot still runs its own
`migrate()` at start-up, and finds nothing to do. `tests/test_database.py`, which tests the
migrations themselves, gets empty databases.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.engine import make_url

from db.database import Database
from tests.harness import sqlite_url
from tests.postgres import PostgresServer

# SQLite keeps a database in WAL mode in up to three files; the template is closed (so it
# is one file), but a copy takes whichever exist.
_SQLITE_FILES = ("", "-wal", "-shm")


class Templates:
    """One worker's migrated templates, made on first use."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sqlite: Path | None = None
        self._postgres: str | None = None

    async def sqlite(self, path: Path) -> str:
        """A copy of the migrated SQLite file at `path`; returns its URL."""
        if self._sqlite is None:
            template = self._folder / "template.db"
            await migrate(sqlite_url(template))
            self._sqlite = template
        for suffix in _SQLITE_FILES:
            source = self._sqlite.with_name(self._sqlite.name + suffix)
            if source.exists():
                shutil.copyfile(source, path.with_name(path.name + suffix))
        return sqlite_url(path)

    async def postgres(self, server: PostgresServer) -> str:
        """A new database on `server`, a copy of the migrated template; returns its URL."""
        if self._postgres is None:
            template = await server.new_database(name="template")
            await migrate(template)
            self._postgres = make_url(template).database
        return await server.new_database(template=self._postgres)


async def migrate(url: str) -> None:
    """Bring the database at `url` to the newest schema, as the bot does at start-up."""
    database = Database(url)
    try:
        await database.migrate()
    finally:
        await database.close()
