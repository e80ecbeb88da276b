"""The hold countdown in the chat: ⏱ Start, ⏹ Stop hold, ⏸ Pause and ▶️ Go on, and how the
countdown message looks. Its jobs (ticks, the end, restoring) are in `hold_jobs.py`."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import keyboards, render
from bot.chat.callbacks import GoOn, PauseHold, StartHold, StepButton, StopHold
from bot.chat.replies import accepted, answer, chat_id_of, edit, message_id_of, notify, set_buttons
from bot.chat.step_messages import send_step
from bot.coaching import holds, sessions
from bot.coaching.holds import Hold, HoldChange
from bot.coaching.sessions import Notice
from bot.runtime.context import CoachContext
from bot.runtime.scheduling import HoldJob

log = logging.getLogger(__name__)


async def on_start(query: CallbackQuery, context: CoachContext, press: StartHold) -> None:
    """⏱ Start: the step's buttons move to a new countdown message that counts down.

    If the countdown cannot be sent, the hold is taken back and the step keeps its buttons,
    so one more tap on ⏱ Start tries again; the toast says so.
    """
    chat_id = chat_id_of(query)
    result = await holds.start(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        lead_seconds=context.rules.timer.get_ready_seconds,
        clock=context.now,
    )
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    hold, position = result, result.position
    message = await _send_countdown(context, chat_id, hold)
    if message is None:
        await answer(query, context.texts.notices.not_sent)
        return
    await answer(query)
    await set_buttons(context, chat_id, message_id_of(query), None)  # they moved to the countdown
    await holds.remember_message(
        context.db,
        session_id=position.session_id,
        ends_at=hold.ends_at,
        message_id=message.message_id,
    )
    schedule(context, hold)


async def _send_countdown(context: CoachContext, chat_id: int, hold: Hold) -> Message | None:
    """Send the countdown message; if Telegram does not take it, take the hold back (None)."""
    position = hold.position
    try:
        return await context.bot.send_message(
            chat_id,
            countdown_text(context, hold),
            parse_mode=ParseMode.HTML,
            reply_markup=countdown_markup(context, position),
        )
    except TelegramError as exc:
        log.warning("countdown for chat %s not sent (%s); the hold is taken back", chat_id, exc)
    await holds.stop(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=position.session_id,
        cursor=position.cursor,
    )
    return None


async def on_stop(query: CallbackQuery, context: CoachContext, press: StopHold) -> None:
    """⏹ Stop hold: the countdown ends where it is and the step's own buttons come back."""
    chat_id = chat_id_of(query)
    result = await holds.stop(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
    )
    if (hold := await accepted(query, context, result)) is None:
        return
    context.schedule.cancel_hold(press.session_id)
    position, texts = hold.position, context.texts
    stopped = texts.timer.stopped.format(left=hold.left(context.now()))
    await edit(
        context,
        chat_id,
        message_id_of(query),
        render.countdown_ended(texts, position.routine, position.cursor, stopped),
    )
    markup = keyboards.step_keyboard(texts, position.routine, position.session_id, position.cursor)
    if position.message_id is None or not await set_buttons(
        context, chat_id, position.message_id, markup
    ):
        await send_step(context, chat_id, position)  # the step message is gone: show it anew


async def on_pause(query: CallbackQuery, context: CoachContext, press: PauseHold) -> None:
    """⏸ Pause: the countdown stops where it is; ▶️ Go on takes its place."""
    await _pause_or_go_on(query, context, press, holds.pause)


async def on_go_on(query: CallbackQuery, context: CoachContext, press: GoOn) -> None:
    """▶️ Go on: the paused countdown runs again from where it stopped."""
    await _pause_or_go_on(query, context, press, holds.go_on)


async def _pause_or_go_on(
    query: CallbackQuery, context: CoachContext, press: StepButton, change: HoldChange
) -> None:
    chat_id = chat_id_of(query)
    result = await change(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        clock=context.now,
    )
    if (hold := await accepted(query, context, result)) is None:
        return
    if hold.position.paused_left is None:
        schedule(context, hold)  # running again: its end and ticks are due anew
    else:
        context.schedule.cancel_hold(press.session_id)
    markup = countdown_markup(context, hold.position)
    await edit(context, chat_id, message_id_of(query), countdown_text(context, hold), markup)


def schedule(context: CoachContext, hold: Hold) -> None:
    context.schedule.hold(
        HoldJob(hold.position.session_id, hold.chat_id, hold.ends_at),
        due_in=hold.ends_at - context.now(),
        tick_every=timedelta(seconds=context.rules.timer.update_every_seconds),
    )


def countdown_text(context: CoachContext, hold: Hold) -> str:
    now, position = context.now(), hold.position
    paused = position.paused_left
    if paused is not None:  # frozen where it was paused
        left, lead = min(hold.seconds, paused), max(0, paused - hold.seconds)
    else:
        left, lead = hold.left(now), max(0, round((hold.starts_at - now).total_seconds()))
    return render.countdown(
        context.texts,
        context.rules.timer,
        position.routine,
        position.cursor,
        left=left,
        lead=lead,
        hands_free=position.prefs.hands_free,
        paused=paused,
    )


def countdown_markup(context: CoachContext, position: sessions.Position) -> InlineKeyboardMarkup:
    return keyboards.countdown_keyboard(
        context.texts,
        position.session_id,
        position.cursor,
        hands_free=position.prefs.hands_free,
        paused=position.paused_left is not None,
    )
