"""Batch jobs go row by row: one chat's row that cannot be handled does not stop the others."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from bot.coaching import reminders
from bot.config import Settings
from db.models import Chat, Reminder, WarmupSession
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, run_bot

GOOD = 6101
BROKEN_BEFORE_CLAIM = 6102
BROKEN_BEFORE_SENDING = 6103
# Monday 1 June 2026, 09:00 in Berlin.
MONDAY_MORNING = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
AT_SEVEN_THIRTY = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)  # Tuesday, 07:30 in Berlin
UNLOADABLE = "Mars/Olympus_Mons"  # stored before zones were checked, or dropped from tzdata


def _reminded(telegram: FakeTelegram, chat_id: int) -> int:
    return len([m for m in telegram.chat(chat_id) if m.text.startswith("⏰ Time for")])


async def _break_zone(bot: RunningBot, chat_id: int) -> None:
    async with bot.db.transaction() as tx:
        await tx.execute(update(Chat).where(Chat.id == chat_id).values(timezone=UNLOADABLE))


async def _reminder(bot: RunningBot, chat_id: int) -> Reminder:
    async with bot.db.transaction() as tx:
        found = await tx.scalar(select(Reminder).where(Reminder.chat_id == chat_id))
        assert found is not None
        return found


@pytest.mark.clock(MONDAY_MORNING)
async def test_one_unloadable_zone_does_not_stop_other_reminders(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """A zone that cannot be loaded, at claiming or at sending: that chat is set aside only."""
    for chat_id in (GOOD, BROKEN_BEFORE_CLAIM, BROKEN_BEFORE_SENDING):
        await bot.send(chat_id, "/timezone Europe/Berlin")
        await bot.send(chat_id, "/remind 7:30")
    await _break_zone(bot, BROKEN_BEFORE_CLAIM)
    clock.current = AT_SEVEN_THIRTY
    rules = bot.services.content.rules.reminders
    assert await reminders.claim_due(bot.db, rules, clock()) == 2  # the good two
    await _break_zone(bot, BROKEN_BEFORE_SENDING)
    await bot.run_job("reminders")
    await bot.run_job("reminders")  # and the next tick is not stopped by them either

    assert _reminded(telegram, GOOD) == 1
    assert _reminded(telegram, BROKEN_BEFORE_CLAIM) == 0
    assert _reminded(telegram, BROKEN_BEFORE_SENDING) == 0
    parked = await _reminder(bot, BROKEN_BEFORE_CLAIM)
    assert (parked.next_fire_at, parked.pending_since) == (None, None)
    dropped = await _reminder(bot, BROKEN_BEFORE_SENDING)
    assert dropped.pending_since is None
    assert (await _reminder(bot, GOOD)).last_sent_at == AT_SEVEN_THIRTY


async def test_one_countdown_that_cannot_be_restored_does_not_stop_the_start(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A running countdown whose step no longer exists is ended; the others carry on."""
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        for chat_id in (GOOD, BROKEN_BEFORE_CLAIM):
            await bot.start_warmup(chat_id)
            await bot.press(chat_id, "Start 30s hold")
        broken = await bot.latest_session(BROKEN_BEFORE_CLAIM)
        good = await bot.latest_session(GOOD)
        async with bot.db.transaction() as tx:
            await tx.execute(
                update(WarmupSession).where(WarmupSession.id == broken.id).values(step=99)
            )
    async with run_bot(telegram, settings, clock=clock) as bot:
        assert f"hold:{good.id}" in bot.job_names()
        assert f"hold:{broken.id}" not in bot.job_names()
        assert (await bot.latest_session(BROKEN_BEFORE_CLAIM)).hold_ends_at is None
