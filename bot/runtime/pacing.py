"""How fast and how persistently the bot calls the Bot API.

PTB's AIORateLimiter keeps group chats under 20 messages a minute and, on a 429, holds every
request for the `retry_after` Telegram names, then retries. Telegram's overall pace (about 30
messages a second) is shared by every new message this instance sends, through one
`SendWindow`: REMINDER_MESSAGES_PER_SECOND places a second (all 30 by default; the operator
divides them between instances). Replies to people tapping take a place at once, or the next
one to free; reminder bursts take what replies leave, evenly spaced. So a burst never queues a
reply behind it, and the two together never run into Telegram's limit and its 429 pauses.

On top of that, transient failures (5xx, dropped connections, timeouts) are retried with
exponential backoff. 400 and 403 are answers, not failures, and are never retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime, timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]

# Telegram allows about 30 messages a second in all (Bots FAQ, "My bot is hitting limits").
TELEGRAM_MESSAGES_PER_SECOND = 30

# Countdown edits are a nicety: past this many a second (many holds running at once), ticks are
# skipped and a countdown shows its time left a little longer, so that hold ends, replies and
# reminders keep both the bot's time and Telegram's overall pace.
COUNTDOWN_EDITS_PER_SECOND = 10
# When a hold's end runs this late, the bot is behind; countdown edits then pause for
# COUNTDOWN_PAUSE_SECONDS so that the time-up messages people are waiting for catch up first.
LATE_END_SECONDS = 0.2
COUNTDOWN_PAUSE_SECONDS = 1.0
# The longest a hold's closing edits wait for other holds' time-up messages to go out.
CLOSING_WAIT_SECONDS = 10.0
# When a step's message fails even after the retries above (Telegram unreachable for a while),
# it is sent again after each of these pauses, in seconds; after the last, /warmup offers it.
SHOW_AGAIN_AFTER = (30, 60, 120, 240)
# The least time between two edits of one countdown: a tick held up under load must not be
# followed at once by the next (Telegram allows about one message a second per chat).
COUNTDOWN_EDIT_GAP = timedelta(seconds=3)


class Budget:
    """A token bucket: on average at most `rate` takes a second, never more than `burst` at once.

    `burst` defaults to `rate`: a second's worth.
    """

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        *,
        burst: float | None = None,
    ) -> None:
        self._rate = rate
        self._burst = rate if burst is None else burst
        self._clock = clock
        self._tokens = self._burst
        self._at = clock()
        self._paused_until = self._at

    def pause(self, seconds: float) -> None:
        """Grant nothing for the next `seconds` (more urgent work is behind)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    def take(self) -> bool:
        """Spend one token if there is one; False means: skip this one."""
        now = self._clock()
        if now < self._paused_until:
            return False
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    async def spend(self) -> None:
        """Wait for a token, then spend it."""
        while not self.take():
            now = self._clock()
            refill = (1 - self._tokens) / self._rate
            await asyncio.sleep(max(0.001, self._paused_until - now, refill))


class Spacing:
    """At most one go per key every `gap`, by the bot's clock; for edits of one message."""

    def __init__(self, gap: timedelta, *, keep: int = 10_000) -> None:
        self._gap = gap
        self._keep = keep
        self._last: dict[int, datetime] = {}

    def allow(self, key: int, now: datetime) -> bool:
        """True (and counted as a go) if `key` had none in the last `gap`."""
        last = self._last.get(key)
        if last is not None and now - last < self._gap:
            return False
        self._last[key] = now
        if len(self._last) > self._keep:
            # Entries older than the gap allow the same as none; drop them.
            self._last = {k: at for k, at in self._last.items() if now - at < self._gap}
        return True


class Urgent:
    """Counts work someone is waiting for right now, so that bookkeeping can step aside for it.

    asyncio runs ready tasks in turn, with no priorities. When hundreds of holds end in the
    same few seconds, each end's closing edits would otherwise queue beside the other ends'
    time-up messages and make the last of those seconds late.
    """

    def __init__(self) -> None:
        self._running = 0
        self._quiet = asyncio.Event()
        self._quiet.set()
        self._bookkeeping = asyncio.Lock()

    @contextmanager
    def underway(self) -> Iterator[None]:
        self._running += 1
        self._quiet.clear()
        try:
            yield
        finally:
            self._running -= 1
            if not self._running:
                self._quiet.set()

    @asynccontextmanager
    async def afterwards(self, *, at_most: float) -> AsyncIterator[None]:
        """Bookkeeping: one piece at a time, each once no urgent work runs (or `at_most` s).

        One at a time, because urgent work comes and goes in between: let in together, all
        the waiting bookkeeping would crowd the next urgent piece.
        """
        async with self._bookkeeping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._quiet.wait(), at_most)
            yield


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


class PatientRateLimiter(AIORateLimiter):
    """Telegram's pace, 429s waited out, and transient failures retried a few times."""

    def __init__(
        self,
        *,
        network_retries: int = 3,
        backoff_seconds: float = 0.5,
        window: SendWindow,
    ) -> None:
        # Three retries on a 429 cover a burst; Telegram says exactly how long to wait.
        super().__init__(overall_max_rate=0, max_retries=3)
        self._network_retries = network_retries
        self._backoff = backoff_seconds
        self._window = window

    async def process_request(  # noqa: PLR0917 - PTB's own signature, called positionally
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        if endpoint in NEW_MESSAGES:
            callback = self._counted(callback)
        for attempt in range(self._network_retries + 1):
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise  # a subclass of NetworkError in PTB, but Telegram's final answer
            except NetworkError as exc:
                if attempt == self._network_retries:
                    raise
                delay = self._backoff * 2**attempt
                log.warning("%s failed (%s); retry %s in %.1fs", endpoint, exc, attempt + 1, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _counted(
        self, callback: Callable[..., Coroutine[Any, Any, Result]]
    ) -> Callable[..., Coroutine[Any, Any, Result]]:
        """The call, holding a place in the send window each time it goes out.

        Counted when it is made, not when it was asked for: a retry after a 429 or a network
        failure is another message on the wire, and one held back by a 429 pause goes out
        after it.
        """

        async def send(*args: Any, **kwargs: Any) -> Result:
            async with self._window.place():
                return await callback(*args, **kwargs)

        return send
