"""SQLite through aiosqlite, with one trip to the driver's thread per statement.

aiosqlite runs every SQLite call on a thread of its own, and each call is a trip there and back
through the event loop. SQLAlchemy's aiosqlite adapter makes four trips for one statement (open
a cursor, execute, fetch the rows, close the cursor), and one more after every commit, when the
pool rolls back a connection that has no transaction left. Under load each trip waits for the
event loop to come round again, and on SQLite a tap's transaction holds the one write lock
through all of them: every other chat's write waits behind it.

Here a statement is one trip: cursor, execute, fetch and close run together in the driver's
thread, and a rollback with no transaction open is skipped. Everything else (the dialect, its
SQL, its types and errors) is SQLAlchemy's own; `Database` hands this adapter to
`create_async_engine` as the dialect's DBAPI module (its documented `module` argument).

It relies on two things the libraries keep stable but do not document: aiosqlite runs a
function on its thread through `Connection._execute`, and SQLAlchemy's adapted cursor keeps its
rows in `_rows`. SQLAlchemy's own adapter reaches into aiosqlite the same way (for
`isolation_level`). The test suite runs every SQLite test through this adapter, and
`tests/test_database.py` counts the trips.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Sequence
from typing import Any

import aiosqlite
from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)

Rows = list[Any] | None


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor whose statement runs, rows and all, in one call on the driver's thread.

    It holds the finished sqlite3 cursor only to read `description`, `rowcount` and
    `lastrowid`, which a closed cursor keeps and which may be read from any thread.
    """

    __slots__ = ()

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:
        # Unlike the base class, no cursor is opened here: that was a trip of its own.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._rows = collections.deque()
        self._soft_closed_memoized = {}  # type: ignore[assignment]

    @property
    def description(self) -> Any:
        return None if self._cursor is None else self._cursor.description

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        given = () if parameters is None else parameters
        async with self._adapt_connection._execute_mutex:
            cursor, rows = await self._connection._execute(_run, self._raw(), operation, given)
        self._cursor = cursor
        if rows is not None:
            self._rows = collections.deque(rows)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            self._cursor = await self._connection._execute(
                _run_many, self._raw(), operation, seq_of_parameters
            )

    async def _async_soft_close(self) -> None:
        """Nothing to close: the sqlite3 cursor was closed where it ran."""

    def close(self) -> None:
        self._rows.clear()

    def _raw(self) -> sqlite3.Connection:
        connection: sqlite3.Connection = self._connection._conn
        return connection


def _run(
    connection: sqlite3.Connection, operation: str, parameters: Sequence[Any]
) -> tuple[sqlite3.Cursor, Rows]:
    """One statement on the driver's thread: its rows, if it returns any."""
    cursor = connection.cursor()
    try:
        cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
    finally:
        cursor.close()
    return cursor, rows


def _run_many(
    connection: sqlite3.Connection, operation: str, seq_of_parameters: Any
) -> sqlite3.Cursor:
    cursor = connection.cursor()
    try:
        cursor.executemany(operation, seq_of_parameters)
    finally:
        cursor.close()
    return cursor


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted aiosqlite connection, with one-trip cursors."""

    __slots__ = ()

    _cursor_cls = OneTripCursor

    def rollback(self) -> None:
        # The pool rolls back every connection it gets back, committed or not. SQLite says
        # whether a transaction is open without a trip (`in_transaction` reads a flag).
        if self._connection._connection is not None and not self._connection._conn.in_transaction:
            return
        super().rollback()


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module the aiosqlite dialect is given: SQLAlchemy's, with the above."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        # SQLAlchemy's connect opens the aiosqlite connection (and its thread); keep that, and
        # wrap the connection in the one-trip adapter instead of SQLAlchemy's.
        adapted = super().connect(*arg, **kw)
        return OneTripConnection(self, adapted._connection)
