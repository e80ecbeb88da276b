"""What happens to a chat as a whole: blocked the bot, came back, or moved to a new id."""

from __future__ import annotations

import logging

from db import repo
from db.database import Database

log = logging.getLogger(__name__)


async def blocked(db: Database, *, chat_id: int) -> int | None:
    """The chat blocked the bot: stop its reminder and any running countdown.

    Returns the id of the session whose countdown was stopped, so its jobs can be cancelled.
    The session itself stays resumable for when the user comes back.
    """
    async with db.transaction() as tx:
        await repo.deactivate_chat(tx, chat_id)
        session = await repo.active_session(tx, chat_id)
        if session is not None and session.hold_ends_at is not None:
            await repo.end_hold(tx, session)
    log.info("chat %s blocked the bot; reminder and countdown stopped", chat_id)
    return session.id if session is not None else None


async def came_back(db: Database, *, chat_id: int) -> None:
    """The chat unblocked the bot. Its reminder stays off until they turn it on again."""
    async with db.transaction() as tx:
        await repo.reactivate_chat(tx, chat_id)


async def migrated(db: Database, *, old_id: int, new_id: int) -> bool:
    """A group became a supergroup with a new id: everything stored follows it."""
    async with db.transaction() as tx:
        moved = await repo.move_chat(tx, old_id, new_id)
    if moved:
        log.info("chat %s moved to %s", old_id, new_id)
    return moved
