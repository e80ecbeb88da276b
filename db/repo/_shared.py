"""Helpers every repository module uses: dialect-aware INSERT, counted UPDATEs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm.attributes import set_committed_value


def dialect_insert(tx: AsyncSession) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT on both SQLite and PostgreSQL."""
    return insert_of(tx.get_bind().dialect.name)


def insert_of(dialect: str) -> Any:
    """`dialect_insert` by the dialect's name, for statements built once per dialect."""
    return pg_insert if dialect == "postgresql" else sqlite_insert


async def execute_write(
    tx: AsyncSession,
    statement: Executable,
    params: Mapping[str, object] | Sequence[Mapping[str, object]] | None = None,
) -> int:
    """Run an INSERT or UPDATE (once per item of a list of `params`); return rows matched.

    It goes straight to the connection, past the ORM: loaded objects are not looked for, and
    callers that keep one show what they wrote on it with `show_written`.
    """
    result = await (await connection_of(tx)).execute(statement, params)
    return result.rowcount


async def connection_of(tx: AsyncSession) -> AsyncConnection:
    """The transaction's connection, looked up once: each lookup is a trip through
    SQLAlchemy's async bridge, and a tap runs three statements on it."""
    if (connection := tx.info.get(_CONNECTION)) is None:
        connection = tx.info[_CONNECTION] = await tx.connection()
    assert isinstance(connection, AsyncConnection)
    return connection


_CONNECTION = "connection"


def show_written(row: object, values: Mapping[str, object]) -> None:
    """Show the values just written on the loaded object, without another SELECT."""
    for key, value in values.items():
        set_committed_value(row, key, value)
