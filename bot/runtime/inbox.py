"""The inbox: each update is stored before Telegram is told it arrived, and marked once handled.

Telegram counts an update as delivered when the bot asks for the next ones (polling) or answers
its post with 200 (webhook). PTB does either as soon as the update is on its queue, before it
is handled, so a crash or a stop that cannot wait would lose what is in hand. Here each update
is stored first: a polled batch in one transaction as it arrives (`InboxBot.get_updates`, before
PTB can ask for the next batch), a posted one before the webhook answers. The update processor
marks it handled, and every start first handles what is stored and not marked. An update
Telegram sends again (stored, but the crash came before Telegram was told) is recognised by its
id and handled once.

Each row records its chat and person, so /forget deletes it and /export shows it. Marking an
update handled blanks its body: only the id is needed to recognise it if Telegram sends it
again, and what the person wrote (free text, pain answers) is then kept nowhere but in the
tables the handler wrote.

Several instances may share a database. Each draws an id at start and shows it is live by a
job that writes the time every third of its lease (`INSTANCE_LEASE_SECONDS`); it holds the rows
it received. A start, and that job on every instance, claim and handle the unhandled rows whose
holder is gone: it stopped (a clean stop removes its id at once) or has not been seen for a
lease (killed), or it has held them for over `STALE` (their handling lost in hand). So an
update in hand at a live instance is never handled a second time by another, and one left by
a dead instance waits at most a lease.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Update
from telegram.ext import ExtBot

from bot.runtime.transport import PollingRequest
from db import repo
from db.batching import Batched
from db.database import Database

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# Telegram keeps an update for up to 24 hours; after that it cannot come again.
KEEP_HANDLED = timedelta(hours=24)
# An update still unhandled this long after it came (or was last claimed) was lost in hand:
# far longer than a group's backlog of 50 updates takes at 20 messages a minute.
STALE = timedelta(minutes=15)

Clock = Callable[[], datetime]


AsSent = Callable[[int], "dict[str, Any] | None"]


def _json(update: Update, sent: dict[str, Any] | None) -> str:
    return json.dumps(sent, ensure_ascii=False) if sent is not None else update.to_json()


def is_real(update: Update) -> bool:
    """Whether the update's id is an integer (JSON `true` parses as one in Python; it is not)."""
    return type(update.update_id) is int


def _owner(update: Update) -> repo.Owner:
    chat, user = update.effective_chat, update.effective_user
    return (chat.id if chat else None, user.id if user else None)


class Inbox:
    """The stored updates of one bot, on its database."""

    def __init__(self, db: Database, lease: timedelta) -> None:
        self._db = db
        self.instance = uuid.uuid4().hex
        self.lease = lease
        # Many chats' updates finish at once under load; their marks share a transaction.
        self._marks: Batched[Mark] = Batched(db, _mark)
        # Step messages sent while handling an update, by chat, for that update's handled mark:
        # a chat's updates are handled one at a time (`ordering`), so the chat names the update.
        self._for_mark: dict[int, list[repo.StepMessage]] = {}

    async def receive(
        self, updates: Sequence[Update], now: datetime, as_sent: AsSent = lambda _id: None
    ) -> set[int]:
        """Store `updates` in one transaction; returns the ids of those received before.

        Each is stored as Telegram sent it where `as_sent` has it, else as PTB parsed it.
        """
        updates = [u for u in updates if is_real(u)]
        if not updates:
            return set()
        rows = {u.update_id: _json(u, as_sent(u.update_id)) for u in updates}
        owners = {u.update_id: _owner(u) for u in updates}
        async with self._db.transaction() as tx:
            stored = await repo.receive_updates(tx, rows, now, owners, self.instance)
        return set(rows) - stored

    def leave_for_mark(self, chat_id: int, message: repo.StepMessage) -> None:
        """Record `message` with the handled mark of its chat's update in hand, in the mark's
        transaction: one write after a handler instead of one per message and one for the mark."""
        self._for_mark.setdefault(chat_id, []).append(message)

    async def handled(self, update: Update, now: datetime) -> None:
        """Mark `update` handled, with the step messages its handler left for the mark."""
        chat = update.effective_chat
        messages = tuple(self._for_mark.pop(chat.id, ())) if chat is not None else ()
        await self._marks.add(Mark(update.update_id, now, messages))

    async def unhandled(self, bot: Bot, now: datetime) -> list[Update]:
        """Show this instance is live, and claim the stored updates not handled yet whose
        holder is gone (see above), oldest first."""
        claim = repo.Claim(self.instance, now, now - self.lease, now - STALE)
        async with self._db.transaction() as tx:
            await repo.seen(tx, self.instance, now)
            bodies = await repo.claim_unhandled(tx, claim)
        return [Update.de_json(json.loads(body), bot) for body in bodies]

    async def leave(self) -> None:
        """Say this instance is gone: what it still holds can be claimed at once."""
        async with self._db.transaction() as tx:
            await repo.gone(tx, self.instance)

    async def purge(self, now: datetime) -> int:
        """Forget updates handled long enough ago that Telegram cannot send them again."""
        async with self._db.transaction() as tx:
            return await repo.purge_handled(tx, now - KEEP_HANDLED)


class InboxBot(ExtBot[None]):
    """PTB's bot, storing each polled batch in the inbox before handing it to PTB."""

    def __init__(self, *, inbox: Inbox, clock: Clock, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # PTB freezes a bot's public attributes after __init__; private ones stay settable.
        self._inbox = inbox
        self._clock = clock
        self._repeated: set[int] = set()
        self._transports = [kwargs[k] for k in ("request", "get_updates_request") if k in kwargs]
        polling = kwargs.get("get_updates_request")
        self._as_sent: AsSent = (
            polling.as_sent if isinstance(polling, PollingRequest) else lambda _id: None
        )

    async def initialize(self) -> None:
        try:
            await super().initialize()
        except BaseException:
            # The connection pools open before getMe checks the token; a bot that never
            # finished initializing is not shut down by PTB, so they are closed here.
            for transport in self._transports:
                await transport.shutdown()
            raise

    @property
    def inbox(self) -> Inbox:
        return self._inbox

    def now(self) -> datetime:
        return self._clock()

    @property
    def repeated(self) -> set[int]:
        """Ids of polled updates stored before: the queue lets them go."""
        return self._repeated

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        updates = await super().get_updates(*args, **kwargs)
        # All are returned, repeats too: PTB asks for the next ones after the last it saw.
        self._repeated |= await self._inbox.receive(updates, self._clock(), self._as_sent)
        return updates


class InboxQueue(asyncio.Queue[object]):
    """PTB's update queue, leaving out updates the inbox had received before."""

    def __init__(self, bot: InboxBot) -> None:
        super().__init__()
        self._bot = bot

    async def put(self, item: object) -> None:
        if isinstance(item, Update) and not is_real(item):
            log.warning("an update without an integer update_id was refused")
            return
        if isinstance(item, Update) and item.update_id in self._bot.repeated:
            self._bot.repeated.discard(item.update_id)
            log.info("update %s was received before; handled once", item.update_id)
            return
        await super().put(item)


async def adopt_job(context: CoachContext) -> None:
    """Job, every third of a lease: show this instance is live, and handle the updates of
    instances gone (or lost in hand), as a start does."""
    if adopted := await context.services.inbox.unhandled(context.bot, context.now()):
        for update in adopted:
            await context.application.update_queue.put(update)
        log.warning("inbox: %d updates left by a stopped instance are handled now", len(adopted))


async def purge_job(context: CoachContext) -> None:
    """Job, hourly: forget updates handled over a day ago."""
    if forgotten := await context.services.inbox.purge(context.now()):
        log.info("inbox: %d handled updates forgotten", forgotten)


class Mark(NamedTuple):
    update_id: int
    at: datetime
    step_messages: tuple[repo.StepMessage, ...]


async def _mark(tx: AsyncSession, marks: list[Mark]) -> None:
    if sent := [message for mark in marks for message in mark.step_messages]:
        await repo.set_messages(tx, sent)
    await repo.mark_handled(tx, [mark.update_id for mark in marks], max(m.at for m in marks))
