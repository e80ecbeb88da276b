"""Every inline button comes here: the press is parsed once and handed to its feature."""

from __future__ import annotations

from telegram import Update

from bot import keyboards
from bot.context import CoachContext
from bot.handlers import holds, reminders, warmup
from bot.handlers.steps import answer, chat_id_of, notify
from bot.keyboards import BeginPress, ReminderPress, RemindPress, SessionPress, StepPress
from bot.sessions import Notice


async def on_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    press = keyboards.parse(query.data)
    if press is None or query.message is None:  # forged, outdated, or on an inline message
        await notify(query, context, Notice.UNKNOWN)
        return
    match press:
        case StepPress(action="stop"):
            await warmup.on_stop(query, context, press)
        case StepPress(action="hold"):
            await holds.on_start(query, context, press)
        case StepPress(action="unhold"):
            await holds.on_stop(query, context, press)
        case StepPress():
            await warmup.on_step(query, context, press)
        case SessionPress(kind="resume"):
            await warmup.on_resume(query, context, press)
        case SessionPress():
            await warmup.on_restart(query, context, press)
        case BeginPress() if press.routine_id in context.content.routines:
            await answer(query)
            await warmup.begin(context, chat_id_of(query), press.routine_id)
        case BeginPress():  # a routine that was removed from content since the button was sent
            await notify(query, context, Notice.UNKNOWN)
        case RemindPress():
            await reminders.on_picker(query, context, press)
        case ReminderPress():
            await reminders.on_reminder(query, context, press)
