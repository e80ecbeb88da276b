"""A send that fails after its retries leaves a state the user gets out of with one tap."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, make_settings, run_bot

CHAT = 14001
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
# The bot tries a call four times in all (three retries) before it gives up.
ATTEMPTS = 4


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
async def hurried(
    telegram: FakeTelegram, database_url: str, clock: FakeClock
) -> AsyncIterator[RunningBot]:
    """The bot with no pause between retries, so that giving up takes no time."""
    settings = make_settings(telegram, database_url, retry_backoff_seconds=0)
    async with run_bot(telegram, settings, clock=clock) as bot:
        bot.pause_scheduler()
        yield bot


def _fail_sends(telegram: FakeTelegram) -> None:
    telegram.fail("sendMessage", status=502, description="Bad Gateway", times=ATTEMPTS)


async def test_a_countdown_that_cannot_be_sent_is_taken_back(
    hurried: RunningBot, telegram: FakeTelegram
) -> None:
    """The hold is undone, the step keeps its buttons, the toast says tap again; it then works."""
    _, step = await hurried.start_warmup(CHAT)
    _fail_sends(telegram)
    assert await hurried.press(CHAT, "Start 30s hold") == []
    toast = telegram.calls_to("answerCallbackQuery")[-1].params.get("text")
    assert toast == "Telegram did not take that message just now. Tap ⏱ Start again in a moment."
    assert (await hurried.latest_session()).hold_ends_at is None
    assert not any(name.startswith("hold") for name in hurried.job_names())
    assert "⏱ Start 30s hold" in step.labels
    [countdown] = await hurried.press(CHAT, "Start 30s hold")
    assert countdown.text.startswith("Step 1/8 · Left side")
    assert (await hurried.latest_session()).hold_ends_at is not None


async def test_a_times_up_that_cannot_be_sent_is_sent_again_later(
    hurried: RunningBot, telegram: FakeTelegram, clock: FakeClock
) -> None:
    """The session moved on; its next step goes out again a little later, once."""
    await hurried.one_timer_per_side(CHAT)
    await hurried.start_warmup(CHAT)
    await hurried.press(CHAT, "Start 30s hold")
    session = await hurried.latest_session()
    clock.advance(seconds=40)
    _fail_sends(telegram)
    await hurried.run_job(f"hold:{session.id}")
    assert not telegram.chat(CHAT)[-1].text.startswith("⏰ Time's up")
    assert f"show-again:{session.id}" in hurried.job_names()

    await hurried.run_job(f"show-again:{session.id}")
    shown = telegram.chat(CHAT)[-1]
    assert shown.text.startswith("⏰ Time's up: switch to the right side.")
    assert "✅ Done" in shown.labels
    assert (await hurried.latest_session()).message_id == shown.message_id
    [following] = await hurried.press(CHAT, "Done")
    assert following.text.startswith("Step 2/8")
