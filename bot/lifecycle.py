"""Starting and stopping the application, shared by `python -m bot` and the tests.

`Application.initialize()` does not run `post_init`, and `run_polling()` owns the event loop,
so both production and tests go through `running()`, which runs the same hooks in the same
order as PTB's own runner.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application

# Only what the bot handles; edited messages and channel posts are never fetched.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@asynccontextmanager
async def running(application: AnyApplication, *, poll_timeout: int = 10) -> AsyncIterator[None]:
    """Initialize, run post_init, poll and process updates; undo it all on exit."""
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        assert application.updater is not None
        await application.updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout
        )
        await application.start()
        try:
            yield
        finally:
            await application.updater.stop()
            await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def serve(application: AnyApplication) -> None:
    """Run until SIGINT or SIGTERM, then stop cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with running(application):
        await stop.wait()
