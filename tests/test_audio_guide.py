"""🎧 The audio guide: one voice note that leads a timed exercise at the chat's own plan (get
ready, start, the time left, 3-2-1, switch sides or rest, the next set, done), composed from
the committed clips, sent with the hands-free countdown, uploaded once and then sent by
file_id, and a line of text where Telegram refuses voice notes.

The note's timing is read back from its sound (where the voice starts after silence), not
from the script that made it."""

from __future__ import annotations

import io
import itertools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import soundfile
import yaml

from bot.chat.guide import Guides
from bot.coaching import coach, guide, preferences
from bot.coaching.coach import Cursor, Side
from bot.coaching.guide import Script
from bot.coaching.plan import Dose, Prefs
from bot.config import PROJECT_ROOT
from bot.content import Content, ContentError, Routine, load_content
from bot.content.doses import options
from bot.voice import notes
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 18001
VOICES = PROJECT_ROOT / "content" / "voice"
VOICE = VOICES / "en"
# Every language the bot speaks (content/rules.yaml), each with its own clips.
OFFERED = yaml.safe_load((PROJECT_ROOT / "content" / "rules.yaml").read_text("utf-8"))[
    "languages"
]["offered"]
# Where the voice starts is read in frames of this long; an onset is a loud frame after at
# least `QUIET` seconds of silence.
FRAME, QUIET, LOUD = 0.01, 0.3, 0.005


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(PROJECT_ROOT / "content")


def _clips(content: Content) -> notes.Clips:
    return notes.Clips(VOICE, content, "en")


def _first(routine: Routine, index: int) -> Cursor:
    return Cursor(index, 1, Side.LEFT if routine.steps[index].prescription.per_side else None)


def _every_script(content: Content) -> list[Script]:
    """The guide of every timed exercise of every routine, from each side and set, with and
    without a roller, hands-free on and off, at every switch and rest the settings offer,
    and at every hold and number of sets /settings offers each exercise."""
    rules = content.rules.hands_free
    scripts = []
    for roller, hands_free, switch, rest in itertools.product(
        (True, False), (True, False), rules.switch_choices, rules.rest_choices
    ):
        prefs = Prefs(
            hands_free=hands_free, roller=roller, switch_seconds=switch, rest_seconds=rest
        )
        for routine in content.routines.values():
            for dosed in _every_dose(content, routine, prefs):
                scripts += _from_every_position(content, routine, dosed)
    return scripts


def _every_dose(content: Content, routine: Routine, prefs: Prefs) -> list[Prefs]:
    """`prefs`, and it with each hold and each number of sets /settings offers, one at a time."""
    found = [prefs]
    for step in routine.steps:
        choices = options(step.prescription, content.rules.doses)
        found += [prefs.with_dose(step.id, Dose(seconds=s)) for s in choices.seconds]
        found += [prefs.with_dose(step.id, Dose(sets=n)) for n in choices.sets]
    return found


def _from_every_position(content: Content, routine: Routine, prefs: Prefs) -> list[Script]:
    shaped = preferences.shape(content, routine, prefs)
    return [
        found
        for index, step in enumerate(shaped.steps)
        for cursor in coach.sub_steps(index, step)
        if (found := guide.script(shaped, cursor, prefs, content.rules)) is not None
    ]


def onsets(samples: np.ndarray, rate: int) -> list[float]:
    """The seconds at which sound starts after silence."""
    frame = round(FRAME * rate)
    usable = len(samples) // frame * frame
    rms = np.sqrt((samples[:usable].reshape(-1, frame) ** 2).mean(axis=1))
    found, quiet = [], QUIET / FRAME  # the note's start counts as after silence
    for index, level in enumerate(rms):
        if level > LOUD:
            if quiet >= QUIET / FRAME:
                found.append(index * FRAME)
            quiet = 0
        else:
            quiet += 1
    return found


def test_the_script_times_an_exercise_as_the_countdown_does(content: Content) -> None:
    """Upper-back twist, hands-free: get ready 5 s, left 30 s, switch 5 s, right 30 s, then
    done; the time left at 10 s and 3-2-1 in each hold. Hands-free off: its one hold."""
    routine = preferences.shape(content, content.default_routine, Prefs())
    script = guide.script(routine, Cursor(0, 1, Side.LEFT), Prefs(), content.rules)
    assert script is not None
    assert [(cue.at, cue.clips) for cue in script.cues] == [
        (0, ("get_ready", "left")),
        (5, ("start",)),
        (25, ("remaining-10",)),
        (32, ("count-3",)),
        (33, ("count-2",)),
        (34, ("count-1",)),
        (35, ("switch", "right")),
        (40, ("start",)),
        (60, ("remaining-10",)),
        (67, ("count-3",)),
        (68, ("count-2",)),
        (69, ("count-1",)),
        (70, ("done",)),
    ]
    assert script.length == 72  # two seconds after the last hold for "done"
    alone = guide.script(routine, Cursor(0, 1, Side.RIGHT), Prefs(hands_free=False), content.rules)
    assert alone is not None
    assert [cue.at for cue in alone.cues] == [0, 5, 25, 32, 33, 34, 35]
    assert alone.cues[-1].clips == ("done",)  # the right side is the exercise's last hold
    left = guide.script(routine, Cursor(0, 1, Side.LEFT), Prefs(hands_free=False), content.rules)
    assert left is not None
    assert left.cues[-1].clips == ("release",)  # the right side is still to come
    assert guide.script(routine, Cursor(6, 1), Prefs(), content.rules) is None  # reps


def test_sets_name_themselves_and_a_short_rest_goes_straight_to_start(content: Content) -> None:
    """Between sets: "Rest. Set 2." then "Start" after the chat's rest; with no rest, "Set 2.
    Start." as the hold begins."""
    routine = preferences.shape(content, content.default_routine, Prefs())
    rested = guide.script(routine, Cursor(1, 1), Prefs(rest_seconds=15), content.rules)
    assert rested is not None
    assert (25, ("rest", "set-2")) in [(cue.at, cue.clips) for cue in rested.cues]
    assert (40, ("start",)) in [(cue.at, cue.clips) for cue in rested.cues]
    straight = guide.script(routine, Cursor(1, 1), Prefs(rest_seconds=0), content.rules)
    assert straight is not None
    assert (25, ("set-2", "start")) in [(cue.at, cue.clips) for cue in straight.cues]


@pytest.mark.parametrize("case", ["twist", "sets", "no rest", "one hold", "foam roll"])
def test_the_note_is_as_long_as_the_plan_and_each_cue_sounds_on_time(
    content: Content, case: str
) -> None:
    """Encoded and decoded again, the note lasts the plan's seconds (within 0.2 s) and the
    voice starts, after each silence, at each cue's second (within 50 ms)."""
    routine = preferences.shape(content, content.default_routine, Prefs())
    prefs, cursor = {
        "twist": (Prefs(), Cursor(0, 1, Side.LEFT)),
        "sets": (Prefs(), Cursor(1, 1)),
        "no rest": (Prefs(rest_seconds=0), Cursor(1, 1)),
        "one hold": (Prefs(hands_free=False), Cursor(2, 1, Side.RIGHT)),
        "foam roll": (Prefs(switch_seconds=3), Cursor(3, 1, Side.LEFT)),
    }[case]
    script = guide.script(routine, cursor, prefs, content.rules)
    assert script is not None
    rate = content.rules.audio_guide.sample_rate
    encoded = notes.ogg_opus(notes.compose(script, _clips(content)), rate)
    assert encoded.startswith(b"OggS")
    samples, read_rate = soundfile.read(io.BytesIO(encoded), dtype="float32")
    assert read_rate == rate
    assert abs(len(samples) / rate - script.length) <= 0.2
    heard = onsets(samples, rate)
    assert len(heard) == len(script.cues)
    for cue, at in zip(script.cues, heard, strict=True):
        assert abs(at - cue.at) <= 0.05, (cue, at)


@pytest.mark.parametrize("language", OFFERED)
def test_every_cue_is_said_before_the_next_begins(content: Content, language: str) -> None:
    """For every script the settings can make, in every language, each cue's clips end at
    least 0.3 s before the next cue (so no two run together), and the last fits before the
    note ends."""
    loaded = notes.Clips(VOICES / language, content, language)
    rate = content.rules.audio_guide.sample_rate
    gap = round(notes.CLIP_GAP_SECONDS * rate)
    checked = 0
    for script in _every_script(content):
        ends = [cue.at for cue in script.cues[1:]] + [script.length]
        for cue, following in zip(script.cues, ends, strict=True):
            spoken = sum(len(loaded[name]) + gap for name in cue.clips) - gap
            assert cue.at + spoken / rate <= following - QUIET, (cue, following)
            checked += 1
    assert checked > 100_000


@pytest.mark.parametrize("language", OFFERED)
def test_the_clips_say_todays_words(content: Content, language: str) -> None:
    """content/voice has, for every language, a clip for every word a script can name, spoken
    from the texts as they are now (run `make media` after changing one), at the guide's
    sample rate."""
    voice = VOICES / language
    recorded = json.loads((voice / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in recorded.items():
        assert entry.pop("sha256") == notes.file_digest(voice / f"{name}.flac"), name
    wanted = notes.manifest(content, language)
    assert recorded == wanted, "run `make media` and commit content/voice"
    for name in recorded:
        info = soundfile.info(voice / f"{name}.flac")
        assert info.samplerate == content.rules.audio_guide.sample_rate
        assert 0.2 < info.duration < 3, name
    named = {
        clip for script in _every_script(content) for cue in script.cues for clip in cue.clips
    }
    assert named <= set(recorded)
    most_sets = max(
        step.prescription.sets.high + content.rules.doses.extra_sets
        for routine in content.routines.values()
        for step in routine.steps
        if coach.timer_seconds(step) is not None
    )
    assert most_sets <= guide.MOST_SETS  # a set the settings allow has its clip


async def test_the_guide_starts_the_countdown_and_is_uploaded_once(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """🎧 starts the hands-free countdown (as ⏱ Start does) and sends one voice note as long
    as the exercise; the same exercise later goes by file_id, not uploaded again."""
    [_, step] = await bot.start_warmup(CHAT)
    countdown, voice = await bot.press(CHAT, "Audio guide")
    assert countdown.text.startswith("Step 1/8 · Left side\n\nGet into position… 5")
    assert step.buttons == []  # they moved to the countdown, as with ⏱ Start
    assert voice.voice is not None
    assert voice.media is not None
    assert voice.text.startswith("🎧 Upper-back twist (thoracic spine mobility): press play now")
    [sent] = telegram.calls_to("sendVoice")
    assert int(sent.params["duration"]) == 72
    samples, rate = soundfile.read(io.BytesIO(voice.media), dtype="float32")
    assert abs(len(samples) / rate - 72) <= 0.2
    assert (await bot.latest_session(CHAT)).hold_ends_at is not None

    await bot.send(CHAT, "/stop")
    await bot.start_warmup(CHAT)
    [_, again] = await bot.press(CHAT, "Audio guide")
    assert again.voice == voice.voice
    assert len([name for name in telegram.uploads if name == "guide.ogg"]) == 1


@pytest.mark.parametrize(
    ("said", "line"),
    [
        ("VOICE_MESSAGES_FORBIDDEN", "🎧 Your Telegram privacy settings refuse voice notes"),
        ("CHAT_SEND_VOICES_FORBIDDEN", "🎧 Voice notes are not allowed in this chat"),
        ("something else went wrong", "🎧 The audio guide could not be sent just now"),
    ],
)
async def test_a_refused_voice_note_is_said_in_a_line_and_the_countdown_runs(
    bot: RunningBot, telegram: FakeTelegram, said: str, line: str
) -> None:
    """Where Telegram refuses the note, one line says why (the person's privacy settings,
    the chat's rules, or neither); the countdown runs as it would have."""
    telegram.voice_refused[CHAT] = said
    await bot.start_warmup(CHAT)
    countdown, refused = await bot.press(CHAT, "Audio guide")
    assert countdown.text.startswith("Step 1/8 · Left side")
    assert refused.text.startswith(line)
    assert (await bot.latest_session(CHAT)).hold_ends_at is not None


async def test_a_chat_that_refuses_voice_notes_is_told_once(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """With the guide sent at every ⏱ Start, a chat that refuses voice notes reads the line
    once, and is not sent one again (one try, one line, over two Starts); a note that could
    not be sent for another reason is tried again."""
    telegram.voice_refused[CHAT] = "VOICE_MESSAGES_FORBIDDEN"
    await bot.choose(CHAT, "Hands-free: on", "Voice with every ⏱ Start: off")
    await bot.start_warmup(CHAT)
    assert len(await bot.press(CHAT, "Start 30s hold")) == 2  # the countdown, the line
    await bot.press(CHAT, "Done")
    assert len(await bot.press(CHAT, "Start 30s hold")) == 1  # the countdown alone
    assert len(telegram.calls_to("sendVoice")) == 1
    telegram.voice_refused[CHAT + 1] = "something else went wrong"
    await bot.choose(CHAT + 1, "Voice with every ⏱ Start: off")
    await bot.start_warmup(CHAT + 1)
    await bot.press(CHAT + 1, "Start 30s hold")
    await bot.send(CHAT + 1, "/stop")
    await bot.start_warmup(CHAT + 1)
    assert len(await bot.press(CHAT + 1, "Start 30s hold")) == 2
    assert len(telegram.calls_to("sendVoice")) == 3


def test_new_clips_make_a_new_note_and_changed_ones_stop_the_start(
    content: Content, tmp_path: Path
) -> None:
    """A note is named by its script and by the sound of the clips: new clips (as `make
    media` writes them) name another note, uploaded anew; a clip changed without its
    manifest, or texts the clips do not say, stop the bot at start-up."""
    shutil.copytree(VOICES, tmp_path / "voice")
    routine = preferences.shape(content, content.default_routine, Prefs())
    script = guide.script(routine, Cursor(0, 1, Side.LEFT), Prefs(), content.rules)
    assert script is not None
    before = Guides(tmp_path / "voice", content).digest(script)
    clip = tmp_path / "voice" / "en" / "start.flac"
    samples, rate = soundfile.read(clip, dtype="float32")
    soundfile.write(clip, samples * 0.5, rate, subtype="PCM_16")
    with pytest.raises(ContentError, match=r"start\.flac: not the file manifest.json records"):
        Guides(tmp_path / "voice", content)
    recorded = json.loads((tmp_path / "voice" / "en" / "manifest.json").read_text("utf-8"))
    recorded["start"]["sha256"] = notes.file_digest(clip)
    (tmp_path / "voice" / "en" / "manifest.json").write_text(json.dumps(recorded), "utf-8")
    assert Guides(tmp_path / "voice", content).digest(script) != before
    english = content.language("en")
    texts = english.texts
    spoken = texts.guide.spoken.model_copy(update={"start": "Go."})
    words = texts.model_copy(update={"guide": texts.guide.model_copy(update={"spoken": spoken})})
    english = english.model_copy(update={"texts": words})
    changed = content.model_copy(update={"languages": {**content.languages, "en": english}})
    with pytest.raises(ContentError, match="do not say today's texts"):
        Guides(tmp_path / "voice", changed)


async def test_a_forgotten_file_id_is_uploaded_again(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """If Telegram no longer knows the note's file_id, the note is uploaded again."""
    await bot.start_warmup(CHAT)
    _, first = await bot.press(CHAT, "Audio guide")
    assert first.voice is not None
    telegram.refused_files.add(first.voice)
    await bot.send(CHAT, "/stop")
    await bot.start_warmup(CHAT)
    _, second = await bot.press(CHAT, "Audio guide")
    assert second.voice is not None
    assert second.voice != first.voice
    assert [name for name in telegram.uploads if name == "guide.ogg"] == ["guide.ogg"] * 2


async def test_an_old_or_double_guide_press_sends_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A second 🎧 on the same step, or one from an ended warm-up, changes nothing and
    sends no voice note."""
    [_, step] = await bot.start_warmup(CHAT)
    guide_data = next(data for label, data in step.buttons if label == "🎧 Audio guide")
    await bot.press(CHAT, "Audio guide")
    before = await bot.snapshot()
    assert await bot.press_data(CHAT, guide_data, step.message_id) == []
    await bot.send(CHAT, "/stop")
    after_stop = await bot.snapshot()
    assert await bot.press_data(CHAT, guide_data, step.message_id) == []
    assert await bot.snapshot() == after_stop
    assert len(telegram.calls_to("sendVoice")) == 1
    assert before != after_stop


async def test_the_setting_sends_the_guide_with_every_start(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/settings → 🎧 Audio guide: on: the step offers no separate 🎧, and ⏱ Start sends
    the voice note with its countdown; off again: ⏱ Start sends none."""
    menu = await bot.choose(CHAT, "Voice with every ⏱ Start: off")
    assert "🎧 Audio guide (voice) with every ⏱ Start: on" in menu.text
    [_, step] = await bot.start_warmup(CHAT)
    assert "🎧 Audio guide" not in step.labels
    countdown, voice = await bot.press(CHAT, "Start 30s hold")
    assert countdown.text.startswith("Step 1/8 · Left side")
    assert voice.voice is not None
    await bot.send(CHAT, "/stop")
    await bot.choose(CHAT, "Voice with every ⏱ Start: on")
    [_, step] = await bot.start_warmup(CHAT)
    assert "🎧 Audio guide" in step.labels
    assert len(await bot.press(CHAT, "Start 30s hold")) == 1
    assert len(telegram.calls_to("sendVoice")) == 1
