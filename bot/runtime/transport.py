"""The bot's HTTP client for the Bot API: python-telegram-bot's `BaseRequest` over aiohttp.

PTB's default transport (`HTTPXRequest`, on httpx and httpcore) costs more CPU per call than
anything else a tap does: in `make bench`, swapping only this class under a bare PTB echo bot
roughly doubled its taps per second. aiohttp parses HTTP in C and keeps a plain connection
pool, so each call is cheaper. Everything above this class (serialising parameters, reading
Telegram's answer, raising BadRequest, Forbidden, RetryAfter...) stays PTB's own.

What HTTPXRequest does is kept:
- timeouts per call, defaulting to those given here;
- `TimedOut` when a timeout runs out (a full pool included) and `NetworkError` for any other
  failure to talk to the server;
- multipart uploads for media;
- a connection pool of a given size, closed on shutdown;
- an optional proxy.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# Uploads take longer to write than a call's parameters (as in PTB's HTTPXRequest).
MEDIA_WRITE_TIMEOUT = 20.0
JSON = "application/json"


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one aiohttp session, opened by `initialize` and closed by `shutdown`.

    aiohttp has no timeout for writing a request on its own. The write timeout therefore
    bounds the whole call together with the others: the call fails with `TimedOut` once
    pool + connect + write + read seconds have passed, so no call can hang for ever.
    """

    __slots__ = ("_pool_size", "_proxy", "_session", "_timeouts")

    def __init__(
        self,
        *,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        proxy: str | None = None,
    ) -> None:
        self._pool_size = connection_pool_size
        self._proxy = proxy
        self._timeouts = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
        }
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        # A session belongs to the event loop it was made in, so it is made here, not in
        # __init__; a second initialize (PTB calls it for each Bot using this request) is a no-op.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0),
                proxy=self._proxy,
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(  # noqa: PLR0917 - BaseRequest's own signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        timeout = self.timeout(
            read=self._given(read_timeout, "read"),
            write=self._given(write_timeout, "write", MEDIA_WRITE_TIMEOUT if files else None),
            connect=self._given(connect_timeout, "connect"),
            pool=self._given(pool_timeout, "pool"),
        )
        try:
            async with self._session.request(
                method, url, data=body(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut from error
        except aiohttp.ClientError as error:
            # Some aiohttp errors quote the URL, and Bot API URLs carry the token.
            said = str(error).replace(url, "<Bot API URL>")
            raise NetworkError(f"aiohttp.{type(error).__name__}: {said}") from error

    def _given(
        self, value: ODVInput[float], name: str, default: float | None = None
    ) -> float | None:
        """A timeout passed for this call, else the one for uploads, else this request's own."""
        if isinstance(value, DefaultValue):
            return default if default is not None else self._timeouts[name]
        return value

    @staticmethod
    def timeout(
        *, read: float | None, write: float | None, connect: float | None, pool: float | None
    ) -> aiohttp.ClientTimeout:
        """PTB's four timeouts as aiohttp's; waiting for a pooled connection is connecting."""
        parts = (read, write, connect, pool)
        return aiohttp.ClientTimeout(
            total=None if None in parts else sum(p for p in parts if p is not None),
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )


def body(request_data: RequestData | None) -> aiohttp.FormData | aiohttp.BytesPayload | None:
    """A call's parameters: a JSON object, or a multipart form when it uploads a file.

    The Bot API takes either. JSON is encoded by the standard library in C; a url-encoded form
    is quoted byte by byte in Python (which, with the coach's longer texts, was 4% of the
    bot's CPU), and aiohttp handed a dict would build a multipart writer first (7% more).
    """
    if request_data is None:
        return None
    files = request_data.multipart_data
    if not files:
        # `parameters` holds each value as JSON-ready data, keyboards included; PTB's
        # `json_payload` would send nested objects as strings of JSON instead.
        encoded = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":"))
        return aiohttp.BytesPayload(encoded.encode(), content_type=JSON)
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form


class PollingRequest(AiohttpRequest):
    """The transport for getUpdates, keeping the updates as Telegram sent them.

    The inbox stores every polled update before it is handled. Writing back out the JSON
    PTB parsed it from costs far less than serialising PTB's objects again (which was 4% of
    the bot's CPU under load), and keeps every field, even those PTB does not know.
    """

    __slots__ = ("_sent",)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sent: dict[int, dict[str, Any]] = {}

    def parse_json_payload(self, payload: bytes) -> JSONDict:  # type: ignore[override]
        parsed = BaseRequest.parse_json_payload(payload)
        result = parsed.get("result")
        if isinstance(result, list):
            self._sent = {
                update["update_id"]: update
                for update in result
                if isinstance(update, dict) and isinstance(update.get("update_id"), int)
            }
        return parsed

    def as_sent(self, update_id: int) -> dict[str, Any] | None:
        """The last poll's update `update_id` as Telegram sent it, if it was in that poll."""
        return self._sent.get(update_id)
