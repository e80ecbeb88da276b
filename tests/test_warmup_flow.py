"""The guided /warmup routine, end to end through the fake Bot API server."""

from __future__ import annotations

from sqlalchemy import select

from bot.coaching import running, sessions
from db.models import SessionStatus, WarmupSession
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import RunningBot

CHAT = 1001
# 8 exercises, per-side and per-set sub-steps included, at a new person's levels
STEP_MESSAGES_IN_FULL_ROUTINE = 16
# What a new person sees on the way through the whole routine by Done taps
FULL_ROUTINE_INTRO = (
    "Lower-back warm-up: 8 exercises, about 13 minutes.\n"
    "🧽 2 use a foam roller. Without one, say so in /settings: standing "
    "stretches take their place.\n"
    "Check-in skipped."
)
FIRST_STEP_BUTTONS = [
    "⏱ Start 30s hold",
    "🎧 Audio guide",
    "✅ Done",
    "⏭ Skip",
    "⏹ Stop",
    "⚠️ Sharp pain",
    "ℹ️ More",
]
# An exercise's first message names it; a later side or set says only where and how long.
FIRST_FIVE_HEADERS = [
    "Step 1/8 · Upper-back twist (thoracic spine mobility) | Left side",
    "Step 1/8 · Right side · hold 30 s",
    "Step 2/8 · Knees-to-chest stretch (quadratus lumborum) | Set 1/2",
    "Step 2/8 · Set 2/2 · hold 20 s",
    "Step 3/8 · Seated hip-flexor stretch (psoas) | Left side",
]
LAST_HEADER = "Step 8/8 · Set 3/3 · left arm · 5 reps"  # the sets alternate arms: the third left


def _headers(messages: list[Message]) -> list[str]:
    """Each step message's heading: its first paragraph, its lines joined by " | "."""
    return [
        " | ".join(m.text.split("\n\n")[0].splitlines())
        for m in messages
        if m.text.startswith("Step ")
    ]


async def _done_until_the_summary(
    bot: RunningBot, first: Message
) -> tuple[list[Message], Message]:
    """Tap Done, one reply a tap, until a reply is no step: the steps shown, and that reply."""
    step_messages = [first]
    while True:
        sent = await bot.press(CHAT, "Done")
        assert len(sent) == 1
        if not sent[0].text.startswith("Step "):
            return step_messages, sent[0]
        step_messages.append(sent[0])


async def test_start_welcomes_with_safety_note_and_start_button(bot: RunningBot) -> None:
    """/start explains the bot, carries the safety note, asks about the foam roller and
    offers one button to begin."""
    [reply] = await bot.send(CHAT, "/start")
    assert "Back Warm-up Coach" in reply.text
    assert "doctor" in reply.text
    assert "numbness or tingling" in reply.text
    assert reply.labels == ["✅ 🧽 I have a foam roller", "No foam roller", "▶️ Start warm-up"]

    [checkin] = await bot.press(CHAT, "Start warm-up")
    assert checkin.text.startswith("Lower-back warm-up: 8 exercises")
    [step] = await bot.press(CHAT, "Skip check-in")
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)")


async def test_help_lists_commands_registered_as_the_menu(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/help names every command, and the same commands were registered at start-up."""
    [reply] = await bot.send(CHAT, "/help")
    registered = [c["command"] for c in telegram.commands]
    assert registered == [
        "warmup",
        "stop",
        "routines",
        "progress",
        "settings",
        "target",
        "remind",
        "timezone",
        "pictures",
        "language",
        "export",
        "forget",
        "rest",
        "safety",
        "help",
    ]
    for command in registered:
        assert f"/{command}" in reply.text


async def test_whole_routine_by_done_taps_ends_in_warmup_complete(bot: RunningBot) -> None:
    """Done taps walk every sub-step once, in order, and finish with a summary."""
    intro, first = await bot.start_warmup(CHAT)
    assert intro.text == FULL_ROUTINE_INTRO
    assert [label for label, _ in first.buttons] == FIRST_STEP_BUTTONS

    step_messages, summary = await _done_until_the_summary(bot, first)

    assert len(step_messages) == STEP_MESSAGES_IN_FULL_ROUTINE
    assert _headers(step_messages)[:5] == FIRST_FIVE_HEADERS
    assert _headers(step_messages)[-1] == LAST_HEADER
    for message in step_messages:  # the chat reads as a log: every step shows how it ended
        assert message.buttons == []
        assert message.text.endswith("✅ Done")

    assert summary.text.startswith("🎉 Warm-up complete")
    assert "Done: 8 of 8 exercises\n" in summary.text
    assert "Sessions completed: 1" in summary.text
    assert "Streak: 1 day" in summary.text
    session = await bot.latest_session()
    assert session.status == SessionStatus.COMPLETED
    assert session.finished_at is not None
    assert await bot.event_count() == STEP_MESSAGES_IN_FULL_ROUTINE


async def test_first_sub_step_shows_instructions_and_prescription(bot: RunningBot) -> None:
    """A step opens with a short cue of what to do and how much (source numbers or marked
    suggestions); the whole how and the why are a tap on More away."""
    _, first = await bot.start_warmup(CHAT)
    assert "• On your back, bring your left knee up to 90 degrees" in first.text
    assert "Hold 30 s each side (suggested)" in first.text
    assert "Why: " not in first.text
    await bot.press(CHAT, "More")
    assert "• Lie on your back and press your lower back flat into the floor." in first.text
    assert "Why: " in first.text
    await bot.press(CHAT, "Done")
    [quadratus] = await bot.press(CHAT, "Done")
    assert "2 sets · hold 20 s (level 1 of 4)" in quadratus.text
    assert "suggested" not in quadratus.text  # the source's own numbers are not ours to mark


async def test_skip_leaves_the_rest_of_the_exercise_out(bot: RunningBot) -> None:
    """Skip on the left side moves to the next exercise, and the summary names what was skipped."""
    await bot.start_warmup(CHAT)
    [next_step] = await bot.press(CHAT, "Skip")
    assert next_step.text.startswith(
        "Step 2/8 · Knees-to-chest stretch (quadratus lumborum)\nSet 1/2"
    )
    skipped_message = bot.server.chat(CHAT)[-2]
    assert skipped_message.text.endswith("⏭ Skipped")
    assert skipped_message.buttons == []

    while True:
        [sent] = await bot.press(CHAT, "Done")
        if not sent.text.startswith("Step "):
            break
    assert (
        "Done: 7 of 8 exercises (skipped: Upper-back twist (thoracic spine mobility))" in sent.text
    )


async def test_stop_button_ends_the_session_and_keeps_what_was_done(bot: RunningBot) -> None:
    """⏹ Stop ends the warm-up; finished steps stay recorded and /warmup starts afresh."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Done")
    [reply] = await bot.press(CHAT, "Stop")
    assert reply.text == "Warm-up stopped after 1 of 8 exercises. Send /warmup to start again."
    stopped_message = bot.server.chat(CHAT)[-2]
    assert stopped_message.text.endswith("⏹ Stopped here")
    assert stopped_message.buttons == []
    session = await bot.latest_session()
    assert session.status == SessionStatus.STOPPED
    assert await bot.event_count() == 2

    _, first = await bot.start_warmup(CHAT)
    assert first.text.startswith("Step 1/8")


async def test_stop_command_closes_the_open_step_message(bot: RunningBot) -> None:
    """/stop works like the button and takes the buttons off the step on screen."""
    _, first = await bot.start_warmup(CHAT)
    [reply] = await bot.send(CHAT, "/stop")
    assert reply.text.startswith("Warm-up stopped after 0 of 8 exercises")
    assert first.buttons == []
    assert first.text.endswith("⏹ Stopped here")
    [nothing] = await bot.send(CHAT, "/stop")
    assert nothing.text == "There is no warm-up running. Send /warmup to start one."


async def test_warmup_while_unfinished_offers_resume_at_the_right_step(bot: RunningBot) -> None:
    """/warmup mid-session offers Resume (step N/8); Resume shows that sub-step again."""
    await bot.start_warmup(CHAT)
    for _ in range(3):
        [current] = await bot.press(CHAT, "Done")
    [offer] = await bot.send(CHAT, "/warmup")
    assert offer.text == "You have an unfinished Lower-back warm-up at step 2/8."
    assert [label for label, _ in offer.buttons] == ["▶️ Resume (step 2/8)", "🔄 Start over"]

    [resumed] = await bot.press(CHAT, "Resume")
    assert resumed.text.startswith("Step 2/8 · Set 2/2 · hold 20 s")
    assert offer.buttons == []
    assert current.buttons == []  # the older copy of the step can no longer be tapped
    assert current.text.endswith("⏸ Continued below")
    [after] = await bot.press(CHAT, "Done")
    assert after.text.startswith("Step 3/8 · Seated hip-flexor stretch (psoas)\nLeft side")


async def test_start_over_abandons_the_old_session_and_begins_at_step_one(
    bot: RunningBot,
) -> None:
    """🔄 Start over drops the unfinished warm-up and starts a new one from the top."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    old = await bot.latest_session()
    await bot.send(CHAT, "/warmup")
    [checkin] = await bot.press(CHAT, "Start over")
    assert checkin.text.startswith("Lower-back warm-up: 8 exercises")
    [first] = await bot.press(CHAT, "Skip check-in")
    assert first.text.startswith(
        "Step 1/8 · Upper-back twist (thoracic spine mobility)\nLeft side"
    )
    async with bot.db.transaction() as tx:
        statuses = dict((await tx.execute(select(WarmupSession.id, WarmupSession.status))).all())
    assert statuses[old.id] == SessionStatus.ABANDONED
    assert sorted(statuses.values()) == [SessionStatus.ABANDONED, SessionStatus.ACTIVE]


async def test_a_step_message_recorded_after_the_session_moved_on_is_not_taken_for_the_next(
    bot: RunningBot,
) -> None:
    """A late record of an earlier step's message leaves the current step's message alone."""
    await bot.start_warmup(CHAT)
    first = await bot.latest_session()
    earlier = await sessions.resume(
        bot.db, bot.services.content, chat_id=CHAT, session_id=first.id
    )
    assert isinstance(earlier, running.Position)
    [following] = await bot.press(CHAT, "Done")
    await bot.services.step_messages.add(running.step_message(earlier, 999_999))
    assert (await bot.latest_session()).message_id == following.message_id
