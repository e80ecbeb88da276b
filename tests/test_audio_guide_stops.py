"""🎧 The audio guide falls silent with its countdown: ⏸ Pause, ⏹ Stop, ⏭ Skip, ✅ Done,
⚠️ Sharp pain and 🔄 Start over delete a voice note that is still speaking (Telegram stops
playing a deleted note), and ▶️ Go on sends the rest of the exercise's guide from where the
countdown goes on. A note that has finished is left in the chat."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime

import pytest
import soundfile

from bot.coaching import coach, guide, preferences
from bot.coaching.coach import Cursor
from bot.coaching.guide import Cue, Script
from bot.coaching.plan import Prefs
from bot.config import PROJECT_ROOT
from bot.content import Content, Routine, load_content
from bot.voice import notes
from tests.fake_telegram import FakeTelegram, Message
from tests.harness import FakeClock, RunningBot

CHAT = 18101
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
TWIST_NOTE = 72  # the upper-back twist, hands-free: 5 + 30 + 5 + 30 s, and room for "done"
QUIET = 0.3  # as in tests/test_audio_guide.py: each cue's clips end this long before the next


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(PROJECT_ROOT / "content")


def _timed(content: Content, prefs: Prefs) -> list[tuple[Routine, Cursor, int, int]]:
    """(routine, cursor, lead, seconds) for every timed hold of every routine."""
    found = []
    for routine in content.routines.values():
        shaped = preferences.shape(content, routine, prefs)
        for index, step in enumerate(shaped.steps):
            seconds = coach.timer_seconds(step)
            if seconds is not None:
                lead = content.rules.timer.get_ready_seconds
                found += [(shaped, c, lead, seconds) for c in coach.sub_steps(index, step)]
    return found


def _tail(script: Script, at: int) -> tuple[tuple[Cue, ...], int]:
    """The cues of `script` from `at` seconds in, timed from there, and what is left of it."""
    cues = tuple(Cue(cue.at - at, cue.clips) for cue in script.cues if cue.at >= at)
    return cues, script.length - at


@pytest.mark.parametrize("hands_free", [True, False])
def test_a_guide_resumed_mid_hold_is_the_rest_of_the_whole_one(
    content: Content, hands_free: bool
) -> None:
    """For every timed hold and every second of it: the guide ▶️ Go on sends is the guide
    ⏱ Start sent, from that second on; from the countdown's very start, the whole of it."""
    prefs, rules = Prefs(hands_free=hands_free), content.rules
    for routine, cursor, lead, seconds in _timed(content, prefs):
        whole = guide.script(routine, cursor, prefs, rules)
        assert whole is not None
        from_start = guide.script(routine, cursor, prefs, rules, left=lead + seconds)
        assert from_start == whole
        for at in range(lead + 1, lead + seconds + 1):
            rest = guide.script(routine, cursor, prefs, rules, left=lead + seconds - at)
            assert rest is not None
            assert (rest.cues, rest.length) == _tail(whole, at), (cursor, at)


@pytest.mark.parametrize("language", ["en", "ru", "es"])
def test_no_cue_of_a_resumed_guide_runs_into_the_next(content: Content, language: str) -> None:
    """From every second of every hold's countdown (its lead too), hands-free on and off, at
    every switch and rest the settings offer, in every language: each cue's clips end before
    the next cue."""
    clips = notes.Clips(PROJECT_ROOT / "content" / "voice" / language, content, language)
    rate = content.rules.audio_guide.sample_rate
    gap = round(notes.CLIP_GAP_SECONDS * rate)
    hands_free = content.rules.hands_free
    checked = 0
    for on, switch, rest in itertools.product(
        (True, False), hands_free.switch_choices, hands_free.rest_choices
    ):
        prefs = Prefs(hands_free=on, switch_seconds=switch, rest_seconds=rest)
        for routine, cursor, lead, seconds in _timed(content, prefs):
            for left in range(lead + seconds + 1):
                script = guide.script(routine, cursor, prefs, content.rules, left=left)
                assert script is not None
                ends = [cue.at for cue in script.cues[1:]] + [script.length]
                for cue, following in zip(script.cues, ends, strict=True):
                    spoken = sum(len(clips[name]) + gap for name in cue.clips) - gap
                    assert cue.at + spoken / rate <= following - QUIET, (cursor, left, cue)
                    checked += 1
    assert checked > 10_000


def _voice_notes(telegram: FakeTelegram) -> list[Message]:
    return [message for message in telegram.chat(CHAT) if message.voice is not None]


async def _guided(bot: RunningBot) -> tuple[Message, Message]:
    """/warmup, and 🎧 on its first exercise: (the countdown, the voice note)."""
    bot.pause_scheduler()
    await bot.start_warmup(CHAT)
    countdown, voice = await bot.press(CHAT, "Audio guide")
    assert voice.voice is not None
    return countdown, voice


@pytest.mark.clock(START)
async def test_pause_silences_the_guide_and_go_on_sends_the_rest(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock
) -> None:
    """⏸ Pause deletes the speaking note (the record keeps it as cut); ▶️ Go on sends a new
    note from where the countdown goes on, as long as the rest of the exercise, and only once;
    a second ⏸ and ▶️ do the same with the new note."""
    countdown, voice = await _guided(bot)
    clock.advance(seconds=5 + 12)  # 18 s of the left side's 30 to go
    assert await bot.press(CHAT, "Pause") == []
    assert _voice_notes(telegram) == []
    paused = await bot.latest_session()
    assert (paused.guide_message_id, paused.guide_ends_at) == (voice.message_id, None)

    clock.advance(minutes=2)  # a long pause changes nothing
    [again] = await bot.press(CHAT, "Go on")
    assert _voice_notes(telegram) == [again]
    assert "⏱ 18 s left" in countdown.text
    assert int(telegram.calls_to("sendVoice")[-1].params["duration"]) == TWIST_NOTE - 17
    samples, rate = soundfile.read(io.BytesIO(again.media or b""), dtype="float32")
    assert abs(len(samples) / rate - (TWIST_NOTE - 17)) <= 0.2
    assert (await bot.latest_session()).guide_message_id == again.message_id

    clock.advance(seconds=3)
    assert await bot.press(CHAT, "Pause") == []
    assert _voice_notes(telegram) == []
    [third] = await bot.press(CHAT, "Go on")
    assert _voice_notes(telegram) == [third]
    assert third.message_id != again.message_id
    assert len(telegram.calls_to("sendVoice")) == 3


@pytest.mark.clock(START)
async def test_a_pause_without_a_guide_sends_none_on_go_on(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """⏱ Start (no guide), ⏸ Pause, ▶️ Go on: no voice note comes; a guide's note paused
    and then skipped past leaves nothing for the next exercise's ▶️ Go on either."""
    bot.pause_scheduler()
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Start 30s hold")
    await bot.press(CHAT, "Pause")
    await bot.press(CHAT, "Go on")
    assert telegram.calls_to("sendVoice") == []
    await bot.send(CHAT, "/stop")

    await _guided(bot)
    await bot.press(CHAT, "Pause")
    await bot.press(CHAT, "Skip")
    await bot.press(CHAT, "s hold")
    await bot.press(CHAT, "Pause")
    await bot.press(CHAT, "Go on")
    assert len(telegram.calls_to("sendVoice")) == 1


@pytest.mark.clock(START)
@pytest.mark.parametrize("label", ["Skip", "Stop", "Sharp pain"])
async def test_every_way_out_of_a_hands_free_countdown_silences_its_guide(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock, label: str
) -> None:
    """⏭ Skip, ⏹ Stop and ⚠️ Sharp pain under the countdown delete the note that is still
    speaking, and clear its record."""
    await _guided(bot)
    clock.advance(seconds=20)
    await bot.press(CHAT, label)
    assert _voice_notes(telegram) == []
    assert (await bot.latest_session()).guide_message_id is None


@pytest.mark.clock(START)
@pytest.mark.parametrize("label", ["Stop hold", "Done"])
async def test_stopping_or_ending_a_single_hold_silences_its_guide(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock, label: str
) -> None:
    """Hands-free off: ⏹ Stop hold and ✅ Done under the countdown delete its speaking note."""
    await bot.one_timer_per_side(CHAT)
    await _guided(bot)
    clock.advance(seconds=10)
    await bot.press(CHAT, label)
    assert _voice_notes(telegram) == []


@pytest.mark.clock(START)
async def test_starting_over_and_stopping_by_command_silence_the_guide(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """🔄 Start over (offered by /warmup) and /stop end the warm-up, and its speaking note."""
    await _guided(bot)
    [offer] = await bot.send(CHAT, "/warmup")
    await bot.press(CHAT, "Start over")
    assert _voice_notes(telegram) == []
    await bot.press(CHAT, "Skip check-in")
    await bot.press(CHAT, "Audio guide")
    assert len(_voice_notes(telegram)) == 1
    await bot.send(CHAT, "/stop")
    assert _voice_notes(telegram) == []
    assert offer.text  # the offer was shown before the choice


@pytest.mark.clock(START)
async def test_a_note_that_has_finished_speaking_stays(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock
) -> None:
    """Hands-free off, 🎧 on one hold: once the note's time has passed, ✅ Done leaves it in
    the chat (there is nothing to silence), and clears its record."""
    await bot.one_timer_per_side(CHAT)
    _, voice = await _guided(bot)
    clock.advance(seconds=60)
    await bot.press(CHAT, "Done")
    assert [n.message_id for n in _voice_notes(telegram)] == [voice.message_id]
    assert (await bot.latest_session()).guide_message_id is None
