"""Writes made together share a transaction; each caller returns once its own is committed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from db.batching import Batched
from db.database import Database


class WriteFailedError(Exception):
    """The write of a batch failed."""


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await database.migrate()
    async with database.transaction() as tx:
        await tx.execute(text("CREATE TABLE notes (value INTEGER NOT NULL)"))
    yield database
    async with database.transaction() as tx:
        await tx.execute(text("DROP TABLE notes"))
    await database.close()


async def _insert(tx: AsyncSession, values: list[int]) -> None:
    if any(value < 0 for value in values):
        raise WriteFailedError
    await tx.execute(
        text("INSERT INTO notes (value) VALUES (:value)"), [{"value": v} for v in values]
    )


async def _stored(db: Database) -> list[int]:
    async with db.engine.connect() as connection:
        rows = await connection.execute(text("SELECT value FROM notes ORDER BY value"))
        return [value for (value,) in rows]


async def test_each_write_is_committed_when_add_returns(db: Database) -> None:
    """A write made alone is in the database by the time `add` returns."""
    batched = Batched(db, _insert)
    for value in range(3):
        await batched.add(value)
        assert await _stored(db) == list(range(value + 1))
    assert batched.transactions == 3  # one at a time: nothing waits to be batched


async def test_writes_made_together_share_transactions(db: Database) -> None:
    """Writes made while a transaction runs share the next one: 50 writes, 2 transactions."""
    batched = Batched(db, _insert)
    first = asyncio.create_task(batched.add(0))
    await asyncio.sleep(0)  # its transaction is under way when the others arrive
    await asyncio.gather(first, *(batched.add(value) for value in range(1, 50)))
    assert await _stored(db) == list(range(50))
    assert batched.transactions == 2  # the first alone, then the 49 that came meanwhile


async def test_a_failed_batch_fails_each_of_its_callers_and_writes_none(db: Database) -> None:
    """A batch that fails raises in every caller, writes nothing, and later writes go on."""
    batched = Batched(db, _insert)
    first = asyncio.create_task(batched.add(1))
    await asyncio.sleep(0)  # the first transaction is under way; the next two wait for it
    results = await asyncio.gather(batched.add(2), batched.add(-1), return_exceptions=True)
    await first
    assert [type(result) for result in results] == [WriteFailedError, WriteFailedError]
    assert await _stored(db) == [1]
    await batched.add(3)  # later writes are not held up by the failure
    assert await _stored(db) == [1, 3]


async def test_a_cancelled_caller_does_not_stop_the_write(db: Database) -> None:
    """A caller cancelled while waiting does not take its write down with it."""
    batched = Batched(db, _insert)
    waiting = asyncio.create_task(batched.add(7))
    await asyncio.sleep(0)
    waiting.cancel()
    await batched.add(8)  # runs after the batch holding 7
    assert await _stored(db) == [7, 8]
