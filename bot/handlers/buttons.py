"""Every inline button comes here: the press is parsed once and handed to its feature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import CallbackQuery, Update

from bot import keyboards
from bot.context import CoachContext
from bot.handlers import checkins, data, holds, reminders, warmup
from bot.handlers.steps import notify
from bot.keyboards import (
    BeginPress,
    ForgetPress,
    GoPress,
    PainPress,
    Press,
    ReminderPress,
    RemindPress,
    SessionPress,
    StepPress,
    SwitchPress,
)
from bot.sessions import Notice

Handler = Callable[[CallbackQuery, CoachContext, Any], Awaitable[None]]

# Buttons under a step, by action; anything else (done, skip) moves the warm-up on.
_STEP_ACTIONS: dict[str, Handler] = {
    "stop": warmup.on_stop,
    "pain": warmup.on_stop,
    "hold": holds.on_start,
    "unhold": holds.on_stop,
}

_BY_KIND: dict[type[Press], Handler] = {
    SessionPress: warmup.on_session,
    BeginPress: warmup.on_begin,
    RemindPress: reminders.on_picker,
    ReminderPress: reminders.on_reminder,
    PainPress: checkins.on_pain,
    SwitchPress: checkins.on_switch,
    GoPress: checkins.on_go,
    ForgetPress: data.on_forget,
}


async def on_button(update: Update, context: CoachContext) -> None:
    query = update.callback_query
    assert query is not None
    press = keyboards.parse(query.data)
    if press is None or query.message is None:  # forged, outdated, or on an inline message
        await notify(query, context, Notice.UNKNOWN)
        return
    if isinstance(press, StepPress):
        handler = _STEP_ACTIONS.get(press.action, warmup.on_step)
    else:
        handler = _BY_KIND[type(press)]
    await handler(query, context, press)
