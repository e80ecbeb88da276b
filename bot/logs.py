"""Logging set-up. The bot token must never reach a log line."""

from __future__ import annotations

import logging

# httpx logs every request URL at INFO, and Bot API URLs contain the token.
_CHATTY_LOGGERS = ("httpx", "httpcore")


class RedactToken(logging.Filter):
    """Replaces the token in any record, as a second line of defence behind quiet loggers."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._token:
            return True
        message = record.getMessage()
        if self._token in message:
            record.msg = message.replace(self._token, "<token>")
            record.args = None
        return True


def configure_logging(level: str, token: str) -> None:
    """Log to stderr at `level`, with the token redacted everywhere."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
