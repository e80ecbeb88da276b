"""The Mini App's routes on the bot's web server (`bot/runtime/lifecycle.py` serves them, in
webhook and polling mode): its page and files, the exercise animations, and two data calls.

`GET {base}/api/overview` and `POST {base}/api/settings` answer only a request signed in by
Telegram's initData (`signin.py`), for the person it names: 401 otherwise, with nothing of
anyone's data. A setting changed here is stored by the chat's own rule set and said in the
chat at once, so the chat and the app never disagree about it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from telegram.error import TelegramError

from bot.chat import choices
from bot.coaching import language, preferences
from bot.content.speaking import choose, speak
from bot.runtime.application import CoachApplication
from bot.runtime.context import CoachContext
from bot.webapp import form, overview
from bot.webapp.signin import Person, SignIn

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
MEDIA_NAME = re.compile(r"[a-z0-9-]{1,80}\.mp4")
MAX_BODY_BYTES = 4096  # a choice is a name and a value
# The page and its files come from this server only; Telegram shows it in a frame.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors https://web.telegram.org https://*.telegram.org"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
Call = Callable[[Request, CoachContext, Person], Awaitable[Response]]


def routes(application: CoachApplication, base: str, media: Path) -> list[BaseRoute]:
    """Everything the app serves under `base` (WEBAPP_URL's path)."""
    rules = CoachContext(application).rules.webapp
    sign_in = SignIn(application.bot.token, timedelta(hours=rules.sign_in_hours))
    return [
        Route(base, lambda _request: RedirectResponse(f"{base}/"), methods=["GET"]),
        Route(f"{base}/", _index, methods=["GET"]),
        Mount(f"{base}/static", StaticFiles(directory=STATIC), name="static"),
        Route(f"{base}/media/{{name}}", _media_of(media), methods=["GET"]),
        Route(f"{base}/api/overview", _signed(application, sign_in, _overview), methods=["GET"]),
        Route(f"{base}/api/settings", _signed(application, sign_in, _setting), methods=["POST"]),
    ]


async def _index(_request: Request) -> Response:
    return FileResponse(STATIC / "index.html", headers=SECURITY_HEADERS)


def _media_of(folder: Path) -> Callable[[Request], Awaitable[Response]]:
    async def media(request: Request) -> Response:
        name = request.path_params["name"]
        path = folder / name
        if not MEDIA_NAME.fullmatch(name) or not path.is_file():
            return Response(status_code=404)
        return FileResponse(path, media_type="video/mp4")

    return media


def _signed(
    application: CoachApplication, sign_in: SignIn, call: Call
) -> Callable[[Request], Awaitable[Response]]:
    """`call` for the person the request's initData signs in; 401 for anyone else."""

    async def endpoint(request: Request) -> Response:
        person = sign_in.person(request.headers.get("authorization"))
        if person is None:
            unauthorized = CoachContext(application).texts.webapp.unauthorized
            return _json({"error": unauthorized}, 401)
        context = CoachContext(application, person.user_id, person.user_id)
        await _speak_for(context, person)
        return await call(request, context, person)

    return endpoint


async def _speak_for(context: CoachContext, person: Person) -> None:
    """The app speaks as the person's private chat does: their choice, else their app's."""
    telegram = person.language_code
    stored = await language.stored(context.db, person.user_id, telegram=telegram)
    speak(choose(context.rules.languages.offered, stored.chosen, telegram))


async def _overview(_request: Request, context: CoachContext, person: Person) -> Response:
    return _json(await overview.overview(context, person.user_id, person.first_name))


async def _setting(request: Request, context: CoachContext, person: Person) -> Response:
    """Store one choice (the chat's own rule set decides what is on offer) and say it in the
    chat; 400 for anything not on offer, which changes nothing."""
    words, chat_id = context.texts.webapp, person.user_id
    choice = form.offered(context.content, *_name_and_value(await _body(request)))
    if choice is None:  # refused before anything is read or written
        return _json({"error": words.not_offered}, 400)
    snap = await preferences.snapshot(context.db, chat_id=chat_id, now=context.now())
    changed = await choices.choose(context, chat_id, snap, *choice)
    if changed is None:
        return _json({"error": words.not_offered}, 400)
    fields = form.settings(context.content, changed)
    await _say_in_chat(context, chat_id, fields, choice)
    # A language just chosen speaks from here on: `saved` comes in it.
    return _json({"settings": fields, "saved": context.texts.webapp.saved})


async def _say_in_chat(
    context: CoachContext, chat_id: int, fields: dict[str, Any], choice: tuple[str, str]
) -> None:
    field = next(f for f in fields["fields"] if f["name"] == choice[0])
    value = next(o["label"] for o in field["options"] if o["value"] == choice[1])
    line = context.texts.webapp.in_chat.format(setting=field["label"], value=value)
    try:
        await context.bot.send_message(chat_id, line)
    except TelegramError as exc:  # stored all the same; /settings shows it
        log.warning("app's change not said in chat %s (%s)", chat_id, exc)


async def _body(request: Request) -> object:
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        return None
    try:
        return json.loads(await request.body())
    except (ValueError, RecursionError):
        return None


def _name_and_value(body: object) -> tuple[object, object]:
    return (body.get("name"), body.get("value")) if isinstance(body, dict) else (None, None)


def _json(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"Cache-Control": "no-store"})
