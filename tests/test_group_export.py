"""In a group, /export hands each member only their own warm-ups, check-ins, steps and stored
messages, with what the group shares; never another member's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

GROUP = -14001
ALEX = 14002  # a group admin
BEA = 14003  # a member
CARL = 14004  # a member who never warmed up
ANONYMOUS_ADMIN = 1087968824  # how Telegram shows an admin writing as the group


@pytest.fixture(autouse=True)
def members(telegram: FakeTelegram) -> None:
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea", CARL: "Carl"})


async def _warms_up(bot: RunningBot, user_id: int, pain: str) -> None:
    """A warm-up begun with a pain answer, one step done, then stopped."""
    await bot.send(GROUP, "/warmup", user_id=user_id)
    await bot.press(GROUP, pain, user_id=user_id)
    await bot.press(GROUP, "Done", user_id=user_id)
    await bot.send(GROUP, "/stop", user_id=user_id)


async def _export(bot: RunningBot, user_id: int, chat_id: int = GROUP) -> dict[str, Any]:
    [document] = await bot.send(chat_id, "/export", user_id=user_id)
    assert document.media is not None
    exported: dict[str, Any] = json.loads(document.media)
    return exported


def _people_in(exported: dict[str, Any]) -> set[int | None]:
    """Whose warm-ups and stored updates the file holds."""
    starters = {row["started_by"] for row in exported["warmup_sessions"]}
    return starters | {row["user_id"] for row in exported["inbox"]}


@pytest.fixture
async def warmed_up(bot: RunningBot) -> RunningBot:
    await _warms_up(bot, ALEX, "6")
    await _warms_up(bot, BEA, "3")
    return bot


async def test_a_member_exports_only_their_own(warmed_up: RunningBot) -> None:
    """Bea gets her warm-up, its check-in and step, and the group's settings; none of Alex's."""
    exported = await _export(warmed_up, BEA)
    assert _people_in(exported) == {BEA}
    [session] = exported["warmup_sessions"]
    assert session["pain_before"] == 3
    assert [event["session_id"] for event in exported["step_events"]] == [session["id"]]
    assert [chat["id"] for chat in exported["chats"]] == [GROUP]


async def test_a_member_who_never_warmed_up_gets_no_ones_health_data(
    warmed_up: RunningBot,
) -> None:
    """Carl gets the group's settings and his own /export, no pain score and no user id."""
    exported = await _export(warmed_up, CARL)
    assert exported["warmup_sessions"] == exported["step_events"] == []
    assert _people_in(exported) == {CARL}
    assert str(ALEX) not in json.dumps(exported)
    assert str(BEA) not in json.dumps(exported)


async def test_an_admin_exports_only_their_own_too(warmed_up: RunningBot) -> None:
    """Being an admin gives no one another member's health data."""
    exported = await _export(warmed_up, ALEX)
    assert _people_in(exported) == {ALEX}
    assert [s["pain_before"] for s in exported["warmup_sessions"]] == [6]


async def test_an_anonymous_admin_exports_only_what_was_done_as_the_group(
    warmed_up: RunningBot,
) -> None:
    """An admin writing as the group is the group: no member's warm-up or message is in."""
    exported = await _export(warmed_up, ANONYMOUS_ADMIN)
    assert exported["warmup_sessions"] == exported["step_events"] == []
    assert _people_in(exported) == {ANONYMOUS_ADMIN}
    assert [chat["id"] for chat in exported["chats"]] == [GROUP]


async def test_a_private_chat_exports_everything_of_that_chat(warmed_up: RunningBot) -> None:
    """In Alex's private chat his export holds that chat's warm-ups; the group's stay out."""
    await warmed_up.start_warmup(ALEX, pain="5")
    exported = await _export(warmed_up, ALEX, chat_id=ALEX)
    assert [s["pain_before"] for s in exported["warmup_sessions"]] == [5]
    assert {s["chat_id"] for s in exported["warmup_sessions"]} == {ALEX}
