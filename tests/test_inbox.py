"""The inbox keeps what a person wrote no longer than it must, with its chat: /forget deletes
it, /export shows it, and an update lost in hand, or left by an instance that is gone, is
handled without a restart, once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from db import repo
from db.models import InboxUpdate
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot

CHAT = 13001
OTHER = 13002
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
WORDS = "my left leg tingles, sciatica again"


async def _inbox(bot: RunningBot) -> list[InboxUpdate]:
    async with bot.db.transaction() as tx:
        return list(await tx.scalars(select(InboxUpdate).order_by(InboxUpdate.update_id)))


async def _settled(bot: RunningBot) -> list[InboxUpdate]:
    """The inbox once every update in hand is handled and marked."""
    await bot.application.update_queue.join()
    await bot.send(OTHER, "/help")  # a later update of another chat: the marks before are out
    return [row for row in await _inbox(bot) if row.chat_id != OTHER]


@pytest.mark.clock(MONDAY)
async def test_a_handled_update_keeps_its_id_and_chat_but_not_what_was_written(
    bot: RunningBot,
) -> None:
    """Free text and a pain answer are handled; their rows keep no body, only id and owner."""
    await bot.send(CHAT, WORDS)
    await bot.start_warmup(CHAT, pain="6")
    rows = await _settled(bot)
    assert rows
    assert all(row.handled_at is not None for row in rows)
    assert [row.body for row in rows] == [None] * len(rows)
    assert {(row.chat_id, row.user_id) for row in rows} == {(CHAT, CHAT)}


@pytest.mark.clock(MONDAY)
async def test_forget_deletes_the_chats_stored_updates(bot: RunningBot) -> None:
    """After /forget nothing of the chat is left in the inbox, handled or not."""
    await bot.send(CHAT, WORDS)
    await bot.send(OTHER, WORDS)
    await bot.send(CHAT, "/forget")
    await bot.press(CHAT, "Delete everything")
    rows = await _settled(bot)
    assert rows == []
    assert all(WORDS not in (row.body or "") for row in await _inbox(bot))


@pytest.mark.clock(MONDAY)
async def test_export_lists_the_chats_stored_updates(bot: RunningBot) -> None:
    """/export has the chat's inbox rows (bodies blanked once handled), no other chat's."""
    await bot.send(CHAT, WORDS)
    await bot.send(OTHER, "/help")
    [document] = await bot.send(CHAT, "/export")
    assert document.media is not None
    rows = json.loads(document.media)["inbox"]
    assert {row["chat_id"] for row in rows} == {CHAT}
    [written, export] = rows
    assert written["body"] is None
    assert written["handled_at"] is not None
    assert json.loads(export["body"])["message"]["text"] == "/export"  # in hand as it exported


def _help_update(update_id: int, chat_id: int) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": int(MONDAY.timestamp()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Alex"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Alex"},
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


async def _lose_in_hand(bot: RunningBot, update_id: int, at: datetime, *, holder: str) -> None:
    """Store an update as received by `holder` and never handled, as a lost task leaves it."""
    body = json.dumps(_help_update(update_id, CHAT))
    row = {"update_id": update_id, "body": body, "received_at": at, "chat_id": CHAT}
    async with bot.db.transaction() as tx:
        await tx.execute(
            insert(InboxUpdate).values(row | {"claimed_at": at, "claimed_by": holder})
        )


@pytest.mark.clock(MONDAY)
async def test_an_update_lost_in_hand_is_handled_without_a_restart(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock
) -> None:
    """An update this live instance holds but lost: the adopt job leaves it while it may still
    be in hand, and handles it once it has been held 15 minutes."""
    bot.pause_scheduler()
    await _lose_in_hand(bot, 10**9, MONDAY, holder=bot.services.inbox.instance)
    await bot.run_job("inbox-adopt")
    await bot.application.update_queue.join()
    assert telegram.chat(CHAT) == []
    clock.advance(minutes=16)
    await bot.run_job("inbox-adopt")
    await bot.application.update_queue.join()
    [answer] = [m for m in telegram.chat(CHAT) if m.from_bot]
    assert "/warmup" in answer.text
    await bot.run_job("inbox-adopt")  # claimed and handled once: not again
    await _settled(bot)
    assert len([m for m in telegram.chat(CHAT) if m.from_bot]) == 1


@pytest.mark.clock(MONDAY)
async def test_updates_of_a_live_instance_are_left_to_it_and_a_gone_ones_taken_over(
    bot: RunningBot, telegram: FakeTelegram, clock: FakeClock
) -> None:
    """Another instance's update is left while it is seen within its lease; once it is not
    (killed), or it said it stopped, the adopt job handles its updates, each once."""
    bot.pause_scheduler()
    lease = bot.services.inbox.lease
    await _seen(bot, "other", MONDAY)
    await _lose_in_hand(bot, 10**9, MONDAY, holder="other")
    clock.advance(seconds=lease.total_seconds() - 1)
    await bot.run_job("inbox-adopt")
    await bot.application.update_queue.join()
    assert telegram.chat(CHAT) == []
    clock.advance(seconds=2)  # "other" has not been seen for a whole lease
    await bot.run_job("inbox-adopt")
    await bot.application.update_queue.join()
    assert len([m for m in telegram.chat(CHAT) if m.from_bot]) == 1

    await _seen(bot, "stopping", clock.current)
    await _lose_in_hand(bot, 10**9 + 1, clock.current, holder="stopping")
    await bot.run_job("inbox-adopt")
    await bot.application.update_queue.join()
    assert len([m for m in telegram.chat(CHAT) if m.from_bot]) == 1  # "stopping" is live
    async with bot.db.transaction() as tx:
        await repo.gone(tx, "stopping")  # as its clean stop says
    await bot.run_job("inbox-adopt")
    await bot.run_job("inbox-adopt")
    await _settled(bot)
    assert len([m for m in telegram.chat(CHAT) if m.from_bot]) == 2


async def _seen(bot: RunningBot, instance: str, at: datetime) -> None:
    async with bot.db.transaction() as tx:
        await repo.seen(tx, instance, at)
