"""The hold countdown's jobs: its ticks, its end (and, hands-free, the next side or set), a
time's-up sent again, and the countdowns restored at start-up.

Each job reads the session row, which is the truth about a countdown; a job that finds its
countdown over (stopped, paused, done early, or ended by another instance) does nothing.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import render
from bot.chat.replies import edit
from bot.chat.step_messages import close_outcome, send_next, send_step
from bot.coaching import coach, holds, sessions
from bot.coaching.holds import Chained
from bot.coaching.sessions import Acted
from bot.handlers.holds import countdown_markup, countdown_text, schedule
from bot.runtime.context import CoachContext
from bot.runtime.pacing import (
    CLOSING_WAIT_SECONDS,
    COUNTDOWN_PAUSE_SECONDS,
    LATE_END_SECONDS,
    SHOW_AGAIN_AFTER,
)
from bot.runtime.scheduling import HoldJob, ShowAgainJob

log = logging.getLogger(__name__)


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
        countdown_text(context, hold),
        countdown_markup(context, hold.position),
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
            text = countdown_text(context, hold)
            markup = countdown_markup(context, hold.position)
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


def _job(context: CoachContext) -> HoldJob:
    assert context.job is not None
    assert isinstance(context.job.data, HoldJob)
    return context.job.data
