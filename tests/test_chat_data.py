"""Every table that holds a chat's rows is moved, deleted and exported, every column of it.

The list of such tables comes from the models (`db/chat_data.py`); these tests fill every one
of them, so a table or column added later that one of the three paths misses fails here.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from db import chat_data, repo
from db.models import Base
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot

CHAT = 12000
GROUP = -12001
SUPERGROUP = -1001200100
MEMBER = 12002
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
# Tables with no chat's data of their own: the bot's uploaded animations, the running
# instances, and people (a person's safety check, exported and deleted with their private
# chat: test_safety_data.py).
NOT_A_CHATS = {"media_files", "instances", "people"}

Rows = dict[str, list[dict[str, object]]]


async def _fill_every_table(bot: RunningBot, clock: FakeClock, chat_id: int) -> None:
    """Settings, a reminder, a finished warm-up with check-ins, and one mid-countdown."""
    await _settings_and_reminder(bot, chat_id)
    await bot.start_warmup(chat_id, pain="4")
    await bot.done_to_the_end(chat_id, clock)
    await bot.press(chat_id, "2")
    await bot.start_warmup(chat_id)
    await bot.press(chat_id, "Start 30s hold")


async def _settings_and_reminder(bot: RunningBot, chat_id: int) -> None:
    await bot.send(chat_id, "/timezone Europe/Berlin")
    await bot.send(chat_id, "/remind 7:30")
    await bot.send(chat_id, "/target 3")
    await bot.send(chat_id, "/rest")  # a rest day (before today's warm-up, so it is taken)


async def _fill_every_table_of_a_group(bot: RunningBot, chat_id: int) -> None:
    """As above within a group's 20 messages a minute: the milestone is stored directly."""
    await _settings_and_reminder(bot, chat_id)
    await bot.start_warmup(chat_id, pain="4")
    await bot.press(chat_id, "Done")  # a step event
    await bot.press(chat_id, "Start 30s hold")
    async with bot.db.transaction() as tx:
        await repo.add_milestones(tx, chat_id, ["first"], MONDAY)


async def _rows(bot: RunningBot, chat_id: int) -> Rows:
    async with bot.db.transaction() as tx:
        return await repo.chat_rows(tx, chat_id)


def test_every_table_is_a_chats_or_known_not_to_be() -> None:
    """A new table is either owned by a chat (found from its keys) or listed here as not."""
    owned = {table.name for table in chat_data.every_table()}
    assert owned == {
        *("chats", "reminders", "warmup_sessions", "step_events", "milestones", "rest_days"),
        "inbox",
    }
    assert set(Base.metadata.tables) - owned == NOT_A_CHATS


@pytest.mark.clock(MONDAY)
async def test_export_has_every_column_of_every_row(bot: RunningBot, clock: FakeClock) -> None:
    """/export lists each of the chat's tables with every column, running countdown included,
    and says in words what each table holds."""
    await _fill_every_table(bot, clock, CHAT)
    [document] = await bot.send(CHAT, "/export")
    assert document.media is not None
    exported = json.loads(document.media)
    about = exported.pop("about")
    assert set(about) == set(exported) - {"exported_at"}
    assert all(about.values())
    for table in chat_data.every_table():
        assert exported[table.name], f"nothing exported from {table.name}"
        for row in exported[table.name]:
            assert set(row) == set(table.columns.keys()), table.name
    [chat] = exported["chats"]
    assert chat["timezone_set_at"] is not None
    assert chat["active"] is True
    [reminder] = exported["reminders"]
    assert reminder["next_fire_at"] is not None
    running = [s for s in exported["warmup_sessions"] if s["status"] == "active"]
    assert running[0]["hold_ends_at"] is not None
    assert running[0]["pain_before_at"] is not None  # the check-in was skipped at this time


@pytest.mark.clock(MONDAY)
async def test_a_supergroup_keeps_every_row_of_the_group(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Milestones, target, settings and the running countdown all follow the new id."""
    await _fill_every_table_of_a_group(bot, GROUP)
    before = await _rows(bot, GROUP)
    assert all(before.values())  # a row in every table, or the comparison proves nothing
    update_id = telegram.group_becomes_supergroup(GROUP, SUPERGROUP, user_id=MEMBER)
    await bot.settle(update_id)
    after = await _rows(bot, SUPERGROUP)
    received_before = {row["update_id"] for row in before.pop("inbox")}
    received_after = {row["update_id"] for row in after.pop("inbox")}
    assert received_after == received_before | {update_id}  # the move's own update, too
    assert after == _renamed(before, GROUP, SUPERGROUP)
    assert not any((await _rows(bot, GROUP)).values())


@pytest.mark.clock(MONDAY)
async def test_forget_leaves_no_row_in_any_table(bot: RunningBot, clock: FakeClock) -> None:
    """/forget, confirmed: no row of the chat is left in any of its tables."""
    await _fill_every_table(bot, clock, CHAT)
    assert all((await _rows(bot, CHAT)).values())
    await bot.send(CHAT, "/forget")
    await bot.press(CHAT, "Delete everything")
    assert not any((await _rows(bot, CHAT)).values())


def _renamed(rows: Rows, old: int, new: int) -> Rows:
    """The rows as they should read after the chat's id changed from `old` to `new`."""

    def moved(row: dict[str, object]) -> dict[str, object]:
        return {k: new if k in ("id", "chat_id") and v == old else v for k, v in row.items()}

    return {table: [moved(row) for row in table_rows] for table, table_rows in rows.items()}
