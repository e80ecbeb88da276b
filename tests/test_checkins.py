"""Pain check-ins, the flare-up offer, the quick routine, sharp pain, and milestones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from db.models import Milestone, SessionStatus
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot

CHAT = 10001


async def test_check_ins_before_and_after_are_stored_with_the_session(bot: RunningBot) -> None:
    """0-10 before the first step and again under the summary; both kept on the session."""
    [checkin] = await bot.send(CHAT, "/warmup")
    assert checkin.text.endswith(
        "How is your back right now? Tap or type 0 (no pain) to 10 (the worst)."
    )
    assert checkin.labels[:11] == [str(n) for n in range(11)]
    assert checkin.labels[11:] == ["Skip check-in", "⚡ Quick (3 min)"]

    [step] = await bot.press(CHAT, "4")
    assert step.text.startswith("Step 1/8")
    assert checkin.text.endswith("Back before: 4/10")
    assert checkin.buttons == []

    summary = await bot.done_to_the_end(CHAT)
    assert summary.text.endswith("How is your back now? Tap or type 0 to 10.")
    await bot.press(CHAT, "2")
    assert "Back: 4/10 before, 2/10 after\n\n🟢 Green" in summary.text
    assert summary.buttons == []
    [session] = await bot.sessions()
    assert (session.pain_before, session.pain_after) == (4, 2)
    assert session.pain_before_at is not None
    assert session.pain_after_at is not None


async def test_a_skipped_check_in_is_kept_as_skipped(bot: RunningBot) -> None:
    """Skipping the check-in records it as answered with no value, and the first step follows."""
    await bot.start_warmup(CHAT)
    [session] = await bot.sessions()
    assert session.pain_before is None
    assert session.pain_before_at is not None  # answered: with a skip


async def test_a_check_in_counts_once(bot: RunningBot, telegram: FakeTelegram) -> None:
    """A double tap on the check-in sends one first step."""
    [checkin] = await bot.send(CHAT, "/warmup")
    _, data, _ = telegram.find_button(CHAT, "3")
    telegram.press_data(CHAT, data, checkin.message_id)
    await bot.settle(telegram.press_data(CHAT, data, checkin.message_id))
    assert len([m for m in telegram.chat(CHAT) if m.text.startswith("Step 1/8")]) == 1


async def test_a_high_check_in_offers_the_gentle_routine(bot: RunningBot) -> None:
    """7 or more: the gentle warm-up is offered, with the full one still a tap away. The
    offer and its safety line stay in the chat; the choice is answered below it."""
    await bot.send(CHAT, "/warmup")
    [offer] = await bot.press(CHAT, "8")
    assert offer.text.startswith("8/10 is a lot. The gentle warm-up")
    assert "see a doctor" in offer.text
    assert offer.labels == ["🌿 Gentle version", "Full routine anyway"]

    chosen, intro, step = await bot.press(CHAT, "Gentle version")
    assert chosen.text == "🌿 Gentle version"
    assert intro.text.startswith("Gentle warm-up: 3 exercises")
    assert step.text.startswith("Step 1/3 · Sit back and reach")
    assert offer.buttons == []
    assert offer.text.startswith("8/10 is a lot.")
    assert "see a doctor" in offer.text
    old, new = await bot.sessions()
    assert old.status == SessionStatus.ABANDONED
    assert (new.routine_id, new.pain_before) == ("gentle", 8)


async def test_the_full_routine_can_still_be_chosen_after_a_high_check_in(
    bot: RunningBot,
) -> None:
    """After the gentle offer, the full routine is still one tap away; the offer stays."""
    await bot.send(CHAT, "/warmup")
    [offer] = await bot.press(CHAT, "7")
    chosen, step = await bot.press(CHAT, "Full routine anyway")
    assert chosen.text == "Full routine anyway"
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)")
    assert "see a doctor" in offer.text
    assert offer.buttons == []


@pytest.mark.parametrize("pain", ["9", "10"])
async def test_very_high_pain_suggests_rest_and_the_gentle_routine_only(
    bot: RunningBot, pain: str
) -> None:
    """9 or 10 suggests resting today and offers the gentle warm-up only."""
    await bot.send(CHAT, "/warmup")
    [offer] = await bot.press(CHAT, pain)
    assert offer.text.startswith(f"{pain}/10 is a lot. Resting today is a good choice")
    assert "see a doctor" in offer.text
    assert offer.labels == ["🌿 Gentle version"]


async def test_the_gentle_routine_on_a_sore_day_gets_the_safety_line(bot: RunningBot) -> None:
    """A high check-in on the gentle routine gets a safety line before its first step."""
    await bot.send(CHAT, "/routines")
    await bot.press(CHAT, "Gentle warm-up")
    safety, step = await bot.press(CHAT, "8")
    assert safety.text.startswith("8/10: go gently")
    assert "see a doctor" in safety.text
    assert step.text.startswith("Step 1/3")


async def test_a_low_check_in_goes_straight_to_the_first_step(bot: RunningBot) -> None:
    """A check-in below the flare-up threshold leads straight to step 1."""
    await bot.send(CHAT, "/warmup")
    [step] = await bot.press(CHAT, "6")
    assert step.text.startswith("Step 1/8")


async def test_the_quick_routine_is_offered_on_the_check_in(bot: RunningBot) -> None:
    """⚡ Quick swaps the warm-up for the three-minute one and asks the check-in again."""
    await bot.send(CHAT, "/warmup")
    [checkin] = await bot.press(CHAT, "Quick")
    assert checkin.text.startswith("Quick warm-up: 3 exercises, about 3 minutes.")
    assert "⚡ Quick (3 min)" not in checkin.labels
    [step] = await bot.press(CHAT, "Skip check-in")
    assert step.text.startswith("Step 1/3 · Upper-back twist (thoracic spine mobility)")
    summary = await bot.done_to_the_end(CHAT)
    assert "Done: 3 of 3 exercises" in summary.text


async def test_sharp_pain_stops_the_session_with_advice(bot: RunningBot) -> None:
    """⚠️ Sharp pain on any step ends the warm-up, is recorded, and says what to do."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    [advice] = await bot.press(CHAT, "Sharp pain")
    assert advice.text.startswith("⚠️ Stopped. Sharp pain is a signal to stop")
    assert "see a doctor" in advice.text
    assert "can't tell what is causing it" in advice.text
    step = [m for m in bot.server.chat(CHAT) if m.text.startswith("Step ")][-1]
    assert step.text.endswith("⚠️ Stopped for sharp pain")
    assert step.buttons == []
    [session] = await bot.sessions()
    assert session.status == SessionStatus.STOPPED
    assert session.ended_for_pain


async def test_sharp_pain_is_reachable_during_a_countdown(bot: RunningBot) -> None:
    """⚠️ Sharp pain under a running countdown stops the warm-up and its countdown."""
    await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    assert "⚠️ Sharp pain" in countdown.labels
    await bot.press(CHAT, "Sharp pain")
    assert countdown.buttons == []
    assert not [name for name in bot.job_names() if name.startswith("hold")]


@pytest.mark.clock(datetime(2026, 5, 4, 7, 0, tzinfo=UTC))
async def test_milestones_are_celebrated_once_each(bot: RunningBot, clock: FakeClock) -> None:
    """First warm-up, then 3 days in a row; repeating a day does not celebrate again."""
    summaries = []
    for day in range(3):
        clock.current = datetime(2026, 5, 4 + day, 7, 0, tzinfo=UTC)
        await bot.start_warmup(CHAT)
        summaries.append((await bot.done_to_the_end(CHAT)).text)
    await bot.start_warmup(CHAT)  # a second warm-up on day 3
    summaries.append((await bot.done_to_the_end(CHAT)).text)
    assert "🏅 Your first warm-up is done." in summaries[0]
    assert "🏅" not in summaries[1]
    assert "🏅 Three days in a row." in summaries[2]
    assert "🏅" not in summaries[3]
    async with bot.db.transaction() as tx:
        keys = sorted(await tx.scalars(select(Milestone.key)))
    assert keys == ["first", "streak_3"]


@pytest.mark.clock(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
async def test_the_reminder_offers_the_quick_routine(bot: RunningBot, clock: FakeClock) -> None:
    """⚡ Quick under a reminder starts the quick routine."""
    await bot.send(CHAT, "/timezone UTC")
    await bot.send(CHAT, "/remind 7:30")
    clock.current = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    await bot.run_job("reminders")
    [checkin] = await bot.press(CHAT, "⚡ Quick")
    assert checkin.text.startswith("Quick warm-up: 3 exercises")
