"""Who a group's warm-up belongs to: the person who started it."""

from __future__ import annotations

from db import repo
from db.database import Database


async def starter(db: Database, session_id: int) -> int | None:
    """Who started warm-up `session_id` (None if unknown, or it is gone)."""
    async with db.transaction() as tx:
        return await repo.starter(tx, session_id)


async def running_starter(db: Database, chat_id: int) -> int | None:
    """Who started the chat's running warm-up (None if none is running)."""
    async with db.transaction() as tx:
        running = await repo.active_session(tx, chat_id)
    return running.started_by if running is not None else None
