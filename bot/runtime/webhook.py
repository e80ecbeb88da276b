"""Webhook mode: a small Starlette app that checks Telegram's secret and feeds the update queue.

Only requests carrying the configured `X-Telegram-Bot-Api-Secret-Token` are accepted, so
nobody who merely learns the URL can inject updates. Bodies are size-capped before parsing.
`/healthz` answers 200 while the application runs and its database answers.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update
from telegram.ext import Application

from bot.runtime.inbox import InboxBot
from db.database import Database

log = logging.getLogger(__name__)

# Real updates are a few kilobytes; Telegram's own cap on a text message is 4096 characters.
MAX_BODY_BYTES = 256 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
REFUSAL_LOG_SECONDS = 60


def create_app(
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    path: str | None,
    secret: str,
    db: Database,
    web: Sequence[BaseRoute] = (),
) -> Starlette:
    """The ASGI app serving Telegram's webhook at `path` (None: polling, no webhook),
    `/healthz`, and `web` (the Mini App's pages)."""

    refusals = _Refusals()

    async def receive_update(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            refusals.note()
            return Response(status_code=403)
        body = await _read_capped(request)
        if body is None:
            return Response(status_code=413)
        update = _parse(body, application)
        if update is None:
            return Response(status_code=400)
        await _take(application, update)
        return Response(status_code=200)

    async def health(_request: Request) -> Response:
        healthy = application.running and await db.ping()
        return JSONResponse(
            {"status": "ok" if healthy else "unavailable"}, status_code=200 if healthy else 503
        )

    routes: list[BaseRoute] = [Route("/healthz", health, methods=["GET"]), *web]
    if path is not None:
        routes.insert(0, Route(path, receive_update, methods=["POST"]))
    return Starlette(routes=routes)


async def _take(application: Application[Any, Any, Any, Any, Any, Any], update: Update) -> None:
    """Store the update, then queue it, before the 200 that tells Telegram it arrived; one
    Telegram sent before is not queued again."""
    bot = application.bot
    if isinstance(bot, InboxBot) and await bot.inbox.receive([update], datetime.now(UTC)):
        return
    await application.update_queue.put(update)


class _Refusals:
    """Refused requests, logged at most once a minute: anyone who finds the URL can send
    thousands, and each must not cost a WARNING line."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next_log = float("-inf")
        self._unlogged = 0

    def note(self) -> None:
        self._unlogged += 1
        if self._clock() < self._next_log:
            return
        log.warning(
            "%d webhook request(s) without the right secret refused; next report in a minute",
            self._unlogged,
        )
        self._unlogged, self._next_log = 0, self._clock() + REFUSAL_LOG_SECONDS


def _parse(body: bytes, application: Application[Any, Any, Any, Any, Any, Any]) -> Update | None:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        return None
    # `type(...) is int`: JSON's true is an int to isinstance, and would pass as update 1.
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        return None
    try:
        return Update.de_json(data, application.bot)
    # OverflowError: a date past the year 9999; RecursionError: deeply nested objects.
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        log.warning("webhook body is not an update; refused")
        return None


async def _read_capped(request: Request) -> bytes | None:
    """The body, or None if it is (or claims to be) larger than the cap."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        return None
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                return None
            chunks.append(chunk)
    except ClientDisconnect:
        return None
    return b"".join(chunks)
