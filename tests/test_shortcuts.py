"""/remind, /target and the unfinished-warm-up offer, as a new user meets them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 8001


async def test_typing_a_time_is_a_reply_the_bot_reads(bot: RunningBot) -> None:
    """A reply to Type a time sets the reminder; a reply to another message is not read as one."""
    await bot.send(CHAT, "/remind")
    [question] = await bot.press(CHAT, "Type a time")
    assert question.reply_markup is not None
    assert question.reply_markup["force_reply"] is True
    [unread] = await bot.reply(CHAT, question, "half past")
    assert unread.text.startswith("I couldn't read that time.")
    [status] = await bot.reply(CHAT, unread, "7:45")
    assert "Daily reminder: 07:45 every day" in status.text
    # A reply to anything else is not taken for a time.
    [other] = await bot.reply(CHAT, status, "8:00")
    assert other.text == (await bot.send(CHAT, "hello"))[0].text


async def test_the_picker_marks_the_time_and_closes_with_save(bot: RunningBot) -> None:
    """The /remind picker ticks the chosen time and days, and ✅ Save closes it with the result."""
    [picker] = await bot.send(CHAT, "/remind")
    assert "📅 Days: Every day" in picker.labels
    await bot.press(CHAT, "07:30")
    assert "✓ 07:30" in picker.labels
    assert "07:00" in picker.labels
    await bot.press(CHAT, "Days:")
    await bot.press(CHAT, "Weekdays")
    await bot.press(CHAT, "Back")
    assert "📅 Days: Weekdays" in picker.labels
    await bot.press(CHAT, "✅ Save")
    assert picker.buttons == []
    assert "Daily reminder: 07:30 on weekdays" in picker.text


async def test_target_alone_shows_the_target_and_buttons(bot: RunningBot) -> None:
    """/target alone shows the weekly target with number buttons that change it."""
    [page] = await bot.send(CHAT, "/target")
    assert "Weekly target: 5 warm-ups a week" in page.text
    assert page.labels[:7] == ["1", "2", "3", "4", "✓ 5", "6", "7"]
    await bot.press(CHAT, "3")
    assert "Weekly target: 3 warm-ups" in page.text


async def test_the_offer_says_which_was_chosen(bot: RunningBot) -> None:
    """The unfinished-warm-up offer closes saying whether Resume or Start over was chosen."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    [offer] = await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Resume")
    assert offer.buttons == []
    assert offer.text.endswith("▶️ Resumed below.")
    [offer] = await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Start over")
    assert offer.buttons == []
    assert offer.text.endswith("🔄 Started over from step 1.")


@pytest.mark.clock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
async def test_a_fixed_offset_is_explained_and_places_are_offered(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/timezone +1 explains a fixed offset and offers places at +1 now, likeliest first."""
    telegram.languages[CHAT] = "de"
    [reply] = await bot.send(CHAT, "/timezone +1")
    assert "fixed offset: it does not follow daylight saving" in reply.text
    # The likeliest places for a German speaker first, then widely used ones at +1 now.
    assert reply.labels == ["Berlin", "Vienna", "Zurich", "Paris", "Madrid", "Rome"]
    assert "London" not in reply.labels  # +0 in winter
    assert len(reply.labels) == 6
    await bot.press(CHAT, "Berlin")
    assert reply.buttons == []
    assert "Your timezone: Europe/Berlin (it is 13:00 there now)" in reply.text
    [status] = await bot.send(CHAT, "/timezone")
    assert "Europe/Berlin" in status.text


async def test_a_city_name_is_enough(bot: RunningBot) -> None:
    """/timezone with a city's name sets its zone with no further question."""
    [reply] = await bot.send(CHAT, "/timezone new york")
    assert "Your timezone: America/New_York" in reply.text
    assert "fixed offset" not in reply.text
    assert reply.buttons == []


async def test_a_forged_place_changes_nothing(bot: RunningBot, telegram: FakeTelegram) -> None:
    """A forged place button is refused and the timezone stays as it was."""
    [reply] = await bot.send(CHAT, "/timezone +2")
    for forged in ("zone:Not/A_Zone", "zone:UTC+05:00", "zone:localtime"):
        await bot.press_data(CHAT, forged, reply.message_id)
        answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
        assert answers[-1] == "That button no longer works. Send /warmup to carry on."
    [status] = await bot.send(CHAT, "/timezone")
    assert "UTC+02:00" in status.text
