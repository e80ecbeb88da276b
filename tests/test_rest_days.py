"""Rest days: /rest or a reminder's 🛌 Skip today keeps the streak, one per calendar week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.coaching import streaks
from tests.harness import FakeClock, RunningBot

CHAT = 9401
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


def test_a_rest_day_bridges_a_streak_without_adding_to_it() -> None:
    """A rest day joins the days either side into one streak but does not count as a day."""
    mon, tue, wed = date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3)
    assert streaks.current_streak({mon, wed}, wed) == 1
    assert streaks.current_streak({mon, wed}, wed, frozenset({tue})) == 2
    assert streaks.best_streak({mon, wed}, frozenset({tue})) == 2
    assert streaks.current_streak({mon}, tue, frozenset({tue})) == 1  # resting today


async def _warm_up(bot: RunningBot, clock: FakeClock) -> str:
    await bot.start_warmup(CHAT)
    return (await bot.done_to_the_end(CHAT, clock)).text


@pytest.mark.clock(MONDAY)
async def test_rest_keeps_the_streak_once_a_week(bot: RunningBot, clock: FakeClock) -> None:
    """/rest keeps the streak; a second rest day in a week is refused, a new week allows one."""
    await _warm_up(bot, clock)
    clock.current = MONDAY + timedelta(days=1)  # Tuesday: rest
    [rested] = await bot.send(CHAT, "/rest")
    assert rested.text.startswith("🛌 Rest day today: your streak is kept.")
    clock.current = MONDAY + timedelta(days=2)  # Wednesday
    summary = await _warm_up(bot, clock)
    assert "Streak: 2 days" in summary
    clock.current = MONDAY + timedelta(days=3)  # Thursday: a second rest day this week
    [refused] = await bot.send(CHAT, "/rest")
    assert refused.text.startswith("🛌 This week's rest day was Tuesday;")
    clock.current = MONDAY + timedelta(days=4)  # Friday: the gap on Thursday breaks it
    summary = await _warm_up(bot, clock)
    assert "Streak: 1 day" in summary
    clock.current = MONDAY + timedelta(days=8)  # next Tuesday: a new week, a new rest day
    [rested] = await bot.send(CHAT, "/rest")
    assert rested.text.startswith("🛌 Rest day today")


@pytest.mark.clock(MONDAY)
async def test_no_rest_day_after_a_warmup_the_same_day(bot: RunningBot, clock: FakeClock) -> None:
    """/rest on a day with a warm-up already done says none is needed."""
    await _warm_up(bot, clock)
    [reply] = await bot.send(CHAT, "/rest")
    assert reply.text == "You've already warmed up today: no rest day needed."
