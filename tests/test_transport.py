"""The bot's Bot API transport (bot/runtime/transport.py), driven through PTB's public `Bot`.

Each failure a call can meet is staged by a small server of the test's own: one that never
answers, one that hangs up, a port nobody listens on, a full pool, and a proxy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web
from pydantic import ValidationError
from sqlalchemy import text
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut

from bot.runtime.logs import redact
from bot.runtime.transport import AiohttpRequest, PollingRequest
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, RunningBot, make_settings, run_bot

GET_ME = {
    "ok": True,
    "result": {"id": 1, "is_bot": True, "first_name": "Coach", "username": "coach_bot"},
}

Serve = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@dataclass
class Stage:
    """A raw TCP server that treats every connection with `serve`, and what it was sent."""

    url: str
    request_lines: list[str] = field(default_factory=list)


@contextlib.asynccontextmanager
async def stage(serve: Serve) -> AsyncIterator[Stage]:
    seen: list[str] = []
    handlers: set[asyncio.Task[None]] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handlers.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            seen.append(head.split(b"\r\n", 1)[0].decode())
            await serve(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield Stage(f"http://127.0.0.1:{port}", seen)
    finally:
        for task in handlers:
            task.cancel()
        server.close()
        await server.wait_closed()


async def never_answer(_reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
    await asyncio.sleep(3600)


async def hang_up(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.close()


async def answer_get_me(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    body = json.dumps(GET_ME).encode()
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    await writer.drain()


@contextlib.asynccontextmanager
async def bot_at(url: str, request: AiohttpRequest | None = None) -> AsyncIterator[Bot]:
    """A plain PTB Bot on the transport, talking to `url` as its Bot API server."""
    redact(TOKEN)  # as the application does: PTB logs its URLs at DEBUG
    bot = Bot(TOKEN, base_url=f"{url}/bot", request=request or AiohttpRequest())
    await bot.request.initialize()  # Bot.initialize would call getMe first
    try:
        yield bot
    finally:
        await bot.request.shutdown()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_calls_and_uploads_reach_the_bot_api(telegram: FakeTelegram) -> None:
    """Calls go as JSON and uploads as multipart, and both reach the Bot API intact."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Done", callback_data="d:1")]])
    async with bot_at(telegram.url) as bot:
        sent = await bot.send_message(7, "Hello 👋 «hold»", reply_markup=keyboard)
        photo = await bot.send_photo(7, photo=b"\x89PNG picture bytes", filename="chart.png")

    assert sent.text == "Hello 👋 «hold»"
    assert telegram.chat(7)[0].buttons == [("✅ Done", "d:1")]
    # Without a file, a call is one JSON object: numbers stay numbers, the keyboard an object.
    message_call = telegram.calls_to("sendMessage")[0]
    assert message_call.params["chat_id"] == 7
    assert message_call.params["reply_markup"] == keyboard.to_dict()
    assert photo.photo[-1].file_size == len(b"\x89PNG picture bytes")
    uploaded = telegram.chat(7)[-1]
    assert (uploaded.filename, uploaded.media) == ("chart.png", b"\x89PNG picture bytes")
    # The upload went as multipart with the other parameters beside the file.
    upload_call = telegram.calls_to("sendPhoto")[0]
    assert upload_call.params["chat_id"] == "7"


async def test_a_server_that_never_answers_is_timed_out_per_call() -> None:
    """A server that never answers times out by the call's own read timeout."""
    async with stage(never_answer) as server, bot_at(server.url) as bot:
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.get_me(read_timeout=0.3)
        took = time.monotonic() - started

    # The call's own timeout applied, not the request's default of 5 s.
    assert took < 2


async def test_the_default_read_timeout_applies_when_a_call_gives_none() -> None:
    """A call with no read timeout of its own times out by the request's default."""
    request = AiohttpRequest(read_timeout=0.3)
    async with stage(never_answer) as server, bot_at(server.url, request) as bot:
        with pytest.raises(TimedOut):
            await bot.get_me()
    assert request.read_timeout == 0.3


async def test_a_server_that_hangs_up_is_a_network_error() -> None:
    """A server that hangs up is a NetworkError, not TimedOut, and the token is not in it."""
    async with stage(hang_up) as server, bot_at(server.url) as bot:
        with pytest.raises(NetworkError) as raised:
            await bot.get_me()

    assert not isinstance(raised.value, TimedOut)
    assert "aiohttp.ServerDisconnectedError" in raised.value.message
    assert TOKEN not in str(raised.value)


async def test_nobody_listening_is_a_network_error_without_the_token() -> None:
    """A port nobody listens on is a NetworkError, not TimedOut, and the token is not in it."""
    async with bot_at(f"http://127.0.0.1:{closed_port()}") as bot:
        with pytest.raises(NetworkError) as raised:
            await bot.get_me()

    assert not isinstance(raised.value, TimedOut)
    assert "aiohttp.ClientConnectorError" in raised.value.message
    assert TOKEN not in str(raised.value)


async def test_a_full_pool_times_out_the_call_waiting_for_a_connection() -> None:
    """A call waiting on a full pool times out and never reaches the server."""
    request = AiohttpRequest(connection_pool_size=1, read_timeout=5)
    async with stage(never_answer) as server, bot_at(server.url, request) as bot:
        holding = asyncio.create_task(bot.get_me())
        await asyncio.sleep(0.2)  # the one connection is now taken
        with pytest.raises(TimedOut):
            await bot.get_me(pool_timeout=0.2, connect_timeout=0.1)
        # Only the first call reached the server: the second never got a connection.
        assert len(server.request_lines) == 1
        holding.cancel()
        with contextlib.suppress(asyncio.CancelledError, TimedOut):
            await holding


async def test_calls_go_through_the_proxy_when_one_is_set() -> None:
    """With a proxy set, calls go to it with the whole address, which is never looked up."""
    async with stage(answer_get_me) as proxy:
        request = AiohttpRequest(proxy=proxy.url)
        async with bot_at("http://api.telegram.invalid", request) as bot:
            me = await bot.get_me()

    assert me.username == "coach_bot"
    # A proxy is asked for the whole address; the address itself is never looked up.
    assert proxy.request_lines == [f"POST http://api.telegram.invalid/bot{TOKEN}/getMe HTTP/1.1"]


async def test_shutdown_closes_the_pool_and_initialize_opens_it_again(
    telegram: FakeTelegram,
) -> None:
    """Calls fail before initialize and after shutdown; initialize opens the pool again."""
    request = AiohttpRequest()
    redact(TOKEN)
    bot = Bot(TOKEN, base_url=f"{telegram.url}/bot", request=request)
    with pytest.raises(NetworkError, match="not initialized"):
        await bot.send_message(7, "too early")

    await request.initialize()
    await request.initialize()  # PTB may initialize a request twice; one pool is kept
    await bot.send_message(7, "first")
    await request.shutdown()
    await request.shutdown()  # and shut it down twice
    with pytest.raises(NetworkError, match="not initialized"):
        await bot.send_message(7, "after shutdown")

    await request.initialize()
    await bot.send_message(7, "again")
    await request.shutdown()
    assert [m.text for m in telegram.chat(7)] == ["first", "again"]


def test_timeouts_map_onto_aiohttps_and_the_write_timeout_bounds_the_call() -> None:
    """PTB's timeouts map onto aiohttp's; the total is their sum, or none with no read timeout."""
    timeout = AiohttpRequest.timeout(read=3, write=4, connect=2, pool=1)
    assert (timeout.sock_read, timeout.sock_connect, timeout.connect) == (3, 2, 3)
    assert timeout.total == 10
    unbounded = AiohttpRequest.timeout(read=None, write=4, connect=2, pool=1)
    assert (unbounded.total, unbounded.sock_read) == (None, None)


@contextlib.asynccontextmanager
async def forward_proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """An HTTP forward proxy: passes each request on to the address it names, and notes it."""
    seen: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        seen.append(f"{request.method} {request.url.path.rsplit('/', 1)[-1]}")
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method,
                request.url,  # absolute-form: the whole address the client asked for
                data=await request.read(),
                headers={"Content-Type": request.headers.get("Content-Type", "")},
            ) as answer,
        ):
            return web.Response(
                status=answer.status,
                body=await answer.read(),
                content_type=answer.content_type,
            )

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}", seen
    finally:
        await runner.cleanup()


async def test_the_bot_runs_through_a_proxy_when_one_is_configured(
    telegram: FakeTelegram, database_url: str
) -> None:
    """With TELEGRAM_PROXY_URL set, the running bot polls and replies through the proxy."""
    async with forward_proxy() as (proxy, seen):
        settings = make_settings(telegram, database_url, telegram_proxy_url=proxy)
        async with run_bot(telegram, settings) as bot:
            replies = await bot.send(5, "/start")

    assert replies, "the bot answered /start through the proxy"
    assert "POST getUpdates" in seen
    assert "POST sendMessage" in seen


def test_only_http_proxies_are_accepted(telegram: FakeTelegram) -> None:
    """A proxy URL that is not http is refused, and an empty one means no proxy."""
    with pytest.raises(ValidationError, match="TELEGRAM_PROXY_URL must be an http"):
        make_settings(telegram, "sqlite+aiosqlite://", telegram_proxy_url="socks5://p:1080")
    assert (
        make_settings(telegram, "sqlite+aiosqlite://", telegram_proxy_url="").telegram_proxy_url
        is None
    )


async def test_a_polled_update_is_kept_in_the_inbox_as_telegram_sent_it(bot: RunningBot) -> None:
    """Stored as sent, not re-serialised by PTB (a field PTB does not know is kept too), until
    it is handled: then only its id stays."""
    bot.server.latency[8] = 1.0  # the reply takes a second: the stored body can be read meanwhile
    message = bot.server.message_update(8, "/start café")["message"]
    message["field_from_a_newer_bot_api"] = {"kept": True}
    update_id = bot.server.push_update({"message": message})
    body = None
    for _ in range(80):  # stored within a few polls; the reply holds handling for a second
        if (body := await _inbox_body(bot, update_id)) is not None:
            break
        await asyncio.sleep(0.01)
    assert body is not None
    assert json.loads(body) == {"update_id": update_id, "message": message}
    assert "café" in body  # written from Telegram's JSON, not by PTB (which escapes it)
    await bot.settle(update_id)
    assert bot.server.chat(8), "and the update was handled as usual"
    assert await _inbox_body(bot, update_id) is None


async def _inbox_body(bot: RunningBot, update_id: int) -> str | None:
    async with bot.db.reading() as tx:
        return await tx.scalar(
            text("SELECT body FROM inbox WHERE update_id = :id"), {"id": update_id}
        )


def test_the_polling_transport_keeps_only_the_last_polls_updates() -> None:
    """The polling transport keeps the updates as sent from the last poll only."""
    polling = PollingRequest()
    polling.parse_json_payload(b'{"ok": true, "result": [{"update_id": 5, "x": 1}]}')
    assert polling.as_sent(5) == {"update_id": 5, "x": 1}
    polling.parse_json_payload(b'{"ok": true, "result": []}')
    assert polling.as_sent(5) is None
