"""The inbox: each update is stored before Telegram is told it arrived, and marked once handled.

Telegram counts an update as delivered when the bot asks for the next ones (polling) or answers
its post with 200 (webhook). PTB does either as soon as the update is on its queue, before it
is handled, so a crash or a stop that cannot wait would lose what is in hand. Here the queue
itself stores each update before taking it (`DurableQueue.put`), the update processor marks it
handled, and every start first handles what is stored and not marked. An update Telegram sends
again (it was stored, but the crash came before Telegram was told) is recognised by its id and
handled once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Update

from db import repo
from db.batching import Batched
from db.database import Database

if TYPE_CHECKING:
    from bot.context import CoachContext

log = logging.getLogger(__name__)

# Telegram keeps an update for up to 24 hours; after that it cannot come again.
KEEP_HANDLED = timedelta(hours=24)

Clock = Callable[[], datetime]


class Inbox:
    """The stored updates of one bot, on its database."""

    def __init__(self, db: Database) -> None:
        self._db = db
        # Many chats' updates finish at once under load; their marks share a transaction.
        self._marks: Batched[tuple[int, datetime]] = Batched(db, _mark)

    async def receive(self, update: Update, now: datetime) -> bool:
        """Store `update`; False if it was received before (and so is not to be queued)."""
        async with self._db.transaction() as tx:
            return await repo.receive_update(tx, update.update_id, update.to_json(), now)

    async def handled(self, update: Update, now: datetime) -> None:
        await self._marks.add((update.update_id, now))

    async def unhandled(self, bot: Bot) -> list[Update]:
        """Stored updates not handled yet, oldest first."""
        async with self._db.transaction() as tx:
            bodies = await repo.unhandled_updates(tx)
        return [Update.de_json(json.loads(body), bot) for body in bodies]

    async def purge(self, now: datetime) -> int:
        """Forget updates handled long enough ago that Telegram cannot send them again."""
        async with self._db.transaction() as tx:
            return await repo.purge_handled(tx, now - KEEP_HANDLED)


class DurableQueue(asyncio.Queue[object]):
    """PTB's update queue, storing each update in the inbox before taking it.

    Polling asks Telegram for the next updates, and the webhook answers 200, only once `put`
    has returned: by then the update is stored.
    """

    def __init__(self, inbox: Inbox, clock: Clock) -> None:
        super().__init__()
        self.inbox = inbox
        self._clock = clock

    async def put(self, item: object) -> None:
        if isinstance(item, Update) and not await self.inbox.receive(item, self._clock()):
            log.info("update %s was received before; handled once", item.update_id)
            return
        await super().put(item)

    async def requeue(self, update: Update) -> None:
        """Queue an update that is already stored (handling what a last run left)."""
        await super().put(update)


async def purge_job(context: CoachContext) -> None:
    """Job, hourly: forget updates handled over a day ago."""
    if forgotten := await context.services.inbox.purge(context.now()):
        log.info("inbox: %d handled updates forgotten", forgotten)


async def _mark(tx: AsyncSession, items: list[tuple[int, datetime]]) -> None:
    await repo.mark_handled(tx, [update_id for update_id, _ in items], max(t for _, t in items))
