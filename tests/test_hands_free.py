"""Hands-free timed exercises: one ⏱ Start runs every side and set, then the next exercise."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 6001
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
QL = "Step 2/8 · Knees-to-chest stretch (quadratus lumborum)"
QL_PLACE = "Step 2/8 · Set"  # a countdown or a later set names the step by its number only
HANDS_FREE_KEYS = ["⏸ Pause", "⏭ Skip", "⏹ Stop", "⚠️ Sharp pain"]


async def _at_the_side_stretch(bot: RunningBot) -> Message:
    """The side-of-back stretch at the top of the source's range (3 sets of 30 s), /warmup,
    step 1 done on both sides; ⏱ Start on its set 1."""
    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "30 s", "Sets: 3")
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Done")
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    assert countdown.text.startswith(f"{QL_PLACE} 1/3\n")
    return countdown


async def _end_hold(bot: RunningBot, clock: FakeClock, seconds: float) -> list[Message]:
    """Let `seconds` pass and run the hold's end job; returns the messages it sent."""
    session = await bot.latest_session()
    assert session.hold_ends_at is not None
    clock.advance(seconds=seconds)
    before = len(bot.server.chat(CHAT))
    await bot.run_job(f"hold:{session.id}")
    return bot.server.chat(CHAT)[before:]


def _hold_jobs(bot: RunningBot) -> set[str]:
    return {name for name in bot.job_names() if name.startswith("hold")}


@pytest.mark.clock(START)
async def test_one_tap_runs_every_set_and_the_next_exercise_arrives(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """One ⏱ Start runs every set with rests on one countdown message, then sends the next step.
    While getting ready or resting, "Next" is the set about to start; during a hold, what
    follows it."""
    countdown = await _at_the_side_stretch(bot)
    assert countdown.labels == HANDS_FREE_KEYS
    assert "Get into position… 5" in countdown.text
    assert "Next:" not in countdown.text  # set 1 is what the message already names

    [cue] = await _end_hold(bot, clock, 5 + 30)
    assert cue.text.startswith(f"⏰ Time's up: set 2/3 next.\n\n{QL_PLACE} 2/3 · hold 30 s")
    assert cue.buttons == []  # the controls stay on the one countdown message
    assert "😮‍💨 Rest… 15 s (suggested)" in countdown.text
    assert countdown.text.endswith("Next: set 2/3")
    session = await bot.latest_session()
    assert (session.step, session.set_number) == (1, 2)
    assert session.hold_ends_at == START + timedelta(seconds=35 + 15 + 30)
    assert session.hold_message_id == countdown.message_id

    [cue] = await _end_hold(bot, clock, 15 + 30)
    assert cue.text.startswith("⏰ Time's up: set 3/3 next.")
    assert countdown.text.endswith("Next: set 3/3")  # resting before it
    clock.advance(seconds=15 + 10)
    await bot.run_job(f"hold-tick:{session.id}")
    assert countdown.text.endswith("Next: Seated hip-flexor stretch (psoas)")  # set 3 running
    clock.advance(seconds=-(15 + 10))

    [following] = await _end_hold(bot, clock, 15 + 30)
    assert following.text.startswith("⏰ Time's up: release.\n\nStep 3/8 · Seated hip-flexor")
    assert "⏱ Start 30s hold" in following.labels
    assert countdown.text.endswith("⏱ 30 s done.")
    assert countdown.buttons == []
    assert await bot.event_count() == 2 + 3  # each set recorded, as if Done were tapped
    assert _hold_jobs(bot) == set()
    taps = telegram.calls_to("answerCallbackQuery")
    # Four in /settings, then the safety check's and the precautions' answers, the check-in,
    # two Done taps and one Start: nothing else.
    assert len(taps) == 4 + 6


@pytest.mark.clock(START)
async def test_a_sided_exercise_switches_sides_with_a_pause(
    bot: RunningBot, clock: FakeClock
) -> None:
    """The left side's hold ends in a pause to switch, then the right side's hold, then step 2."""
    _, step = await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    assert "Next:" not in countdown.text  # getting ready for the left side, named above
    [cue] = await _end_hold(bot, clock, 5 + 30)
    assert cue.text.startswith("⏰ Time's up: switch to the right side.")
    assert "Right side" in cue.text
    assert "🔄 Switch sides… 5" in countdown.text
    assert countdown.text.endswith("Next: right side")  # not step 2: the right side comes first
    assert step.text.endswith("✅ Done")  # the left side's message is closed
    session = await bot.latest_session()
    assert session.side == "right"
    assert session.message_id == cue.message_id or session.message_id is None  # recorded lazily
    [following] = await _end_hold(bot, clock, 5 + 30)
    assert following.text.startswith("⏰ Time's up: release.\n\nStep 2/8")


@pytest.mark.clock(START)
async def test_pause_and_go_on(bot: RunningBot, clock: FakeClock) -> None:
    """⏸ Pause keeps the time left however long; ▶️ Go on resumes it, and only once."""
    countdown = await _at_the_side_stretch(bot)
    session = await bot.latest_session()
    clock.advance(seconds=5 + 10)
    assert await bot.press(CHAT, "Pause") == []
    assert "⏸ Paused with 20 s to go." in countdown.text
    assert countdown.labels == ["▶️ Go on", "⏭ Skip", "⏹ Stop", "⚠️ Sharp pain"]
    assert _hold_jobs(bot) == set()
    paused = await bot.latest_session()
    assert paused.hold_ends_at is None
    assert paused.hold_paused_left == 20

    clock.advance(minutes=3)  # a long pause changes nothing
    assert await bot.press(CHAT, "Go on") == []
    assert countdown.labels == HANDS_FREE_KEYS
    assert "⏱ 20 s left" in countdown.text
    resumed = await bot.latest_session()
    assert resumed.hold_ends_at == clock() + timedelta(seconds=20)
    assert f"hold:{session.id}" in _hold_jobs(bot)

    [cue] = await _end_hold(bot, clock, 20)
    assert cue.text.startswith("⏰ Time's up: set 2/3 next.")

    # A second Go on (a double tap) changes nothing and says so.
    await bot.press_data(CHAT, f"step:{session.id}:1.2.-:goon", countdown.message_id)
    answers = [c.params.get("text") for c in bot.server.calls_to("answerCallbackQuery")]
    assert answers[-1] == "That countdown is already over."


@pytest.mark.clock(START)
async def test_skip_mid_sequence_leaves_the_rest_of_the_exercise_out(
    bot: RunningBot, clock: FakeClock
) -> None:
    """⏭ Skip mid-sequence ends the countdown and moves on, leaving the sets still to come out."""
    countdown = await _at_the_side_stretch(bot)
    await _end_hold(bot, clock, 5 + 30)
    clock.advance(seconds=20)
    [following] = await bot.press(CHAT, "Skip")
    assert following.text.startswith("Step 3/8 · Seated hip-flexor")
    assert countdown.buttons == []
    assert countdown.text.endswith("⏹ Countdown ended.")
    assert _hold_jobs(bot) == set()
    assert await bot.event_count() == 2 + 2  # set 1 done, set 2 skipped


@pytest.mark.clock(START)
async def test_stop_mid_sequence_ends_the_warmup(bot: RunningBot, clock: FakeClock) -> None:
    """⏹ Stop mid-sequence ends the warm-up and its countdown."""
    countdown = await _at_the_side_stretch(bot)
    await _end_hold(bot, clock, 5 + 30)
    [stopped] = await bot.press(CHAT, "⏹ Stop")
    assert "Stopped" in stopped.text or "stopped" in stopped.text
    assert countdown.buttons == []
    assert _hold_jobs(bot) == set()
    assert (await bot.latest_session()).status == "stopped"


@pytest.mark.clock(START)
async def test_sharp_pain_mid_sequence_stops_at_once(bot: RunningBot, clock: FakeClock) -> None:
    """⚠️ Sharp pain mid-hold stops the warm-up and its countdown at once, recorded as for pain."""
    countdown = await _at_the_side_stretch(bot)
    clock.advance(seconds=12)
    [advice] = await bot.press(CHAT, "Sharp pain")
    assert advice.text.startswith("⚠️ Stopped.")
    assert countdown.buttons == []
    assert _hold_jobs(bot) == set()
    session = await bot.latest_session()
    assert session.status == "stopped"
    assert session.ended_for_pain


async def test_a_restart_mid_set_and_during_a_switch_pause_carries_on(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Mid-hold: the sequence carries on at the same set. During a switch pause: the second
    side's hold is what resumes, and the next exercise follows it."""
    clock = FakeClock(START)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.start_warmup(CHAT)
        [countdown] = await bot.press(CHAT, "Start 30s hold")
        session = await bot.latest_session()
    clock.advance(seconds=20)  # down in the middle of the left side's hold
    async with run_bot(telegram, settings, clock=clock) as bot:
        assert f"hold:{session.id}" in _hold_jobs(bot)
        [cue] = await _end_hold(bot, clock, 15)
        assert cue.text.startswith("⏰ Time's up: switch to the right side.")
    clock.advance(seconds=2)  # down during the switch pause
    async with run_bot(telegram, settings, clock=clock) as bot:
        [end_job] = bot.application.job_queue.get_jobs_by_name(f"hold:{session.id}")  # type: ignore[union-attr]
        assert end_job.next_t is not None
        due_in = (end_job.next_t - datetime.now(UTC)).total_seconds()
        assert 31 <= due_in <= 34  # 3 s of the pause, then the 30 s hold
        [following] = await _end_hold(bot, clock, 33)
        assert following.text.startswith("⏰ Time's up: release.\n\nStep 2/8")
        assert await bot.event_count() == 2
        assert countdown.text.endswith("⏱ 30 s done.")


async def test_a_sequence_that_ran_out_while_down_ends_once(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Down for ten minutes: the hold that was running ends once, and the sequence waits for
    the person instead of timing sides they were never told about."""
    clock = FakeClock(START)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.start_warmup(CHAT)
        await bot.press(CHAT, "Start 30s hold")
    clock.advance(minutes=10)
    async with run_bot(telegram, settings, clock=clock) as bot:
        # The overdue end runs by itself right after start-up: wait for what it sends.
        for _ in range(500):
            if telegram.chat(CHAT)[-1].text.startswith("⏰") and not _hold_jobs(bot):
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        after = await bot.latest_session()
        assert (after.step, after.side, after.hold_ends_at) == (0, "right", None)
        assert await bot.event_count() == 1
        announced = telegram.chat(CHAT)[-1]
        assert announced.text.startswith("⏰ Time's up: switch to the right side.")
        assert "⏱ Start 30s hold" in announced.labels
