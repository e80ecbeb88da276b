"""build_application(settings): the one place that wires handlers, jobs, services and hooks.

Every command, every button kind and every scheduled job is listed here, so "where does this
go?" is answered in one hop.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar

from telegram import CallbackQuery, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.chat import callbacks as cb
from bot.chat import groups
from bot.chat import holds as holds_chat
from bot.chat import language as languages
from bot.chat.replies import answer
from bot.config import Settings
from bot.content import load_content
from bot.handlers import (
    answers,
    checkins,
    data,
    errors,
    fallback,
    holds,
    language,
    membership,
    morning,
    pictures,
    precautions,
    preferences,
    progress,
    reminders,
    rest,
    safety,
    sessions,
    start,
)
from bot.runtime import inbox
from bot.runtime.application import CoachApplication, builder
from bot.runtime.context import SERVICES, CoachContext, Services
from bot.runtime.scheduling import Schedule
from bot.webapp import launch
from db.database import Database

log = logging.getLogger(__name__)

P = TypeVar("P", bound=cb.Callback)
Pressed = Callable[[CallbackQuery, CoachContext, P], Awaitable[None]]
Route = tuple[type[cb.Callback], CallbackQueryHandler[CoachContext, None]]
Command = Callable[[Update, CoachContext], Coroutine[Any, Any, None]]

# In a group, these change what the whole group shares: only its admins may.
ADMINS_ONLY = {"forget", "remind", "timezone", "target", "pictures", "settings", "language"}

COMMANDS = {
    "start": start.start,
    "help": start.help_command,
    "warmup": sessions.warmup_command,
    "stop": sessions.stop_command,
    "routines": sessions.routines_command,
    "progress": progress.progress_command,
    "target": progress.target_command,
    "export": data.export_command,
    "forget": data.forget_command,
    "remind": reminders.remind_command,
    "timezone": reminders.timezone_command,
    "pictures": pictures.pictures_command,
    "settings": preferences.settings_command,
    "language": language.language_command,
    "safety": safety.safety_command,
    "rest": rest.rest_command,
}


def button_routes() -> list[Route]:
    """Every button kind (`bot/chat/callbacks.py`) and the handler its presses go to."""
    return [
        # Under a step, and under its countdown.
        _button(cb.Done, sessions.on_done),
        _button(cb.Skip, sessions.on_skip),
        _button(cb.Stop, sessions.on_stop),
        _button(cb.SharpPain, sessions.on_sharp_pain),
        _button(cb.StartHold, holds.on_start),
        _button(cb.AudioGuide, holds.on_guide),
        _button(cb.StopHold, holds.on_stop),
        _button(cb.PauseHold, holds.on_pause),
        _button(cb.GoOn, holds.on_go_on),
        _button(cb.More, sessions.on_more),
        _button(cb.Less, sessions.on_less),
        # Starting, resuming and restarting a warm-up.
        _button(cb.Begin, sessions.on_begin),
        _button(cb.Roller, start.on_roller),
        _button(cb.Resume, sessions.on_resume),
        _button(cb.Restart, sessions.on_restart),
        # The check-ins, and the quick or gentle routine instead.
        _button(cb.PainBefore, checkins.on_before),
        _button(cb.PainAfter, checkins.on_after),
        _button(cb.Switch, checkins.on_switch),
        _button(cb.FullAnyway, checkins.on_full_anyway),
        # The precautions, after a first check-in; leaving out a sharp-pain stop's exercise.
        _button(cb.Precautions, precautions.on_precautions),
        _button(cb.LeaveOut, precautions.on_leave_out),
        # /forget's question.
        _button(cb.ForgetConfirm, data.on_forget),
        _button(cb.ForgetCancel, data.on_keep),
        # The /remind picker.
        _button(cb.RemindAt, reminders.on_at),
        _button(cb.RemindType, reminders.on_type),
        _button(cb.RemindOff, reminders.on_off),
        _button(cb.RemindPickDays, reminders.on_pick_days),
        _button(cb.RemindDays, reminders.on_days),
        _button(cb.RemindMenu, reminders.on_menu),
        _button(cb.RemindSave, reminders.on_save),
        _button(cb.Place, reminders.on_place),
        # The safety check, before the first warm-up and under /safety.
        _button(cb.Screen, safety.on_screen),
        # The next morning's question.
        _button(cb.MorningAnswer, morning.on_answer),
        _button(cb.MorningPain, morning.on_pain),
        # /settings.
        _button(cb.Setting, preferences.on_setting),
        # Under a reminder.
        _button(cb.ReminderStart, reminders.on_start),
        _button(cb.ReminderQuick, reminders.on_quick),
        _button(cb.ReminderSnooze, reminders.on_snooze),
        _button(cb.ReminderSkip, reminders.on_skip),
    ]


def _schedule(application: CoachApplication) -> Schedule:
    """Every kind of scheduled job and what it runs."""
    assert application.job_queue is not None  # the job-queue extra is a hard dependency
    return Schedule(
        application.job_queue,
        hold_end=holds.end,  # `hold:<session>`: time is up, on to the next step
        hold_tick=holds.tick,  # `hold-tick:<session>`: the countdown shows the time left
        reminder_tick=reminders.tick,  # `reminders`, every minute: the reminders due
        show_again=holds.show_again,  # `show-again:<session>`: a time-up that failed, again
        inbox_purge=inbox.purge_job,  # `inbox`, hourly: forget updates handled a day ago
        inbox_adopt=inbox.adopt_job,  # `inbox-adopt`: live; handle what stopped instances left
    )


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
    application = builder(
        settings, services, post_init=_post_init, post_shutdown=_post_shutdown
    ).build()
    services.schedule = _schedule(application)
    application.bot_data[SERVICES] = services
    _add_handlers(application)
    return application


def services_of(application: CoachApplication) -> Services:
    services: Services = application.bot_data[SERVICES]
    return services


_PRIVATE_TEXT = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND


def _add_handlers(application: CoachApplication) -> None:
    # Group -1 runs first: drop what no handler should see, so handlers can rely on a chat.
    application.add_handler(TypeHandler(Update, _guard), group=-1)
    handlers: list[BaseHandler[Any, CoachContext, Any]] = [
        ChatMemberHandler(membership.on_my_status, ChatMemberHandler.MY_CHAT_MEMBER),
        MessageHandler(filters.StatusUpdate.MIGRATE, membership.on_migrate),
        *(_command(name, callback) for name, callback in COMMANDS.items()),
        *(handler for _, handler in button_routes()),
        # A press of no kind above: forged, or from a keyboard the bot no longer makes.
        CallbackQueryHandler(fallback.unknown_button),
        # The answer to the reminder picker's "send the time" (a reply, so it works in groups).
        MessageHandler(filters.TEXT & filters.REPLY & ~filters.COMMAND, _reply),
        # Text in a private chat: a typed check-in answer, or a word on what is open now.
        MessageHandler(
            filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, answers.on_text
        ),
        # Last: anything else a person writes in a private chat, and unknown commands anywhere.
        MessageHandler(
            (filters.ChatType.PRIVATE & ~filters.StatusUpdate.ALL) | filters.COMMAND,
            fallback.unknown_message,
        ),
    ]
    application.add_handlers(handlers)
    application.add_error_handler(errors.on_error)


def _command(name: str, callback: Command) -> CommandHandler[CoachContext, None]:
    """A route for /name; in a group, for its admins only if the command is in ADMINS_ONLY."""
    return CommandHandler(name, _admins_only(callback) if name in ADMINS_ONLY else callback)


def _admins_only(callback: Command) -> Command:
    async def guarded(update: Update, context: CoachContext) -> None:
        assert update.effective_chat is not None
        assert update.effective_message is not None
        if await groups.may_change(context, update.effective_chat, groups.sender_of(update)):
            await callback(update, context)
        else:
            await update.effective_message.reply_text(context.texts.groups.admins_only)

    return guarded


async def _reply(update: Update, context: CoachContext) -> None:
    """A reply: the reminder time the bot asked for, or else like any other message."""
    if reminders.is_time_answer(update, context):
        await _admins_only(reminders.on_typed_time)(update, context)
    elif update.effective_chat is not None and update.effective_chat.type == "private":
        await answers.on_text(update, context)


def _button(kind: type[P], handler: Pressed[P]) -> Route:
    """A route for presses of `kind`: parsed by the kind itself, handed over typed.

    In a group, a press on a warm-up is for its starter only, and a press on what the group
    shares (`callbacks.SHARED`) for the group's admins.
    """
    admins_only = kind in cb.SHARED

    async def pressed(update: Update, context: CoachContext) -> None:
        query = update.callback_query
        assert query is not None
        assert query.message is not None
        press = kind.parse(query.data)
        assert press is not None  # the route's pattern matched it
        if admins_only and not await groups.may_change(
            context, query.message.chat, query.from_user.id
        ):
            await answer(query, context.texts.groups.admins_only)
        elif await groups.may_press(query, context, press):
            await handler(query, context, press)

    return kind, CallbackQueryHandler(pressed, pattern=kind.matches)


async def _guard(update: Update, context: CoachContext) -> None:
    """Only new messages, button presses and the bot's own membership in a known chat go on.

    Edited messages, channel posts, presses on inline messages and presses without data stop
    here (PTB lets empty data through every route's pattern); a press is still answered, so
    the user's button does not spin forever.
    """
    query = update.callback_query
    if query is not None and (query.message is None or not query.data):
        await answer(query, context.texts.notices.unknown)
        raise ApplicationHandlerStop
    if update.effective_chat is None or not (update.message or query or update.my_chat_member):
        raise ApplicationHandlerStop
    await languages.speak_for(update, context)


async def _post_init(application: CoachApplication) -> None:
    services = services_of(application)
    await services.db.migrate()
    await languages.set_commands(CoachContext(application))
    await launch.set_menu_button(application)
    await _restore_jobs(application)
    log.info("bot @%s ready", application.bot.username)


async def _restore_jobs(application: CoachApplication) -> None:
    """Rebuild scheduled work from the database, the single source of truth."""
    context, services = CoachContext(application), services_of(application)
    await holds_chat.restore(context)
    services.schedule.reminders(now=datetime.now(UTC))
    services.schedule.inbox_purge_hourly()
    # Three beats to a lease: one late beat never makes a live instance look gone.
    services.schedule.inbox_adopt_every(services.inbox.lease / 3)


async def _post_shutdown(application: CoachApplication) -> None:
    await services_of(application).db.close()
