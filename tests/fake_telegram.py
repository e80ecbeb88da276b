"""A fake Telegram Bot API server for tests and the demo.

It speaks the Bot API over real HTTP on 127.0.0.1, so the application under test runs exactly as
in production with `TELEGRAM_API_URL` pointed here. It keeps the chats' messages as Telegram
would (sent, edited, buttons), serves updates to `getUpdates` by long polling, records every
call, and can be told to fail the next calls of a method.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from html import unescape
from typing import Any, Protocol

from aiohttp import web

BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "Warm-up Coach",
    "username": "warmup_coach_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

# PTB sends form-encoded bodies; these parameters carry JSON inside the form.
JSON_PARAMETERS = frozenset(
    {
        "reply_markup",
        "commands",
        "allowed_updates",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "scope",
        "media",
    }
)

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CAPTION_LIMIT = 1024
# Calls `Faults` leave alone: start-up and polling (a stop must not hang on a fault in them).
_ALWAYS_ANSWERED = {
    "getMe",
    "getUpdates",
    "setMyCommands",
    "deleteWebhook",
    "setWebhook",
    "setChatMenuButton",
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = 0.0  # the server's loop time when it was made
    chat_id: int | None = None  # the chat it concerns (a press's chat, for an answer)
    failed: bool = False  # refused on purpose (see `Faults`)
    fault: str | None = None  # which fault refused it


class Faults(Protocol):
    """Decides, call by call, whether Telegram misbehaves (see `tests/chaos.py`)."""

    def roll(self, method: str, chat_id: int | None) -> Fault | None: ...


@dataclass(frozen=True)
class Fault:
    kind: str  # "429", "5xx", "lost" (no answer in time, no effect) or "slow" (answers late)
    seconds: float = 0.0


@dataclass
class Message:
    """A message in a chat, as the fake server currently holds it."""

    message_id: int
    chat_id: int
    html: str
    from_bot: bool
    reply_markup: dict[str, Any] | None = None
    edits: int = 0
    media: bytes | None = None  # an uploaded photo, document or animation
    filename: str | None = None
    animation: str | None = None  # the file_id of an animation it shows (its text is a caption)
    voice: str | None = None  # the file_id of a voice note it plays (its text is a caption)

    @property
    def text(self) -> str:
        """The text as a person sees it: tags removed, entities decoded."""
        return unescape(re.sub(r"<[^>]+>", "", self.html))

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row."""
        if not self.reply_markup:
            return []
        return [
            (button["text"], button.get("callback_data", ""))
            for row in self.reply_markup.get("inline_keyboard", [])
            for button in row
        ]

    @property
    def labels(self) -> list[str]:
        """The button labels, in order."""
        return [label for label, _ in self.buttons]


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class Event:
    """One line of the conversation log the demo prints."""

    kind: str  # "user", "press", "send", "edit", "buttons" (only they changed), "answer"
    chat_id: int
    text: str
    buttons: list[str] = field(default_factory=list)


class FakeTelegram:
    """The server. Use as `async with FakeTelegram(token) as server:`; `server.url` is the root."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.events: list[Event] = []
        self.messages: dict[int, dict[int, Message]] = defaultdict(dict)
        self.commands: list[dict[str, Any]] = []
        self.menus: dict[str | None, list[dict[str, Any]]] = {}
        self.menu_button: dict[str, Any] | None = None  # every private chat's, as last set
        self.webhook: dict[str, Any] | None = None  # what setWebhook was last given
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._open_callbacks: set[str] = set()
        self._failures: dict[str, deque[Failure]] = defaultdict(deque)
        self._delays: dict[str, deque[float]] = defaultdict(deque)
        self.latency: dict[int, float] = {}  # chat id -> seconds added to each call for it
        self.admins: dict[int, set[int]] = defaultdict(set)  # group id -> its admins' user ids
        self.languages: dict[int, str] = {}  # user id -> language_code, where not "en"
        self.names: dict[int, str] = {}  # user id -> first name (default "Sam")
        self.faults: Faults | None = None
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file name, content)
        self.uploads: list[str] = []  # names of the animations uploaded, in order
        self.refused_files: set[str] = set()  # file_ids to refuse as if Telegram forgot them
        # Chats where a voice note is refused, with what Telegram says: a person's privacy
        # settings (VOICE_MESSAGES_FORBIDDEN), a group's rules, or anything else.
        self.voice_refused: dict[int, str] = {}
        self._file_ids = itertools.count(1)
        self.pushed_at: dict[int, float] = {}  # update id -> when it was queued
        self.update_chats: dict[int, int] = {}  # update id -> its chat
        self.press_ids: dict[int, str] = {}  # update id -> its callback query id
        self.answered: set[str] = set()  # callback query ids answered
        self._press_chats: dict[str, int] = {}
        self._confirmed = 0  # every update below this id has been fetched and acknowledged
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> FakeTelegram:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        # No access log: every request path contains the token.
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(self._runner, sock)
        await site.start()
        host, port = sock.getsockname()
        self.url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._closing = True
        self._wake()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what a test or the demo does -------------------------------------------------------

    def user_sends(self, chat_id: int, text: str, *, user_id: int | None = None) -> int:
        """Queue a text message from a user; returns its update id."""
        message = self._user_message(chat_id, text, user_id or chat_id)
        self.events.append(Event("user", chat_id, text))
        return self._push({"message": message})

    def user_replies(
        self, chat_id: int, to: Message, text: str, *, user_id: int | None = None
    ) -> int:
        """Queue a text message that replies to `to` (as a ForceReply field sends it)."""
        message = self._user_message(chat_id, text, user_id or chat_id)
        message["reply_to_message"] = self._message_json(to)
        message["reply_to_message"]["from"] = BOT_USER if to.from_bot else _user_json(chat_id)
        self.events.append(Event("user", chat_id, text))
        return self._push({"message": message})

    def message_update(self, chat_id: int, text: str) -> dict[str, Any]:
        """A user's text message as an update, for posting to a webhook instead of polling."""
        message = self._user_message(chat_id, text, chat_id)
        return {"update_id": next(self._update_ids), "message": message}

    def user_presses(self, chat_id: int, label: str, *, user_id: int | None = None) -> int:
        """Press the button whose label contains `label` on the newest message that has one."""
        message, data, full_label = self.find_button(chat_id, label)
        self.events.append(Event("press", chat_id, full_label))
        return self.press_data(chat_id, data, message.message_id, user_id=user_id)

    def press_data(
        self, chat_id: int, data: str, message_id: int, *, user_id: int | None = None
    ) -> int:
        """Queue a callback query with any data on any message (forged presses included)."""
        return self._push(self._callback(chat_id, data, message_id, user_id or chat_id))

    def press_update(self, chat_id: int, label: str) -> dict[str, Any]:
        """A press of the newest button matching `label`, as an update for posting to a webhook."""
        message, data, _ = self.find_button(chat_id, label)
        update_id = next(self._update_ids)
        return {
            "update_id": update_id,
            **self._callback(chat_id, data, message.message_id, chat_id),
        }

    def _callback(self, chat_id: int, data: str, message_id: int, user_id: int) -> dict[str, Any]:
        query_id = str(next(self._callback_ids))
        self._open_callbacks.add(query_id)
        held = self.messages[chat_id].get(message_id)
        message = (
            self._message_json(held)
            if held
            else {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": _chat_json(chat_id),
                "from": BOT_USER,
                "text": "",
            }
        )
        person = _user_json(user_id)
        if (language := self.languages.get(user_id)) is not None:
            person["language_code"] = language
        return {
            "callback_query": {
                "id": query_id,
                "from": person,
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            }
        }

    def find_button(self, chat_id: int, label: str) -> tuple[Message, str, str]:
        for message in reversed(list(self.messages[chat_id].values())):
            for text, data in message.buttons:
                if label in text:
                    return message, data, text
        raise LookupError(f"no button with {label!r} in chat {chat_id}")

    def fail(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of `method` fail with this Bot API error."""
        for _ in range(times):
            self._failures[method].append(Failure(status, description, retry_after))

    def slow_down(self, method: str, *, seconds: float, times: int = 1) -> None:
        """Make the next `times` calls of `method` answer only after `seconds` (then normally)."""
        self._delays[method].extend([seconds] * times)

    def group_becomes_supergroup(self, group_id: int, new_id: int, *, user_id: int) -> int:
        """Queue the service message Telegram sends when a group becomes a supergroup."""
        message = self._user_message(group_id, "", user_id)
        del message["text"]
        return self._push({"message": {**message, "migrate_to_chat_id": new_id}})

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue any update as Telegram would send it (odd shapes included); returns its id."""
        return self._push(update)

    async def delivered(self, update_id: int, timeout: float = 10) -> None:
        """Wait until the bot has fetched `update_id` and asked for the ones after it.

        PTB asks for more only after putting what it fetched on its update queue, so after this
        `application.update_queue.join()` waits for the update to be fully handled.
        """
        deadline = asyncio.get_running_loop().time() + timeout
        while self._confirmed <= update_id:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"update {update_id} was not fetched within {timeout}s")
            await self._wait_change(remaining)

    def confirmed(self, update_id: int) -> bool:
        """Whether the bot has acknowledged `update_id`: Telegram would not send it again."""
        return self._confirmed > update_id

    def chat(self, chat_id: int) -> list[Message]:
        return list(self.messages[chat_id].values())

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    # --- the Bot API side ---------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        arrived = asyncio.get_running_loop().time()
        params = await _params(request)
        if delays := self._delays.get(method):
            await asyncio.sleep(delays.popleft())
        if (chat := params.get("chat_id")) is not None and (pause := self.latency.get(int(chat))):
            await asyncio.sleep(pause)
        if (refused := await self._misbehave(method, params, arrived)) is not None:
            return refused
        self.calls.append(self._call(method, params, arrived))
        if failures := self._failures.get(method):
            return _failure(failures.popleft())
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            result = await handler(params)
        except ApiError as exc:
            return _failure(Failure(exc.status, exc.description, exc.retry_after))
        return web.json_response({"ok": True, "result": result})

    async def _misbehave(
        self, method: str, params: dict[str, Any], arrived: float
    ) -> web.Response | None:
        """A fault from `self.faults`, if it rolls one for this call: the refusal, else None."""
        if self.faults is None or method in _ALWAYS_ANSWERED:
            return None
        fault = self.faults.roll(method, self._call(method, params, arrived).chat_id)
        if fault is None:
            return None
        await asyncio.sleep(fault.seconds)
        if fault.kind == "slow":
            return None
        refused = self._call(method, params, arrived, failed=True)
        refused.fault = fault.kind
        self.calls.append(refused)
        if fault.kind == "429":
            return _failure(Failure(429, "Too Many Requests: retry after 1", retry_after=1))
        if fault.kind == "lost":  # the bot gave up waiting long ago; this answer goes nowhere
            return _error(504, "Gateway Timeout")
        return _error(502, "Bad Gateway")

    def _call(
        self, method: str, params: dict[str, Any], arrived: float, *, failed: bool = False
    ) -> Call:
        chat = params.get("chat_id")
        chat_id = int(chat) if chat is not None else None
        if method == "answerCallbackQuery":
            chat_id = self._press_chats.get(str(params.get("callback_query_id")))
        return Call(method, params, at=arrived, chat_id=chat_id, failed=failed)

    async def _api_getMe(self, _params: dict[str, Any]) -> Any:  # noqa: N802 - Bot API names
        return BOT_USER

    async def _api_deleteWebhook(self, _params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = None
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = params
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:  # noqa: N802
        # One menu per language_code; the one without is everyone else's.
        self.menus[params.get("language_code")] = params["commands"]
        if params.get("language_code") is None:
            self.commands = params["commands"]
        return True

    async def _api_setChatMenuButton(self, params: dict[str, Any]) -> Any:  # noqa: N802
        button = params.get("menu_button")
        self.menu_button = json.loads(button) if isinstance(button, str) else button
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:  # noqa: N802
        offset = int(params.get("offset", 0))
        timeout = float(params.get("timeout", 0))
        if offset:
            self._confirmed = max(self._confirmed, offset)
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._wake()
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._updates and not self._closing:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            await self._wait_change(remaining)
        limit = int(params.get("limit", 100))
        return self._updates[:limit]

    async def _api_getChatMember(self, params: dict[str, Any]) -> Any:  # noqa: N802
        user_id = int(params["user_id"])
        user = {**_user_json(user_id), "first_name": self.names.get(user_id, "Sam")}
        if user_id not in self.admins[int(params["chat_id"])]:
            return {"status": "member", "user": user}
        rights = (
            "can_be_edited can_manage_chat can_delete_messages can_manage_video_chats "
            "can_restrict_members can_promote_members can_change_info can_invite_users "
            "can_post_stories can_edit_stories can_delete_stories is_anonymous"
        )
        return {"status": "administrator", "user": user, **dict.fromkeys(rights.split(), False)}

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id = int(params["chat_id"])
        message = Message(
            message_id=next(self._message_ids),
            chat_id=chat_id,
            html=_html(params),
            from_bot=True,
            reply_markup=params.get("reply_markup"),
        )
        self.messages[chat_id][message.message_id] = message
        self.events.append(Event("send", chat_id, message.text, message.labels))
        return self._message_json(message)

    async def _api_sendPhoto(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return self._upload(params, "photo")

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return self._upload(params, "document")

    def _upload(self, params: dict[str, Any], field: str) -> dict[str, Any]:
        upload = params.get(field)
        if not isinstance(upload, Upload):
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        chat_id = int(params["chat_id"])
        message = Message(
            message_id=next(self._message_ids),
            chat_id=chat_id,
            html=str(params.get("caption", "")),
            from_bot=True,
            reply_markup=params.get("reply_markup"),
            media=upload.content,
            filename=upload.filename,
        )
        self.messages[chat_id][message.message_id] = message
        self.events.append(Event("send", chat_id, f"[{field}: {upload.filename}] {message.text}"))
        data = self._message_json(message)
        file = {"file_id": f"file-{message.message_id}", "file_unique_id": str(message.message_id)}
        if field == "photo":
            size = len(upload.content)
            data["photo"] = [{**file, "width": 960, "height": 540, "file_size": size}]
        else:
            data["document"] = {**file, "file_name": upload.filename}
        return data

    def _file(self, given: object, kind: str) -> str:
        """The file_id a send names: a new upload's (kept), or one Telegram still knows."""
        if isinstance(given, Upload):
            file_id = f"{kind}-{next(self._file_ids)}"
            self.files[file_id] = (given.filename, given.content)
            self.uploads.append(given.filename)
            return file_id
        if isinstance(given, str) and given in self.files and given not in self.refused_files:
            return given
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    async def _api_sendAnimation(self, params: dict[str, Any]) -> Any:  # noqa: N802
        file_id = self._file(params.get("animation"), "anim")
        caption = str(params.get("caption", ""))
        if len(unescape(re.sub(r"<[^>]+>", "", caption))) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        filename, content = self.files[file_id]
        chat_id = int(params["chat_id"])
        message = Message(
            message_id=next(self._message_ids),
            chat_id=chat_id,
            html=caption,
            from_bot=True,
            reply_markup=params.get("reply_markup"),
            media=content,
            filename=filename,
            animation=file_id,
        )
        self.messages[chat_id][message.message_id] = message
        self.events.append(
            Event("send", chat_id, f"[animation: {filename}] {message.text}", message.labels)
        )
        return self._message_json(message)

    async def _api_sendVoice(self, params: dict[str, Any]) -> Any:  # noqa: N802
        given, chat_id = params.get("voice"), int(params["chat_id"])
        if chat_id in self.voice_refused:
            raise ApiError(400, f"Bad Request: {self.voice_refused[chat_id]}")
        if isinstance(given, Upload) and not given.content.startswith(b"OggS"):
            raise ApiError(400, "Bad Request: a voice note must be OGG")
        file_id = self._file(given, "voice")
        filename, content = self.files[file_id]
        message = Message(
            message_id=next(self._message_ids),
            chat_id=chat_id,
            html=str(params.get("caption", "")),
            from_bot=True,
            media=content,
            filename=filename,
            voice=file_id,
        )
        self.messages[chat_id][message.message_id] = message
        self.events.append(Event("send", chat_id, f"[voice: {file_id}] {message.text}"))
        return self._message_json(message)

    async def _api_editMessageCaption(self, params: dict[str, Any]) -> Any:  # noqa: N802
        message = self._editable(params)
        if message.animation is None:
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        html, markup = str(params.get("caption", "")), params.get("reply_markup")
        if html == message.html and markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.html, message.reply_markup = html, markup
        return self._edited(message)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        message = self._editable(params)
        if message.animation is not None:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        html, markup = _html(params), params.get("reply_markup")
        if html == message.html and markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.html, message.reply_markup = html, markup
        return self._edited(message)

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:  # noqa: N802
        message = self._editable(params)
        markup = params.get("reply_markup")
        if markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.reply_markup = markup
        return self._edited(message, kind="buttons")

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        query_id = str(params["callback_query_id"])
        if query_id not in self._open_callbacks:
            raise ApiError(400, QUERY_TOO_OLD)
        self._open_callbacks.discard(query_id)
        self.answered.add(query_id)
        if text := params.get("text"):
            self.events.append(Event("answer", 0, str(text)))
        return True

    async def _api_deleteMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        if self.messages[chat_id].pop(message_id, None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def _api_sendChatAction(self, _params: dict[str, Any]) -> Any:  # noqa: N802
        return True

    # --- helpers ------------------------------------------------------------------------------

    def _editable(self, params: dict[str, Any]) -> Message:
        chat_id, message_id = int(params.get("chat_id", 0)), int(params.get("message_id", 0))
        message = self.messages[chat_id].get(message_id)
        if message is None or not message.from_bot:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    def _edited(self, message: Message, kind: str = "edit") -> dict[str, Any]:
        message.edits += 1
        self.events.append(Event(kind, message.chat_id, message.text, message.labels))
        return self._message_json(message)

    def _message_json(self, message: Message) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": _chat_json(message.chat_id),
            "from": BOT_USER if message.from_bot else _user_json(message.chat_id),
        }
        if message.voice is not None:
            data["caption"] = message.text
            voice = message.voice
            data["voice"] = {"file_id": voice, "file_unique_id": voice, "duration": 1}
        elif message.animation is None:
            data["text"] = message.text
        else:
            data["caption"] = message.text
            data["animation"] = {
                "file_id": message.animation,
                "file_unique_id": message.animation,
                "width": 480,
                "height": 320,
                "duration": 4,
            }
        if message.edits:
            data["edit_date"] = int(time.time())
        # Telegram returns only inline keyboards with a message; a ForceReply is not echoed.
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            data["reply_markup"] = message.reply_markup
        return data

    def _user_message(self, chat_id: int, text: str, user_id: int) -> dict[str, Any]:
        message = Message(next(self._message_ids), chat_id, text, from_bot=False)
        self.messages[chat_id][message.message_id] = message
        data = self._message_json(message)
        data["from"] = _user_json(user_id)
        if (language := self.languages.get(user_id)) is not None:
            data["from"]["language_code"] = language
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return data

    def _push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self.pushed_at[update_id] = asyncio.get_running_loop().time()
        if (query := update.get("callback_query")) is not None:
            self.press_ids[update_id] = str(query["id"])
            if "message" in query:  # not on an inline message
                self._press_chats[str(query["id"])] = int(query["message"]["chat"]["id"])
                self.update_chats[update_id] = int(query["message"]["chat"]["id"])
        elif (message := update.get("message")) is not None and "chat" in message:
            self.update_chats[update_id] = int(message["chat"]["id"])
        self._wake()
        return update_id

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_change(self, timeout: float) -> None:
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), timeout)


class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


@dataclass
class Upload:
    """A file sent as part of a multipart request."""

    filename: str
    content: bytes


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    form = await request.post()
    params: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):
            params[key] = Upload(value.filename, value.file.read())
        elif isinstance(value, str) and key in JSON_PARAMETERS:
            params[key] = json.loads(value)
        else:
            params[key] = value
    return params


def _html(params: dict[str, Any]) -> str:
    return str(params.get("text", ""))


def _chat_json(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Warm-up group"}
    return {"id": chat_id, "type": "private", "first_name": "Sam"}


def _user_json(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}


def _error(status: int, description: str) -> web.Response:
    return web.json_response(
        {"ok": False, "error_code": status, "description": description}, status=status
    )


def _failure(failure: Failure) -> web.Response:
    body: dict[str, Any] = {
        "ok": False,
        "error_code": failure.status,
        "description": failure.description,
    }
    if failure.retry_after is not None:
        body["parameters"] = {"retry_after": failure.retry_after}
    return web.json_response(body, status=failure.status)
