"""Telegram and network faults, injected by the fake Bot API server: nothing lost or doubled."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.config import Settings
from db.models import Chat, Reminder, WarmupSession
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, make_settings, run_bot

CHAT = 8001
GROUP = -8002
SUPERGROUP = -1008002
MEMBER = 8003  # who started the group's warm-up; only they move it on


@pytest.fixture
def quick_settings(telegram: FakeTelegram, database_url: str) -> Settings:
    """Short timeouts and backoff, so retries happen within a test's time."""
    return make_settings(
        telegram,
        database_url,
        telegram_timeout_seconds=0.5,
        retry_backoff_seconds=0.01,
    )


async def _position(bot: RunningBot, chat_id: int = CHAT) -> tuple[int, int, str | None]:
    async with bot.db.transaction() as tx:
        row = (
            await tx.execute(
                select(WarmupSession.step, WarmupSession.set_number, WarmupSession.side).where(
                    WarmupSession.chat_id == chat_id
                )
            )
        ).one()
    return row[0], row[1], row[2]


def _steps_shown(telegram: FakeTelegram, chat_id: int = CHAT) -> list[str]:
    """Each step message's heading: its first paragraph, on one line."""
    return [
        " ".join(m.text.split("\n\n")[0].splitlines())
        for m in telegram.chat(chat_id)
        if m.from_bot and m.text.startswith("Step ")
    ]


async def test_429_is_waited_out_and_the_message_sent_once(
    telegram: FakeTelegram, quick_settings: Settings
) -> None:
    """Too Many Requests with retry_after: the bot waits, retries, and sends the step once."""
    async with run_bot(telegram, quick_settings) as bot:
        await bot.start_warmup(CHAT)
        telegram.fail(
            "sendMessage",
            status=429,
            description="Too Many Requests: retry after 1",
            retry_after=1,
        )
        started = time.monotonic()
        [following] = await bot.press(CHAT, "Done")
        assert time.monotonic() - started >= 1  # it honoured retry_after
        assert following.text.startswith("Step 1/8 · Right side · hold 30 s")
        assert len(_steps_shown(telegram)) == 2
        assert await _position(bot) == (0, 1, "right")
        assert await bot.event_count() == 1


async def test_server_errors_are_retried_with_backoff(
    telegram: FakeTelegram, quick_settings: Settings
) -> None:
    """502 twice, then success: one new step, one advance."""
    async with run_bot(telegram, quick_settings) as bot:
        await bot.start_warmup(CHAT)
        telegram.fail("sendMessage", status=502, description="Bad Gateway", times=2)
        [following] = await bot.press(CHAT, "Done")
        assert following.text.startswith("Step 1/8 · Right side · hold 30 s")
        # The safety check, the intro, the precautions question, two failures, and the step
        # (step 1 went out as an animation).
        assert len(telegram.calls_to("sendMessage")) == 1 + 1 + 1 + 2 + 1
        assert await _position(bot) == (0, 1, "right")
        assert await bot.event_count() == 1


async def test_a_timed_out_call_is_retried_and_the_position_moves_once(
    telegram: FakeTelegram, quick_settings: Settings
) -> None:
    """A send that times out is retried; whatever became of the first, the step moves once."""
    async with run_bot(telegram, quick_settings) as bot:
        await bot.start_warmup(CHAT)
        telegram.slow_down("sendMessage", seconds=1.0)
        await bot.press(CHAT, "Done")
        await asyncio.sleep(0.6)  # let the slow first attempt land too
        shown = _steps_shown(telegram)
        assert shown[-1] == "Step 1/8 · Right side · hold 30 s"
        assert await _position(bot) == (0, 1, "right")
        assert await bot.event_count() == 1
        [_] = await bot.press(CHAT, "Done")  # either copy's button moves on once
        assert await _position(bot) == (1, 1, None)


async def test_a_blocked_chat_is_marked_inactive_without_error_logs(
    bot: RunningBot, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    """403 while answering: the chat is marked inactive, its reminder off, nothing at ERROR."""
    await bot.send(CHAT, "/timezone +1")
    await bot.send(CHAT, "/remind 7:30")
    telegram.fail("sendMessage", status=403, description="Forbidden: bot was blocked by the user")
    with caplog.at_level(logging.INFO):
        await bot.send(CHAT, "/warmup")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    async with bot.db.transaction() as tx:
        assert await tx.scalar(select(Chat.active).where(Chat.id == CHAT)) is False
        assert await tx.scalar(select(Reminder.enabled).where(Reminder.chat_id == CHAT)) is False


async def test_message_not_modified_is_ignored(bot: RunningBot, telegram: FakeTelegram) -> None:
    """Telegram's 'message is not modified' is not treated as a failure."""
    await bot.start_warmup(CHAT)
    telegram.fail(
        "editMessageText",
        status=400,
        description="Bad Request: message is not modified: specified new message content "
        "and reply markup are exactly the same as a current content and reply markup",
    )
    [following] = await bot.press(CHAT, "Done")
    assert following.text.startswith("Step 1/8 · Right side · hold 30 s")


async def test_a_deleted_step_message_does_not_stop_the_warmup(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The user deleted the step message: its press still moves on, and the next step comes."""
    await bot.start_warmup(CHAT)
    telegram.fail(
        "editMessageText", status=400, description="Bad Request: message to edit not found"
    )
    [following] = await bot.press(CHAT, "Done")
    assert following.text.startswith("Step 1/8")


@pytest.mark.clock(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
async def test_a_countdown_that_cannot_be_edited_is_sent_afresh(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """A countdown message that is gone is sent anew, and the new one is recorded."""
    await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    [tick] = [name for name in bot.job_names() if name.startswith("hold-tick:")]
    telegram.fail(
        "editMessageText", status=400, description="Bad Request: message can't be edited"
    )
    clock.advance(seconds=10)
    await bot.run_job(tick)
    fresh = telegram.chat(CHAT)[-1]
    assert fresh.message_id != countdown.message_id
    assert [label for label, _ in fresh.buttons] == ["⏸ Pause", "⏭ Skip", "⏹ Stop", "⚠️ Sharp pain"]
    clock.advance(seconds=5)
    await bot.run_job(tick)
    assert fresh.edits == 1  # later ticks edit the fresh one


async def test_an_answer_too_late_is_ignored_and_the_press_still_counts(
    bot: RunningBot, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    """A press answered too late still moves the warm-up on, without an error."""
    await bot.start_warmup(CHAT)
    telegram.fail(
        "answerCallbackQuery",
        status=400,
        description="Bad Request: query is too old and response timeout expired or query ID "
        "is invalid",
    )
    [following] = await bot.press(CHAT, "Done")
    assert following.text.startswith("Step 1/8 · Right side · hold 30 s")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_group_that_becomes_a_supergroup_keeps_its_warmup(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The chat's sessions and reminder follow the new id."""
    await bot.send(GROUP, "/warmup", user_id=MEMBER)
    await bot.press(GROUP, "Skip check-in", user_id=MEMBER)
    await bot.press(GROUP, "Done", user_id=MEMBER)
    await bot.send(GROUP, "/timezone +1")
    await bot.send(GROUP, "/remind 7:30")
    update_id = telegram.group_becomes_supergroup(GROUP, SUPERGROUP, user_id=MEMBER)
    await bot.settle(update_id)
    async with bot.db.transaction() as tx:
        assert await tx.get(Chat, GROUP) is None
        assert await tx.get(Chat, SUPERGROUP) is not None
        assert await tx.scalar(select(Reminder.chat_id)) == SUPERGROUP
    [offer] = await bot.send(SUPERGROUP, "/warmup", user_id=MEMBER)
    assert "step 1/8" in offer.text
    [resumed] = await bot.press(SUPERGROUP, "Resume", user_id=MEMBER)
    assert resumed.text.startswith("Step 1/8 · Right side · hold 30 s")


async def test_blocking_and_unblocking_are_noticed(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """my_chat_member 'kicked' switches reminders off; 'member' marks the chat active again."""
    await bot.send(CHAT, "/timezone +1")
    await bot.send(CHAT, "/remind 7:30")
    for status, active in (("kicked", False), ("member", True)):
        await bot.settle(telegram.push_update(_member_update(status)))
        async with bot.db.transaction() as tx:
            assert await tx.scalar(select(Chat.active).where(Chat.id == CHAT)) is active
            assert await tx.scalar(select(Reminder.enabled)) is False


def _member_update(status: str) -> dict[str, object]:
    user = {"id": CHAT, "is_bot": False, "first_name": "Sam"}
    bot_user = {"id": 7000000001, "is_bot": True, "first_name": "Warm-up Coach"}
    old = "member" if status == "kicked" else "kicked"
    return {
        "my_chat_member": {
            "chat": {"id": CHAT, "type": "private", "first_name": "Sam"},
            "from": user,
            "date": 0,
            "old_chat_member": {"status": old, "user": bot_user, **_until(old)},
            "new_chat_member": {"status": status, "user": bot_user, **_until(status)},
        }
    }


def _until(status: str) -> dict[str, int]:
    return {"until_date": 0} if status == "kicked" else {}


async def test_one_slow_chat_does_not_hold_up_the_others(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Chats are served concurrently: a chat whose calls take 1 s does not delay another."""
    slow, fast = CHAT, CHAT + 1
    telegram.latency[slow] = 1.0
    telegram.user_sends(slow, "/warmup")
    started = time.monotonic()
    telegram.user_sends(fast, "/warmup")
    while not [m for m in telegram.chat(fast) if m.from_bot]:
        assert time.monotonic() - started < 5, "the fast chat was not answered"
        await asyncio.sleep(0.01)
    assert time.monotonic() - started < 0.9
    assert not [m for m in telegram.chat(slow) if m.from_bot]  # still on its way
    await bot.application.update_queue.join()
    assert len([m for m in telegram.chat(slow) if m.from_bot]) == 1


async def test_one_chats_updates_are_handled_in_order(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/warmup then /stop, sent together to a slow chat: /stop sees the warm-up it follows."""
    telegram.latency[CHAT] = 0.3
    telegram.user_sends(CHAT, "/warmup")
    await bot.settle(telegram.user_sends(CHAT, "/stop"))
    last = [m for m in telegram.chat(CHAT) if m.from_bot][-1]
    assert last.text.startswith("Warm-up stopped after 0 of 8 exercises")


async def test_blocking_the_bot_stops_a_running_countdown(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """No countdown edits or time-up messages go to a chat that blocked the bot."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Start 30s hold")
    assert any(name.startswith("hold") for name in bot.job_names())
    await bot.settle(telegram.push_update(_member_update("kicked")))
    assert not any(name.startswith("hold") for name in bot.job_names())
    async with bot.db.transaction() as tx:
        session = await tx.scalar(select(WarmupSession))
    assert session is not None
    assert session.hold_ends_at is None
    assert session.status == "active"  # resumable when they come back
