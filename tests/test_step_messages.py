"""Steps a person on the floor takes in at a glance: an exercise's first message is its name, a
short cue and the dose (the whole how, what it works and why behind More, folded away by
Less); a later side or set says only where and how long; the countdown names what comes
next correctly at every point; without a foam roller the standing stretches come last."""

from __future__ import annotations

import pytest

from bot.chat import countdown, render
from bot.coaching import coach, preferences
from bot.coaching.coach import Cursor, Side
from bot.coaching.plan import Prefs
from bot.config import PROJECT_ROOT
from bot.content import Content, Routine, Step, load_content
from tests.harness import RunningBot
from tests.test_first_minutes import words

CHAT = 17001
# The longest first message of an exercise, in words (README, "The first minutes").
MOST_WORDS_IN_A_STEP = 50


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(PROJECT_ROOT / "content")


def _shaped(content: Content, **prefs: bool) -> list[Routine]:
    """Every routine as a chat with `prefs` does it."""
    return [
        preferences.shape(content, routine, Prefs(**prefs))  # type: ignore[arg-type]
        for routine in content.routines.values()
    ]


def test_every_exercises_first_message_fits_the_limit(content: Content) -> None:
    """With or without a foam roller, each exercise's first message (as sent, More not
    opened, hands-free notes included) is at most 50 words, and shows its cue rather than
    the whole how."""
    for roller in (True, False):
        for routine in _shaped(content, roller=roller):
            for index, exercise in enumerate(routine.steps):
                side = Side.LEFT if exercise.prescription.per_side else None
                cursor = Cursor(index, 1, side)
                text = render.step(content.texts, routine, cursor, hands_free=True)
                assert words(text) <= MOST_WORDS_IN_A_STEP, (routine.id, exercise.id)
                assert "Why:" not in text


def _first_messages(content: Content, routine: Routine, *, hands_free: bool) -> list[str]:
    """Each exercise's first message in `routine`, as sent."""
    return [
        render.step(content.texts, routine, Cursor(i, 1, _first_side(s)), hands_free=hands_free)
        for i, s in enumerate(routine.steps)
    ]


def _first_side(step: Step) -> Side | None:
    return Side.LEFT if step.prescription.per_side else None


def test_the_first_timer_and_the_first_level_are_explained_where_they_show(
    content: Content,
) -> None:
    """Each routine's first timed exercise says that one Start runs it all (hands-free on
    only), and its first exercise showing a level says what a level is; no other does."""
    texts = content.texts
    explained_levels = 0
    for routine in _shaped(content, roller=True) + _shaped(content, roller=False):
        shown = _first_messages(content, routine, hands_free=True)
        first_timed = next(i for i, s in enumerate(routine.steps) if s.prescription.guided_seconds)
        assert [i for i, text in enumerate(shown) if texts.first_timed in text] == [first_timed]
        levelled = [i for i, text in enumerate(shown) if texts.first_level in text]
        assert levelled == [i for i, text in enumerate(shown) if "(level " in text][:1]
        explained_levels += len(levelled)
        manual = _first_messages(content, routine, hands_free=False)
        assert not any(texts.first_timed in text for text in manual), routine.id
    assert explained_levels >= 2  # the full routine, with and without a roller


def test_without_a_roller_the_standing_stretches_come_last(content: Content) -> None:
    """The two standing stretches that replace the foam rolls follow every floor exercise:
    down to the floor once, up once."""
    full = preferences.shape(content, content.default_routine, Prefs(roller=False))
    standing = [step.alternative for step in full.steps]
    assert standing == [False] * 6 + [True] * 2
    assert [s.id for s in full.steps][:3] == [s.id for s in content.default_routine.steps][:3]


def test_the_countdown_says_what_comes_next_at_every_point(content: Content) -> None:
    """Hands-free, while switching sides or resting, "Next" is the hold about to
    start; while a hold runs, what follows it (the next side, set, exercise or the end)."""
    texts, rules = content.texts, content.rules.timer
    routine = preferences.shape(content, content.default_routine, Prefs())
    for index in range(len(routine.steps)):
        for cursor in coach.sub_steps(index, routine.steps[index]):
            if coach.timer_seconds(routine.steps[index]) is None:
                continue
            ready = countdown.countdown(
                texts, rules, routine, cursor, left=30, lead=5, hands_free=True
            )
            running = countdown.countdown(
                texts, rules, routine, cursor, left=20, lead=0, hands_free=True
            )
            assert running.endswith(countdown.up_next(texts, routine, cursor))
            if coach.is_first_of_step(cursor):
                assert "Next:" not in ready, cursor  # the exercise's own message is above
            elif cursor.side is not None:
                side = getattr(texts.side_labels, cursor.side.value).lower()
                assert ready.endswith(f"Next: {side}"), cursor
            elif cursor.set > 1:
                assert ready.endswith(
                    f"Next: set {cursor.set}/{routine.steps[index].prescription.guided_sets}"
                )


async def test_more_opens_the_whole_how_in_place_and_less_folds_it(bot: RunningBot) -> None:
    """More edits the step's own message to every instruction, what it works and why (its
    buttons kept, More now Less); Less folds it back; neither changes anything stored. The
    first timed exercise, as sent, says one Start runs it all (hands-free is on by default)."""
    [_, step] = await bot.start_warmup(CHAT)
    short = step.text
    assert short.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)\nLeft side")
    assert "• On your back, bring your left knee up to 90 degrees" in short
    assert short.endswith("🙌 One ⏱ Start runs it all, hands-free.")
    assert "Works:" not in short
    assert step.labels[-1] == "ℹ️ More"
    before = await bot.snapshot()
    assert await bot.press(CHAT, "More") == []
    assert "• Lie on your back and press your lower back flat into the floor." in step.text
    assert "Works (our reading): upper back (thoracic spine)" in step.text
    assert "Why: " in step.text
    assert step.labels[-1] == "ℹ️ Less"
    assert step.labels[:3] == ["⏱ Start 30s hold", "🎧 Audio guide", "✅ Done"]
    assert await bot.press(CHAT, "Less") == []
    assert step.text == short
    assert await bot.snapshot() == before


async def test_a_later_side_says_only_where_and_how_long(bot: RunningBot) -> None:
    """After Done on the left side the right side's message is one line: step, side, dose;
    More on the old left-side message then changes nothing."""
    [_, left] = await bot.start_warmup(CHAT)
    more = next(data for label, data in left.buttons if label == "ℹ️ More")
    [right] = await bot.press(CHAT, "Done")
    assert right.text == "Step 1/8 · Right side · hold 30 s"
    assert "ℹ️ More" not in right.labels
    closed = left.text
    assert await bot.press_data(CHAT, more, left.message_id) == []
    assert left.text == closed
    answers = bot.server.calls_to("answerCallbackQuery")
    assert (
        answers[-1].params.get("text") == "That button is from an earlier step; nothing changed."
    )
