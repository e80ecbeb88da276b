"""Daily reminders end to end: setting them, the minute tick, snooze, skip, restarts, blocks."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.coaching import reminders
from bot.config import Settings
from db.models import Chat, Reminder, RestDay, SessionStatus, WarmupSession
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot, run_bot

CHAT = 6001
# Monday 1 June 2026, 09:00 in Berlin (summer time, UTC+2).
MONDAY_MORNING = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
REMINDER_TEXT = "⏰ Time for your warm-up"


async def _reminder(bot: RunningBot) -> Reminder | None:
    async with bot.db.transaction() as tx:
        return await tx.scalar(select(Reminder).where(Reminder.chat_id == CHAT))


def _completed(chat_id: int, finished: datetime) -> WarmupSession:
    return WarmupSession(
        chat_id=chat_id,
        routine_id="lower-back",
        status=SessionStatus.COMPLETED,
        started_at=finished - timedelta(minutes=10),
        finished_at=finished,
    )


def _reminders_sent(telegram: FakeTelegram) -> list[Message]:
    return [m for m in telegram.chat(CHAT) if m.text.startswith(REMINDER_TEXT)]


async def _set_up(bot: RunningBot, time: str = "7:30") -> None:
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await bot.send(CHAT, f"/remind {time}")


async def _tick(bot: RunningBot) -> None:
    await bot.run_job("reminders")


@pytest.mark.clock(MONDAY_MORNING)
async def test_the_first_remind_asks_for_a_timezone_and_the_reminder_waits_for_it(
    bot: RunningBot,
) -> None:
    """/remind shows the picker; without a timezone the time is kept and armed once one is set."""
    [picker] = await bot.send(CHAT, "/remind")
    assert picker.text.startswith("⏰ Daily reminder: off.")
    assert "First, your timezone" in picker.text
    assert {"07:30", "⌨️ Type a time", "📅 Days: Every day", "🔕 Off", "✅ Save"} <= set(
        picker.labels
    )

    await bot.press(CHAT, "07:30")
    assert picker.text.startswith("⏰ Daily reminder: 07:30 every day, once I know your timezone.")
    reminder = await _reminder(bot)
    assert reminder is not None
    assert reminder.next_fire_at is None

    [reply] = await bot.send(CHAT, "/timezone Europe/Berlin")
    assert reply.text == (
        "🌍 Your timezone: Europe/Berlin (it is 09:00 there now).\n"
        "⏰ Daily reminder: 07:30 every day (Europe/Berlin)."
    )
    reminder = await _reminder(bot)
    assert reminder is not None
    assert reminder.next_fire_at == datetime(2026, 6, 2, 5, 30, tzinfo=UTC)


@pytest.mark.clock(MONDAY_MORNING)
async def test_times_typed_in_common_formats_are_understood(bot: RunningBot) -> None:
    """/remind accepts times in the usual formats and shows them as HH:MM."""
    await bot.send(CHAT, "/timezone +2")
    for typed, shown in [("7pm", "19:00"), ("7:30am", "07:30"), ("19:05", "19:05")]:
        [reply] = await bot.send(CHAT, f"/remind {typed}")
        assert reply.text == f"⏰ Daily reminder: {shown} every day (UTC+02:00)."


@pytest.mark.clock(MONDAY_MORNING)
async def test_bad_times_and_zones_get_an_example_and_change_nothing(bot: RunningBot) -> None:
    """Typos, nonsense and oversized input are answered with what works; settings stay."""
    await _set_up(bot)
    before = await _reminder(bot)
    assert before is not None
    for text in ["/remind 25:00", "/remind soon", "/remind " + "9" * 4090, "/remind 🕖"]:
        [reply] = await bot.send(CHAT, text)
        assert reply.text.startswith("I couldn't read that time. Try /remind 7:30")
    for text in ["/timezone Mars/Olympus", "/timezone +15", "/timezone " + "\u202e" * 4000]:
        [reply] = await bot.send(CHAT, text)
        assert reply.text.startswith("I don't know that timezone.")
    after = await _reminder(bot)
    assert after is not None
    assert (after.local_time, after.next_fire_at) == (before.local_time, before.next_fire_at)
    async with bot.db.transaction() as tx:
        assert await tx.scalar(select(Chat.timezone).where(Chat.id == CHAT)) == "Europe/Berlin"


@pytest.mark.clock(MONDAY_MORNING)
async def test_the_timezone_can_be_given_as_the_local_time_now(bot: RunningBot) -> None:
    """/timezone 14:05 sets the zone in which it is 14:05 now."""
    [reply] = await bot.send(CHAT, "/timezone 10:01")
    assert reply.text.startswith("🌍 Your timezone: UTC+03:00 (it is 10:00 there now).")
    assert "fixed offset" in reply.text


@pytest.mark.clock(MONDAY_MORNING)
async def test_a_reminder_fires_at_the_local_time_once(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Not a minute early, exactly once, with Start, Snooze and Skip today."""
    await _set_up(bot)
    clock.current = datetime(2026, 6, 2, 5, 29, tzinfo=UTC)  # 07:29 in Berlin
    await _tick(bot)
    assert _reminders_sent(telegram) == []
    clock.advance(minutes=1)
    await _tick(bot)
    await _tick(bot)
    [reminder] = _reminders_sent(telegram)
    assert reminder.text == "⏰ Time for your warm-up: 8 exercises, about 13 minutes."
    assert reminder.labels == ["▶️ Start", "⚡ Quick", "⏰ Snooze 30 min", "🛌 Skip today"]

    [checkin] = await bot.press(CHAT, "▶️ Start")
    assert checkin.text.startswith("Lower-back warm-up: 8 exercises")
    assert reminder.buttons == []
    assert reminder.text.endswith("▶️ Started.")


@pytest.mark.clock(MONDAY_MORNING)
async def test_weekdays_only_skips_the_weekend(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """The days picker limits reminders to the chosen days."""
    await bot.send(CHAT, "/timezone Europe/Berlin")
    [picker] = await bot.send(CHAT, "/remind")
    await bot.press(CHAT, "07:30")
    await bot.press(CHAT, "📅 Days")
    assert "Which days?" in picker.text
    await bot.press(CHAT, "Weekdays")
    assert picker.text.startswith("⏰ Daily reminder: 07:30 on weekdays (Europe/Berlin).")
    await bot.press(CHAT, "✅ Fri")  # toggle Friday off
    assert "on Mon, Tue, Wed, Thu" in picker.text

    clock.current = datetime(2026, 6, 5, 5, 30, tzinfo=UTC)  # Friday 07:30
    await _tick(bot)
    clock.current = datetime(2026, 6, 6, 5, 30, tzinfo=UTC)  # Saturday
    await _tick(bot)
    assert _reminders_sent(telegram) == []
    clock.current = datetime(2026, 6, 8, 5, 30, tzinfo=UTC)  # Monday
    await _tick(bot)
    assert len(_reminders_sent(telegram)) == 1


@pytest.mark.clock(datetime(2026, 6, 2, 5, 30, tzinfo=UTC))
async def test_snooze_reminds_again_later_but_not_endlessly(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Each snooze brings the reminder back 30 minutes later; after two, no more snoozing."""
    await bot.send(CHAT, "/timezone Europe/Berlin")
    clock.current = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await bot.send(CHAT, "/remind 7:30")
    clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    await _tick(bot)
    for expected in ("08:00", "08:30"):
        await bot.press(CHAT, "Snooze")
        assert _reminders_sent(telegram)[-1].text.endswith(f"⏰ Snoozed until {expected}.")
        clock.advance(minutes=29)
        await _tick(bot)
        assert not _reminders_sent(telegram)[-1].buttons  # not yet
        clock.advance(minutes=1)
        await _tick(bot)
        assert _reminders_sent(telegram)[-1].buttons
    last = _reminders_sent(telegram)[-1]
    assert last.labels == ["▶️ Start", "⚡ Quick", "🛌 Skip today"]
    assert len(_reminders_sent(telegram)) == 3

    clock.current = datetime(2026, 6, 3, 5, 30, tzinfo=UTC)  # the next day starts afresh
    await _tick(bot)
    assert "⏰ Snooze 30 min" in _reminders_sent(telegram)[-1].labels


@pytest.mark.clock(MONDAY_MORNING)
async def test_skip_today_drops_a_snooze_and_tomorrow_still_comes(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """🛌 Skip today cancels a pending snooze; the next day's reminder still comes."""
    await _set_up(bot)
    clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    await _tick(bot)
    await bot.press(CHAT, "Snooze")
    await bot.send(CHAT, "/remind")  # any other message in between changes nothing
    clock.advance(minutes=30)
    await _tick(bot)
    await bot.press(CHAT, "Skip today")
    # Skipping is this week's rest day: the streak is kept.
    assert _reminders_sent(telegram)[-1].text.endswith(
        "🛌 Skipping today. See you next time. 🛌 Rest day today: your streak is kept. "
        "One rest day a week keeps it."
    )
    clock.advance(hours=3)
    await _tick(bot)
    assert len(_reminders_sent(telegram)) == 2
    clock.current = datetime(2026, 6, 3, 5, 30, tzinfo=UTC)
    await _tick(bot)
    assert len(_reminders_sent(telegram)) == 3


@pytest.mark.clock(MONDAY_MORNING)
async def test_an_old_reminders_buttons_change_nothing(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """Snoozing yesterday's reminder today is refused with a notice."""
    await _set_up(bot)
    clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    await _tick(bot)
    clock.advance(days=1, minutes=-60)  # next morning, before the next reminder
    before = await _reminder(bot)
    await bot.press(CHAT, "Snooze")
    answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
    assert answers[-1] == "That reminder is from an earlier day."
    after = await _reminder(bot)
    assert before is not None
    assert after is not None
    assert (after.next_fire_at, after.snoozes) == (before.next_fire_at, before.snoozes)


async def test_no_reminder_once_todays_warmup_is_done(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """No reminder is sent on a day whose warm-up is already finished."""
    clock = FakeClock(datetime(2026, 6, 1, 22, 0, tzinfo=UTC))  # 00:00 on 2 June in Berlin
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _set_up(bot)
        clock.current = datetime(2026, 6, 2, 4, 0, tzinfo=UTC)  # 06:00 in Berlin
        await bot.start_warmup(CHAT)
        while True:
            [sent] = await bot.press(CHAT, "Done")
            if not sent.text.startswith("Step "):
                break
        clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
        await _tick(bot)
        assert _reminders_sent(telegram) == []
        clock.current = datetime(2026, 6, 3, 5, 30, tzinfo=UTC)
        await _tick(bot)
        [reminder] = _reminders_sent(telegram)
        assert "Streak: 1 day" in reminder.text


async def test_a_restart_neither_loses_nor_repeats_a_reminder(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Down over the reminder time: sent late once on return, not again after another restart."""
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _set_up(bot)
    clock.current = datetime(2026, 6, 2, 5, 50, tzinfo=UTC)  # back 20 minutes late
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _tick(bot)
        await _tick(bot)
        assert len(_reminders_sent(telegram)) == 1
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _tick(bot)
        assert len(_reminders_sent(telegram)) == 1


async def test_a_claimed_reminder_is_delivered_after_a_crash_before_sending(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """Claimed, then the bot stops before sending: the next start delivers it, once."""
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _set_up(bot)
        clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
        rules = bot.services.content.rules.reminders
        assert await reminders.claim_due(bot.db, rules, clock()) == 1
    clock.advance(minutes=3)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _tick(bot)
        await _tick(bot)
        assert len(_reminders_sent(telegram)) == 1


async def test_a_reminder_missed_by_over_an_hour_is_skipped(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A reminder more than an hour late (the bot was down) is skipped."""
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _set_up(bot)
    clock.current = datetime(2026, 6, 2, 7, 0, tzinfo=UTC)  # 90 minutes late
    async with run_bot(telegram, settings, clock=clock) as bot:
        await _tick(bot)
        assert _reminders_sent(telegram) == []
        clock.current = datetime(2026, 6, 3, 5, 30, tzinfo=UTC)
        await _tick(bot)
        assert len(_reminders_sent(telegram)) == 1


@pytest.mark.clock(MONDAY_MORNING)
async def test_a_chat_that_blocked_the_bot_is_switched_off_quietly(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """403 turns the reminder off and marks the chat; nothing is retried the next day."""
    await _set_up(bot)
    telegram.fail("sendMessage", status=403, description="Forbidden: bot was blocked by the user")
    clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    await _tick(bot)
    reminder = await _reminder(bot)
    assert reminder is not None
    assert not reminder.enabled
    async with bot.db.transaction() as tx:
        assert await tx.scalar(select(Chat.active).where(Chat.id == CHAT)) is False
    sends = len(telegram.calls_to("sendMessage"))
    clock.current = datetime(2026, 6, 3, 5, 30, tzinfo=UTC)
    await _tick(bot)
    assert len(telegram.calls_to("sendMessage")) == sends


async def test_a_chat_that_forgets_during_a_burst_gets_no_reminder_after_it(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """/forget confirmed while the burst is sending others: that chat's reminder is not sent."""
    other = CHAT + 1
    # One reminder a second: CHAT's goes at once, the other's a second later.
    slow = settings.model_copy(update={"reminder_messages_per_second": 1})
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, slow, clock=clock) as bot:
        for chat_id in (CHAT, other):
            await bot.send(chat_id, "/timezone Europe/Berlin")
            await bot.send(chat_id, "/remind 7:30")
        clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
        burst = asyncio.create_task(_tick(bot))
        await asyncio.sleep(0.3)
        await bot.send(other, "/forget")  # ... while the other chat deletes everything
        await bot.press(other, "Delete everything")
        assert telegram.chat(other)[-1].text.startswith("🗑 Done. Nothing is stored for this chat")
        await burst
    assert len(_reminders_sent(telegram)) == 1
    assert not any(m.text.startswith(REMINDER_TEXT) for m in telegram.chat(other))


@pytest.mark.clock(MONDAY_MORNING)
async def test_remind_off_stops_reminders(
    bot: RunningBot, clock: FakeClock, telegram: FakeTelegram
) -> None:
    """/remind off stops reminders until one is set again."""
    await _set_up(bot)
    [reply] = await bot.send(CHAT, "/remind off")
    assert reply.text == "⏰ Daily reminder switched off. /remind turns it back on."
    clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)
    await _tick(bot)
    assert _reminders_sent(telegram) == []


# (chat, zone, reminder time, when it is set, when it fires on the spring-forward day)
SPRING_FORWARD = [
    (
        7001,
        "Europe/Berlin",
        "2:30",
        datetime(2026, 3, 28, 12, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    ),
    (
        7002,
        "America/New_York",
        "2:30",
        datetime(2026, 3, 7, 17, tzinfo=UTC),
        datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
    ),
]


async def test_reminders_keep_local_time_on_dst_days_in_berlin_and_new_york(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A time the clocks skip fires at the next real minute; a time they repeat fires once."""
    for chat, zone, at, start, expected in SPRING_FORWARD:
        clock = FakeClock(start)
        async with run_bot(telegram, settings, clock=clock) as bot:
            await bot.send(chat, f"/timezone {zone}")
            await bot.send(chat, f"/remind {at}")
            clock.current = expected
            clock.advance(minutes=-1)
            await _tick(bot)
            assert not [m for m in telegram.chat(chat) if m.text.startswith(REMINDER_TEXT)]
            clock.advance(minutes=1)
            await _tick(bot)
            assert len([m for m in telegram.chat(chat) if m.text.startswith(REMINDER_TEXT)]) == 1

    # Falling back: 02:30 in Berlin happens twice on 25 October 2026; one reminder only.
    chat = 7003
    clock = FakeClock(datetime(2026, 10, 24, 12, tzinfo=UTC))
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.send(chat, "/timezone Europe/Berlin")
        await bot.send(chat, "/remind 2:30")
        for minute in range(0, 150, 10):  # 00:00 to 02:20 UTC covers both 02:30s
            clock.current = datetime(2026, 10, 25, 0, 0, tzinfo=UTC).replace(
                hour=minute // 60, minute=minute % 60
            )
            await _tick(bot)
        assert len([m for m in telegram.chat(chat) if m.text.startswith(REMINDER_TEXT)]) == 1


async def test_one_batch_of_reminders_gives_each_chat_its_own_streak(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A batch's streaks come from one query for all its chats: none borrows another's days."""
    one_day, rested, done_today, new = 6201, 6202, 6203, 6204
    clock = FakeClock(MONDAY_MORNING)
    async with run_bot(telegram, settings, clock=clock) as bot:
        for chat_id in (one_day, rested, done_today, new):
            await bot.send(chat_id, "/timezone Europe/Berlin")
            await bot.send(chat_id, "/remind 7:30")
        # 20:00 in Berlin on Saturday 30 May, Sunday 31 May and Monday 1 June.
        evening = [datetime(2026, 5, 30, 18, 0, tzinfo=UTC) + timedelta(days=n) for n in range(3)]
        async with bot.db.transaction() as tx:
            for chat_id, finished in [
                (one_day, evening[2]),
                (rested, evening[0]),
                (rested, evening[2]),
                (done_today, datetime(2026, 6, 2, 4, 0, tzinfo=UTC)),  # 06:00, before it
            ]:
                tx.add(_completed(chat_id, finished))
            tx.add(RestDay(chat_id=rested, day=date(2026, 5, 31)))  # Sunday: bridges the gap
        clock.current = datetime(2026, 6, 2, 5, 30, tzinfo=UTC)  # Tuesday 07:30 in Berlin
        await _tick(bot)

    def reminder_of(chat_id: int) -> list[str]:
        return [m.text for m in telegram.chat(chat_id) if m.text.startswith(REMINDER_TEXT)]

    assert "Streak: 1 day" in reminder_of(one_day)[0]
    assert "Streak: 2 days" in reminder_of(rested)[0]
    assert reminder_of(done_today) == []
    [first] = reminder_of(new)
    assert "Streak" not in first
