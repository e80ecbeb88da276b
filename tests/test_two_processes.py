"""Two real `python -m bot` processes on one database, each with its own webhook port, as two
replicas behind a load balancer: an update posted to either is handled once.

tests/test_instances.py walks the same cases with two applications in one process, where a
test can drive the scheduler's clock; here nothing is shared but the database.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from db.database import Database
from tests.fake_telegram import FakeTelegram
from tests.processes import first_questions_answered, free_port, start_bot, until

SECRET = "two-processes-secret"
HOOK = "/telegram/updates"
STALE = "That button is from an earlier step; nothing changed."


class Replica:
    """One `python -m bot` process and a client for its webhook."""

    def __init__(self, process: asyncio.subprocess.Process, port: int) -> None:
        self.process = process
        self.http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}")

    async def post(self, update: dict[str, Any]) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        response = await self.http.post(HOOK, json=update, headers=headers)
        assert response.status_code == 200

    async def stop(self) -> None:
        """SIGTERM, as a service manager stops a replica; it must exit cleanly."""
        await self.http.aclose()
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), timeout=30)
        assert self.process.returncode == 0


async def _start(telegram: FakeTelegram, tmp_path: Path, database_url: str) -> Replica:
    port = free_port()
    process = await start_bot(
        telegram,
        tmp_path,
        database_url,
        WEBHOOK_URL=f"https://coach.example.org{HOOK}",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=SECRET,
    )
    return Replica(process, port)


@pytest.fixture
async def first(
    telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> AsyncIterator[Replica]:
    replica = await _start(telegram, tmp_path, database_url)
    try:
        yield replica
    finally:
        await replica.stop()


async def _count(database_url: str, query: str) -> int:
    db = Database(database_url)
    try:
        async with db.engine.connect() as connection:
            return int((await connection.execute(text(query))).one()[0])
    finally:
        await db.close()


def _steps(telegram: FakeTelegram, chat: int) -> int:
    return len([m for m in telegram.chat(chat) if m.from_bot and m.text.startswith("Step ")])


async def test_a_double_tap_split_across_two_processes_advances_once(
    first: Replica, telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    """The two halves of a double tap on Done, posted at once to two processes, record one
    step event and send the next set once; the other half is told it changed nothing."""
    second = await _start(telegram, tmp_path, database_url)
    chats = range(96_001, 96_011)
    try:
        await first_questions_answered(database_url, *chats)
        for chat in chats:
            await first.post(telegram.message_update(chat, "/warmup"))
        await until(lambda: all(telegram.chat(c) and telegram.chat(c)[-1].buttons for c in chats))
        for chat in chats:
            await second.post(telegram.press_update(chat, "Skip check-in"))
        await until(lambda: all(_steps(telegram, c) == 1 for c in chats))

        taps = {
            chat: (telegram.press_update(chat, "Done"), telegram.press_update(chat, "Done"))
            for chat in chats
        }
        await asyncio.gather(
            *(
                replica.post(tap)
                for pair in taps.values()
                for replica, tap in zip((first, second), pair, strict=True)
            )
        )
        answered = {tap["callback_query"]["id"] for pair in taps.values() for tap in pair}
        await until(lambda: answered <= _answered_ids(telegram))
    finally:
        await second.stop()

    assert await _count(database_url, "SELECT count(*) FROM step_events") == len(chats)
    answers = {
        str(call.params["callback_query_id"]): str(call.params.get("text"))
        for call in telegram.calls_to("answerCallbackQuery")
    }
    for chat, pair in taps.items():
        assert sorted(answers[tap["callback_query"]["id"]] for tap in pair) == ["None", STALE]
        assert _steps(telegram, chat) == 2  # step 1, then its set 2 once


def _answered_ids(telegram: FakeTelegram) -> set[str]:
    return {str(c.params["callback_query_id"]) for c in telegram.calls_to("answerCallbackQuery")}


async def test_a_second_process_leaves_the_first_ones_updates_in_hand(
    first: Replica, telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    """A second process starts while the first holds 20 updates (Telegram slow to take its
    answers): it claims none of them, each is answered once, and the inbox ends empty."""
    chats = range(97_001, 97_021)
    telegram.slow_down("sendMessage", seconds=2, times=len(chats))
    for chat in chats:
        await first.post(telegram.message_update(chat, "/help"))
    second = await _start(telegram, tmp_path, database_url)
    try:
        await until(lambda: all(telegram.chat(c) for c in chats), timeout=60)
        await asyncio.sleep(1)  # room for a second answer, were one on its way
    finally:
        await second.stop()

    answers = Counter(chat for chat in chats for m in telegram.chat(chat) if m.from_bot)
    assert answers == dict.fromkeys(chats, 1)
    assert await _count(database_url, "SELECT count(*) FROM inbox WHERE handled_at IS NULL") == 0
