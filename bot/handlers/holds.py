"""The hold countdown: ⏱ Start, ⏹ Stop hold, ⏸ Pause and ▶️ Go on, and its jobs (its ticks,
its end and, hands-free, the next side or set; a time's-up sent again).

Each job reads the session row, which is the truth about a countdown; a job that finds its
countdown over (stopped, paused, done early, or ended by another instance) does nothing.
How the countdown looks and what the chat is sent when it ends are in `bot/chat/holds.py`."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from telegram import CallbackQuery, Message
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import countdown, guide, keyboards
from bot.chat import holds as holds_chat
from bot.chat.callbacks import AudioGuide, GoOn, PauseHold, StartHold, StepButton, StopHold
from bot.chat.replies import accepted, answer, chat_id_of, edit, message_id_of, notify, set_buttons
from bot.chat.step_messages import send_next, send_step
from bot.coaching import holds, sessions
from bot.coaching.holds import Chained, Hold, HoldChange
from bot.coaching.running import Notice
from bot.coaching.sessions import Acted
from bot.runtime.context import CoachContext
from bot.runtime.pacing import COUNTDOWN_PAUSE_SECONDS, LATE_END_SECONDS, SHOW_AGAIN_AFTER
from bot.runtime.scheduling import HoldJob, ShowAgainJob

log = logging.getLogger(__name__)


async def on_start(query: CallbackQuery, context: CoachContext, press: StartHold) -> None:
    """⏱ Start: the step's buttons move to a new countdown message that counts down (and,
    where the chat chose it in /settings, the audio guide follows)."""
    await guide.ready(context, chat_id_of(query), press.session_id, press.cursor, asked=False)
    hold = await _start(query, context, press)
    if hold is not None and hold.position.prefs.audio_guide:
        await guide.send_guide(context, hold.chat_id, hold.position)


async def on_guide(query: CallbackQuery, context: CoachContext, press: AudioGuide) -> None:
    """🎧 Audio guide: the countdown starts as with ⏱ Start, and the voice note follows."""
    await guide.ready(context, chat_id_of(query), press.session_id, press.cursor, asked=True)
    hold = await _start(query, context, press)
    if hold is not None:
        await guide.send_guide(context, hold.chat_id, hold.position)


async def _start(
    query: CallbackQuery, context: CoachContext, press: StartHold | AudioGuide
) -> Hold | None:
    """Start the countdown at the pressed step; None if it did not start.

    If the countdown cannot be sent, the hold is taken back and the step keeps its buttons,
    so one more tap tries again; the toast says so.
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
        return None
    hold, position = result, result.position
    message = await _send_countdown(context, chat_id, hold)
    if message is None:
        await answer(query, context.texts.notices.not_sent)
        return None
    await answer(query)
    await set_buttons(context, chat_id, message_id_of(query), None)  # they moved to the countdown
    await holds.remember_countdown(
        context.db,
        session_id=position.session_id,
        ends_at=hold.ends_at,
        message_id=message.message_id,
    )
    holds_chat.schedule(context, hold)
    return hold


async def _send_countdown(context: CoachContext, chat_id: int, hold: Hold) -> Message | None:
    """Send the countdown message; if Telegram does not take it, take the hold back (None)."""
    position = hold.position
    try:
        return await context.bot.send_message(
            chat_id,
            holds_chat.countdown_text(context, hold),
            parse_mode=ParseMode.HTML,
            reply_markup=holds_chat.countdown_markup(context, position),
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
    await guide.silence(context, chat_id, hold.position)
    position, texts = hold.position, context.texts
    stopped = texts.timer.stopped.format(left=hold.left(context.now()))
    await edit(
        context,
        chat_id,
        message_id_of(query),
        countdown.countdown_ended(texts, position.routine, position.cursor, stopped),
    )
    markup = keyboards.step_buttons(texts, position)
    if position.message_id is None or not await set_buttons(
        context, chat_id, position.message_id, markup
    ):
        shown = await send_step(context, chat_id, position)  # the step message is gone: anew
        await context.remember_step(chat_id, position, shown)


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
        holds_chat.schedule(context, hold)  # running again: its end and ticks are due anew
        await guide.go_on(context, chat_id, hold)
    else:
        context.schedule.cancel_hold(press.session_id)
        await guide.silence(context, chat_id, hold.position, cut=True)
    markup = holds_chat.countdown_markup(context, hold.position)
    await edit(
        context, chat_id, message_id_of(query), holds_chat.countdown_text(context, hold), markup
    )


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
        holds_chat.countdown_text(context, hold),
        holds_chat.countdown_markup(context, hold.position),
        resend=True,
    )
    if shown is not None and shown != message_id:  # the old one was deleted: a fresh countdown
        await holds.remember_countdown(
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
                shown = await holds_chat.announce(context, job, result)
            else:
                position, texts = result.position, context.texts
                following = result.next.cursor if result.next else None
                lead = countdown.time_up(texts, position.routine, position.cursor, following)
                try:
                    shown = await send_next(context, job.chat_id, result, lead)
                except TelegramError as exc:
                    holds_chat.show_later(context, job, result, lead, exc)
                    return
        if isinstance(result, Chained):
            await holds_chat.carry_on(context, job, result, shown)
        else:
            await holds_chat.close(context, job, result, shown)
    finally:
        ending.discard(job.session_id)


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
        shown = await send_step(context, job.chat_id, position, lead=job.lead)
    except TelegramError as exc:
        if job.attempt >= len(SHOW_AGAIN_AFTER):
            log.warning("step for chat %s still not sent (%s); left to /warmup", job.chat_id, exc)
            return
        again = replace(job, attempt=job.attempt + 1)
        due_in = timedelta(seconds=SHOW_AGAIN_AFTER[job.attempt])
        context.schedule.show_step_again(again, due_in=due_in)
    else:
        await context.remember_step(job.chat_id, position, shown)


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


def _job(context: CoachContext) -> HoldJob:
    assert context.job is not None
    assert isinstance(context.job.data, HoldJob)
    return context.job.data
