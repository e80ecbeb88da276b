"""Webhook mode: Telegram posts updates to the bot, which checks the secret on each."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.config import Settings
from tests.fake_telegram import FakeTelegram
from tests.harness import RunningBot, make_settings, run_bot

CHAT = 9501
SECRET = "s3cret_token-for-tests"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
def webhook_settings(telegram: FakeTelegram, database_url: str) -> Settings:
    return make_settings(
        telegram,
        database_url,
        webhook_url="https://coach.example.org/telegram/updates",
        webhook_listen="127.0.0.1",
        webhook_port=0,
        webhook_secret=SECRET,
    )


@pytest.fixture
async def hooked(telegram: FakeTelegram, webhook_settings: Settings) -> AsyncIterator[RunningBot]:
    async with run_bot(telegram, webhook_settings) as bot:
        yield bot


@pytest.fixture
async def client(hooked: RunningBot) -> AsyncIterator[httpx.AsyncClient]:
    base = f"http://127.0.0.1:{hooked.webhook_port}"
    async with httpx.AsyncClient(base_url=base) as http:
        yield http


@pytest.mark.usefixtures("hooked")
async def test_the_webhook_is_registered_with_its_secret(telegram: FakeTelegram) -> None:
    """Webhook mode registers its URL and secret with Telegram at start-up."""
    assert telegram.webhook is not None
    assert telegram.webhook["url"] == "https://coach.example.org/telegram/updates"
    assert telegram.webhook["secret_token"] == SECRET
    assert telegram.calls_to("getUpdates") == []  # no polling in webhook mode


async def test_an_update_with_the_secret_is_handled(
    hooked: RunningBot, telegram: FakeTelegram, client: httpx.AsyncClient
) -> None:
    """An update posted with the secret is handled like a polled one."""
    update = telegram.message_update(CHAT, "/warmup")
    response = await client.post("/telegram/updates", json=update, headers={HEADER: SECRET})
    assert response.status_code == 200
    await hooked.application.update_queue.join()
    assert telegram.chat(CHAT)[-1].text.startswith("🩺 A safety check first")


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET.upper()])
async def test_a_request_without_the_right_secret_is_refused_unread(
    hooked: RunningBot, telegram: FakeTelegram, client: httpx.AsyncClient, secret: str | None
) -> None:
    """A post without the right secret gets 403 and is not handled."""
    update = telegram.message_update(CHAT, "/warmup")
    headers = {} if secret is None else {HEADER: secret}
    response = await client.post("/telegram/updates", json=update, headers=headers)
    assert response.status_code == 403
    await hooked.application.update_queue.join()
    assert [m for m in telegram.chat(CHAT) if m.from_bot] == []


async def test_oversized_and_malformed_bodies_are_refused(
    hooked: RunningBot, telegram: FakeTelegram, client: httpx.AsyncClient
) -> None:
    """Bodies over the cap get 413; bodies that are no update get 400."""
    headers = {HEADER: SECRET}
    huge = json.dumps({"update_id": 1, "padding": "x" * 300_000})
    assert (
        await client.post("/telegram/updates", content=huge, headers=headers)
    ).status_code == 413

    async def stream() -> AsyncIterator[bytes]:  # no Content-Length: the cap holds while reading
        for _ in range(40):
            yield b"x" * 10_000

    response = await client.post("/telegram/updates", content=stream(), headers=headers)
    assert response.status_code == 413
    for body in (b"not json", b"[1, 2]", b'{"no": "update_id"}'):
        response = await client.post("/telegram/updates", content=body, headers=headers)
        assert response.status_code == 400
    await hooked.application.update_queue.join()
    assert [m for m in telegram.chat(CHAT) if m.from_bot] == []


async def test_an_update_id_that_is_not_an_integer_is_refused(
    hooked: RunningBot, telegram: FakeTelegram, client: httpx.AsyncClient
) -> None:
    """`"update_id": true` (an int to Python) or 1.0 is no update id: 400, nothing handled."""
    for bogus in (True, 1.0, "1"):
        update = {**telegram.message_update(CHAT, "/help"), "update_id": bogus}
        response = await client.post("/telegram/updates", json=update, headers={HEADER: SECRET})
        assert response.status_code == 400
    await hooked.application.update_queue.join()
    assert [m for m in telegram.chat(CHAT) if m.from_bot] == []


async def test_other_paths_and_methods_are_not_served(client: httpx.AsyncClient) -> None:
    """Only the webhook path and /healthz are served."""
    assert (await client.post("/", headers={HEADER: SECRET})).status_code == 404
    assert (await client.get("/telegram/updates")).status_code == 405


async def test_healthz_reports_the_bot_and_its_database(
    hooked: RunningBot, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    """/healthz answers 200 while the bot and its database run, 503 otherwise."""
    response = await client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    working = hooked.db.engine
    hooked.db.engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db")
    try:
        response = await client.get("/healthz")
    finally:
        await hooked.db.engine.dispose()
        hooked.db.engine = working
    assert (response.status_code, response.json()) == (503, {"status": "unavailable"})


def test_webhook_mode_refuses_to_start_without_a_secret(telegram: FakeTelegram) -> None:
    """WEBHOOK_URL without WEBHOOK_SECRET is a settings error."""
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET is required"):
        make_settings(
            telegram, "sqlite+aiosqlite://", webhook_url="https://coach.example.org/hook"
        )
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET must be"):
        make_settings(
            telegram,
            "sqlite+aiosqlite://",
            webhook_url="https://coach.example.org/hook",
            webhook_secret="no spaces allowed",
        )


async def test_bodies_that_break_parsing_get_400_not_500(
    hooked: RunningBot, telegram: FakeTelegram, client: httpx.AsyncClient
) -> None:
    """A date past year 9999 or JSON nested past the parser's depth is refused with 400."""
    headers = {HEADER: SECRET}
    far_future = telegram.message_update(CHAT, "/help")
    far_future["message"]["date"] = 10**20
    nested = '{"update_id": 5, "message": ' + "[" * 100_000 + "]" * 100_000 + "}"
    for body in (json.dumps(far_future), nested):
        response = await client.post("/telegram/updates", content=body, headers=headers)
        assert response.status_code == 400
    await hooked.application.update_queue.join()
    assert [m for m in telegram.chat(CHAT) if m.from_bot] == []


@pytest.mark.usefixtures("hooked")
async def test_refused_requests_are_logged_once_a_minute_not_each(
    telegram: FakeTelegram, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Fifty posts without the secret: all refused, one WARNING line."""
    update = telegram.message_update(CHAT, "/warmup")
    with caplog.at_level(logging.WARNING, logger="bot.runtime.webhook"):
        for _ in range(50):
            response = await client.post("/telegram/updates", json=update)
            assert response.status_code == 403
    warnings = [r for r in caplog.records if r.name == "bot.runtime.webhook"]
    assert len(warnings) == 1


async def test_healthz_answers_while_a_write_is_under_way(
    hooked: RunningBot, client: httpx.AsyncClient
) -> None:
    """A write holding the database does not make /healthz wait for it or fail."""
    async with hooked.db.transaction() as tx:
        await tx.execute(text("UPDATE chats SET active = active"))  # the write lock is taken
        response = await asyncio.wait_for(client.get("/healthz"), timeout=1.5)
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
