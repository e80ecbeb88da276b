"""The token never reaches a log line: messages, arguments and tracebacks are scrubbed."""

from __future__ import annotations

import io
import logging

from bot.runtime.logs import redact

SECRET = "987654:log-test-secret"


def _capture() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("tests.logs")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream


def test_the_token_is_scrubbed_from_messages_arguments_and_tracebacks() -> None:
    """The token is replaced wherever a log record would carry it."""
    redact(SECRET)
    logger, stream = _capture()
    logger.info("calling https://api.example/bot%s/getMe", SECRET)
    logger.debug(f"repr: ExtBot[token={SECRET}]")  # noqa: G004 - a pre-formatted message
    try:
        raise RuntimeError(f"connect failed for /bot{SECRET}/sendMessage")
    except RuntimeError:
        logger.exception("request failed")
    output = stream.getvalue()
    assert SECRET not in output
    assert output.count("<token>") == 3
    assert "RuntimeError: connect failed for /bot<token>/sendMessage" in output


def test_a_malformed_log_call_is_reported_by_logging_not_raised_where_made() -> None:
    """Formatting is logging's business: a call with too few arguments does not raise."""
    redact(SECRET)
    logger, stream = _capture()
    reported: list[logging.LogRecord] = []
    logger.handlers[0].handleError = reported.append  # type: ignore[method-assign]
    # A mistake the linter catches in the bot's own code, but not in a library's.
    logger.info("two places %s and %s, one value", "here")  # noqa: PLE1206
    logger.info("after it, %s", SECRET)
    assert len(reported) == 1
    assert stream.getvalue() == "after it, <token>\n"
