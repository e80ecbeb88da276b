"""Batch jobs work row by row: one row that fails must not stop the others.

A reminder tick or a start-up restore reads many chats' rows in one transaction. Without this,
one row that cannot be handled (a zone the installed tzdata no longer has, a routine removed
from the content) raises, rolls back the whole batch, and does so again at every tick.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

Row = TypeVar("Row")


async def each_apart(
    tx: AsyncSession,
    rows: Iterable[Row],
    work: Callable[[Row], Awaitable[None]],
    *,
    set_aside: Callable[[Row], Awaitable[None]],
    what: Callable[[Row], str],
) -> None:
    """Run `work` on each row in its own savepoint; a row that raises is logged and set aside.

    Only the failing row's writes are undone. `set_aside` then marks it so that the next run
    does not pick it again (and is itself kept apart: if it fails too, the row is only logged).
    """
    for row in rows:
        try:
            async with tx.begin_nested():
                await work(row)
        except Exception:
            log.exception("%s failed; set aside, the others go on", what(row))
            try:
                async with tx.begin_nested():
                    await set_aside(row)
            except Exception:
                log.exception("%s could not be set aside either", what(row))
