"""Helpers every repository module uses: dialect-aware INSERT, counted UPDATEs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import CursorResult
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.dml import Update


def dialect_insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT on both SQLite and PostgreSQL."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


async def execute_update(session: AsyncSession, statement: Update) -> int:
    """Run an UPDATE without touching loaded objects; return how many rows matched."""
    result = await session.execute(statement.execution_options(synchronize_session=False))
    return cast(CursorResult[Any], result).rowcount


def show_written(row: object, values: Mapping[str, object]) -> None:
    """Show the values just written on the loaded object, without another SELECT."""
    for key, value in values.items():
        set_committed_value(row, key, value)
