"""The morning after a warm-up: one question, at 9:00 local (or the reminder's time if
earlier), once; "worse" counts as a red warm-up. On a frozen clock across the night."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from db import repo
from db.repo.warmups import Warmup
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 9501
# Monday 18:00 in Berlin (summer time, UTC+2).
EVENING = datetime(2026, 6, 1, 16, 0, tzinfo=UTC)
QUESTION = "🌅 Good morning. How is your back this morning"


def _questions(telegram: FakeTelegram) -> list[Message]:
    return [m for m in telegram.chat(CHAT) if m.text.startswith(QUESTION)]


async def _warm_up(bot: RunningBot, clock: FakeClock, after: str = "2") -> None:
    await bot.start_warmup(CHAT, "3")
    await bot.done_to_the_end(CHAT, clock)
    await bot.press(CHAT, after)


async def _tick(bot: RunningBot) -> None:
    await bot.run_job("reminders")


@pytest.mark.clock(EVENING)
async def test_the_question_comes_at_nine_local_once(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """The question comes once, at 09:00 local, asking 0-10; the answer is compared with the
    pain before yesterday's warm-up (3: the same); after it, a late tap changes nothing."""
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await _warm_up(bot, clock)
    clock.current = datetime(2026, 6, 2, 6, 59, tzinfo=UTC)  # 08:59 in Berlin
    await _tick(bot)
    assert _questions(telegram) == []
    clock.advance(minutes=1)
    await _tick(bot)
    await _tick(bot)
    [question] = _questions(telegram)
    assert "How is your back this morning? Tap 0 (no pain) to 10 (the worst)" in question.text
    assert question.labels == [str(n) for n in range(11)]
    await bot.press(CHAT, "3")
    assert question.buttons == []
    assert "3/10 this morning, the same as before." in question.text
    assert "About the same: that's fine." in question.text
    await bot.press_data(CHAT, (question.buttons and "") or "morning:1:worse", question.message_id)
    answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
    assert answers[-1] == "That button is from an earlier step; nothing changed."
    [progress, _chart] = await bot.send(CHAT, "/progress")
    assert "Knees-to-chest stretch (quadratus lumborum) 1 of 4" in progress.text


@pytest.mark.clock(EVENING)
async def test_an_earlier_reminder_brings_the_question_forward(
    bot: RunningBot, clock: FakeClock
) -> None:
    """A reminder before 09:00 moves the morning question to the reminder's time."""
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await bot.send(CHAT, "/remind 7:00")
    await _warm_up(bot, clock)
    session = await bot.latest_session()
    assert session.morning_due_at == datetime(2026, 6, 2, 5, 0, tzinfo=UTC)  # 07:00 Berlin


@pytest.mark.clock(EVENING)
async def test_worse_counts_as_red(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Higher in the morning than before the warm-up (by the pain model's 2 points) makes it
    red: a level down and the gentle version offered."""
    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "Level 3")
    await _warm_up(bot, clock)  # 3 → 2: green
    clock.current = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    await _tick(bot)
    [question] = _questions(telegram)
    await bot.press(CHAT, "5")  # 3 before yesterday's warm-up
    assert "5/10 this morning, 2 points higher than before." in question.text
    assert "next time is easier where there are levels" in question.text
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "🌿 Gentle version" in checkin.labels
    [progress, _chart] = await bot.send(CHAT, "/progress")
    assert "Knees-to-chest stretch (quadratus lumborum) 2 of 4" in progress.text


@pytest.mark.clock(EVENING)
async def test_a_lower_number_is_better_and_older_buttons_still_answer(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """1 the morning after a warm-up begun at 3 is better; an older question's Better, Same,
    Worse buttons (sent before this change) still answer, once."""
    await _warm_up(bot, clock)
    clock.current = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    await _tick(bot)
    [question] = _questions(telegram)
    session = await bot.latest_session()
    await bot.press_data(CHAT, f"morning:{session.id}:better", question.message_id)
    assert "Better: good to hear." in question.text
    assert "this morning" not in question.text.split("\n\n", 1)[1]
    assert (await bot.latest_session()).morning_answer == "better"
    await bot.press_data(CHAT, f"dawn:{session.id}:9", question.message_id)
    assert (await bot.latest_session()).morning_answer == "better"


@pytest.mark.clock(EVENING)
async def test_turned_off_in_settings_nothing_is_asked(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """With the morning question turned off in /settings, no question is sent."""
    menu = await bot.choose(CHAT, "Morning question: on")
    assert "Next-morning question: <b>off</b>" in menu.html
    await _warm_up(bot, clock)
    clock.current = datetime(2026, 6, 2, 9, 1, tzinfo=UTC)  # 09:00 would be its time
    await _tick(bot)
    assert _questions(telegram) == []


@pytest.mark.clock(EVENING)
async def test_turned_off_after_the_warm_up_nothing_is_asked(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Turned off after the warm-up (the question already due tomorrow): none is sent."""
    await _warm_up(bot, clock)
    assert (await bot.latest_session()).morning_due_at is not None
    await bot.choose(CHAT, "Morning question: on")
    clock.current = datetime(2026, 6, 2, 9, 1, tzinfo=UTC)  # due at 09:00 (a UTC chat)
    await _tick(bot)
    assert _questions(telegram) == []


@pytest.mark.clock(EVENING)
async def test_a_new_timezone_keeps_the_local_morning(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Asked for 9:00 in Berlin, then /timezone Los Angeles: it comes at 9:00 in Los Angeles
    (16:00 UTC), not at the old UTC moment (midnight there)."""
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await _warm_up(bot, clock)
    await bot.send(CHAT, "/timezone America/Los_Angeles")
    session = await bot.latest_session()
    assert session.morning_due_at == datetime(2026, 6, 2, 16, 0, tzinfo=UTC)  # 09:00 PDT
    clock.current = datetime(2026, 6, 2, 7, 0, tzinfo=UTC)  # 09:00 Berlin, 00:00 LA
    await _tick(bot)
    clock.current = datetime(2026, 6, 2, 15, 59, tzinfo=UTC)
    await _tick(bot)
    assert _questions(telegram) == []
    clock.advance(minutes=1)
    await _tick(bot)
    assert len(_questions(telegram)) == 1


@pytest.mark.clock(EVENING)
async def test_two_claims_at_once_ask_once(bot: RunningBot, clock: FakeClock) -> None:
    """Two instances claiming together: the second skips the row the first holds (PostgreSQL's
    SKIP LOCKED; SQLite's one writer) and neither returns a row it did not claim."""
    await _warm_up(bot, clock)
    session = await bot.latest_session()
    assert session.morning_due_at is not None
    now = session.morning_due_at + timedelta(minutes=1)

    async def claim() -> list[Warmup]:
        async with bot.db.transaction() as tx:
            return await repo.claim_mornings(tx, now, 10)

    async with bot.db.transaction() as tx:
        first = await repo.claim_mornings(tx, now, 10)
        second = asyncio.create_task(claim())
        await asyncio.wait({second}, timeout=1)  # a bound: the new code answers at once
    claimed = [w.id for w in first + await second]
    assert claimed == [session.id]
    assert (await bot.latest_session()).morning_sent_at == now


async def test_a_restart_asks_once_and_a_long_outage_drops_it(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Restarts ask the morning question once; an outage through the morning drops it."""
    clock = FakeClock(EVENING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _warm_up(bot, clock)
    clock.current = datetime(2026, 6, 2, 9, 30, tzinfo=UTC)  # UTC chat: due at 09:00
    for _ in range(2):  # two starts, one question
        async with run_bot(telegram, settings, clock=clock) as bot:
            await _tick(bot)
    assert len(_questions(telegram)) == 1
    async with run_bot(telegram, settings, clock=clock) as bot:
        clock.advance(days=1)
        await _warm_up(bot, clock)
        clock.advance(days=1, hours=6)  # the bot was down all the next morning
        await _tick(bot)
    assert len(_questions(telegram)) == 1
