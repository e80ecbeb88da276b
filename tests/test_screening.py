"""The safety check before the first warm-up: a yes stops warm-ups until a clinician has
checked the person; asked once; /safety shows it again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Person, SessionStatus
from tests.harness import RunningBot

CHAT = 9201


@pytest.fixture(autouse=True)
def _the_check_is_asked(bot: RunningBot) -> None:
    bot.answer_screening = False  # the questions these tests are about


async def _screening(bot: RunningBot) -> tuple[str | None, object]:
    """The person's answer and when it was given (a private chat's person has its id)."""
    async with bot.db.transaction() as tx:
        query = select(Person.screening, Person.screened_at).where(Person.user_id == CHAT)
        row = (await tx.execute(query)).one_or_none()
    return (row.screening, row.screened_at) if row is not None else (None, None)


async def test_the_safety_check_comes_first_on_its_own_and_once(bot: RunningBot) -> None:
    """A first /warmup asks the safety check alone (no pain buttons yet); "None of these"
    records it, closes the question and the check-in follows; the next /warmup skips it."""
    [question] = await bot.send(CHAT, "/warmup")
    assert question.text.startswith("🩺 A safety check first, once. Does any of these apply")
    assert "numbness in the groin or between the legs" in question.text
    assert question.labels == ["✅ None of these applies", "⚠️ One of these applies"]
    assert (await _screening(bot))[0] is None
    [checkin] = await bot.press(CHAT, "None of these applies")
    assert question.text == "🩺 Safety check: none of these applies to you. Thank you."
    assert question.buttons == []
    assert (await _screening(bot))[0] == "clear"
    assert checkin.text.endswith("Tap or type 0 (no pain) to 10 (the worst).")
    assert checkin.labels[:11] == [str(n) for n in range(11)]
    await bot.press(CHAT, "3")
    await bot.send(CHAT, "/stop")
    [again] = await bot.send(CHAT, "/warmup")
    assert again.text.startswith("Lower-back warm-up: 8 exercises")
    assert "One of these applies" not in again.labels


async def test_a_yes_stops_warmups_until_a_clinician_has_checked(bot: RunningBot) -> None:
    """A yes ends the warm-up and refuses /warmup until 🩺 A clinician has checked me is tapped."""
    [checkin] = await bot.send(CHAT, "/warmup")  # the safety check, first
    assert await bot.press(CHAT, "One of these applies") == []
    assert checkin.text.startswith("Thank you for telling me. With that, please see a doctor")
    assert "I won't start a warm-up until then." in checkin.text
    assert checkin.labels == ["🩺 A clinician has checked me"]
    ended = await bot.latest_session()
    assert (ended.status, ended.ended_for_safety) == (SessionStatus.STOPPED, True)
    assert (await _screening(bot))[0] == "flagged"

    [refused] = await bot.send(CHAT, "/warmup")
    assert refused.text.startswith("Thank you for telling me.")
    assert len(await bot.sessions()) == 1  # no warm-up was started

    [checkin] = await bot.press(CHAT, "A clinician has checked me")
    assert refused.text.startswith("Noted: a clinician has checked you.")
    assert refused.buttons == []
    assert checkin.text.startswith("Lower-back warm-up: 8 exercises")
    assert "safety check" not in checkin.text
    assert (await _screening(bot))[0] == "clinician"


async def test_safety_shows_the_note_and_the_check_again(bot: RunningBot) -> None:
    """/safety shows the note and the check again; a later yes there stops warm-ups too."""
    [note] = await bot.send(CHAT, "/safety")
    assert note.text.startswith("🩺 If your back hurts, check with a doctor first.")
    assert "Does any of these apply to you?" in note.text
    assert note.labels == ["✅ None of these applies", "⚠️ One of these applies"]
    await bot.press(CHAT, "None of these applies")
    assert note.text == "Noted: none of these applies. Send /warmup whenever you're ready."
    assert (await _screening(bot))[0] == "clear"
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "safety check" not in checkin.text

    [note] = await bot.send(CHAT, "/safety")  # something changed: a yes now stops warm-ups
    await bot.press(CHAT, "One of these applies")
    assert (await _screening(bot))[0] == "flagged"
    [refused] = await bot.send(CHAT, "/warmup")
    assert refused.text.startswith("Thank you for telling me.")
