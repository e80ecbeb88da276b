"""build_application(settings): the one place that wires handlers, services and hooks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import logs, scheduling
from bot.content import load_content
from bot.context import SERVICES, CoachContext, Services
from bot.handlers import buttons, fallback, holds, reminders, start, warmup
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
    token = settings.telegram_bot_token.get_secret_value()
    logs.redact(token)
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
        .rate_limiter(PatientRateLimiter(backoff_seconds=settings.retry_backoff_seconds))
        .concurrent_updates(PerChatUpdateProcessor())
        .context_types(ContextTypes(context=CoachContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data[SERVICES] = services
    _add_handlers(application)
    return application


def _add_handlers(application: CoachApplication) -> None:
    # Group -1 runs first: drop what no handler should see, so handlers can rely on a chat.
    application.add_handler(TypeHandler(Update, _guard), group=-1)

    application.add_handler(CommandHandler("start", start.start))
    application.add_handler(CommandHandler("help", start.help_command))
    application.add_handler(CommandHandler("warmup", warmup.warmup_command))
    application.add_handler(CommandHandler("stop", warmup.stop_command))
    application.add_handler(CommandHandler("routines", warmup.routines_command))
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
    application.add_error_handler(_on_error)


async def _guard(update: Update, _context: CoachContext) -> None:
    """Only new messages and button presses in a known chat go on to the handlers."""
    if update.effective_chat is None or not (update.message or update.callback_query):
        raise ApplicationHandlerStop


async def _on_error(update: object, context: CoachContext) -> None:
    """Log the failure with its update id, and tell the user how to carry on."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, context.texts.error)
        except Exception:  # the failure may be Telegram itself; the log above has it
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


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
