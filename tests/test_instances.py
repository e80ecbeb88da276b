"""Several instances on one database, in webhook mode as when scaled out behind a proxy.

Two applications share the fake Bot API server and one database (a SQLite file, or a
PostgreSQL database). Reminders due in the same minute go out once however the instances'
ticks overlap, a double tap whose halves reach different instances advances once, and an
instance that starts leaves the updates another live instance has in hand to it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, insert, select

from bot.config import Settings
from db.models import Chat, Reminder, StepEvent, WarmupSession
from db.models import Instance as InstanceRow
from tests.fake_telegram import FakeTelegram
from tests.harness import FakeClock, RunningBot, make_settings, run_bot
from tests.processes import first_questions_answered

SECRET = "shared-secret-of-all-instances"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
DUE = datetime(2026, 6, 1, 5, 30, tzinfo=UTC)  # 07:30 in Berlin
REMINDER_TEXT = "⏰ Time for your warm-up"
STALE = "That button is from an earlier step; nothing changed."


class Instance:
    """One running application and a client for its webhook, like a proxy's upstream."""

    def __init__(self, bot: RunningBot, http: httpx.AsyncClient) -> None:
        self.bot = bot
        self.http = http

    async def post(self, update: dict[str, Any]) -> None:
        response = await self.http.post("/hook", json=update, headers={HEADER: SECRET})
        assert response.status_code == 200

    async def handled(self) -> None:
        await self.bot.application.update_queue.join()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DUE - timedelta(hours=1))


@pytest.fixture
def settings(telegram: FakeTelegram, database_url: str) -> Settings:
    """What every instance is given: the same database, token and webhook secret."""
    return make_settings(
        telegram,
        database_url,
        webhook_url="https://coach.example.org/hook",
        webhook_listen="127.0.0.1",
        webhook_port=0,
        webhook_secret=SECRET,
        # Pacing is measured by `make bench`; here it would only make the test slow.
        reminder_messages_per_second=1000,
    )


@pytest.fixture
async def instances(
    telegram: FakeTelegram, settings: Settings, clock: FakeClock
) -> AsyncIterator[list[Instance]]:
    async with AsyncExitStack() as stack:
        started = []
        for _ in range(2):
            bot = await stack.enter_async_context(run_bot(telegram, settings, clock=clock))
            bot.pause_scheduler()  # ticks are run by the tests, on the fake clock
            http = await stack.enter_async_context(
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{bot.webhook_port}")
            )
            started.append(Instance(bot, http))
        yield started


async def _add_reminders(bot: RunningBot, chats: range) -> None:
    """Chats in Berlin with a reminder at 07:30, all due at the same moment."""
    async with bot.db.transaction() as tx:
        await tx.execute(
            insert(Chat),
            [
                {
                    "id": chat,
                    "timezone": "Europe/Berlin",
                    "created_at": DUE,
                    "timezone_set_at": DUE,
                }
                for chat in chats
            ],
        )
        await tx.execute(
            insert(Reminder),
            [
                {"chat_id": chat, "local_time": "07:30", "days": 127, "next_fire_at": DUE}
                for chat in chats
            ],
        )


def _reminders_per_chat(telegram: FakeTelegram, chats: range) -> Counter[int]:
    return Counter(
        chat for chat in chats for m in telegram.chat(chat) if m.text.startswith(REMINDER_TEXT)
    )


async def _tick_together(instances: list[Instance]) -> None:
    await asyncio.gather(*(each.bot.run_job("reminders") for each in instances))


async def test_reminders_due_together_are_sent_once_across_instances(
    instances: list[Instance], telegram: FakeTelegram, clock: FakeClock, database_url: str
) -> None:
    """Two instances ticking together send each due reminder exactly once."""
    # Enough that the two ticks' claims overlap many times (the burst's speed is for `make
    # bench`). Two instances on one SQLite file take turns at its single write lock, polling
    # for it: slow, and no deployment anyone should run, so SQLite gets a smaller crowd.
    crowd = 400 if database_url.startswith("postgresql") else 200
    chats = range(70_001, 70_001 + crowd)
    await _add_reminders(instances[0].bot, chats)
    clock.current = DUE + timedelta(seconds=5)

    await _tick_together(instances)
    assert _reminders_per_chat(telegram, chats) == dict.fromkeys(chats, 1)

    await _tick_together(instances)  # the same minute again: nothing is due any more
    clock.advance(days=1)
    await _tick_together(instances)  # the next morning: each chat once more
    assert _reminders_per_chat(telegram, chats) == dict.fromkeys(chats, 2)
    assert len(telegram.calls_to("sendMessage")) == 2 * len(chats)


async def test_a_double_tap_split_across_instances_advances_once(
    instances: list[Instance], telegram: FakeTelegram, database_url: str
) -> None:
    """The two halves of a double tap, on two instances, advance one sub-step."""
    (first, second), chats = instances, range(80_001, 80_031)
    await first_questions_answered(database_url, *chats)
    for chat in chats:
        await first.post(telegram.message_update(chat, "/warmup"))
    await first.handled()
    for chat in chats:
        await second.post(telegram.press_update(chat, "Skip check-in"))
    await second.handled()

    taps = {chat: [telegram.press_update(chat, "Done") for _ in instances] for chat in chats}
    await asyncio.gather(
        *(
            each.post(tap)
            for pair in taps.values()
            for each, tap in zip(instances, pair, strict=True)
        )
    )
    await asyncio.gather(*(each.handled() for each in instances))

    async with first.bot.db.transaction() as tx:
        rows = await tx.execute(
            select(WarmupSession.chat_id, func.count())
            .join(StepEvent)
            .group_by(WarmupSession.chat_id)
        )
        events: dict[int, int] = dict(rows.all())
    assert events == dict.fromkeys(chats, 1)
    answers = {
        str(call.params["callback_query_id"]): call.params.get("text")
        for call in telegram.calls_to("answerCallbackQuery")
    }
    for chat, pair in taps.items():
        texts = sorted(str(answers[tap["callback_query"]["id"]]) for tap in pair)
        assert texts == ["None", STALE], chat
        steps = [m for m in telegram.chat(chat) if m.from_bot and m.text.startswith("Step ")]
        assert len(steps) == 2  # step 1, then set 2 of step 1 once


async def test_a_hold_both_instances_know_of_ends_once(
    instances: list[Instance],
    telegram: FakeTelegram,
    settings: Settings,
    clock: FakeClock,
    database_url: str,
) -> None:
    """An instance started during a hold reschedules it too; time up still moves on once."""
    first, _ = instances
    chat = 90_001
    await first_questions_answered(database_url, chat)
    await first.post(telegram.message_update(chat, "/warmup"))
    await first.handled()
    await first.post(telegram.press_update(chat, "Skip check-in"))
    await first.handled()
    await first.post(telegram.press_update(chat, "Start 30s hold"))
    await first.handled()
    [hold] = [name for name in first.bot.job_names() if name.startswith("hold:")]

    async with run_bot(telegram, settings, clock=clock) as restarted:
        restarted.pause_scheduler()
        assert hold in restarted.job_names()  # restored from the database at start-up
        clock.advance(seconds=40)
        await asyncio.gather(first.bot.run_job(hold), restarted.run_job(hold))

    ends = [m for m in telegram.chat(chat) if m.text.startswith("⏰ Time's up")]
    assert len(ends) == 1
    async with first.bot.db.transaction() as tx:
        assert await tx.scalar(select(func.count()).select_from(StepEvent)) == 1


async def test_a_starting_instance_leaves_updates_in_hand_at_a_live_one(
    instances: list[Instance], telegram: FakeTelegram, settings: Settings, clock: FakeClock
) -> None:
    """A third instance starts while the first has 30 updates in hand (Telegram slow to take
    its answers): it claims none of them, each update is answered once, and its clean stop
    removes it from the live instances."""
    first, _ = instances
    chats = range(95_001, 95_031)
    telegram.slow_down("sendMessage", seconds=2, times=len(chats))
    for chat in chats:
        await first.post(telegram.message_update(chat, "/help"))

    async with run_bot(telegram, settings, clock=clock) as starting:
        await first.handled()
        await starting.application.update_queue.join()

    answers = Counter(chat for chat in chats for m in telegram.chat(chat) if m.from_bot)
    assert answers == dict.fromkeys(chats, 1)
    async with first.bot.db.transaction() as tx:
        live = set(await tx.scalars(select(InstanceRow.id)))
    # The stopped one said it is gone (what it held is anyone's at once); the first is live.
    assert starting.services.inbox.instance not in live
    assert first.bot.services.inbox.instance in live
