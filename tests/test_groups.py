"""Groups: a warm-up's buttons answer only its starter; shared settings and data need an admin."""

from __future__ import annotations

import pytest

from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

GROUP = -13001
ALEX = 13002  # a group admin
BEA = 13003  # a member
ANONYMOUS_ADMIN = 1087968824  # how Telegram shows an admin writing as the group
ADMINS_ONLY = "In a group, only its admins can change"


@pytest.fixture(autouse=True)
def members(telegram: FakeTelegram) -> None:
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea"})


def _last_toast(telegram: FakeTelegram) -> str:
    return str(telegram.calls_to("answerCallbackQuery")[-1].params.get("text", ""))


async def _alex_starts(bot: RunningBot) -> None:
    await bot.send(GROUP, "/warmup", user_id=ALEX)
    await bot.press(GROUP, "Skip check-in", user_id=ALEX)


async def test_only_the_starter_moves_a_warmup_on(bot: RunningBot, telegram: FakeTelegram) -> None:
    """Bea's ✅ Done on Alex's warm-up is refused with a toast naming Alex; Alex's works."""
    await _alex_starts(bot)
    before = await bot.snapshot()
    for label in ("Done", "Skip", "Stop", "Sharp pain", "Start 30s"):
        assert await bot.press(GROUP, label, user_id=BEA) == []
        assert _last_toast(telegram) == (
            "This warm-up is Alex's. Send /warmup after it ends to start your own."
        )
    assert await bot.snapshot() == before
    [following] = await bot.press(GROUP, "Done", user_id=ALEX)
    assert following.text.startswith("Step 1/8 · Right side · hold 30 s")


@pytest.mark.parametrize("begun", [True, False])
async def test_warmup_during_someone_elses_says_whose_and_leaves_it(
    bot: RunningBot, begun: bool
) -> None:
    """Bea's /warmup while Alex's runs (begun, or still at its check-in) names Alex, offers a
    warm-up in the private chat (a link, no buttons that would refuse her) and leaves Alex's
    warm-up as it was, his buttons still working."""
    await bot.send(GROUP, "/warmup", user_id=ALEX)
    if begun:
        await bot.press(GROUP, "Skip check-in", user_id=ALEX)
    before = await bot.snapshot()
    [busy] = await bot.send(GROUP, "/warmup", user_id=BEA)
    assert busy.text.startswith("Alex's warm-up is running here. Send /warmup when it ends")
    [button] = busy.reply_markup["inline_keyboard"][0]
    assert button == {
        "text": "💬 Warm up in private",
        "url": "https://t.me/warmup_coach_bot?start=warmup",
    }
    assert await bot.snapshot() == before
    [following] = await bot.press(GROUP, "Done" if begun else "Skip check-in", user_id=ALEX)
    assert following.text.startswith("Step 1/8")


async def test_stop_is_for_the_starter_or_an_admin(bot: RunningBot) -> None:
    """A member cannot /stop someone else's warm-up; an admin can, and so can its starter."""
    await bot.send(GROUP, "/warmup", user_id=BEA)
    await bot.press(GROUP, "Skip check-in", user_id=BEA)
    before = await bot.snapshot()
    [refused] = await bot.send(GROUP, "/stop", user_id=ALEX + 100)
    assert refused.text.startswith("This warm-up is Bea's.")
    assert await bot.snapshot() == before
    [stopped, *_] = await bot.send(GROUP, "/stop", user_id=ALEX)
    assert "stopped" in stopped.text.lower()
    assert (await bot.latest_session(GROUP)).status == "stopped"


@pytest.mark.parametrize(
    "command", ["/forget", "/remind 7:30", "/remind", "/timezone Europe/Berlin", "/target 3"]
)
async def test_shared_settings_and_data_need_an_admin(bot: RunningBot, command: str) -> None:
    """/forget, /remind, /timezone and /target from a member change nothing and say why."""
    await _alex_starts(bot)
    before = await bot.snapshot()
    [reply] = await bot.send(GROUP, command, user_id=BEA)
    assert reply.text.startswith(ADMINS_ONLY)
    assert await bot.snapshot() == before


async def test_an_admins_picker_and_forget_question_are_the_admins(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A member's press on an admin's /remind picker or /forget question changes nothing."""
    await bot.send(GROUP, "/timezone Europe/Berlin", user_id=ALEX)
    [picker] = await bot.send(GROUP, "/remind", user_id=ALEX)
    before = await bot.snapshot()
    assert await bot.press(GROUP, picker.labels[0], user_id=BEA) == []
    assert _last_toast(telegram).startswith(ADMINS_ONLY)
    await bot.send(GROUP, "/forget", user_id=ALEX)
    assert await bot.press(GROUP, "Delete everything", user_id=BEA) == []
    assert _last_toast(telegram).startswith(ADMINS_ONLY)
    assert await bot.snapshot() == before
    await bot.press(GROUP, "Delete everything", user_id=ALEX)
    assert telegram.chat(GROUP)[-1].text.startswith("🗑 Done. Nothing is stored for this chat")


async def test_an_admin_writing_as_the_group_counts_as_an_admin(bot: RunningBot) -> None:
    """Telegram shows an anonymous admin as its GroupAnonymousBot user; that is an admin."""
    [reply] = await bot.send(GROUP, "/target 3", user_id=ANONYMOUS_ADMIN)
    assert not reply.text.startswith(ADMINS_ONLY)


async def test_a_warmup_begun_as_the_group_is_the_admins(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A warm-up an admin began anonymously answers that admin's own presses (any admin's);
    a member's press changes nothing and names the group."""
    await bot.send(GROUP, "/warmup", user_id=ANONYMOUS_ADMIN)
    before = await bot.snapshot()
    assert await bot.press(GROUP, "Skip check-in", user_id=BEA) == []
    assert _last_toast(telegram) == (
        "This warm-up is Warm-up group's. Send /warmup after it ends to start your own."
    )
    assert await bot.snapshot() == before
    [step] = await bot.press(GROUP, "Skip check-in", user_id=ALEX)
    assert step.text.startswith("Step 1/8 · Upper-back twist")
    assert await bot.press(GROUP, "Done", user_id=BEA) == []
    [following] = await bot.press(GROUP, "Done", user_id=ALEX)
    assert following.text.startswith("Step 1/8 · Right side")


async def test_in_a_private_chat_nothing_is_asked_of_telegram(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The checks cost a private chat nothing: no getChatMember at all."""
    await bot.send(13010, "/timezone Europe/Berlin")
    await bot.start_warmup(13010)
    await bot.press(13010, "Done")
    assert telegram.calls_to("getChatMember") == []


async def test_a_warmup_begun_as_the_group_asks_its_safety_check_each_time(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A warm-up begun as the group has no one person to remember an answer for: its
    safety check comes every time; a member's answer is refused and changes nothing; an
    admin's None brings the check-in once, and a second None on it changes nothing."""
    bot.answer_screening = bot.answer_precautions = False
    [question] = await bot.send(GROUP, "/warmup", user_id=ANONYMOUS_ADMIN)
    assert question.text.startswith("🩺 A safety check first")
    none = question.buttons[0][1]
    before = await bot.snapshot()
    assert await bot.press(GROUP, "None of these applies", user_id=BEA) == []
    assert _last_toast(telegram).startswith("This warm-up is Warm-up group's.")
    assert await bot.snapshot() == before
    [checkin] = await bot.press(GROUP, "None of these applies", user_id=ALEX)
    assert "How is your back right now?" in checkin.text
    answered = await bot.snapshot()
    await bot.settle(telegram.press_data(GROUP, none, question.message_id, user_id=ALEX))
    assert await bot.snapshot() == answered
    [step] = await bot.press(GROUP, "Skip check-in", user_id=ALEX)
    assert step.text.startswith("Step 1/8 · Upper-back twist")
    await bot.send(GROUP, "/stop", user_id=ALEX)
    [again] = await bot.send(GROUP, "/warmup", user_id=ANONYMOUS_ADMIN)
    assert again.text.startswith("🩺 A safety check first")
