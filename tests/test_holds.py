"""Hold countdowns: start, tick, end, stop, and surviving a restart. Timers run on a fake clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 5001
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


def _time_ups(telegram: FakeTelegram) -> list[Message]:
    return [m for m in telegram.chat(CHAT) if m.text.startswith("⏰ Time's up")]


def _hold_jobs(bot: RunningBot) -> set[str]:
    return {name for name in bot.job_names() if name.startswith("hold")}


async def _start_first_hold(bot: RunningBot) -> tuple[Message, Message]:
    """One timer per side, /warmup, then ⏱ Start on step 1; returns the step message and the
    countdown."""
    await bot.one_timer_per_side(CHAT)
    _, step = await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    return step, countdown


@pytest.mark.clock(START)
async def test_a_hold_counts_down_then_moves_on_as_done_would(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Start shows a countdown; ticks edit it; at the end a new message says what is next."""
    step, countdown = await _start_first_hold(bot)
    session = await bot.latest_session()
    assert step.buttons == []  # the controls moved to the countdown
    assert countdown.text.startswith("Step 1/8 · Left side\n")  # the step's name is above it
    assert "Get into position… 5" in countdown.text
    assert countdown.labels == ["⏹ Stop hold", "✅ Done", "⚠️ Sharp pain"]
    assert _hold_jobs(bot) == {f"hold:{session.id}", f"hold-tick:{session.id}"}

    clock.advance(seconds=5 + 10)  # the lead, then ten seconds of holding
    await bot.run_job(f"hold-tick:{session.id}")
    assert "⏱ 20 s left\n▰▰▰▱▱▱▱▱▱▱" in countdown.text
    assert countdown.labels == ["⏹ Stop hold", "✅ Done", "⚠️ Sharp pain"]

    clock.advance(seconds=20)
    calls_before = len(telegram.calls)
    await bot.run_job(f"hold:{session.id}")
    assert countdown.text.endswith("⏱ 30 s done.")
    assert countdown.buttons == []
    assert step.text.endswith("✅ Done")
    # The time-up message, which the phone notifies about, goes before the closing edits.
    methods = [call.method for call in telegram.calls[calls_before:]]
    assert methods == ["sendMessage", "editMessageCaption", "editMessageText"]
    announcement = telegram.chat(CHAT)[-1]
    assert announcement.text.startswith(
        "⏰ Time's up: switch to the right side.\n\nStep 1/8 · Right side · hold 30 s"
    )
    assert "⏱ Start 30s hold" in announcement.labels
    assert await bot.event_count() == 1
    assert (await bot.latest_session()).hold_ends_at is None
    assert _hold_jobs(bot) == set()


@pytest.mark.clock(START)
async def test_the_last_set_of_a_hold_says_release(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Ending a hold on an exercise's last sub-step says release; a middle set names the next."""
    await bot.one_timer_per_side(CHAT)
    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "30 s", "Sets: 3")
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Done")  # now on step 2, set 1 of 3, a 30 s hold
    session = await bot.latest_session()
    lines = []
    for _ in range(3):
        await bot.press(CHAT, "Start 30s hold")
        clock.advance(seconds=35)
        await bot.run_job(f"hold:{session.id}")
        lines.append(telegram.chat(CHAT)[-1].text.splitlines()[0])
    assert lines == [
        "⏰ Time's up: set 2/3 next.",
        "⏰ Time's up: set 3/3 next.",
        "⏰ Time's up: release.",
    ]
    assert (
        telegram.chat(CHAT)[-1]
        .text.splitlines()[2]
        .startswith("Step 3/8 · Seated hip-flexor stretch (psoas)")
    )


@pytest.mark.clock(START)
async def test_a_start_that_waited_for_the_database_still_gets_the_whole_hold(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram, settings: Settings
) -> None:
    """Under load a press waits its turn; its countdown is timed from when it starts, in full.

    (It waits for the database to store it in the inbox, then to handle it.)
    """
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("only SQLite's single writer makes a press wait for the database")
    await bot.start_warmup(CHAT)
    async with bot.db.transaction():  # another writer has the database
        update_id = telegram.user_presses(CHAT, "Start 30s hold")
        for _ in range(1000):  # let the press run up to the database (no time passes)
            await asyncio.sleep(0)
        clock.advance(seconds=3)
    await bot.settle(update_id)
    countdown = telegram.chat(CHAT)[-1]
    assert "Get into position… 5" in countdown.text
    assert (await bot.latest_session()).hold_ends_at == START + timedelta(seconds=3 + 5 + 30)


@pytest.mark.clock(START)
async def test_stop_hold_brings_the_steps_buttons_back(bot: RunningBot, clock: FakeClock) -> None:
    """⏹ Stop hold ends the countdown where it is; the step stays open and can be timed again."""
    step, countdown = await _start_first_hold(bot)
    clock.advance(seconds=5 + 12)
    assert await bot.press(CHAT, "Stop hold") == []
    assert countdown.text.endswith("⏹ Hold stopped with 18 s to go.")
    assert countdown.buttons == []
    assert step.labels == [
        "⏱ Start 30s hold",
        "🎧 Audio guide",
        "✅ Done",
        "⏭ Skip",
        "⏹ Stop",
        "⚠️ Sharp pain",
        "ℹ️ More",
    ]
    assert _hold_jobs(bot) == set()
    assert await bot.event_count() == 0
    assert (await bot.latest_session()).hold_ends_at is None

    [again] = await bot.press(CHAT, "Start 30s hold")
    assert "Get into position" in again.text


@pytest.mark.clock(START)
async def test_done_during_a_hold_ends_it_early_and_moves_on(bot: RunningBot) -> None:
    """✅ Done under the countdown closes it, cancels its jobs and advances one sub-step."""
    step, countdown = await _start_first_hold(bot)
    [following] = await bot.press(CHAT, "Done")
    assert following.text.startswith("Step 1/8 · Right side · hold 30 s")
    assert countdown.buttons == []
    assert countdown.text.endswith("⏹ Countdown ended.")
    assert step.text.endswith("✅ Done")
    assert _hold_jobs(bot) == set()
    assert await bot.event_count() == 1


@pytest.mark.clock(START)
async def test_a_second_start_tap_does_not_start_a_second_countdown(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A double tap on ⏱ Start gives one countdown and a notice."""
    _, step = await bot.start_warmup(CHAT)
    _, data, _ = telegram.find_button(CHAT, "Start 30s hold")
    telegram.press_data(CHAT, data, step.message_id)
    await bot.settle(telegram.press_data(CHAT, data, step.message_id))
    countdowns = [m for m in telegram.chat(CHAT) if "Get into position" in m.text]
    assert len(countdowns) == 1
    answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
    assert answers[-1] == "The countdown is already running."


async def test_reps_steps_have_no_timer_and_foam_rolls_get_one(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Breathing steps counted in reps have no timer; foam rolling gets its suggested time."""
    await bot.start_warmup(CHAT)
    seen: dict[str, list[str]] = {}
    for _ in range(16):  # every sub-step, at a new person's levels
        latest = [m for m in telegram.chat(CHAT) if m.buttons][-1]
        seen.setdefault(latest.text.splitlines()[0], latest.labels)
        await bot.press(CHAT, "Done")
    assert seen["Step 4/8 · Outer-hip foam roll (TFL)"][0] == "⏱ Start 60s timer"
    assert (
        seen["Step 7/8 · Belly breathing on all fours (diaphragmatic breathing)"][0] == "✅ Done"
    )
    assert (
        seen["Step 8/8 · Side-opening breath on all fours (diaphragmatic breathing to the side)"][
            0
        ]
        == "✅ Done"
    )


async def test_restart_mid_hold_reschedules_the_rest(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A countdown still running at a restart is picked up for the time it has left."""
    clock = FakeClock(START)
    async with run_bot(telegram, settings, clock=clock) as bot:
        _, countdown = await _start_first_hold(bot)
        session = await bot.latest_session()
    clock.advance(seconds=15)
    async with run_bot(telegram, settings, clock=clock) as bot:
        jobs = bot.application.job_queue
        assert jobs is not None
        [end_job] = jobs.get_jobs_by_name(f"hold:{session.id}")
        assert end_job.next_t is not None
        due_in = (end_job.next_t - datetime.now(UTC)).total_seconds()
        assert 18 <= due_in <= 20  # 35 s in all, 15 s already gone

        clock.advance(seconds=20)
        await bot.run_job(f"hold:{session.id}")
        assert countdown.text.endswith("⏱ 30 s done.")
        assert telegram.chat(CHAT)[-1].text.startswith("⏰ Time's up: switch to the right side.")
        assert await bot.event_count() == 1


async def test_a_hold_that_ended_while_down_finishes_once_after_restart(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A countdown that ran out during downtime ends once: one message, one step advanced."""
    clock = FakeClock(START)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _start_first_hold(bot)
        session = await bot.latest_session()
    clock.advance(minutes=10)
    async with run_bot(telegram, settings, clock=clock) as bot:
        # The scheduler runs the overdue end right after start-up; on a busy machine its
        # transaction and message can take a while, so wait for what it sends, not a fixed time.
        for _ in range(500):
            if _time_ups(telegram) and f"hold:{session.id}" not in _hold_jobs(bot):
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        ends = _time_ups(telegram)
        assert len(ends) == 1
        assert await bot.event_count() == 1
        current = await bot.latest_session()
        assert (current.step, current.side) == (0, "right")
    async with run_bot(telegram, settings, clock=clock) as bot:  # and not again next time
        await asyncio.sleep(0.05)
        assert len(_time_ups(telegram)) == 1
        assert await bot.event_count() == 1
