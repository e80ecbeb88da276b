"""PTB's Application as the bot runs it: on its own transport, paced, one chat's updates in
order, every update stored in the inbox before it counts as delivered."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.config import Settings
from bot.runtime import logs
from bot.runtime.context import CoachContext, Services
from bot.runtime.inbox import InboxBot, InboxQueue
from bot.runtime.ordering import Handled, Overflow, PerChatUpdateProcessor
from bot.runtime.pacing import PatientRateLimiter
from bot.runtime.transport import AiohttpRequest, PollingRequest

CoachApplication = Application[Any, CoachContext, Any, Any, Any, Any]
Hook = Callable[[CoachApplication], Coroutine[Any, Any, None]]


def builder(
    settings: Settings, services: Services, *, post_init: Hook, post_shutdown: Hook
) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
    """PTB's builder with the bot's transport, pacing, ordering, inbox and typed context."""
    token = settings.telegram_bot_token.get_secret_value()
    logs.redact(token)
    if settings.webhook_secret is not None:
        logs.redact(settings.webhook_secret.get_secret_value())
    logs.quiet_http_loggers()
    limiter = PatientRateLimiter(
        backoff_seconds=settings.retry_backoff_seconds, window=services.sent
    )
    bot = _bot(settings, services, limiter)
    return (
        ApplicationBuilder()
        .bot(bot)
        .update_queue(InboxQueue(bot))
        .concurrent_updates(
            PerChatUpdateProcessor(on_overflow=_flooded(services), on_handled=_handled(services))
        )
        .context_types(ContextTypes(context=CoachContext))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )


def _bot(settings: Settings, services: Services, limiter: PatientRateLimiter) -> InboxBot:
    """PTB's bot as ApplicationBuilder would make it, storing polled updates in the inbox."""
    timeout = settings.telegram_timeout_seconds
    return InboxBot(
        inbox=services.inbox,
        clock=services.clock,
        token=settings.telegram_bot_token.get_secret_value(),
        base_url=settings.bot_api_base_url,
        base_file_url=settings.bot_api_file_url,
        # ApplicationBuilder's pool sizes: many calls at once, and one long poll.
        request=AiohttpRequest(
            connection_pool_size=256,
            connect_timeout=timeout,
            read_timeout=timeout,
            write_timeout=timeout,
            pool_timeout=timeout,
            proxy=settings.telegram_proxy_url,
        ),
        get_updates_request=PollingRequest(
            connection_pool_size=1, proxy=settings.telegram_proxy_url
        ),
        rate_limiter=limiter,
    )


def _handled(services: Services) -> Handled:
    """Marks a handled update in the inbox, so the next start does not handle it again (with
    the step messages its handler left for the mark, in the same write)."""

    async def mark(update: Update) -> None:
        await services.inbox.handled(update, services.clock())

    return mark


def _flooded(services: Services) -> Overflow:
    """What a private chat is told, once, when it sends faster than it can be answered."""

    async def tell(update: Update) -> None:
        assert update.effective_chat is not None
        with contextlib.suppress(TelegramError):  # a notice, not worth an error report
            await update.get_bot().send_message(
                update.effective_chat.id, services.content.texts.notices.too_fast
            )

    return tell
