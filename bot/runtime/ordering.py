"""Updates from one chat in order, different chats at the same time, and a chat's flood bounded.

PTB processes one update at a time by default; with real Telegram latency (tens of ms a call)
that caps the whole bot at a few dozen updates a second, and one slow chat stalls everyone.
`concurrent_updates=True` fixes throughput but lets two taps of one chat race. This processor
keeps a line per chat: concurrency across chats, order within a chat.

PTB's own concurrency bound is a semaphore taken *before* `do_process_update` runs, that is
before an update's turn in its chat has come: a chat with a backlog would hold every slot and
stall all other chats. So PTB's bound is set out of reach, and the real one is taken only when
an update's turn has come.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

# A person tapping has one or two updates in hand; fifty is a flood (or a group's backlog
# behind its 20-messages-a-minute limit). Past it, a chat's updates are dropped, so one chat
# can neither exhaust memory nor keep a stop waiting for minutes.
MAX_IN_HAND_PER_CHAT = 50
_OUT_OF_REACH = 2**31 - 1

Overflow = Callable[[Update], Coroutine[Any, Any, None]]
# Marks an update handled (in the inbox), once its handler has finished.
Handled = Callable[[Update], Coroutine[Any, Any, None]]


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """At most `max_concurrent_updates` running at once, and one at a time per chat."""

    def __init__(
        self,
        max_concurrent_updates: int = 256,
        *,
        max_in_hand_per_chat: int = MAX_IN_HAND_PER_CHAT,
        on_overflow: Overflow | None = None,
        on_handled: Handled | None = None,
    ) -> None:
        super().__init__(_OUT_OF_REACH)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._limit = max_in_hand_per_chat
        self._on_overflow = on_overflow
        self._on_handled = on_handled
        self._lines: dict[int, _Line] = {}
        self._holding = False
        self._running: set[asyncio.Task[Any]] = set()
        self._notices: set[asyncio.Task[None]] = set()
        self.held: list[Update] = []

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat_id = _chat_of(update)
        if chat_id is None:
            await self._handle(update, coroutine)
        else:
            await self._in_line(chat_id, update, coroutine)

    async def _in_line(self, chat_id: int, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update in its chat's turn."""
        line = self._lines.setdefault(chat_id, _Line())
        if len(line) >= self._limit:
            self._drop(update, coroutine, chat_id, line)
            await self._mark(update)  # dropped for good
            return
        turn = line.join()
        try:
            await turn
            await self._handle(update, coroutine)
        finally:
            line.leave(turn)
            if not line:
                del self._lines[chat_id]

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update, then mark it handled, still in its chat's turn: the chat's next
        update then finds what the mark recorded (the id of a step message just sent)."""
        finished = await self._run(update, coroutine)
        if finished:  # not held over for the next start
            await self._mark(update)

    async def _mark(self, update: object) -> None:
        if self._on_handled is not None and isinstance(update, Update):
            await self._on_handled(update)

    def hold_over(self) -> None:
        """From now on, updates whose turn has not come are kept in `held` instead of run.

        For a stop that cannot wait for a long backlog: what was received but not started is
        left unhandled in the inbox, for the next start.
        """
        self._holding = True
        for line in self._lines.values():
            line.wake_all()

    def cancel_running(self) -> int:
        """Cancel the updates still running (a Bot API call that hangs); returns how many."""
        for task in self._running:
            task.cancel()
        return len(self._running)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def _run(self, update: object, coroutine: Awaitable[Any]) -> bool:
        """Run the update; False if it was held over instead (so it stays in the inbox)."""
        if self._holding and isinstance(update, Update):
            self.held.append(update)
            _discard(coroutine)
            return False
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            async with self._slots:
                await coroutine
        finally:
            self._running.discard(task)
        return True

    def _drop(self, update: object, coroutine: Awaitable[Any], chat_id: int, line: _Line) -> None:
        _discard(coroutine)
        if line.flooded:
            return
        line.flooded = True  # one log line and one notice per flood, not one per update
        log.warning(
            "chat %s has %d updates in hand; dropping more until it catches up", chat_id, len(line)
        )
        if self._on_overflow is not None and _is_private(update):
            assert isinstance(update, Update)
            # The notice is one more update-sized job; it must not wait in the flooded line.
            notice = asyncio.get_running_loop().create_task(self._on_overflow(update))
            self._notices.add(notice)  # a reference, or the task may be collected mid-way
            notice.add_done_callback(self._notices.discard)


class _Line:
    """One chat's updates in hand, in arrival order; the first is running, the rest wait."""

    def __init__(self) -> None:
        self._turns: deque[asyncio.Future[None]] = deque()
        self.flooded = False

    def __len__(self) -> int:
        return len(self._turns)

    def join(self) -> asyncio.Future[None]:
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._turns.append(turn)
        if len(self._turns) == 1:
            turn.set_result(None)
        return turn

    def leave(self, turn: asyncio.Future[None]) -> None:
        self._turns.remove(turn)
        if self._turns and not self._turns[0].done():
            self._turns[0].set_result(None)
        if not self._turns:
            self.flooded = False

    def wake_all(self) -> None:
        for turn in self._turns:
            if not turn.done():
                turn.set_result(None)


def _discard(coroutine: Awaitable[Any]) -> None:
    # PTB hands over a coroutine object; closing it avoids "never awaited" warnings.
    if inspect.iscoroutine(coroutine):
        coroutine.close()


def _chat_of(update: object) -> int | None:
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


def _is_private(update: object) -> bool:
    return (
        isinstance(update, Update)
        and update.effective_chat is not None
        and update.effective_chat.type == ChatType.PRIVATE
    )
