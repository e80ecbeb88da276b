"""The safety check before the first warm-up: a yes stops warm-ups until a clinician has
checked the person; asked once; /safety shows it again."""

from __future__ import annotations

from sqlalchemy import select

from db.models import Person, SessionStatus
from tests.harness import RunningBot

CHAT = 9201


async def _screening(bot: RunningBot) -> tuple[str | None, object]:
    """The person's answer and when it was given (a private chat's person has its id)."""
    async with bot.db.transaction() as tx:
        query = select(Person.screening, Person.screened_at).where(Person.user_id == CHAT)
        row = (await tx.execute(query)).one_or_none()
    return (row.screening, row.screened_at) if row is not None else (None, None)


async def test_the_first_checkin_asks_once_and_answering_it_means_none_applies(
    bot: RunningBot,
) -> None:
    """The first check-in carries the safety check once; answering it records that none applies."""
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "A safety check first, once. Does any of these apply to you?" in checkin.text
    assert "numbness in the groin or between the legs" in checkin.text
    assert checkin.text.endswith("How is your back right now? 0 is no pain, 10 the worst.")
    assert checkin.labels[-1] == "⚠️ One of these applies"
    assert (await _screening(bot))[0] is None
    await bot.press(CHAT, "3")
    assert (await _screening(bot))[0] == "clear"
    await bot.send(CHAT, "/stop")
    [again] = await bot.send(CHAT, "/warmup")
    assert "safety check" not in again.text
    assert "One of these applies" not in again.labels


async def test_a_yes_stops_warmups_until_a_clinician_has_checked(bot: RunningBot) -> None:
    """A yes ends the warm-up and refuses /warmup until 🩺 A clinician has checked me is tapped."""
    [checkin] = await bot.send(CHAT, "/warmup")
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
    assert note.text.startswith("🩺 If you have back pain, check with a doctor")
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
