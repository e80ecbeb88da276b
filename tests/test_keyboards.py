"""The callback-data format: round trips, stays within 64 bytes, rejects everything else."""

from __future__ import annotations

import pytest

from bot import keyboards
from bot.coach import Cursor, Side
from bot.content import load_content
from bot.keyboards import BeginPress, SessionPress, StepPress
from bot.settings import PROJECT_ROOT

LARGEST_SESSION_ID = 10**15 - 1


@pytest.mark.parametrize("action", ["done", "skip", "stop", "hold", "unhold"])
@pytest.mark.parametrize("side", [None, Side.LEFT, Side.RIGHT])
def test_step_presses_round_trip(action: keyboards.StepAction, side: Side | None) -> None:
    cursor = Cursor(7, 4, side)
    data = keyboards.step_data(LARGEST_SESSION_ID, cursor, action)
    assert len(data.encode()) <= keyboards.MAX_CALLBACK_BYTES
    assert keyboards.parse(data) == StepPress(LARGEST_SESSION_ID, cursor, action)


def test_every_button_the_bot_makes_parses_back() -> None:
    content = load_content(PROJECT_ROOT / "content")
    texts, routine = content.texts, content.default_routine
    markups = [
        keyboards.step_keyboard(texts, routine, 5, Cursor(0, 1, Side.LEFT)),
        keyboards.step_keyboard(texts, routine, 5, Cursor(7, 2)),
        keyboards.countdown_keyboard(texts, 5, Cursor(1, 3)),
        keyboards.unfinished_keyboard(texts, 5, 3, 8),
        keyboards.start_keyboard(texts, routine),
        keyboards.routines_keyboard(texts, content.ordered_routines()),
    ]
    parsed = [
        keyboards.parse(button.callback_data)
        for markup in markups
        for row in markup.inline_keyboard
        for button in row
    ]
    assert None not in parsed
    assert StepPress(5, Cursor(0, 1, Side.LEFT), "hold") in parsed
    assert StepPress(5, Cursor(1, 3), "unhold") in parsed
    assert SessionPress("resume", 5) in parsed
    assert SessionPress("restart", 5) in parsed
    assert BeginPress("lower-back") in parsed


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "step:1:0.1.l:done:extra",
        "step:1:0.1.x:done",
        "step:-1:0.1.l:done",
        "step:1234567890123456:0.1.l:done",  # beyond any id the database hands out
        "resume:",
        "restart:1.5",
        "begin:Lower-Back",
        "begin:" + "a" * 60,
        "STEP:1:0.1.l:done",
        "step:1:0.1.l:done\n",
        "💥" * 20,
    ],
)
def test_malformed_data_is_rejected(data: object) -> None:
    assert keyboards.parse(data) is None
