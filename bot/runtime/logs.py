"""Logging set-up. The bot token must never reach a log line, at any level, in any handler."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Any

# httpx logs every request URL at INFO, and Bot API URLs contain the token.
_CHATTY_LOGGERS = ("httpx", "httpcore", "aiohttp")

_secrets: set[str] = set()
_installed = False


def redact(secret: str) -> None:
    """Replace `secret` with `<token>` in every log record from now on.

    Done in the records themselves, not in one handler, so it holds for any handler anyone
    attaches (pytest's log capture included) and for reprs that embed the token, such as PTB's
    `ExtBot[token=…]`. The scrubbing happens when a record is formatted, as logging formats
    messages itself: a malformed log call is reported by logging, not raised where it is made.
    """
    global _installed  # noqa: PLW0603 - one process-wide record factory, installed once
    if secret:
        _secrets.add(secret)
    if not _installed:
        _installed = True
        make_record = logging.getLogRecordFactory()

        def scrubbing_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make_record(*args, **kwargs)
            record.__class__ = _ScrubbingRecord
            return record

        logging.setLogRecordFactory(scrubbing_factory)


class _ScrubbingRecord(logging.LogRecord):
    """A record whose message and formatted traceback never show a secret."""

    def getMessage(self) -> str:  # noqa: N802 - logging's name
        return _scrub(super().getMessage())

    # Formatters cache the formatted traceback in `exc_text` and print it from there; URLs in
    # exception messages would carry the token into the log.
    @property
    def exc_text(self) -> str | None:
        text = self.__dict__.get("exc_text")
        return None if text is None else _scrub(text)

    @exc_text.setter
    def exc_text(self, value: str | None) -> None:
        self.__dict__["exc_text"] = value


def _scrub(text: str) -> str:
    for hidden in _secrets:
        text = text.replace(hidden, "<token>")
    return text


def quiet_http_loggers() -> None:
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging(level: str, token: str) -> None:
    """Log to stderr at `level`, with the token redacted everywhere.

    Warnings and uncaught exceptions go the same way, so they are scrubbed too.
    """
    logging.captureWarnings(capture=True)
    sys.excepthook = _log_uncaught
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    redact(token)
    quiet_http_loggers()


def _log_uncaught(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    logging.getLogger("bot").critical("uncaught error", exc_info=(kind, error, traceback))
