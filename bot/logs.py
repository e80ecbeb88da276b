"""Logging set-up. The bot token must never reach a log line, at any level, in any handler."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Any

# httpx logs every request URL at INFO, and Bot API URLs contain the token.
_CHATTY_LOGGERS = ("httpx", "httpcore")

_secrets: set[str] = set()
_installed = False


def redact(secret: str) -> None:
    """Replace `secret` with `<token>` in every log record from now on.

    Done where records are made, not in one handler, so it holds for any handler anyone
    attaches (pytest's log capture included) and for reprs that embed the token, such as PTB's
    `ExtBot[token=…]`.
    """
    global _installed  # noqa: PLW0603 - one process-wide record factory, installed once
    if secret:
        _secrets.add(secret)
    if not _installed:
        _installed = True
        make_record = logging.getLogRecordFactory()

        def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make_record(*args, **kwargs)
            message = record.getMessage()
            if any(hidden in message for hidden in _secrets):
                record.msg, record.args = _scrub(message), None
            if record.exc_info:
                # Formatters reuse a record's exc_text: a scrubbed one keeps URLs in
                # exception messages from carrying the token into the log.
                record.exc_text = _scrub(logging.Formatter().formatException(record.exc_info))
            return record

        logging.setLogRecordFactory(redacting_factory)


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
