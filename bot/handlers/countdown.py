"""The hold countdown in the chat: its Start and Stop buttons, its ticks and its end."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import coach, holds, keyboards, render, sessions
from bot.callbacks import GoOn, PauseHold, StartHold, StopHold
from bot.context import CoachContext
from bot.holds import Chained, Hold
from bot.pacing import (
    CLOSING_WAIT_SECONDS,
    COUNTDOWN_PAUSE_SECONDS,
    LATE_END_SECONDS,
    SHOW_AGAIN_AFTER,
)
from bot.replies import accepted, answer, chat_id_of, edit, message_id_of, notify, set_buttons
from bot.scheduling import HoldJob, ShowAgainJob
from bot.sessions import Acted, Notice
from bot.step_messages import close_outcome, send_next, send_step

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
            _countdown_text(context, hold),
            parse_mode=ParseMode.HTML,
            reply_markup=_countdown_markup(context, position),
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
    chat_id = chat_id_of(query)
    result = await holds.pause(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        clock=context.now,
    )
    if (hold := await accepted(query, context, result)) is None:
        return
    context.schedule.cancel_hold(press.session_id)
    markup = _countdown_markup(context, hold.position)
    await edit(context, chat_id, message_id_of(query), _countdown_text(context, hold), markup)


async def on_go_on(query: CallbackQuery, context: CoachContext, press: GoOn) -> None:
    """▶️ Go on: the paused countdown runs again from where it stopped."""
    chat_id = chat_id_of(query)
    result = await holds.go_on(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        clock=context.now,
    )
    if (hold := await accepted(query, context, result)) is None:
        return
    schedule(context, hold)
    markup = _countdown_markup(context, hold.position)
    await edit(context, chat_id, message_id_of(query), _countdown_text(context, hold), markup)


async def tick(context: CoachContext) -> None:
    """Job: edit the countdown message with the time left, unless edits are over budget."""
    job = _job(context)
    if not context.services.countdown_spacing.allow(job.session_id, context.now()):
        return  # the last tick ran late, and only just now: this one waits for the next
    if not context.services.countdown_edits.take():
        return  # many holds at once: this countdown shows its time left until the next tick
    hold = await holds.current(
        context.db, context.content, session_id=job.session_id, ends_at=job.ends_at
    )
    message_id = hold.position.hold_message_id if hold else None
    if hold is None or message_id is None:
        context.schedule.cancel_ticks(job.session_id)
        return
    # The end job takes it from here: a tick landing after its closing edit would put the
    # countdown (and its buttons) back on a finished hold.
    if context.now() >= hold.ends_at or job.session_id in context.services.ending_holds:
        return
    shown = await edit(
        context,
        job.chat_id,
        message_id,
        _countdown_text(context, hold),
        _countdown_markup(context, hold.position),
        resend=True,
    )
    if shown is not None and shown != message_id:  # the old one was deleted: a fresh countdown
        await holds.remember_message(
            context.db, session_id=job.session_id, ends_at=job.ends_at, message_id=shown
        )


async def end(context: CoachContext) -> None:
    """Job: time is up. Say so and move on exactly as ✅ Done would, then close the countdown.

    The time-up message is what the user waits for and their phone notifies about; closing
    the step's and the countdown's messages is bookkeeping. While other holds are ending at
    the same moment, it waits for their time-up messages to go out first.
    """
    job, urgent, ending = _job(context), context.services.urgent, context.services.ending_holds
    ending.add(job.session_id)
    try:
        with urgent.underway():
            result = await _finish(context, job)
            if result is None:
                return  # stopped, done early, or already finished by another job or instance
            if isinstance(result, Chained):
                shown = await _announce(context, job, result)
            else:
                position, texts = result.position, context.texts
                following = result.next.cursor if result.next else None
                lead = render.time_up(texts, position.routine, position.cursor, following)
                try:
                    shown = await send_next(context, job.chat_id, result, lead, remember=False)
                except TelegramError as exc:
                    _show_later(context, job, result, lead, exc)
                    return
        if isinstance(result, Chained):
            await _carried_on(context, job, result, shown)
        else:
            await _close(context, job, result, shown)
    finally:
        ending.discard(job.session_id)


async def _announce(context: CoachContext, job: HoldJob, chained: Chained) -> int | None:
    """Hands-free: the next side or set has begun. A new message says so (a new one, so the
    phone notifies someone lying on the floor); the countdown carries on in its own."""
    schedule(context, chained.hold)  # first: the next hold ends on time whatever the chat does
    done, position, texts = chained.acted.position, chained.hold.position, context.texts
    lead = render.time_up(texts, done.routine, done.cursor, position.cursor)
    text = f"{lead}\n\n{render.step(texts, position.routine, position.cursor)}"
    try:
        message = await context.bot.send_message(job.chat_id, text, parse_mode=ParseMode.HTML)
    except TelegramError as exc:  # the countdown message still shows the switch
        log.warning("hands-free cue for chat %s not sent (%s)", job.chat_id, exc)
        return None
    return message.message_id


async def _carried_on(
    context: CoachContext, job: HoldJob, chained: Chained, shown: int | None
) -> None:
    """Record the cue as the new side's or set's message, close the finished one, and show the
    countdown's new state at once rather than at its next tick."""
    hold, acted = chained.hold, chained.acted
    async with context.services.urgent.afterwards(at_most=CLOSING_WAIT_SECONDS):
        if shown is not None:
            await sessions.remember_message(
                context.services.step_messages, position=hold.position, message_id=shown
            )
        finished = replace(acted, position=replace(acted.position, hold_message_id=None))
        await close_outcome(context, job.chat_id, finished)
        message_id = hold.position.hold_message_id
        # Edits to one countdown keep their spacing: if a tick just edited it, the next shows.
        if message_id is not None and context.services.countdown_spacing.allow(
            job.session_id, context.now()
        ):
            text = _countdown_text(context, hold)
            markup = _countdown_markup(context, hold.position)
            await edit(context, job.chat_id, message_id, text, markup)


def _show_later(
    context: CoachContext, job: HoldJob, result: Acted, lead: str, exc: TelegramError
) -> None:
    """The time-up message failed after its retries: the session has moved on, so its next
    step is sent again a little later (and, until then, /warmup offers it)."""
    log.warning("time's up for chat %s not sent (%s); sent again later", job.chat_id, exc)
    if result.next is not None:
        again = ShowAgainJob(job.session_id, job.chat_id, result.next.cursor, lead)
        context.schedule.show_step_again(again, due_in=timedelta(seconds=SHOW_AGAIN_AFTER[0]))


async def show_again(context: CoachContext) -> None:
    """Job: send a step whose message failed, if it is still the step and still not shown."""
    assert context.job is not None
    job = context.job.data
    assert isinstance(job, ShowAgainJob)
    position = await sessions.unshown(
        context.db, context.content, chat_id=job.chat_id, session_id=job.session_id
    )
    if position is None or position.cursor != job.cursor:
        return  # shown meanwhile (/warmup and Resume), moved on, or over
    try:
        await send_step(context, job.chat_id, position, lead=job.lead)
    except TelegramError as exc:
        if job.attempt >= len(SHOW_AGAIN_AFTER):
            log.warning("step for chat %s still not sent (%s); left to /warmup", job.chat_id, exc)
            return
        again = replace(job, attempt=job.attempt + 1)
        due_in = timedelta(seconds=SHOW_AGAIN_AFTER[job.attempt])
        context.schedule.show_step_again(again, due_in=due_in)


async def _close(context: CoachContext, job: HoldJob, result: Acted, shown: int | None) -> None:
    """Record the next step's message, and show the ended step and countdown as finished."""
    position, texts = result.position, context.texts
    async with context.services.urgent.afterwards(at_most=CLOSING_WAIT_SECONDS):
        if shown is not None and result.next is not None:
            await sessions.remember_message(
                context.services.step_messages, position=result.next, message_id=shown
            )
        # The countdown message is closed below, in its own words.
        await close_outcome(
            context, job.chat_id, replace(result, position=replace(position, hold_message_id=None))
        )
        if position.hold_message_id is not None:
            seconds = coach.timer_seconds(position.step) or 0
            finished = texts.timer.finished.format(seconds=seconds)
            await edit(
                context,
                job.chat_id,
                position.hold_message_id,
                render.countdown_ended(texts, position.routine, position.cursor, finished),
            )


async def _finish(context: CoachContext, job: HoldJob) -> Acted | Chained | None:
    now = context.now()
    if now - job.ends_at > timedelta(seconds=LATE_END_SECONDS):
        # Many holds ending together: their time-up messages go before any countdown edit.
        context.services.countdown_edits.pause(COUNTDOWN_PAUSE_SECONDS)
    # Whichever way this ran (on time, overdue after a restart), nothing of the hold stays queued.
    context.schedule.cancel_hold(job.session_id)
    return await holds.finish(
        context.db, context.content, session_id=job.session_id, ends_at=job.ends_at, now=now
    )


async def restore(context: CoachContext) -> None:
    """At start-up: reschedule every countdown; one that ended while down finishes now."""
    for hold in await holds.pending(context.db, context.content):
        schedule(context, hold)


def schedule(context: CoachContext, hold: Hold) -> None:
    context.schedule.hold(
        HoldJob(hold.position.session_id, hold.chat_id, hold.ends_at),
        due_in=hold.ends_at - context.now(),
        tick_every=timedelta(seconds=context.rules.timer.update_every_seconds),
    )


def _countdown_text(context: CoachContext, hold: Hold) -> str:
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


def _countdown_markup(context: CoachContext, position: sessions.Position) -> InlineKeyboardMarkup:
    return keyboards.countdown_keyboard(
        context.texts,
        position.session_id,
        position.cursor,
        hands_free=position.prefs.hands_free,
        paused=position.paused_left is not None,
    )


def _job(context: CoachContext) -> HoldJob:
    assert context.job is not None
    assert isinstance(context.job.data, HoldJob)
    return context.job.data
