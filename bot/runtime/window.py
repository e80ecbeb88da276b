"""The send window: every new message this instance sends holds a place in Telegram's second.

Telegram allows about 30 new messages a second overall. Replies to people tapping take a place
at once, or the next one to free; reminder bursts (`bulk`) take what replies leave, evenly
spaced, so a burst never queues a reply behind it and the two never run into a 429.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager

log = logging.getLogger(__name__)


# Bot API methods that put a new message in a chat: what Telegram's overall limit counts.
# (An exercise's first step is an animation: left out, a burst's window undercounted replies.)
NEW_MESSAGES = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "sendAnimation", "sendVideo", "sendMediaGroup"}
)


# The longest a reply waits when every place is held by a message still on the wire
# (_room_for_reply): nothing says when one will free.
REPLY_WAIT_SECONDS = 0.25
# Bulk takes the place it leaves to replies too, when another place frees within this many
# seconds: a reply then waits no longer than that for one (bulk gives way meanwhile), and the
# place is not left empty for most of a burst.
LEND_SPARE_SECONDS = 0.05
# How far a burst may catch up after a pause (a reply took its place, the loop was busy):
# enough to keep its average, too few to bunch up in front of the next reply.
BULK_CATCH_UP = 3

# Set while a task sends bulk messages (reminders): they wait their turn in the send window.
_bulk: contextvars.ContextVar[bool] = contextvars.ContextVar("bulk", default=False)


@contextmanager
def bulk() -> Iterator[None]:
    """Messages sent inside this block are bulk: replies to people go before them."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)


def window_limit(messages_per_second: float) -> int:
    """This instance's places in Telegram's second: its share of the overall pace."""
    return max(1, int(messages_per_second))


class SendWindow:
    """The messages this instance has on the wire or sent in the last second, of every kind.

    Telegram counts a message when it arrives; the bot knows only that this happens after it
    starts sending and before the answer comes back. So a message holds its place from the
    moment it is sent until a second after its answer: two messages apart by a second here
    are then apart by at least a second at Telegram too, whatever the network did in between,
    and the bot never puts more than `limit` into any second of Telegram's.

    Replies go first: bulk messages wait while a reply waits, and take what replies leave but
    one place, the spare. Bulk borrows the spare only when another place frees within
    LEND_SPARE_SECONDS, so a reply finds a place at once or within that; it waits longer only
    when another reply of the same second has the spare. Bulk gives way while it waits.
    """

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        # Bulk holds at most all places but one, so that a reply in a long burst finds one
        # free at once instead of waiting for bulk to give way. It counts bulk's own places:
        # replies take from the rest first, so a burst keeps its pace beside them.
        self._bulk_limit = max(1, limit - 1)
        self._clock = clock
        self._answered: deque[float] = deque()  # when each answer came back, in order
        self._bulk_answered: deque[float] = deque()  # the same, of bulk messages only
        self._on_the_wire = 0
        self._replies_waiting = 0
        self._bulk_on_the_wire = 0

    def recent(self) -> int:
        """How many places of the last second are taken."""
        self._forget_before(self._clock() - 1)
        return self._on_the_wire + len(self._answered)

    def held(self) -> int:
        """How many answered sends it holds (at most the last second's)."""
        return len(self._answered)

    @asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        """Hold a place for one message while it is sent (waiting for one if need be)."""
        bulk = _bulk.get()
        await (self._room_for_bulk() if bulk else self._room_for_reply())
        # No await between finding room and taking it: nobody else can take it meanwhile.
        self._on_the_wire += 1
        self._bulk_on_the_wire += bulk
        try:
            yield
        finally:
            self._on_the_wire -= 1
            self._bulk_on_the_wire -= bulk
            now = self._clock()
            self._answered.append(now)
            if bulk:
                self._bulk_answered.append(now)
            self._forget_before(now - 1)  # or, with no burst asking, it only grows

    async def _room_for_reply(self) -> None:
        """Wait for a place only while bulk messages hold some; bulk gives way meanwhile.

        A place held by an answered message frees within a second, so while the window holds
        one the reply waits for it: going over then would meet a 429. When every place is
        held by a message still on the wire, none may free for as long as an answer takes
        (lost, slow), so past REPLY_WAIT_SECONDS the reply goes anyway. Replies never wait
        for other replies: past the pace on their own (hundreds of holds ending at once)
        they go, and a 429 is waited out.
        """
        if self.recent() < self.limit or not self._bulk_held():
            return
        self._replies_waiting += 1
        try:
            give_up_at = self._clock() + REPLY_WAIT_SECONDS
            while True:
                pause = self._until_a_place_frees()
                if not self._answered:
                    pause = min(pause, max(0.001, give_up_at - self._clock()))
                await asyncio.sleep(pause)
                if self.recent() < self.limit or not self._bulk_held():
                    return
                if not self._answered and self._clock() >= give_up_at:
                    log.warning(
                        "a reply goes past the send window: its %d places are all on the wire",
                        self._on_the_wire,
                    )
                    return
        finally:
            self._replies_waiting -= 1

    def _bulk_held(self) -> int:
        """How many places of the last second bulk messages hold."""
        self._forget_before(self._clock() - 1)
        return self._bulk_on_the_wire + len(self._bulk_answered)

    async def _room_for_bulk(self) -> None:
        while True:
            if self._replies_waiting or self.recent() >= self.limit:
                await asyncio.sleep(self._until_a_place_frees())
            elif self._bulk_held() < self._bulk_limit:
                return
            elif not self._answered:  # only the spare is free, and nothing frees it soon
                await asyncio.sleep(self._until_a_place_frees())
            else:  # only the spare is free: lent once the oldest place is about to free
                lent_at = self._answered[0] + 1 - LEND_SPARE_SECONDS
                if self._clock() >= lent_at:
                    return
                await asyncio.sleep(max(0.001, lent_at - self._clock()))

    def _until_a_place_frees(self) -> float:
        if not self._answered:
            return 0.002  # every place is on the wire: the first answer frees one a second on
        return max(0.001, self._answered[0] + 1 - self._clock())

    def _forget_before(self, horizon: float) -> None:
        for answered in (self._answered, self._bulk_answered):
            while answered and answered[0] <= horizon:
                answered.popleft()
