"""A newcomer's first minutes: a welcome that says how long it takes and what it needs (the
foam roller chosen right there), one question per message, none of them long, and a check-in
that can be answered by typing."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.coaching import coach, preferences
from tests.harness import FakeClock, RunningBot

CHAT = 16001
# The longest message a newcomer reads before the first exercise, in words (README, "The
# first minutes"): a phone screen without scrolling.
MOST_WORDS_BEFORE_THE_FIRST_STEP = 60


def words(text: str) -> int:
    """Words as a reader counts them: tokens with a letter or digit (not emoji, not bullets)."""
    plain = re.sub(r"<[^>]+>", " ", text)
    return sum(1 for token in plain.split() if any(c.isalnum() for c in token))


@pytest.fixture
def newcomer(bot: RunningBot) -> RunningBot:
    """The bot, for tests that answer the first warm-up's questions themselves."""
    bot.answer_screening = False
    bot.answer_precautions = False
    return bot


async def _to_the_first_step(bot: RunningBot, language: str = "en") -> list[str]:
    """/start, ▶️ Start, the safety check, the check-in (typed), the precautions: every text
    the bot showed in the chat, as sent and as each edit left it, the first step last; for a
    person whose Telegram app is in `language`."""
    texts = bot.services.content.language(language).texts
    bot.server.languages[CHAT] = language
    await bot.send(CHAT, "/start")
    await bot.press(CHAT, texts.buttons.start)
    await bot.press(CHAT, texts.screening.none)
    await bot.send(CHAT, "4")
    await bot.press(CHAT, texts.precautions.none)
    shown = bot.server.events
    return [e.text for e in shown if e.chat_id == CHAT and e.kind in ("send", "edit")]


def test_words_counts_what_a_reader_reads() -> None:
    """Tags, emoji and bullets are not words; numbers and words with punctuation are."""
    assert words("<b>Step 1/8</b> · Knees-to-chest\n• Lie on your back, 30 s 🙌") == 9


@pytest.mark.parametrize("language", ["en", "ru", "es"])
async def test_every_message_before_the_first_step_fits_a_phone_screen(
    newcomer: RunningBot, language: str
) -> None:
    """The welcome, the safety check, the check-in, its answer and the precautions question
    are each at most 60 words, as sent and as each edit leaves them; one question a message.
    In another language, the same limit with rules.yaml's `languages.word_margin`."""
    bot = newcomer
    shown = await _to_the_first_step(bot, language)
    *before, first_step = shown
    assert first_step.startswith("[animation: thoracic-spine-mobility-left.mp4] ")
    counts = {text.split("\n", 1)[0][:40]: words(text) for text in before}
    assert len(before) >= 7, counts  # 5 messages, and the 2 questions closed by their answers
    margin = 0 if language == "en" else bot.services.content.rules.languages.word_margin
    assert max(counts.values()) <= MOST_WORDS_BEFORE_THE_FIRST_STEP * (1 + margin), counts
    questions = [text for text in before if "?" in text]
    assert all(text.count("?") == 1 for text in questions), questions


async def test_the_roller_is_chosen_under_the_welcome_and_every_length_follows(
    newcomer: RunningBot,
) -> None:
    """ "No foam roller" under /start ticks itself, stores the choice (/settings shows it) and
    the welcome and the warm-up's intro both give the shorter length."""
    bot = newcomer
    [welcome] = await bot.send(CHAT, "/start")
    assert "about 13 minutes" in welcome.text
    assert "You need a mat" in welcome.text
    assert await bot.press(CHAT, "No foam roller") == []
    assert welcome.labels == ["🧽 I have a foam roller", "✅ No foam roller", "▶️ Start warm-up"]
    shorter = re.search(r"about (\d+) minutes", welcome.text)
    assert shorter is not None
    assert shorter.group(1) != "13"
    [menu] = await bot.send(CHAT, "/settings")
    assert "I have a foam roller: no" in menu.text
    await bot.press(CHAT, "Start warm-up")
    [checkin] = await bot.press(CHAT, "None of these applies")
    assert f"about {shorter.group(1)} minutes" in checkin.text
    assert "foam roller" not in checkin.text  # none of its exercises needs one now
    assert await bot.press(CHAT, "I have a foam roller") == []
    assert "about 13 minutes" in welcome.text


async def test_the_safety_check_comes_alone_and_then_the_checkin(newcomer: RunningBot) -> None:
    """A newcomer's ▶️ Start asks the safety check alone; the check-in (how is your back?)
    comes once it is answered, and says that one ⏱ Start runs an exercise hands-free."""
    bot = newcomer
    await bot.send(CHAT, "/start")
    [question] = await bot.press(CHAT, "Start warm-up")
    assert question.text.startswith("🩺 A safety check first")
    assert "How is your back" not in question.text
    [checkin] = await bot.press(CHAT, "None of these applies")
    assert "One tap on ⏱ Start runs a whole timed exercise hands-free" in checkin.text
    assert checkin.text.endswith(
        "How is your back right now? Tap or type 0 (no pain) to 10 (the worst)."
    )


async def test_a_typed_number_answers_the_open_checkin(newcomer: RunningBot) -> None:
    """Typed "5/10" while the check-in is open records 5 and the warm-up goes on; the check-in's
    own buttons then change nothing."""
    bot = newcomer
    await bot.send(CHAT, "/warmup")
    [checkin] = await bot.press(CHAT, "None of these applies")
    noted, question = await bot.send(CHAT, "5/10")
    assert noted.text == "Back before: 5/10"
    assert "One more question, asked once" in question.text
    [step] = await bot.press(CHAT, "None of these")
    assert step.text.startswith("Step 1/8")
    assert (await bot.latest_session(CHAT)).pain_before == 5
    assert await bot.press(CHAT, "7") == []
    assert (await bot.latest_session(CHAT)).pain_before == 5
    assert checkin.labels  # its buttons are left, and answer that they are from earlier


async def test_quick_under_a_typed_checkin_changes_nothing(newcomer: RunningBot) -> None:
    """Once the check-in is answered by typing, its ⚡ Quick button is from earlier: it
    changes nothing, and the precautions asked after the answer still come before a step."""
    bot = newcomer
    await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "None of these applies")
    _, question = await bot.send(CHAT, "3")
    before = await bot.snapshot()
    assert await bot.press(CHAT, "Quick") == []
    assert await bot.snapshot() == before
    assert (await bot.latest_session(CHAT)).routine_id == "lower-back"
    [step] = await bot.press(CHAT, "None of these")
    assert "Noted: none of these applies" in question.text
    assert step.text.startswith("Step 1/8")


async def test_other_text_is_told_what_is_open_and_changes_nothing(newcomer: RunningBot) -> None:
    """Text that answers nothing (a word, 11, a number while the safety check or a step is
    open) is told what is open now and which buttons answer it; nothing is stored."""
    bot = newcomer
    await bot.send(CHAT, "/warmup")
    before = await bot.snapshot()
    [reply] = await bot.send(CHAT, "3")
    assert reply.text == "The safety check above is still open: tap ✅ or ⚠️ under it."
    assert await bot.snapshot() == before
    await bot.press(CHAT, "None of these applies")
    before = await bot.snapshot()
    for typed in ("11", "my back", "-2"):
        [reply] = await bot.send(CHAT, typed)
        assert reply.text.startswith("To say how your back is, send a number from 0 to 10")
    assert await bot.snapshot() == before
    await bot.send(CHAT, "0")
    await bot.press(CHAT, "None of these")
    [reply] = await bot.send(CHAT, "4")
    assert reply.text.startswith("Your warm-up is at step 1/8: the buttons under it carry on")
    assert (await bot.latest_session(CHAT)).pain_before == 0


async def test_a_typed_number_answers_the_summarys_checkin_once(bot: RunningBot) -> None:
    """Under a finished warm-up's summary a typed 2 is the pain after (with what the coach
    makes of it); a second number answers nothing and is told so."""
    await bot.start_warmup(CHAT, pain="4")
    await bot.done_to_the_end(CHAT)
    [after] = await bot.send(CHAT, "2")
    assert "Back: 4/10 before, 2/10 after" in after.text
    assert (await bot.latest_session(CHAT)).pain_after == 2
    [reply] = await bot.send(CHAT, "3")
    assert reply.text.startswith("I answer commands and buttons.")
    assert (await bot.latest_session(CHAT)).pain_after == 2


@pytest.mark.clock(datetime(2026, 6, 1, 5, 0, tzinfo=UTC))
async def test_every_length_shown_is_the_chats_own_plan(bot: RunningBot, clock: FakeClock) -> None:
    """Without a roller, /start, /routines, the warm-up's intro and the daily reminder all give
    the same minutes, those of the plan the chat will do (coach.estimated_minutes of it)."""
    await bot.send(CHAT, "/start")
    await bot.press(CHAT, "No foam roller")
    async with bot.db.reading() as tx:
        prefs = await preferences.load(tx, CHAT)
    content = bot.services.content
    plan = preferences.shape(content, content.default_routine, prefs)
    minutes = coach.estimated_minutes(plan)
    assert minutes != coach.estimated_minutes(content.default_routine)
    [welcome] = [m for m in bot.server.chat(CHAT) if m.from_bot]
    [listing] = await bot.send(CHAT, "/routines")
    await bot.send(CHAT, "/timezone Europe/Berlin")
    await bot.send(CHAT, "/remind 7:30")
    clock.current = datetime(2026, 6, 1, 5, 30, tzinfo=UTC)  # 07:30 in Berlin
    await bot.run_job("reminders")
    [reminder] = [m for m in bot.server.chat(CHAT) if m.text.startswith("⏰ Time for")]
    [checkin] = await bot.press(CHAT, "▶️ Start")
    shown = {
        "welcome": welcome.text,
        "routines": listing.text.split("\n\n")[1],
        "reminder": reminder.text,
        "intro": checkin.text,
    }
    for where, text in shown.items():
        assert re.search(rf"about {minutes} min", text), (where, text)
