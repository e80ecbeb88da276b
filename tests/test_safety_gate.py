"""The safety check holds on every path: one gate before every step, a red flag stops what is
under way, the check is the person's (not the chat's), and high pain is answered with care."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Person, SessionStatus
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 9301
GROUP = -9302
ALEX = 9303
BEA = 9304
FLAGGED_TOAST = (
    "You told me a warning sign applies, so no warm-up until a clinician has checked you."
)
STOPPED_TOAST = "This warm-up was stopped because you told me a warning sign applies."


@pytest.fixture(autouse=True)
def members(telegram: FakeTelegram) -> None:
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea"})


def _toast(telegram: FakeTelegram) -> str:
    return str(telegram.calls_to("answerCallbackQuery")[-1].params.get("text", ""))


async def _answer_of(bot: RunningBot, person: int) -> str | None:
    async with bot.db.transaction() as tx:
        return await tx.scalar(select(Person.screening).where(Person.user_id == person))


async def _flag_with_safety(bot: RunningBot, chat: int, person: int | None = None) -> None:
    await bot.send(chat, "/safety", user_id=person)
    await bot.press(chat, "One of these applies", user_id=person)


async def test_a_second_warmup_before_anything_began_asks_the_check_again(
    bot: RunningBot,
) -> None:
    """/warmup twice before the check is answered: no Resume, the check again, and the
    first question's buttons change nothing."""
    bot.answer_screening = False
    [first] = await bot.send(CHAT, "/warmup")
    [second] = await bot.send(CHAT, "/warmup")
    assert "Resume" not in " ".join(second.labels)
    assert "A safety check first" in second.text
    assert await bot.press_data(CHAT, first.buttons[0][1], first.message_id) == []
    assert await _answer_of(bot, CHAT) == "clear"  # the presser's own answer, noted
    assert not _checkins(bot)  # but no check-in for the abandoned warm-up
    assert [s.pain_before_at for s in await bot.sessions()] == [None, None]
    statuses = [s.status for s in await bot.sessions()]
    assert statuses == [SessionStatus.ABANDONED, SessionStatus.ACTIVE]


def _checkins(bot: RunningBot) -> list[str]:
    """The check-ins (how is your back?) sent in CHAT so far."""
    return [m.text for m in bot.server.chat(CHAT) if m.from_bot and "Tap or type 0" in m.text]


async def test_no_checkin_answer_passes_for_an_unanswered_check(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Before the check is answered no check-in is shown, and a check-in's buttons sent by
    hand (a number, Skip, Quick) change nothing and say to answer the check first."""
    bot.answer_screening = False
    [question] = await bot.send(CHAT, "/warmup")
    session = await bot.latest_session()
    before = await bot.snapshot()
    for data in (f"pain:{session.id}:b:3", f"pain:{session.id}:b:x", f"switch:{session.id}:quick"):
        assert await bot.press_data(CHAT, data, question.message_id) == []
        assert _toast(telegram).startswith("Answer the safety check first.")
    assert await bot.snapshot() == before
    assert await _answer_of(bot, CHAT) is None


async def test_none_under_someone_elses_question_is_the_pressers_alone(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """In a group, Bea's "None of these" under Alex's question is refused as Alex's: it
    records nothing, leaves Alex's question open and starts nothing; a second tap of Alex's
    own after the check-in came changes nothing and sends no second check-in."""
    bot.answer_screening = False
    [question] = await bot.send(GROUP, "/warmup", user_id=ALEX)
    assert await bot.press(GROUP, "None of these applies", user_id=BEA) == []
    assert _toast(telegram).startswith("This warm-up is Alex's.")
    assert (await _answer_of(bot, BEA), await _answer_of(bot, ALEX)) == (None, None)
    assert question.labels == ["✅ None of these applies", "⚠️ One of these applies"]
    none = question.buttons[0][1]
    [checkin] = await bot.press(GROUP, "None of these applies", user_id=ALEX)
    assert "Tap or type 0" in checkin.text
    await bot.settle(telegram.press_data(GROUP, none, question.message_id, user_id=ALEX))
    assert _toast(telegram) == "That button is from an earlier step; nothing changed."
    checkins = [m for m in telegram.chat(GROUP) if m.from_bot and "Tap or type 0" in m.text]
    assert checkins == [checkin]


async def test_a_red_flag_ends_the_warmup_under_way_and_its_buttons(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A yes under /safety mid-warm-up ends it for safety; its Done then says why and moves
    nothing; its countdown's jobs are gone."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Start")
    session = await bot.latest_session()
    assert f"hold:{session.id}" in bot.job_names()
    await _flag_with_safety(bot, CHAT)
    ended = await bot.latest_session()
    assert (ended.status, ended.ended_for_safety) == (SessionStatus.STOPPED, True)
    assert not {name for name in bot.job_names() if name.endswith(f":{session.id}")}
    events = await bot.event_count()
    assert await bot.press(CHAT, "Skip") == []
    assert _toast(telegram).startswith(STOPPED_TOAST)
    assert await bot.event_count() == events


async def test_start_over_and_resume_pass_the_gate(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """🔄 Start over and ▶️ Resume offered before a red flag change nothing after it."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    [offer] = await bot.send(CHAT, "/warmup")
    assert "Start over" in " ".join(offer.labels)
    await _flag_with_safety(bot, CHAT)
    count = len(await bot.sessions())
    for label in ("Start over", "Resume"):
        assert await bot.press(CHAT, label) == []
        assert _toast(telegram).startswith(STOPPED_TOAST)
    assert len(await bot.sessions()) == count


async def test_the_check_is_the_persons_in_every_chat(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Alex flagged in private is refused in the group; Bea cannot clear Alex's flag; Bea is
    asked the check for herself though Alex answered it."""
    await _flag_with_safety(bot, ALEX, ALEX)
    [refused] = await bot.send(GROUP, "/warmup", user_id=ALEX)
    assert refused.text.startswith("Thank you for telling me.")
    assert await bot.press(GROUP, "A clinician has checked me", user_id=BEA) == []
    assert _toast(telegram).startswith("Only the person who reported a warning sign")
    assert await _answer_of(bot, ALEX) == "flagged"
    assert await _answer_of(bot, BEA) is None
    bot.answer_screening = False
    [checkin] = await bot.send(GROUP, "/warmup", user_id=BEA)
    assert "A safety check first" in checkin.text


async def test_a_high_checkin_cautions_and_the_highest_says_when_to_seek_care(
    bot: RunningBot,
) -> None:
    """8/10 offers the full routine with a caution beside it; 9/10 says when to get help today."""
    await bot.send(CHAT, "/warmup")
    [offer] = await bot.press(CHAT, "8")
    assert "If you choose the full routine anyway" in offer.text
    assert "Full routine anyway" in " ".join(offer.labels)
    await bot.send(CHAT, "/stop")
    await bot.send(CHAT, "/warmup")
    [rest] = await bot.press(CHAT, "9")
    assert "Get medical help today" in rest.text
    assert "Full routine anyway" not in " ".join(rest.labels)


async def test_after_a_sharp_pain_stop_the_next_checkin_names_the_exercise(
    bot: RunningBot,
) -> None:
    """The check-in after a ⚠️ Sharp pain stop names the exercise it happened in, and only once."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Sharp pain")
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "Last time you stopped at Upper-back twist" in checkin.text
    assert "because of sharp pain" in checkin.text
    await bot.press(CHAT, "3")
    await bot.send(CHAT, "/stop")
    [later] = await bot.send(CHAT, "/warmup")
    assert "sharp pain" not in later.text
