"""build_application(settings): the one place that wires handlers, services and hooks."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import logs, scheduling
from bot.content import load_content
from bot.context import SERVICES, CoachContext, Services
from bot.handlers import (
    buttons,
    data,
    errors,
    fallback,
    holds,
    membership,
    reminders,
    start,
    warmup,
)
from bot.handlers.steps import answer
from bot.ordering import PerChatUpdateProcessor
from bot.pacing import PatientRateLimiter
from bot.settings import Settings
from db.database import Database

log = logging.getLogger(__name__)

CoachApplication = Application[Any, CoachContext, Any, Any, Any, Any]


def build_application(settings: Settings, services: Services | None = None) -> CoachApplication:
    """The application `python -m bot` runs; tests build theirs with the same call."""
    if services is None:
        services = Services(
            settings=settings,
            content=load_content(settings.content_dir),
            db=Database(settings.database_url),
        )
    # Opt in to PTB's coming timedelta durations (RetryAfter.retry_after and friends) now,
    # instead of a deprecation warning on every 429.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    token = settings.telegram_bot_token.get_secret_value()
    logs.redact(token)
    if settings.webhook_secret is not None:
        logs.redact(settings.webhook_secret.get_secret_value())
    logs.quiet_http_loggers()
    timeout = settings.telegram_timeout_seconds
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.bot_api_file_url)
        .read_timeout(timeout)
        .write_timeout(timeout)
        .connect_timeout(timeout)
        .pool_timeout(timeout)
        .rate_limiter(
            PatientRateLimiter(
                backoff_seconds=settings.retry_backoff_seconds, window=services.sent
            )
        )
        .concurrent_updates(PerChatUpdateProcessor())
        .context_types(ContextTypes(context=CoachContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data[SERVICES] = services
    _add_handlers(application)
    return application


def services_of(application: CoachApplication) -> Services:
    services: Services = application.bot_data[SERVICES]
    return services


def _add_handlers(application: CoachApplication) -> None:
    # Group -1 runs first: drop what no handler should see, so handlers can rely on a chat.
    application.add_handler(TypeHandler(Update, _guard), group=-1)

    application.add_handler(
        ChatMemberHandler(membership.on_my_status, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.on_migrate))
    application.add_handler(CommandHandler("start", start.start))
    application.add_handler(CommandHandler("help", start.help_command))
    application.add_handler(CommandHandler("warmup", warmup.warmup_command))
    application.add_handler(CommandHandler("stop", warmup.stop_command))
    application.add_handler(CommandHandler("routines", warmup.routines_command))
    application.add_handler(CommandHandler("progress", data.progress_command))
    application.add_handler(CommandHandler("target", data.target_command))
    application.add_handler(CommandHandler("export", data.export_command))
    application.add_handler(CommandHandler("forget", data.forget_command))
    application.add_handler(CommandHandler("remind", reminders.remind_command))
    application.add_handler(CommandHandler("timezone", reminders.timezone_command))
    application.add_handler(CallbackQueryHandler(buttons.on_button))

    # Last: anything else a person writes in a private chat, and unknown commands anywhere.
    application.add_handler(
        MessageHandler(
            (filters.ChatType.PRIVATE & ~filters.StatusUpdate.ALL) | filters.COMMAND,
            fallback.unknown_message,
        )
    )
    application.add_error_handler(errors.on_error)


async def _guard(update: Update, context: CoachContext) -> None:
    """Only new messages, button presses and the bot's own membership in a known chat go on.

    Edited messages, channel posts and presses on inline messages stop here; a press is
    still answered, so the user's button does not spin forever.
    """
    query = update.callback_query
    if query is not None and query.message is None:
        await answer(query, context.texts.notices.unknown)
        raise ApplicationHandlerStop
    if update.effective_chat is None or not (update.message or query or update.my_chat_member):
        raise ApplicationHandlerStop


async def _post_init(application: CoachApplication) -> None:
    services: Services = application.bot_data[SERVICES]
    await services.db.migrate()
    commands = services.content.texts.commands
    await application.bot.set_my_commands([BotCommand(c.command, c.description) for c in commands])
    await _restore_jobs(application)
    log.info("bot @%s ready", application.bot.username)


async def _restore_jobs(application: CoachApplication) -> None:
    """Rebuild scheduled work from the database, the single source of truth."""
    context = CoachContext(application)
    await holds.restore(context)
    scheduling.schedule_reminder_tick(context.jobs, reminders.tick, now=datetime.now(UTC))


async def _post_shutdown(application: CoachApplication) -> None:
    services: Services = application.bot_data[SERVICES]
    await services.db.close()
