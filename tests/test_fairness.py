"""One chat's backlog costs the other chats nothing, and a flood is bounded."""

from __future__ import annotations

import asyncio

import pytest

from bot.runtime.ordering import MAX_IN_HAND_PER_CHAT
from tests.fake_telegram import FakeTelegram
from tests.processes import until

FLOOD = 4201
OTHER = 4202
GROUP = -4203


def _helps(telegram: FakeTelegram, chat_id: int) -> int:
    return len([m for m in telegram.chat(chat_id) if m.from_bot and "/warmup" in m.text])


async def _reply_time(telegram: FakeTelegram) -> float:
    """Seconds from another chat's /help to its answer."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    telegram.user_sends(OTHER, "/help")
    await until(lambda: _helps(telegram, OTHER) == 1, timeout=60)
    return loop.time() - started


@pytest.mark.usefixtures("bot")
async def test_a_private_flood_does_not_hold_up_another_chat(telegram: FakeTelegram) -> None:
    """800 messages from one chat (30 ms a call): another chat is answered within 1 s."""
    telegram.latency[FLOOD] = 0.03
    flood = [telegram.user_sends(FLOOD, "/help") for _ in range(800)]
    await telegram.delivered(flood[-1])
    assert await _reply_time(telegram) < 1.0
    # What the chat could queue is bounded: the rest of the flood was dropped, and said so once.
    await until(lambda: _helps(telegram, FLOOD) >= MAX_IN_HAND_PER_CHAT)
    await asyncio.sleep(0.5)
    assert MAX_IN_HAND_PER_CHAT <= _helps(telegram, FLOOD) < 2 * MAX_IN_HAND_PER_CHAT
    assert len([m for m in telegram.chat(FLOOD) if "faster than I can answer" in m.text]) == 1


@pytest.mark.usefixtures("bot")
async def test_a_group_behind_its_rate_limit_does_not_hold_up_another_chat(
    telegram: FakeTelegram,
) -> None:
    """290 /help in one group (20 replies a minute): another chat is answered within 1 s."""
    flood = [telegram.user_sends(GROUP, "/help", user_id=4204) for _ in range(290)]
    await telegram.delivered(flood[-1])
    await until(lambda: _helps(telegram, GROUP) >= 20)  # the rest wait on the group's limit
    assert await _reply_time(telegram) < 1.0
    assert not any("faster than I can answer" in m.text for m in telegram.chat(GROUP))
