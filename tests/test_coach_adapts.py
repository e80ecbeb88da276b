"""The coach adapts across warm-ups: the summary says what changes, three greens move up a
level, a red moves down and offers the gentle routine at the next check-in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.fake_telegram import Message
from tests.harness import FakeClock, RunningBot

CHAT = 9301
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


async def _warmup(bot: RunningBot, clock: FakeClock, before: str, after: str) -> Message:
    """A whole warm-up by Done taps, with the check-ins; returns the summary as it ends."""
    await bot.start_warmup(CHAT, before)
    summary = await bot.done_to_the_end(CHAT, clock)
    await bot.press(CHAT, after)
    clock.advance(days=1)
    return summary


@pytest.mark.clock(START)
async def test_three_green_warmups_step_up_and_the_summary_says_so(
    bot: RunningBot, clock: FakeClock
) -> None:
    """Three green warm-ups move up a level; the summary, the next step and /progress show it.
    The first light says what changed and how the lights work; later ones do not repeat it."""
    first = await _warmup(bot, clock, "3", "2")
    assert "🟢 Green: 2/10 after, 1 point lower than before." in first.text
    assert "1 of 3 greens in a row toward the next level." in first.text
    assert "How the lights work: 🟢 green is 3/10 or less after" in first.text
    assert "A streak counts the days in a row with a finished warm-up" in first.text
    assert "🔴 red is 6/10 or more after, or 2 or more points worse than before" in first.text
    second = await _warmup(bot, clock, "3", "2")
    assert "2 of 3 greens in a row toward the next level." in second.text
    assert "How the lights work" not in second.text
    assert "A streak counts" not in second.text
    third = await _warmup(bot, clock, "2", "1")
    assert "⬆️ Next time, one level up:" in third.text
    assert "• Knees-to-chest stretch (quadratus lumborum): 2 sets · hold 25 s (level 2 of 4)" in (
        third.text
    )
    assert "• Side-opening breath on all fours" in third.text
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "Done")
    [ql] = await bot.press(CHAT, "Done")
    assert "hold 25 s (level 2 of 4)" in ql.text
    assert "⏱ Start 25s hold" in ql.labels
    [progress, _chart] = await bot.send(CHAT, "/progress")
    assert "Levels: Knees-to-chest stretch (quadratus lumborum) 2 of 4" in progress.text


@pytest.mark.clock(START)
async def test_amber_stays(bot: RunningBot, clock: FakeClock) -> None:
    """An amber warm-up says so in the summary, with the change, and keeps the level."""
    summary = await _warmup(bot, clock, "4", "5")
    assert "🟡 Amber: 5/10 after, 1 point higher than before." in summary.text
    assert "⬆️ Next time" not in summary.text
    assert "⬇️ Next time" not in summary.text


@pytest.mark.clock(START)
async def test_red_steps_down_and_offers_the_gentle_routine_next_time(
    bot: RunningBot, clock: FakeClock
) -> None:
    """A red warm-up moves down a level and offers the gentle version at the next check-in only."""
    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "Level 3")
    summary = await _warmup(bot, clock, "2", "5")  # three points worse than before
    assert "🔴 Red: 5/10 after, 3 points higher than before." in summary.text
    assert "⬇️ Next time, one level down:" in summary.text
    assert "hold 25 s (level 2 of 4)" in summary.text
    assert "Next time I'll offer the gentle version first." in summary.text
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "Last time came out 🔴 red" in checkin.text
    assert "🌿 Gentle version" in checkin.labels
    assert "⚡ Quick (3 min)" not in checkin.labels
    await bot.press(CHAT, "Skip check-in")
    await bot.send(CHAT, "/stop")
    [again] = await bot.send(CHAT, "/warmup")  # offered once, not every time after
    assert "Last time" not in again.text
    assert "⚡ Quick (3 min)" in again.labels


@pytest.mark.clock(START)
async def test_a_skipped_closing_checkin_changes_nothing(
    bot: RunningBot, clock: FakeClock
) -> None:
    """Skipping the closing check-in gives no light and leaves the level as it was."""
    summary = await _warmup(bot, clock, "3", "Skip check-in")
    assert "Green" not in summary.text
    assert "Amber" not in summary.text
    [progress, _chart] = await bot.send(CHAT, "/progress")
    assert "Knees-to-chest stretch (quadratus lumborum) 1 of 4" in progress.text


@pytest.mark.clock(START)
async def test_a_red_that_got_better_says_it_got_better(bot: RunningBot, clock: FakeClock) -> None:
    """8 before and 7 after is red (7 is high) but the light's line says it went down."""
    await bot.start_warmup(CHAT, "8")
    await bot.press(CHAT, "Full routine anyway")
    summary = await bot.done_to_the_end(CHAT, clock)
    await bot.press(CHAT, "7")
    assert "🔴 Red: 7/10 after, 1 point lower than before." in summary.text
