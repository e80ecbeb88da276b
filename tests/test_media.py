"""Exercise demonstrations: the files, their freshness, and sending them in a warm-up."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape

import numpy as np
import pytest

from bot.chat import render
from bot.chat.pictures import CAPTION_LIMIT
from bot.coaching import coach
from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.content.poses import Pose
from bot.drawing.body import pieces
from bot.drawing.files import EXTENSION, STYLE_FILE, digest
from bot.drawing.motion import between, mirrored, other_part, variants
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 15001
CONTENT = PROJECT_ROOT / "content"
MEDIA = CONTENT / "media"
# Telegram plays an animation up to 20 MB; a demonstration should load at once on a phone.
MOST_BYTES = 200_000


def _content_poses() -> dict[str, Pose]:
    return load_content(CONTENT).poses


def test_every_exercise_of_every_routine_has_a_pose_and_its_animations() -> None:
    """Each exercise has a pose file and a small silent H.264 MP4 per side it is done on."""
    content = load_content(CONTENT)
    for routine in content.routines.values():
        for step in routine.steps:
            pose = content.poses[step.id]
            assert (pose.side is not None) == step.prescription.per_side
            for name in variants(pose):
                data = (MEDIA / f"{name}{EXTENSION}").read_bytes()
                assert data[4:8] == b"ftyp", name  # an MP4
                assert b"avc1" in data, name  # H.264 video
                assert b"soun" not in data, name  # no sound track: Telegram shows it as a GIF
                assert 10_000 < len(data) < MOST_BYTES, name


def test_the_animations_were_drawn_from_the_poses_as_they_are() -> None:
    """A pose (or the look) changed without `make media` fails here; so does a file nobody
    renders any more."""
    manifest = json.loads((MEDIA / "manifest.json").read_text(encoding="utf-8"))
    expected = {
        f"{name}{EXTENSION}": digest(CONTENT / "poses" / f"{exercise}.yaml", CONTENT / STYLE_FILE)
        for exercise, pose in _content_poses().items()
        for name in variants(pose)
    }
    assert manifest == expected, "run `make media` and commit content/media"
    assert {p.name for p in MEDIA.iterdir()} == {*expected, "manifest.json"}


def test_neither_the_bot_nor_the_checks_need_the_renderer() -> None:
    """The running bot and the figure's checks import without MuJoCo or ffmpeg: only
    `make media` renders (with the media extra)."""
    code = (
        "import sys, bot.app, bot.chat.pictures, bot.drawing.body, bot.drawing.motion, "
        "bot.drawing.camera, bot.drawing.files, tests.test_figures; "
        "sys.exit(bool({'mujoco', 'imageio_ffmpeg'} & set(sys.modules)))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)  # noqa: S603


def test_every_step_fits_in_a_caption() -> None:
    """Every step's text fits Telegram's 1,024-character caption, after a time's-up lead, and
    opened with More."""
    content = load_content(CONTENT)
    lead = "⏰ Time's up: switch to the right side."
    for routine in content.routines.values():
        for index, step in enumerate(routine.steps):
            for cursor in coach.sub_steps(index, step):
                for more in (False, True):
                    text = render.step(content.texts, routine, cursor, more=more)
                    html = f"{lead}\n\n{text}"
                    assert len(unescape(re.sub(r"<[^>]+>", "", html))) <= CAPTION_LIMIT


def test_the_other_side_is_the_mirror_and_poses_in_between_join_the_keys() -> None:
    """The right side is the left reflected across the body's midline, each part where its
    partner was; a move starts and ends on its key poses."""
    pose = _content_poses()["deep-quads-psoas-stretch"]
    other = mirrored(pose)
    assert (pose.side, other.side) == ("left", "right")
    flip = np.array([1.0, -1.0, 1.0])
    for key, its_mirror in zip(pose.keys, other.keys, strict=True):
        placed = {piece.part: piece for piece in pieces(key) if piece.part is not None}
        for piece in pieces(its_mirror):
            if piece.part is not None:
                partner = placed[other_part(piece.part)]
                assert piece.a == pytest.approx(partner.a * flip, abs=1e-9)
                assert piece.b == pytest.approx(partner.b * flip, abs=1e-9)
    a, b = pose.keys[0], pose.keys[1]
    for t, key in ((0.0, a), (1.0, b)):
        moved = pieces(between(a, b, t))
        for piece, expected in zip(moved, pieces(key), strict=True):
            assert piece.a == pytest.approx(expected.a)
            assert piece.b == pytest.approx(expected.b)


async def test_an_exercise_starts_with_its_animation_uploaded_once(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The first step is an animation with the step as caption and its buttons; its side's
    file is uploaded once and sent by file_id from then on; later sides are text."""
    _, step = await bot.start_warmup(CHAT)
    assert step.animation is not None
    assert step.filename == "thoracic-spine-mobility-left.mp4"
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)\nLeft side")
    assert step.labels == [
        "⏱ Start 30s hold",
        "🎧 Audio guide",
        "✅ Done",
        "⏭ Skip",
        "⏹ Stop",
        "⚠️ Sharp pain",
        "ℹ️ More",
    ]
    [right_side] = await bot.press(CHAT, "Done")
    assert right_side.animation is None  # the second side is text
    assert step.text.endswith("✅ Done")  # the caption now says how the step ended
    assert step.buttons == []

    await bot.send(CHAT, "/stop")
    await bot.start_warmup(CHAT)
    assert telegram.uploads == ["thoracic-spine-mobility-left.mp4"]  # the second went by id
    assert len(telegram.calls_to("sendAnimation")) == 2


async def test_a_refused_file_id_is_uploaded_again_once(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """If Telegram no longer knows a stored file_id, the file is uploaded again, once."""
    _, step = await bot.start_warmup(CHAT)
    assert step.animation is not None
    telegram.refused_files.add(step.animation)
    await bot.send(CHAT, "/stop")
    _, again = await bot.start_warmup(CHAT)
    assert again.animation is not None
    assert again.animation != step.animation
    await bot.send(CHAT, "/stop")
    await bot.start_warmup(CHAT)
    assert telegram.uploads == ["thoracic-spine-mobility-left.mp4"] * 2


async def test_a_refusal_in_one_chat_keeps_the_file_id(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A 400 that is not about the file (no right to send animations) sends the step as text
    and keeps the stored file_id: nothing is uploaded again, the next step goes by id."""
    _, step = await bot.start_warmup(CHAT)
    await bot.send(CHAT, "/stop")
    telegram.fail(
        "sendAnimation",
        status=400,
        description="Bad Request: not enough rights to send animations to the chat",
    )
    _, refused = await bot.start_warmup(CHAT)
    assert refused.animation is None
    assert refused.text.startswith("Step 1/8 · Upper-back twist")
    await bot.send(CHAT, "/stop")
    _, again = await bot.start_warmup(CHAT)
    assert again.animation == step.animation
    assert telegram.uploads == ["thoracic-spine-mobility-left.mp4"]


async def test_a_failed_media_send_falls_back_to_text(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A media send that fails goes out as a text step: the warm-up never stalls."""
    telegram.fail("sendAnimation", status=400, description="Bad Request: file is too big")
    _, step = await bot.start_warmup(CHAT)
    assert step.animation is None
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)\nLeft side")
    assert "✅ Done" in step.labels


async def test_pictures_off_gives_text_only_and_on_brings_them_back(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/pictures off: every step is text; /pictures on: the animations are back."""
    [reply] = await bot.send(CHAT, "/pictures off")
    assert reply.text.startswith("📝 Animations off.")
    _, step = await bot.start_warmup(CHAT)
    assert step.animation is None
    assert telegram.calls_to("sendAnimation") == []
    await bot.press(CHAT, "Done")
    # The text step is closed with one edit of its text, not a caption edit Telegram refuses.
    assert telegram.calls_to("editMessageCaption") == []
    assert "✅" in telegram.chat(CHAT)[-2].text
    [reply] = await bot.send(CHAT, "/pictures on")
    assert reply.text.startswith("🎞 Animations on.")
    await bot.send(CHAT, "/stop")
    _, step = await bot.start_warmup(CHAT)
    assert step.animation is not None
    [usage] = await bot.send(CHAT, "/pictures maybe")
    assert usage.text.startswith("Each exercise starts with a short animation")


async def test_steps_name_the_limbs_of_the_side_being_done(bot: RunningBot) -> None:
    """A side-specific step says which leg and hand, in plain words with the anatomy after, in
    its cue and (opened with More, its caption edited) its whole how."""
    _, step = await bot.start_warmup(CHAT)
    assert step.text.startswith("Step 1/8 · Upper-back twist (thoracic spine mobility)\nLeft side")
    assert "bring your left knee up to 90 degrees and across to the right" in step.text
    await bot.press(CHAT, "More")
    assert step.animation is not None  # still the animation, its caption opened
    assert "Raise your left leg" in step.text
    assert "let your left knee fall across your body to the right" in step.text
    assert "Pin that knee to the floor with your right hand." in step.text
    assert "Works (our reading): upper back (thoracic spine), sides of the waist" in step.text


async def test_routines_describe_themselves_and_say_what_needs_a_roller(bot: RunningBot) -> None:
    """/routines shows each routine's description, so quick and gentle can be told apart,
    and which of its exercises need a foam roller."""
    [listing] = await bot.send(CHAT, "/routines")
    assert "Eight moves that undo the forward pelvic tilt" in listing.text
    assert "Slow breathing on hands and knees" in listing.text
    assert listing.text.count("With a foam roller") == 1  # only the full routine has any
    assert "Outer-hip foam roll (TFL), Front-of-thigh foam roll (quads)" in listing.text
