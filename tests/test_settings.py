"""/settings: one message that edits itself, each choice, and its effect from the next step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.coaching import preferences
from bot.coaching.plan import Changes
from bot.content import Routine
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot

CHAT = 7001
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
QL_STEP = "Step 2/8 · Knees-to-chest stretch (quadratus lumborum)"


async def _step_two(bot: RunningBot) -> Message:
    """/warmup and step 1's two sides done: the side-of-back stretch's first message."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    [step] = await bot.press(CHAT, "Done")
    return step


async def test_the_menu_shows_every_setting_and_edits_itself_in_place(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/settings lists every setting, each choice edits that one message, and ✅ Close ends it."""
    [menu] = await bot.send(CHAT, "/settings")
    for line in (
        "Hands-free timed exercises: on",
        "Pause to switch sides: 5 s",
        "Rest between sets: 15 s (suggested)",
        "I have a foam roller: yes",
        "Pictures: on",
        "Daily reminder: off",
        "Timezone: not set",
        "Weekly target: 5 warm-ups",
    ):
        assert line in menu.text
    assert await bot.press(CHAT, "Switch: 5 s") == []  # a page, in the same message
    assert menu.labels[:3] == ["3 s", "✓ 5 s", "10 s"]
    assert await bot.press(CHAT, "10 s") == []
    assert "Pause to switch sides: 10 s" in menu.text  # back on the first page, changed
    answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
    assert answers[-1] == "✓ Saved"
    await bot.press(CHAT, "Rest: 15 s")
    await bot.press(CHAT, "30 s")
    await bot.press(CHAT, "Pictures: on")
    await bot.press(CHAT, "Weekly target: 5")
    assert menu.labels[:7] == ["1", "2", "3", "4", "✓ 5", "6", "7"]
    await bot.press(CHAT, "3")
    for line in ("Rest between sets: 30 s", "Pictures: off", "Weekly target: 3 warm-ups"):
        assert line in menu.text
    await bot.press(CHAT, "✅ Close")
    assert menu.buttons == []
    assert "Weekly target: 3 warm-ups" in menu.text
    assert len(telegram.chat(CHAT)) == 2  # the command and the one menu message


async def test_hands_free_off_gives_one_timer_per_side(bot: RunningBot) -> None:
    """With hands-free off, ⏱ Start runs one hold with Stop, Done and Sharp pain, no sequence."""
    await bot.choose(CHAT, "Hands-free: on")
    await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    assert countdown.labels == ["⏹ Stop hold", "✅ Done", "⚠️ Sharp pain"]
    assert "Next:" not in countdown.text


@pytest.mark.clock(START)
async def test_pauses_chosen_time_the_sequence(bot: RunningBot, clock: FakeClock) -> None:
    """The chosen pause to switch sides and rest between sets time the hands-free sequence."""
    await bot.choose(CHAT, "Switch: 5 s", "10 s", "Rest: 15 s", "0 s")
    await bot.start_warmup(CHAT)
    [countdown] = await bot.press(CHAT, "Start 30s hold")
    session = await bot.latest_session()
    clock.advance(seconds=35)
    await bot.run_job(f"hold:{session.id}")
    assert (await bot.latest_session()).hold_ends_at == START + timedelta(seconds=35 + 10 + 30)
    assert "🔄 Switch sides… 10" in countdown.text
    clock.advance(seconds=40)
    await bot.run_job(f"hold:{session.id}")
    [countdown] = await bot.press(CHAT, "Start 20s hold")  # the side-of-back stretch, 2 sets
    clock.advance(seconds=25)
    await bot.run_job(f"hold:{session.id}")
    # No rest chosen: set 2's hold runs straight on.
    assert (await bot.latest_session()).hold_ends_at == START + timedelta(seconds=75 + 25 + 0 + 20)
    assert "⏱ 20 s left" in countdown.text


async def test_an_exercises_hold_and_sets_apply_from_the_next_step(bot: RunningBot) -> None:
    """An exercise's hold and sets chosen by hand show in the menu and apply from the next step."""
    menu = await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch")
    assert "range the source gives" in menu.text
    assert menu.labels[:9] == [
        *("✓ Level 1", "Level 2", "Level 3", "Level 4"),
        *("✓ 20 s", "25 s", "30 s", "✓ Sets: 2", "Sets: 3"),
    ]
    await bot.press(CHAT, "25 s")
    await bot.press(CHAT, "Sets: 2")
    # Chosen by hand: no level is marked until the level next moves.
    assert menu.labels[:9] == [
        *("Level 1", "Level 2", "Level 3", "Level 4"),
        *("20 s", "✓ 25 s", "30 s", "✓ Sets: 2", "Sets: 3"),
    ]
    assert "2 sets · hold 25 s (your setting)" in menu.text
    step = await _step_two(bot)
    assert "Set 1/2" in step.text
    assert "2 sets · hold 25 s (your setting)" in step.text
    assert "⏱ Start 25s hold" in step.labels

    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "30 s", "Sets: 3")
    [following] = await bot.press(CHAT, "Done")  # from the next step on
    assert "Set 2/3" in following.text
    assert "⏱ Start 30s hold" in following.labels


async def test_a_suggested_number_moves_within_a_marked_band(bot: RunningBot) -> None:
    """A suggested number is offered within a marked band around it, and the choice is shown."""
    menu = await bot.choose(CHAT, "Holds, sets and reps", "Belly breathing")
    assert "a band around our suggestion" in menu.text
    assert menu.labels[:7] == [
        "✓ Sets: 1",
        "Sets: 2",
        "Reps: 3",
        "Reps: 4",
        "✓ Reps: 5",
        "Reps: 6",
        "Reps: 7",
    ]
    await bot.press(CHAT, "Reps: 7")
    assert "7 breaths" in menu.text


async def test_fewer_sets_chosen_mid_exercise_keep_the_set_under_way(bot: RunningBot) -> None:
    """Fewer sets chosen during set 3 let that set finish and be recorded, then step 3 follows."""
    await _step_two(bot)
    await bot.press(CHAT, "Done")
    await bot.press(CHAT, "Done")  # now on set 3 of 3
    await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "Sets: 2")
    [following] = await bot.press(CHAT, "Done")
    assert following.text.startswith("Step 3/8")
    assert await bot.event_count() == 2 + 3


async def test_the_roller_choice_keeps_a_warmup_under_way_as_it_began(bot: RunningBot) -> None:
    """No foam roller, chosen at the outer-hip roll (step 4): the warm-up under way keeps its
    rolls and its order; the next one has the standing stretches, last."""
    await bot.start_warmup(CHAT)
    for _ in range(6):  # both sides of step 1, both sets of step 2, both sides of step 3
        [step] = await bot.press(CHAT, "Done")
    assert step.text.startswith("Step 4/8 · Outer-hip foam roll (TFL)")
    await bot.choose(CHAT, "Foam roller: yes")
    [right] = await bot.press(CHAT, "Done")
    assert right.text == "Step 4/8 · Right side · foam roll 60 s"
    await bot.press(CHAT, "Done")
    [quads] = [m for m in bot.server.chat(CHAT) if m.from_bot][-1:]
    assert quads.text.startswith("Step 5/8 · Front-of-thigh foam roll (quads)")
    await bot.send(CHAT, "/stop")
    await bot.start_warmup(CHAT)
    names = [s.name for s in (await _next_plan(bot)).steps]
    assert names[-2:] == ["Standing outer-hip stretch (TFL)", "Standing thigh stretch (quads)"]


async def _next_plan(bot: RunningBot) -> Routine:
    """The plan of the chat's running warm-up, as the bot runs it."""
    session = await bot.latest_session(CHAT)
    async with bot.db.reading() as tx:
        prefs = await preferences.load(tx, CHAT)
    content = bot.services.content
    planned = prefs.planned(Changes.of_row(session.plan_changes))
    return preferences.shape(content, content.default_routine, planned)


async def test_without_a_foam_roller_the_alternatives_take_their_place(bot: RunningBot) -> None:
    """Without a foam roller, standing stretches replace the roller steps and say they are ours."""
    menu = await bot.choose(CHAT, "Foam roller: yes")
    assert "I have a foam roller: <b>no</b>" in menu.html
    [checkin] = await bot.send(CHAT, "/warmup")
    assert "foam roller" not in checkin.text
    await bot.press(CHAT, "Skip check-in")
    seen = []
    for _ in range(15):  # to the right side of step 8
        [step] = await bot.press(CHAT, "Done")
        seen.append(step.text)
    # Last, after every floor exercise: down to the floor once.
    hip = next(t for t in seen if t.startswith("Step 7/8 · "))
    assert hip.startswith("Step 7/8 · Standing outer-hip stretch (TFL)\nLeft side")
    assert "Our alternative to the foam roll, with the same aim; not in the source." in hip
    quad = next(t for t in seen if t.startswith("Step 8/8 · "))
    assert quad.startswith("Step 8/8 · Standing thigh stretch (quads)")
    assert "not in the source" in quad
    assert not any("foam roll" in t.lower().split("\n")[0] for t in seen)


async def test_a_value_the_menu_never_offered_is_refused(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Forged settings buttons are refused with an answer and change nothing."""
    [menu] = await bot.send(CHAT, "/settings")
    before = menu.html
    for forged in ("set:switch:7", "set:hold:psoas-stretch.31", "set:hf:2", "set:page:nope",
                   "set:target:9", "set:reset:no-such-exercise"):  # fmt: skip
        await bot.press_data(CHAT, forged, menu.message_id)
        answers = [c.params.get("text") for c in telegram.calls_to("answerCallbackQuery")]
        assert answers[-1] == "That choice is not on offer; nothing changed."
    assert menu.html == before
    assert "Pause to switch sides: 5 s" in (await bot.send(CHAT, "/settings"))[0].text


async def test_in_a_group_only_admins_change_settings(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """In a group only an admin can open /settings or change a setting."""
    group, member, admin = -100_500, 41, 42
    telegram.admins[group] = {admin}
    [refused] = await bot.send(group, "/settings", user_id=member)
    assert "admin" in refused.text
    [menu] = await bot.send(group, "/settings", user_id=admin)
    await bot.press(group, "Hands-free: on", user_id=member)
    assert "Hands-free timed exercises: <b>on</b>" in menu.html
    await bot.press(group, "Hands-free: on", user_id=admin)
    assert "Hands-free timed exercises: <b>off</b>" in menu.html


async def test_pictures_off_sends_the_next_step_as_text(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """With pictures off a step comes without its animation; turned back on, the next has it."""
    await bot.choose(CHAT, "Pictures: on", "Close")
    await bot.start_warmup(CHAT)
    assert telegram.calls_to("sendAnimation") == []
    await bot.choose(CHAT, "Pictures: off", "Close")
    await bot.press(CHAT, "Done")
    [step] = await bot.press(CHAT, "Done")
    assert step.text.startswith(QL_STEP)
    assert step.animation is not None


async def test_the_reminder_opens_in_the_same_message(bot: RunningBot) -> None:
    """The daily reminder opens inside the settings message, and ✅ Save keeps the time."""
    [menu] = await bot.send(CHAT, "/settings")
    assert await bot.press(CHAT, "Daily reminder") == []
    assert "⌨️ Type a time" in menu.labels
    await bot.press(CHAT, "07:30")
    assert "✓ 07:30" in menu.labels
    await bot.press(CHAT, "✅ Save")
    assert menu.buttons == []
    assert "Daily reminder: 07:30 every day, once I know your timezone" in menu.text
    [again] = await bot.send(CHAT, "/settings")
    assert "Daily reminder: 07:30 every day" in again.text


async def test_a_level_can_be_set_by_hand(bot: RunningBot) -> None:
    """A level chosen by hand sets the step's hold and sets; forged level buttons do nothing."""
    menu = await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch", "Level 3")
    assert "✓ Level 3" in menu.labels
    assert "2 sets · hold 30 s (level 3 of 4)" in menu.text
    step = await _step_two(bot)
    assert "Set 1/2" in step.text
    assert "⏱ Start 30s hold" in step.labels
    for forged in ("set:level:quadratus-lumborum-stretch.5", "set:level:psoas-stretch.1"):
        await bot.press_data(CHAT, forged, menu.message_id)
    again = await bot.choose(CHAT, "Holds, sets and reps", "Knees-to-chest stretch")
    assert "✓ Level 3" in again.labels
