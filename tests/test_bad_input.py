"""Stale, doubled, foreign and forged input is answered and changes nothing."""

from __future__ import annotations

from sqlalchemy import event, func, select

from bot.chat.callbacks import MAX_ID
from db.models import StepEvent
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 2001
OTHER_CHAT = 2002
GROUP = -2003
GROUP_MEMBER = 2004


def _answers(telegram: FakeTelegram) -> list[str]:
    return [str(call.params.get("text", "")) for call in telegram.calls_to("answerCallbackQuery")]


async def test_double_tap_advances_exactly_once(bot: RunningBot, telegram: FakeTelegram) -> None:
    """Two taps on the same Done button, delivered together, move one sub-step."""
    _, first = await bot.start_warmup(CHAT)
    _, data, _ = telegram.find_button(CHAT, "Done")
    telegram.press_data(CHAT, data, first.message_id)
    await bot.settle(telegram.press_data(CHAT, data, first.message_id))

    steps = [m for m in telegram.chat(CHAT) if m.from_bot and m.text.startswith("Step ")]
    assert len(steps) == 2
    assert steps[-1].text.startswith("Step 1/8 · Right side · hold 30 s")
    assert _answers(telegram)[-1] == "That button is from an earlier step; nothing changed."
    async with bot.db.transaction() as tx:
        assert await tx.scalar(select(func.count()).select_from(StepEvent)) == 1


async def test_button_from_an_earlier_step_changes_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Pressing an outdated step's button is answered with a notice; position stays put."""
    _, first = await bot.start_warmup(CHAT)
    _, old_data, _ = telegram.find_button(CHAT, "Skip")
    await bot.press(CHAT, "Done")
    before = await bot.snapshot()

    sent = await bot.press_data(CHAT, old_data, first.message_id)
    assert sent == []
    assert _answers(telegram)[-1] == "That button is from an earlier step; nothing changed."
    assert await bot.snapshot() == before


async def test_button_of_another_chats_session_changes_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A press naming someone else's session is refused, and both sessions stay as they were."""
    await bot.start_warmup(CHAT)
    message, data, _ = telegram.find_button(CHAT, "Done")
    await bot.start_warmup(OTHER_CHAT)
    before = await bot.snapshot()

    sent = await bot.press_data(OTHER_CHAT, data, message.message_id)
    assert sent == []
    assert _answers(telegram)[-1] == "That button belongs to someone else's warm-up."
    assert await bot.snapshot() == before


async def test_button_of_a_finished_session_changes_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """After /stop, the old step's buttons only explain that the warm-up is over."""
    _, first = await bot.start_warmup(CHAT)
    _, data, _ = telegram.find_button(CHAT, "Done")
    await bot.send(CHAT, "/stop")
    before = await bot.snapshot()

    await bot.press_data(CHAT, data, first.message_id)
    assert _answers(telegram)[-1] == "That warm-up is already over. Send /warmup for a new one."
    assert await bot.snapshot() == before


async def test_forged_callback_data_is_answered_and_ignored(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Junk, oversized numbers and impossible positions get a notice and change nothing."""
    _, first = await bot.start_warmup(CHAT)
    session_id = (await bot.latest_session()).id
    before = await bot.snapshot()
    forged = [
        "x" * 64,
        "step:abc:0.1.l:done",
        "step:99999999999999999999999:0.1.l:done",
        f"step:{session_id}:0.1.l:explode",
        f"step:{session_id}:7.9.l:done",  # a set the routine does not have
        f"step:{session_id}:999.1.-:done",
        "step:424242:0.1.l:done",  # no such session
        "resume:424242",
        "begin:no-such-routine",
        "\u202e\u0000",
    ]
    for data in forged:
        await bot.press_data(CHAT, data, first.message_id)
    answers = _answers(telegram)[-len(forged) :]
    assert all(answer for answer in answers), answers
    assert await bot.snapshot() == before


async def test_unknown_command_and_plain_text_point_to_warmup_and_help(bot: RunningBot) -> None:
    """Anything the bot does not understand gets a one-line pointer instead of silence."""
    for text in ("/dance", "hello there", "🙂"):
        [reply] = await bot.send(CHAT, text)
        assert reply.text == (
            "I answer commands and buttons. Send /warmup to start, or /help for the list."
        )


async def test_commands_for_another_bot_in_a_group_are_left_to_it(bot: RunningBot) -> None:
    """`/help@OtherBot` in a group gets no answer; an unknown command for this bot does."""
    assert await bot.send(GROUP, "/help@OtherBot", user_id=GROUP_MEMBER) == []
    assert await bot.send(GROUP, "/warmup@OtherBot", user_id=GROUP_MEMBER) == []
    [reply] = await bot.send(GROUP, "/nonsense@warmup_coach_bot", user_id=GROUP_MEMBER)
    assert reply.text.startswith("I answer commands and buttons.")
    [help_text] = await bot.send(GROUP, "/help@warmup_coach_bot", user_id=GROUP_MEMBER)
    assert "/warmup" in help_text.text


async def test_a_failure_mid_update_is_reported_and_the_session_stays_resumable(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """If Telegram fails while a warm-up starts, the user is told how to continue, and can:
    nothing had begun, so the next /warmup starts afresh with its safety check and check-in."""
    bot.answer_screening = False
    telegram.fail("sendMessage", status=400, description="Bad Request: chat not found")
    [apology] = await bot.send(CHAT, "/warmup")
    assert apology.text == (
        "Something went wrong on my side. Your progress is saved; send /warmup to carry on."
    )
    [question] = await bot.send(CHAT, "/warmup")
    assert "A safety check first" in question.text
    await bot.press(CHAT, "None of these applies")
    [step] = await bot.press(CHAT, "Skip check-in")
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)")


async def test_forged_data_of_every_kind_is_refused_before_any_database_read(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A press of any kind with its data tampered with, or an id past the database's range,
    gets the unknown-button toast and runs no SQL beyond the inbox's (which stores and marks
    every update)."""
    _, step = await bot.start_warmup(CHAT)
    forged = [f"{data}0" for _, data in step.buttons]  # every step kind, one digit too many
    forged += [
        f"step:{MAX_ID + 1}:0.1.l:done",
        f"pain:{MAX_ID + 1}:b:3",
        f"resume:{MAX_ID + 1}",
        f"restart:{MAX_ID + 1}",
        f"go:{MAX_ID + 1}",
        f"switch:{MAX_ID + 1}:quick",
        "begin:lower-back!",
        "forget:yes:",
        "remind:at:2460",
        "remind:days:200",
        "remind:offx",
        "rem:snooze:2026-06-01",
    ]
    statements: list[str] = []
    bot.pause_scheduler()  # the minute's reminder tick reads the database too

    def count(*args: object) -> None:
        statement = str(args[2])
        # Every update is stored on arrival and marked once handled; that is not the handler's.
        if "inbox" not in statement and statement.strip() not in ("BEGIN", "BEGIN IMMEDIATE"):
            statements.append(statement)

    event.listen(bot.db.engine.sync_engine, "before_cursor_execute", count)
    try:
        for data in forged:
            await bot.press_data(CHAT, data, step.message_id)
    finally:
        event.remove(bot.db.engine.sync_engine, "before_cursor_execute", count)
    assert statements == []
    unknown = "That button no longer works. Send /warmup to carry on."
    assert _answers(telegram)[-len(forged) :] == [unknown] * len(forged)
