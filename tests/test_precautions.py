"""Precautions: asked once after a person's first check-in, they leave out or swap the
exercises they concern (shown, and marked as our suggestion), in every chat; in a group
nobody else sees what was ticked. After a sharp-pain stop the next check-in offers to leave
that exercise out, and /settings puts it back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Person
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import RunningBot

CHAT = 15001
GROUP = -15002
ALEX = 15003
BEA = 15004
ANONYMOUS_ADMIN = 1087968824  # how Telegram shows an admin writing as the group
QUESTION = "One more question, asked once"


@pytest.fixture(autouse=True)
def asked_here(bot: RunningBot, telegram: FakeTelegram) -> None:
    """These tests answer the precautions themselves; a group with Alex as its admin."""
    bot.answer_precautions = False
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea"})


async def _precautions_of(bot: RunningBot, person: int) -> str | None:
    async with bot.db.transaction() as tx:
        return await tx.scalar(select(Person.precautions).where(Person.user_id == person))


def _toasts(telegram: FakeTelegram) -> list[str]:
    return [str(c.params.get("text")) for c in telegram.calls_to("answerCallbackQuery")]


def _steps(messages: list[Message]) -> list[str]:
    return [m.text.splitlines()[0] for m in messages if m.text.startswith("Step ")]


async def test_the_first_check_in_is_followed_by_the_precautions_once(bot: RunningBot) -> None:
    """No step before the question is answered; weak bones leave out the knee hug and the
    twist and swap the rolls, said as our suggestion; the next warm-up asks nothing more and
    shows the change on its check-in."""
    [_checkin] = await bot.send(CHAT, "/warmup")
    [question] = await bot.press(CHAT, "Skip check-in")
    assert QUESTION in question.text
    assert await bot.press(CHAT, "Osteoporosis") == []  # a tick only changes the buttons
    assert any(label.startswith("☑️ Osteoporosis") for label, _ in question.buttons)
    [step] = await bot.press(CHAT, "Continue")

    assert "our suggestion, not the source routine's" in question.text
    assert "Left out: Knees-to-chest stretch" in question.text
    assert "Upper-back twist" in question.text
    assert "A standing stretch instead of: Front-of-thigh foam roll" in question.text
    assert "Outer-hip foam roll" in question.text
    assert step.text.startswith("Step 1/6 · Seated hip-flexor stretch")
    assert await _precautions_of(bot, CHAT) == "bones"

    await bot.send(CHAT, "/stop")
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "Changed for you" in checkin.text
    assert _steps(await bot.press(CHAT, "Skip check-in")) == [
        "Step 1/6 · Seated hip-flexor stretch (psoas)"
    ]


async def test_none_of_these_keeps_the_whole_routine(bot: RunningBot) -> None:
    """ "None of these" is recorded as none, and the warm-up goes on with all eight."""
    await bot.send(CHAT, "/warmup")
    [question] = await bot.press(CHAT, "5")
    [step] = await bot.press(CHAT, "None of these")
    assert "none of these applies" in question.text
    assert step.text.startswith("Step 1/8")
    assert await _precautions_of(bot, CHAT) == ""


async def test_in_a_group_only_the_person_sees_what_they_ticked(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The buttons never show a tick; the toast (the presser's alone) does; another member's
    press is refused; the answer shows only that it was given. Pregnancy leaves out the
    moves lying on the back."""
    await bot.send(GROUP, "/warmup", user_id=ALEX)
    [question] = await bot.press(GROUP, "Skip check-in", user_id=ALEX)
    assert question.buttons[-1][0] == "Continue ▶️"  # one label, ticked or not
    await bot.press(GROUP, "pregnant", user_id=ALEX)
    assert not any("☑️" in label for label, _ in question.buttons)
    assert question.buttons[-1][0] == "Continue ▶️"
    assert "☑️ I'm pregnant" in _toasts(telegram)[-1]
    await bot.press(GROUP, "Osteoporosis", user_id=BEA)
    assert "Alex" in _toasts(telegram)[-1]  # whose warm-up it is
    [step] = await bot.press(GROUP, "Continue", user_id=ALEX)

    assert "Pregnancy" not in question.text
    assert "Left out" not in question.text
    assert "Noted, thank you" in question.text
    assert step.text.startswith("Step 1/6 · Seated hip-flexor stretch")
    assert await _precautions_of(bot, ALEX) == "pregnancy"
    assert await _precautions_of(bot, BEA) is None

    await bot.send(GROUP, "/stop", user_id=ALEX)
    [checkin] = await bot.send(GROUP, "/warmup", user_id=ALEX)
    assert "Changed for you" not in checkin.text  # the group never reads what changed
    assert "Pregnancy" not in checkin.text


async def test_an_anonymous_admin_is_not_asked(bot: RunningBot) -> None:
    """A warm-up begun as the group (one id for every anonymous admin) gets no question."""
    await bot.send(GROUP, "/warmup", user_id=ANONYMOUS_ADMIN)
    [step] = await bot.press(GROUP, "Skip check-in", user_id=ANONYMOUS_ADMIN)
    assert step.text.startswith("Step 1/8")
    assert await _precautions_of(bot, ANONYMOUS_ADMIN) is None


async def test_old_double_and_forged_presses_change_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A second Continue, a tick on an answered question, a precaution past the list and
    ticks past it are each refused with a toast, and store nothing."""
    await bot.send(CHAT, "/warmup")
    [question] = await bot.press(CHAT, "Skip check-in")
    session = (await bot.latest_session(CHAT)).id
    for forged in (f"care:{session}:0:7", f"care:{session}:16:8"):
        before = await bot.snapshot()
        await bot.settle(telegram.press_data(CHAT, forged, question.message_id))
        assert _toasts(telegram)[-1] == bot.services.content.texts.notices.unknown
        assert await bot.snapshot() == before
    done = f"care:{session}:0:8"
    await bot.settle(telegram.press_data(CHAT, done, question.message_id))
    before = await bot.snapshot()
    for again in (done, f"care:{session}:0:1"):
        await bot.settle(telegram.press_data(CHAT, again, question.message_id))
        assert _toasts(telegram)[-1] == bot.services.content.texts.notices.stale
    assert await bot.snapshot() == before
    assert len([m for m in telegram.chat(CHAT) if m.text.startswith("Step ")]) == 1


async def test_precautions_are_changed_in_settings_in_private_only(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/settings → My precautions ticks one for the next warm-up; a group's /settings has no
    such page, and a forged press for it there is refused."""
    menu = await bot.choose(CHAT, "My precautions", "hip replacement")
    assert await _precautions_of(bot, CHAT) == "surgery"
    await bot.press(CHAT, "hip replacement")  # the page now offers to untick it
    assert await _precautions_of(bot, CHAT) == ""
    await bot.settle(telegram.press_data(CHAT, "set:care:surgery.1", menu.message_id))
    await bot.settle(telegram.press_data(CHAT, "set:care:surgery.1", menu.message_id))
    assert await _precautions_of(bot, CHAT) == "surgery"  # a double tap: ticked, not flipped
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "Left out" in checkin.text
    assert "surgical team" in checkin.text  # its advice, on every private check-in
    [step] = await bot.press(CHAT, "Skip check-in")  # answered in /settings: not asked again
    assert step.text.startswith("Step 1/2 · Front-of-thigh foam roll")

    [menu] = await bot.send(GROUP, "/settings", user_id=ALEX)
    assert not any("precautions" in label for label, _ in menu.buttons)
    before = await bot.snapshot()
    await bot.settle(telegram.press_data(GROUP, "set:care:bones", menu.message_id, user_id=ALEX))
    assert _toasts(telegram)[-1] == bot.services.content.texts.settings.not_offered
    assert await bot.snapshot() == before


async def test_after_sharp_pain_the_exercise_can_be_left_out_and_put_back(
    bot: RunningBot,
) -> None:
    """The next check-in names the exercise of the stop and offers to leave it out; it is
    then left out of this warm-up and the next, until /settings puts it back."""
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "None of these")
    await bot.press(CHAT, "Sharp pain")
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "Upper-back twist" in checkin.text
    [left] = await bot.press(CHAT, "Leave out Upper-back twist")
    assert "Left out of your warm-ups from now on: Upper-back twist" in left.text
    assert not any("Leave out" in label for label, _ in checkin.buttons)
    [step] = await bot.press(CHAT, "Skip check-in")
    assert step.text.startswith("Step 1/7 · Knees-to-chest stretch")

    await bot.send(CHAT, "/stop")
    await bot.choose(CHAT, "My precautions", "Put back Upper-back twist")
    await bot.send(CHAT, "/warmup")
    [step] = await bot.press(CHAT, "Skip check-in")
    assert step.text.startswith("Step 1/8 · Upper-back twist")


async def test_a_warmup_already_showing_a_step_is_not_planned_afresh(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Resumed while the question was open, step 1 is on screen: answering it then changes
    nothing (a toast says so), and the step's buttons still mean that step."""
    await bot.send(CHAT, "/warmup")
    [question] = await bot.press(CHAT, "Skip check-in")
    await bot.send(CHAT, "/warmup")
    [step] = await bot.press(CHAT, "Resume")
    assert step.text.startswith("Step 1/8 · Upper-back twist")
    await bot.press(CHAT, "Osteoporosis")
    done = next(data for _, data in question.buttons if data.endswith(":8"))
    before = await bot.snapshot()
    await bot.settle(telegram.press_data(CHAT, done, question.message_id))
    assert _toasts(telegram)[-1] == bot.services.content.texts.notices.stale
    assert await bot.snapshot() == before
    assert await _precautions_of(bot, CHAT) is None


async def test_the_summary_counts_the_warmup_as_it_was_planned(bot: RunningBot) -> None:
    """With weak bones the full warm-up has six exercises: doing all six is complete, and the
    summary after the closing check-in names nothing as skipped."""
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "Osteoporosis")
    await bot.press(CHAT, "Continue")
    summary = await bot.done_to_the_end(CHAT)
    assert "Done: 6 of 6 exercises\n" in summary.text
    await bot.press(CHAT, "2")
    [edited] = [m for m in bot.server.chat(CHAT) if m.message_id == summary.message_id]
    assert "Done: 6 of 6 exercises\n" in edited.text
    assert "skipped" not in edited.text
