"""A person's safety check is theirs: /export in their private chat shows it, /forget there
deletes it, and a group's /forget leaves every member's own check alone."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import Person
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot

CHAT = 9501
GROUP = -9502


async def _people(bot: RunningBot) -> set[int]:
    async with bot.db.transaction() as tx:
        return set(await tx.scalars(select(Person.user_id)))


async def test_forget_in_a_private_chat_deletes_the_persons_check(bot: RunningBot) -> None:
    """/export shows the person's answer; /forget, confirmed, leaves no row of theirs."""
    await bot.start_warmup(CHAT)
    [document] = await bot.send(CHAT, "/export")
    assert document.media is not None
    exported = json.loads(document.media)
    assert [row["screening"] for row in exported["people"]] == ["clear"]
    await bot.send(CHAT, "/forget")
    await bot.press(CHAT, "Delete")
    assert CHAT not in await _people(bot)


async def test_a_groups_forget_leaves_its_members_own_checks(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """A group admin's /forget deletes the group's data, not the members' own safety checks."""
    telegram.admins[GROUP] = {CHAT}
    await bot.send(GROUP, "/warmup", user_id=CHAT)
    await bot.press(GROUP, "Skip check-in", user_id=CHAT)
    await bot.send(GROUP, "/forget", user_id=CHAT)
    await bot.press(GROUP, "Delete", user_id=CHAT)
    assert CHAT in await _people(bot)
