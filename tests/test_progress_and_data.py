"""/progress, /target, /export and /forget end to end."""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from db.models import Chat, Milestone, Reminder, StepEvent, WarmupSession
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 11001
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


async def _warmup(
    bot: RunningBot, clock: FakeClock, before: str, after: str, *, skip: int = 0
) -> None:
    """A whole warm-up with check-ins; `skip` exercises skipped from the start."""
    await bot.start_warmup(CHAT, pain=before)
    for _ in range(skip):
        await bot.press(CHAT, "Skip")
    while True:
        clock.advance(seconds=30)
        [sent] = await bot.press(CHAT, "Done")
        if not sent.text.startswith("Step "):
            break
    await bot.press(CHAT, after)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def test_progress_before_any_warmup_says_how_to_start(bot: RunningBot) -> None:
    """/progress with no warm-up yet says how to start one, and sends no chart."""
    [reply] = await bot.send(CHAT, "/progress")
    assert reply.text.startswith("No finished warm-ups yet.")


async def test_progress_shows_the_habit_the_pain_trend_and_a_chart(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """/progress shows streak, week, totals, pain trend and a chart photo."""
    clock = FakeClock(MONDAY)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _warmup(bot, clock, "6", "3", skip=1)
        clock.current = MONDAY + timedelta(days=1)
        await _warmup(bot, clock, "5", "4")
        await bot.start_warmup(CHAT)  # begun, then stopped: lowers the completion rate
        await bot.press(CHAT, "Done")
        await bot.send(CHAT, "/stop")
        text, photo = await bot.send(CHAT, "/progress")
    assert text.text.splitlines() == [
        "📈 Your progress",
        "Streak: 2 days (best: 2 days)",
        "This week: 2 of 5 warm-ups",
        "Finished: 2 warm-ups, 7 min 30 s on average",  # 14 and 16 taps of 30 s
        "Completion: 67% of warm-ups started were finished",
        "Skipped most: Upper-back twist (thoracic spine mobility) (1×)",
        "Back pain: 2.0 points lower after a warm-up, on average (2 check-ins)",
        "Levels: Knees-to-chest stretch (quadratus lumborum) 1 of 4, "
        "Side-opening breath on all fours (diaphragmatic breathing to the side) 1 of 4",
    ]
    assert photo.media is not None
    assert photo.filename == "progress.png"
    assert _png_size(photo.media) == (960, 540)
    assert 5_000 < len(photo.media) < 300_000
    assert photo.text.startswith("Last 6 weeks: back pain before (hollow circles)")


async def test_insight_appears_once_there_is_enough_data(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """'What seems to help' speaks only once enough checked-in warm-ups exist, and then only
    about exercises the data can tell apart."""
    clock = FakeClock(MONDAY)
    async with run_bot(telegram, settings, clock=clock) as bot:
        for day in range(5):
            clock.current = MONDAY + timedelta(days=day)
            await _warmup(bot, clock, "5", "2")
        [text, _] = await bot.send(CHAT, "/progress")
    assert "What seems to help" in text.text
    # Every warm-up did every exercise: nothing to compare them by.
    assert "so I can't yet tell which helps most" in text.text
    assert "Finished: 5 warm-ups" in text.text


async def test_the_weekly_target_is_settable_and_counts_monday_to_sunday(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """/target sets the goal; the week counts Monday to Sunday."""
    clock = FakeClock(MONDAY - timedelta(days=1))  # Sunday
    async with run_bot(telegram, settings, clock=clock) as bot:
        [reply] = await bot.send(CHAT, "/target 3")
        assert reply.text == "Weekly target: 3 warm-ups."
        for bad in ("/target 9", "/target three", "/target ٣"):
            [reply] = await bot.send(CHAT, bad)
            assert reply.text.startswith("Send /target and a number from 1 to 7")
        await _warmup(bot, clock, "Skip check-in", "Skip check-in")
        clock.current = MONDAY
        await _warmup(bot, clock, "Skip check-in", "Skip check-in")
        [text, _] = await bot.send(CHAT, "/progress")
    assert "This week: 1 of 3 warm-ups" in text.text
    assert "Streak: 2 days" in text.text


async def test_export_holds_everything_stored(telegram: FakeTelegram, settings: Settings) -> None:
    """/export sends a JSON file with the chat, its reminder, warm-ups, steps and milestones."""
    clock = FakeClock(MONDAY)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.send(CHAT, "/timezone Europe/Berlin")
        await bot.send(CHAT, "/remind 7:30")
        await _warmup(bot, clock, "6", "3", skip=1)
        [document] = await bot.send(CHAT, "/export")
    assert document.filename == "warmup-history.json"
    assert document.media is not None
    exported = json.loads(document.media)
    [chat] = exported["chats"]
    assert (chat["id"], chat["timezone"], chat["weekly_target"]) == (CHAT, "Europe/Berlin", 5)
    [reminder] = exported["reminders"]
    assert (reminder["enabled"], reminder["local_time"]) == (True, "07:30")
    assert reminder["days"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    [session] = exported["warmup_sessions"]
    assert (session["routine_id"], session["status"]) == ("lower-back", "completed")
    assert (session["pain_before"], session["pain_after"]) == (6, 3)
    steps = exported["step_events"]
    assert len(steps) == 15  # one skip for the first exercise, then 14 sub-steps
    assert {k: steps[0][k] for k in ("exercise_id", "step", "set_number", "side", "outcome")} == {
        "exercise_id": "thoracic-spine-mobility",
        "step": 0,
        "set_number": 1,
        "side": "left",
        "outcome": "skipped",
    }
    assert datetime.fromisoformat(steps[0]["at"]).tzinfo is not None
    assert [m["key"] for m in exported["milestones"]] == ["first"]


async def _rows_for_chat(bot: RunningBot) -> dict[str, int]:
    async with bot.db.transaction() as tx:
        return {
            "chats": await tx.scalar(select(func.count()).where(Chat.id == CHAT)) or 0,
            "sessions": await tx.scalar(select(func.count()).where(WarmupSession.chat_id == CHAT))
            or 0,
            "events": await tx.scalar(select(func.count()).select_from(StepEvent)) or 0,
            "reminders": await tx.scalar(select(func.count()).where(Reminder.chat_id == CHAT))
            or 0,
            "milestones": await tx.scalar(select(func.count()).where(Milestone.chat_id == CHAT))
            or 0,
        }


@pytest.mark.clock(MONDAY)
async def test_forget_deletes_every_row_and_job_of_the_chat(
    bot: RunningBot, clock: FakeClock
) -> None:
    """/forget, confirmed, deletes every row and scheduled job of the chat."""
    await bot.send(CHAT, "/timezone UTC")
    await bot.send(CHAT, "/remind 7:30")
    await _warmup(bot, clock, "5", "4")
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Start 30s hold")
    assert any(name.startswith("hold") for name in bot.job_names())

    [question] = await bot.send(CHAT, "/forget")
    assert [label for label, _ in question.buttons] == ["🗑 Delete everything", "Keep my data"]
    await bot.press(CHAT, "Delete everything")
    assert question.text.startswith("🗑 Done. Nothing is stored for this chat")
    assert set((await _rows_for_chat(bot)).values()) == {0}
    assert not any(name.startswith("hold") for name in bot.job_names())

    [checkin] = await bot.send(CHAT, "/warmup")  # a new chat from here on
    assert checkin.text.startswith("Lower-back warm-up")


@pytest.mark.clock(MONDAY)
async def test_forget_can_be_cancelled_and_expires(bot: RunningBot, clock: FakeClock) -> None:
    """/forget can be declined, and its confirmation expires."""
    await _warmup(bot, clock, "5", "4")
    before = await _rows_for_chat(bot)
    [question] = await bot.send(CHAT, "/forget")
    await bot.press(CHAT, "Keep my data")
    assert question.text == "Nothing was deleted."
    [question] = await bot.send(CHAT, "/forget")
    clock.advance(minutes=11)
    await bot.press(CHAT, "Delete everything")
    assert question.text == "That confirmation has expired. Send /forget again."
    assert await _rows_for_chat(bot) == before


async def test_an_offset_timezone_works_for_streaks_and_progress(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A chat that set `/timezone +2` finishes warm-ups and reads /progress like any other."""
    clock = FakeClock(MONDAY)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.send(CHAT, "/timezone +2")
        await _warmup(bot, clock, "4", "2")
        [text, _] = await bot.send(CHAT, "/progress")
    assert "Streak: 1 day" in text.text
