"""What /progress and the summary say must be true: nothing done is not a warm-up, an old
unfinished one is not resumed into a three-day duration, and counts read right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db.models import SessionStatus
from tests.harness import FakeClock, RunningBot

CHAT = 9101
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


async def test_skipping_every_exercise_is_not_a_warmup(bot: RunningBot) -> None:
    """A warm-up with every exercise skipped is stopped, not counted, and the reply says why."""
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Quick")
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "Skip")
    await bot.press(CHAT, "Skip")
    [last] = await bot.press(CHAT, "Skip")
    assert last.text.startswith("Every exercise was skipped, so this one is not counted")
    assert "Warm-up complete" not in last.text
    assert "milestone" in last.text
    assert (await bot.latest_session()).status == SessionStatus.STOPPED
    [progress] = await bot.send(CHAT, "/progress")
    assert progress.text.startswith("No finished warm-ups yet")


async def test_one_exercise_done_is_a_warmup(bot: RunningBot) -> None:
    """One exercise done and the rest skipped counts as a finished warm-up."""
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Quick")
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Skip")
    await bot.press(CHAT, "Skip")
    [summary] = await bot.press(CHAT, "Skip")
    assert summary.text.startswith("🎉 Warm-up complete")
    assert "Done: 1 of 3 exercises" in summary.text
    [progress, _chart] = await bot.send(CHAT, "/progress")
    assert "Finished: 1 warm-up," in progress.text
    assert "This week: 1 of 5 warm-ups" in progress.text


@pytest.mark.clock(START)
async def test_an_unfinished_warmup_older_than_12_hours_is_closed_not_resumed(
    bot: RunningBot, clock: FakeClock
) -> None:
    """An unfinished warm-up can be resumed for 12 hours; after that /warmup closes it."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    clock.advance(hours=11)
    [offer] = await bot.send(CHAT, "/warmup")
    assert "unfinished" in offer.text  # still fresh enough to resume
    clock.advance(hours=2)
    [checkin] = await bot.send(CHAT, "/warmup")
    assert checkin.text.startswith("Lower-back warm-up: 8 exercises")
    old, new = await bot.sessions()
    assert old.status == SessionStatus.ABANDONED
    assert old.finished_at == START + timedelta(hours=13)
    assert new.status == SessionStatus.ACTIVE
