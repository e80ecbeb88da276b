"""Updates the bot does not handle, and generated junk: no crash, no error, no change."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.models import InboxUpdate
from tests.fake_telegram import BOT_USER, FakeTelegram
from tests.harness import RunningBot

CHAT = 9001
USER = {"id": CHAT, "is_bot": False, "first_name": "Sam"}
PRIVATE = {"id": CHAT, "type": "private", "first_name": "Sam"}
CHANNEL = {"id": -1009001, "type": "channel", "title": "Warm-ups"}


def _message(**fields: Any) -> dict[str, Any]:
    return {"message_id": 500, "date": 0, "chat": PRIVATE, "from": USER, "text": "hi", **fields}


ODD_UPDATES = {
    "edited message": {"edited_message": {**_message(text="/warmup"), "edit_date": 1}},
    "channel post": {"channel_post": {**_message(text="/warmup", chat=CHANNEL), "from": None}},
    "message without from": {"message": {k: v for k, v in _message().items() if k != "from"}},
    "sticker": {"message": {**_message(sticker=None), "text": None}},
    "inline button press": {
        "callback_query": {
            "id": "900",
            "from": USER,
            "chat_instance": "1",
            "inline_message_id": "AAA",
            "data": "step:1:0.1.l:done",
        }
    },
    "press on an inaccessible message": {
        "callback_query": {
            "id": "901",
            "from": USER,
            "chat_instance": "1",
            "message": {"message_id": 3, "date": 0, "chat": PRIVATE},
            "data": "step:1:0.1.r:done",  # an outdated step, on a message too old to show
        }
    },
    "inline query": {"inline_query": {"id": "902", "from": USER, "query": "x", "offset": ""}},
    "member update of a channel": {
        "my_chat_member": {
            "chat": CHANNEL,
            "from": USER,
            "date": 0,
            "old_chat_member": {"status": "left", "user": BOT_USER},
            "new_chat_member": {"status": "left", "user": BOT_USER},
        }
    },
}


@pytest.mark.parametrize("kind", list(ODD_UPDATES))
async def test_updates_the_bot_does_not_handle_change_nothing(
    bot: RunningBot, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    """Edited messages, channel posts and other update kinds are dropped quietly."""
    await bot.start_warmup(CHAT)
    before = await bot.snapshot()
    with caplog.at_level(logging.INFO):
        await bot.settle(telegram.push_update(ODD_UPDATES[kind]))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert await bot.snapshot() == before
    if "press" in kind:  # a spinner is never left turning
        answered = {
            c.params["callback_query_id"] for c in telegram.calls_to("answerCallbackQuery")
        }
        assert ODD_UPDATES[kind]["callback_query"]["id"] in answered


async def test_a_current_button_on_a_message_too_old_to_show_still_works(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Telegram hides messages older than 48 hours from bots; the press itself is still valid."""
    await bot.start_warmup(CHAT)
    _, data, _ = telegram.find_button(CHAT, "Done")
    press = {
        "callback_query": {
            "id": "903",
            "from": USER,
            "chat_instance": "1",
            "message": {"message_id": 3, "date": 0, "chat": PRIVATE},
            "data": data,
        }
    }
    await bot.settle(telegram.push_update(press))
    assert telegram.chat(CHAT)[-1].text.startswith("Step 1/8 · Right side")


CALLBACK_DATA = st.one_of(
    st.text(max_size=80),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
    st.builds(
        lambda prefix, a, b, c, d: f"{prefix}:{a}:{b}.{c}.{d}",
        st.sampled_from(["step", "resume", "restart", "begin", "remind", "rem"]),
        st.integers(-(10**20), 10**20),
        st.integers(-5, 1000),
        st.integers(-5, 1000),
        st.sampled_from(["l", "r", "-", "x", ""]),
    ),
    st.builds(
        lambda kind, value: f"{kind}:{value}",
        st.sampled_from(["remind:at", "remind:days", "rem:snooze", "rem:skip", "resume"]),
        st.text(alphabet="0123456789:-x", max_size=12),
    ),
)
COMMAND_TEXT = st.builds(
    lambda command, argument: f"/{command} {argument}",
    st.sampled_from(["remind", "timezone", "warmup", "stop", "help", "routines", "nonsense"]),
    st.text(max_size=300),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=CALLBACK_DATA)
async def test_generated_button_presses_never_crash_or_change_state(
    bot: RunningBot, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    """Whatever a client puts in callback data, the press is answered and nothing changes,
    unless the data happens to be a valid press (then it must still not fail)."""
    if not [m for m in telegram.chat(CHAT) if m.buttons]:
        await bot.start_warmup(CHAT)
    message = [m for m in telegram.chat(CHAT) if m.buttons][-1]
    valid = {d for m in telegram.chat(CHAT) for _, d in m.buttons}
    before = await bot.snapshot()
    caplog.clear()
    await bot.press_data(CHAT, data, message.message_id)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # `remind:` and `begin:` presses need nothing but the chat; `resume:` and `restart:` name
    # only the chat's own running warm-up: a made-up one that matches is a real press.
    if data not in valid and not data.startswith(("remind:", "begin:", "resume:", "restart:")):
        assert await bot.snapshot() == before


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=COMMAND_TEXT)
async def test_generated_commands_are_always_answered_without_errors(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    """Any argument to any command gets a reply and never an error."""
    caplog.clear()
    replies = await bot.send(CHAT, text)
    assert replies, text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_polled_update_whose_id_is_true_is_refused(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """`"update_id": true` by polling (JSON true is an int to Python) is no update 1: it is
    neither stored nor handled, and the updates after it are."""
    odd = telegram.message_update(CHAT, "/help") | {"update_id": True}
    telegram.push_update(odd)
    [answer] = await bot.send(CHAT + 1, "/help")  # polled after it, so it was seen first
    assert "/warmup" in answer.text
    assert [m for m in telegram.chat(CHAT) if m.from_bot] == []
    async with bot.db.transaction() as tx:
        stored = set(await tx.scalars(select(InboxUpdate.update_id)))
    assert 1 not in stored
