"""Starting and stopping the application, shared by `python -m bot` and the tests.

`Application.initialize()` does not run `post_init`, and PTB's `run_polling()` owns the event
loop, so production and tests both go through `running()`, which runs the same hooks in the
same order as PTB's own runner, in polling or webhook mode.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.routing import BaseRoute
from telegram import Update
from telegram.ext import Application

from bot.config import Settings
from bot.runtime import webhook
from bot.runtime.inbox import InboxBot
from bot.runtime.ordering import PerChatUpdateProcessor
from db.database import Database

log = logging.getLogger(__name__)

# Supervisors (Docker, systemd) wait 10 s after SIGTERM before a kill. A stop spends at most
# BACKLOG_SECONDS on a backlog; then updates that have not started are held over, and updates
# still running (a Bot API call that hangs) get RUNNING_SECONDS before they are cancelled.
BACKLOG_SECONDS = 5.0
RUNNING_SECONDS = 3.0

# Only what the bot handles; edited messages and channel posts are never fetched.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass(frozen=True)
class Running:
    """What is serving: the web server's bound port (the webhook's, the Mini App's), if any."""

    webhook_port: int | None = None


@asynccontextmanager
async def running(
    application: AnyApplication,
    settings: Settings,
    db: Database,
    *,
    poll_timeout: int = 10,
    web: Sequence[BaseRoute] = (),
) -> AsyncIterator[Running]:
    """Initialize, run post_init, receive and process updates; undo it all on exit.

    The order on the way out is the point: stop receiving first (so Telegram counts nothing
    more as delivered), then finish what is in hand, then stop. What is in hand but cannot be
    finished in time stays unhandled in the inbox and is queued first thing at the next start,
    which receives new updates meanwhile.
    """
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        try:
            await _replay_unhandled(application)
            async with _receiving(application, settings, db, poll_timeout, web) as receiving:
                yield receiving
        finally:
            await _finish_in_hand(application)
            if isinstance(application.bot, InboxBot):
                await application.bot.inbox.leave()
            if application.post_stop:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def serve(
    application: AnyApplication,
    settings: Settings,
    db: Database,
    web: Sequence[BaseRoute] = (),
) -> None:
    """Run until SIGINT or SIGTERM, then finish what is in flight and stop cleanly. `web`:
    pages the bot's web server serves besides the webhook (the Mini App)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with running(application, settings, db, web=web):
        await stop.wait()


@asynccontextmanager
async def _receiving(
    application: AnyApplication,
    settings: Settings,
    db: Database,
    poll_timeout: int,
    web: Sequence[BaseRoute],
) -> AsyncIterator[Running]:
    if settings.webhook_url is None:
        assert application.updater is not None
        async with _web_server(application, settings, db, web) as port:
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout
            )
            try:
                yield Running(webhook_port=port)
            finally:
                await application.updater.stop()
        return
    async with _web_server(application, settings, db, web) as port:
        assert settings.webhook_secret is not None  # settings refuse webhook mode without it
        await application.bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
        )
        yield Running(webhook_port=port)


@asynccontextmanager
async def _web_server(
    application: AnyApplication, settings: Settings, db: Database, web: Sequence[BaseRoute]
) -> AsyncIterator[int | None]:
    """The bot's web server: the webhook (webhook mode) and `web`; none when neither."""
    secret = settings.webhook_secret
    if settings.webhook_url is None and not web:
        yield None
        return
    app = webhook.create_app(
        application,
        path=settings.webhook_path if settings.webhook_url is not None else None,
        secret=secret.get_secret_value() if secret is not None else "",
        db=db,
        web=web,
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((settings.webhook_listen, settings.webhook_port))
    # log_config=None keeps our logging set-up; no access log (it would add nothing but noise).
    # Requests in flight at a stop only put an update on the queue: two seconds is plenty.
    config = uvicorn.Config(
        app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=2
    )
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                task.result()  # raises why it could not start
            await asyncio.sleep(0.01)
        yield sock.getsockname()[1]
    finally:
        server.should_exit = True
        await task
        sock.close()


async def _replay_unhandled(application: AnyApplication) -> None:
    """Hand what the last run received but did not handle to the update processor, ahead of
    anything new, and go on at once: a chat's backlog (a group at its 20 messages a minute)
    waits its turns like live updates, holding up no other chat nor the start, and a stop
    meanwhile holds it over like any backlog."""
    bot, queue = application.bot, application.update_queue
    if not isinstance(bot, InboxBot):
        return
    left = await bot.inbox.unhandled(bot, bot.now())
    for update in left:
        await queue.put(update)
    if left:
        log.info("%d updates the last run had received but not handled are queued", len(left))


async def _finish_in_hand(application: AnyApplication) -> None:
    """Stop the application within a few seconds, leaving what cannot be finished unhandled
    in the inbox, for the next start."""
    processor = application.update_processor
    stopping = asyncio.create_task(application.stop())
    if not await _within(stopping, BACKLOG_SECONDS) and isinstance(
        processor, PerChatUpdateProcessor
    ):
        processor.hold_over()
        if not await _within(stopping, RUNNING_SECONDS):
            cancelled = processor.cancel_running()
            log.warning("stopped with %d updates still waiting on Telegram", cancelled)
    await stopping
    if isinstance(processor, PerChatUpdateProcessor) and processor.held:
        log.info("%d updates left for the next start", len(processor.held))


async def _within(task: asyncio.Task[None], seconds: float) -> bool:
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return bool(done)


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: `serve()` above owns SIGINT and SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield
