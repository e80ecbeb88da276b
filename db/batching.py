"""Small writes that many handlers make at once, committed together (a group commit).

A transaction has a fixed cost (through SQLAlchemy's async layer, about a millisecond of CPU on
SQLite) much larger than one short UPDATE in it. Under load many handlers want the same kind of
write at the same moment: the first starts a transaction, the others join the next one. Each
caller still returns only once its own write is committed, so nothing is lost to a restart
that the caller believed stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from db.database import Database

Item = TypeVar("Item")


class Batched(Generic[Item]):
    """Writes items with `write`, as many per transaction as arrived while the last ran."""

    def __init__(
        self, db: Database, write: Callable[[AsyncSession, list[Item]], Awaitable[None]]
    ) -> None:
        self._db = db
        self._write = write
        self._waiting: list[tuple[Item, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self.transactions = 0  # how many it took (tests look)

    async def add(self, item: Item) -> None:
        """Write `item`; returns when it is committed, raises what its transaction raised."""
        done = asyncio.get_running_loop().create_future()
        self._waiting.append((item, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())
        await done

    async def _write_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                async with self._db.transaction() as tx:
                    self.transactions += 1
                    await self._write(tx, [item for item, _ in batch])
            except Exception as exc:
                _settle(batch, exc)
            else:
                _settle(batch, None)


def _settle(batch: list[tuple[Item, asyncio.Future[None]]], error: Exception | None) -> None:
    for _, done in batch:
        if done.done():  # its caller was cancelled; the write went ahead regardless
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)
