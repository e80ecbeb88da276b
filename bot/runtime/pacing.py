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
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime, timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

from bot.runtime.window import NEW_MESSAGES, SendWindow

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
