"""The fake Telegram of the benchmarks, in a process of its own (its users: bench/workloads.py).

It extends the test server with what a load test needs: a delay added to every call (as real
Telegram's network round trip), Telegram's flood limits answered with real-shaped 429s, and a
clock on every reply, so latency is measured where the user would see it.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.fake_telegram import ApiError, FakeTelegram

TIME_UP = "⏰ Time's up"
# A countdown message is known by its buttons (Pause hands-free, Stop hold with one timer per
# side): its text loses the get-ready line when the bot sends it late.
COUNTDOWN_BUTTONS = ("⏸ Pause", "Stop hold")
# The short burst of messages one chat may take over its one a second (see _enforce_limits).
CHAT_BURST = 3


class BenchTelegram(FakeTelegram):
    """A fake Bot API that times every reply and can enforce Telegram's flood limits."""

    def __init__(self, token: str, *, delay: float = 0, limits: bool = False) -> None:
        super().__init__(token)
        self.delay = delay
        self.limits = limits
        self.waiting: dict[int, float] = {}  # chat -> when its pending action was sent
        self.replied: asyncio.Queue[int] = asyncio.Queue()
        self.reply_seconds: list[tuple[float, float]] = []  # (when, latency)
        self.sends: dict[int, list[tuple[float, str]]] = defaultdict(list)
        self.edits: dict[int, list[float]] = defaultdict(list)  # message id -> edit times
        self.rejected = 0
        self.rejected_per_chat = 0  # of those, for the one-a-second limit of a single chat
        self.answered_at: dict[int, float] = {}  # chat -> when its latest press was answered
        self.countdowns: dict[int, int] = {}  # chat -> its countdown message
        self.time_up: dict[int, float] = {}  # chat -> wall-clock time of its first time-up
        self.time_ups: dict[int, list[float]] = defaultdict(list)  # chat -> every time-up
        # Whether an edited text counts as the answer to a user's action. A finished warm-up
        # is answered by editing the closing check-in into the summary; users who act only on
        # new messages stop there.
        self.edits_answer = False
        self._query_chat: dict[str, int] = {}
        self.first_poll: float | None = None
        # Called when set-up is over and the measured part of a workload begins.
        self.measuring: Callable[[], None] = lambda: None
        self._recent: deque[float] = deque()
        self._chat_allowance: dict[int, tuple[float, float]] = {}  # chat -> (when, messages)

    async def _handle(self, request: web.Request) -> web.Response:
        if self.first_poll is None and request.match_info.get("method") == "getUpdates":
            self.first_poll = time.time()
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super()._handle(request)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id, now = int(params["chat_id"]), time.monotonic()
        if self.limits:
            self._enforce_limits(chat_id, now)
        result = await super()._api_sendMessage(params)
        text = str(params.get("text", ""))
        self.sends[chat_id].append((now, text))
        sent = self.messages[chat_id][result["message_id"]]
        if any(key in label for key in COUNTDOWN_BUTTONS for label, _ in sent.buttons):
            self.countdowns[chat_id] = sent.message_id
        self._time_up(chat_id, text)
        self._answered_action(chat_id, now)
        return result

    def _time_up(self, chat_id: int, text: str) -> None:
        if text.startswith(TIME_UP):
            self.time_up.setdefault(chat_id, time.time())
            self.time_ups[chat_id].append(time.time())

    async def _api_sendAnimation(self, params: dict[str, Any]) -> Any:  # noqa: N802
        """An exercise's first step, with its animation: a reply like any other."""
        chat_id, now = int(params["chat_id"]), time.monotonic()
        if self.limits:
            self._enforce_limits(chat_id, now)
        result = await super()._api_sendAnimation(params)
        caption = str(params.get("caption", ""))
        self.sends[chat_id].append((now, caption))
        self._time_up(chat_id, caption)  # the next exercise, after a sequence's last hold
        self._answered_action(chat_id, now)
        return result

    def _answered_action(self, chat_id: int, now: float) -> None:
        if (asked := self.waiting.pop(chat_id, None)) is not None:
            self.reply_seconds.append((now, now - asked))
            self.replied.put_nowait(chat_id)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat = self._query_chat.pop(str(params.get("callback_query_id")), None)
        if chat is not None:
            self.answered_at[chat] = time.monotonic()
        return await super()._api_answerCallbackQuery(params)

    def _push(self, update: dict[str, Any]) -> int:
        if query := update.get("callback_query"):
            self._query_chat[query["id"]] = query["message"]["chat"]["id"]
        return super()._push(update)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        now = time.monotonic()
        self.edits[int(params.get("message_id", 0))].append(now)
        result = await super()._api_editMessageText(params)
        if self.edits_answer and "chat_id" in params:
            self._answered_action(int(params["chat_id"]), now)
        return result

    def act(self, chat_id: int) -> None:
        """The user's next move: tap the step's Done (or skip the check-in, or answer the
        precautions asked after a first one: none), else /warmup."""
        self.waiting[chat_id] = time.monotonic()
        for label in ("Done", "None of these", "Skip check-in"):
            try:
                self.user_presses(chat_id, label)
            except LookupError:
                continue
            return
        self.user_sends(chat_id, "/warmup")

    def _enforce_limits(self, chat_id: int, now: float) -> None:
        """Telegram's flood limits as its Bots FAQ states them ("My bot is hitting limits").

        In all: "not more than 30 messages per second", counted here over any one second.
        Per chat: "avoid sending more than one message per second. We may allow short bursts
        that go over this limit": a chat's allowance refills at one a second and holds up to
        CHAT_BURST, so a reply and the message that follows it at once are not refused.
        """
        while self._recent and now - self._recent[0] >= 1:
            self._recent.popleft()
        chat_at, chat_allowance = self._chat_allowance.get(chat_id, (now, CHAT_BURST))
        chat_allowance = min(CHAT_BURST, chat_allowance + (now - chat_at))
        if len(self._recent) >= 30 or chat_allowance < 1:
            self.rejected += 1
            self.rejected_per_chat += len(self._recent) < 30
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._recent.append(now)
        self._chat_allowance[chat_id] = (now, chat_allowance - 1)
