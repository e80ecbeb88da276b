"""Progress survives restarts; streaks count the chat's local days; content drives routines."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.config import PROJECT_ROOT, Settings
from db.models import Chat
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 3001
# A second routine, with two exercises the content does not have yet
DESK_BREAK = """
id: desk-break
order: 2
steps:
  - id: knee-hug
    prescription: {hold_seconds: 20, from_source: false}
    ours: {}
  - id: psoas
    prescription: {per_side: true, hold_seconds: 20, from_source: false}
    ours: {}
"""
# Its words: the same file in every language's folder (a translator would translate it).
DESK_BREAK_WORDS = """
title = Desk break
description = Two moves between meetings.
knee-hug = Knee hug
    .works-1 = lower back
    .cue-1 = Hug both knees in.
    .how-1 = Lie on your back and hug both knees in.
    .why = It rounds the lower back gently.
psoas = Seated psoas stretch
    .works-1 = psoas
    .cue-1 = Sit tall and turn away from the back knee.
    .how-1 = Sit tall and turn one shoulder away from the back knee.
    .why = It eases the front of the hip.
"""


async def _finish_routine(bot: RunningBot, clock: FakeClock | None = None) -> str:
    """Run a whole warm-up by Done taps; returns the summary text."""
    await bot.start_warmup(CHAT)
    return (await bot.done_to_the_end(CHAT, clock)).text


async def test_restart_mid_session_resumes_at_the_same_sub_step(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """After the bot restarts on the same database, /warmup offers the step the user was on."""
    async with run_bot(telegram, settings) as bot:
        await bot.start_warmup(CHAT)
        for _ in range(5):  # through step 1 (2 sides), step 2 (2 sets), step 3 left
            await bot.press(CHAT, "Done")

    async with run_bot(telegram, settings) as bot:
        [offer] = await bot.send(CHAT, "/warmup")
        assert "step 3/8" in offer.text
        [resumed] = await bot.press(CHAT, "Resume")
        assert resumed.text.startswith("Step 3/8 · Right side · hold 30 s")
        [after] = await bot.press(CHAT, "Done")
        assert after.text.startswith("Step 4/8 · Outer-hip foam roll (TFL)\nLeft side")


async def test_restart_keeps_buttons_sent_before_it_working(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A Done button sent before a restart still advances the session once afterwards."""
    async with run_bot(telegram, settings) as bot:
        await bot.start_warmup(CHAT)
    async with run_bot(telegram, settings) as bot:
        [sent] = await bot.press(CHAT, "Done")
        assert sent.text.startswith("Step 1/8 · Right side · hold 30 s")


@pytest.mark.clock(datetime(2026, 3, 2, 6, 0, tzinfo=UTC))
async def test_summary_counts_sessions_time_and_a_streak_of_local_days(
    bot: RunningBot, clock: FakeClock
) -> None:
    """Warm-ups on consecutive local days build a streak; a missed day resets it."""
    first = await _finish_routine(bot, clock)
    assert "Time: 10 min 40 s" in first  # 16 taps, 40 s apart
    assert "Sessions completed: 1" in first
    assert "Streak: 1 day" in first

    clock.advance(days=1)
    assert "Streak: 2 days" in await _finish_routine(bot, clock)
    clock.advance(days=1)
    third = await _finish_routine(bot, clock)
    assert "Streak: 3 days" in third
    assert "Sessions completed: 3" in third

    clock.advance(days=2)
    after_gap = await _finish_routine(bot, clock)
    assert "Streak: 1 day" in after_gap
    assert "Sessions completed: 4" in after_gap


async def test_streak_follows_the_chats_timezone_not_utc(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Two warm-ups on one UTC date but on consecutive Tokyo dates make a 2-day streak."""
    clock = FakeClock(datetime(2026, 3, 2, 14, 0, tzinfo=UTC))  # 23:00 on 2 March in Tokyo
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.start_warmup(CHAT)
        async with bot.db.transaction() as tx:
            await tx.execute(update(Chat).where(Chat.id == CHAT).values(timezone="Asia/Tokyo"))
        assert "Streak: 1 day" in (await bot.done_to_the_end(CHAT)).text
        clock.advance(hours=2)  # 16:00 UTC, still 2 March; 01:00 on 3 March in Tokyo
        assert "Streak: 2 days" in await _finish_routine(bot)


async def test_a_second_routine_file_needs_no_code_change(
    telegram: FakeTelegram, settings: Settings, tmp_path: Path
) -> None:
    """Dropping a routine file into content/routines (with its words in each language's
    folder, and a pose for each new exercise in content/poses) makes it listed and
    startable."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    poses = content / "poses"
    for new, like in (("knee-hug", "quadratus-lumborum-stretch"), ("psoas", "psoas-stretch")):
        pose = (poses / f"{like}.yaml").read_text(encoding="utf-8")
        (poses / f"{new}.yaml").write_text(pose.replace(f"exercise: {like}", f"exercise: {new}"))
    (content / "routines" / "desk-break.yaml").write_text(DESK_BREAK, encoding="utf-8")
    for language in (content / "locales").iterdir():
        (language / "routine-desk-break.ftl").write_text(DESK_BREAK_WORDS, encoding="utf-8")
    async with run_bot(telegram, settings, content_dir=content) as bot:
        [listing] = await bot.send(CHAT, "/routines")
        assert "Desk break: 2 exercises" in listing.text
        [checkin] = await bot.press(CHAT, "Desk break")
        assert checkin.text.startswith("Desk break: 2 exercises")
        [first] = await bot.press(CHAT, "Skip check-in")
        assert first.text.startswith("Step 1/2 · Knee hug")
        await bot.press(CHAT, "Done")
        await bot.press(CHAT, "Done")
        [summary] = await bot.press(CHAT, "Done")
        assert "Done: 2 of 2 exercises" in summary.text
