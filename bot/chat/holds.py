"""The hold countdown in the chat: how its message looks, its jobs scheduled, and what
the chat is sent when a hold ends (the next side's cue, the closed step, a step sent again)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from telegram import InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import countdown, keyboards, render
from bot.chat.replies import edit
from bot.chat.step_messages import close_outcome
from bot.coaching import coach, holds
from bot.coaching.holds import Chained, Hold
from bot.coaching.running import Position
from bot.coaching.sessions import Acted
from bot.runtime.context import CoachContext
from bot.runtime.pacing import CLOSING_WAIT_SECONDS, SHOW_AGAIN_AFTER
from bot.runtime.scheduling import HoldJob, ShowAgainJob

log = logging.getLogger(__name__)


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
    return countdown.countdown(
        context.texts,
        context.rules.timer,
        position.routine,
        position.cursor,
        left=left,
        lead=lead,
        hands_free=position.prefs.hands_free,
        paused=paused,
    )


def countdown_markup(context: CoachContext, position: Position) -> InlineKeyboardMarkup:
    return keyboards.countdown_keyboard(
        context.texts,
        position.session_id,
        position.cursor,
        hands_free=position.prefs.hands_free,
        paused=position.paused_left is not None,
    )


async def announce(context: CoachContext, job: HoldJob, chained: Chained) -> int | None:
    """Hands-free: the next side or set has begun. A new message says so (a new one, so the
    phone notifies someone lying on the floor); the countdown carries on in its own."""
    schedule(context, chained.hold)  # first: the next hold ends on time whatever the chat does
    done, position, texts = chained.acted.position, chained.hold.position, context.texts
    lead = countdown.time_up(texts, done.routine, done.cursor, position.cursor)
    text = f"{lead}\n\n{render.step(texts, position.routine, position.cursor)}"
    try:
        message = await context.bot.send_message(job.chat_id, text, parse_mode=ParseMode.HTML)
    except TelegramError as exc:  # the countdown message still shows the switch
        log.warning("hands-free cue for chat %s not sent (%s)", job.chat_id, exc)
        return None
    return message.message_id


async def carry_on(
    context: CoachContext, job: HoldJob, chained: Chained, shown: int | None
) -> None:
    """Record the cue as the new side's or set's message, close the finished one, and show the
    countdown's new state at once rather than at its next tick."""
    hold, acted = chained.hold, chained.acted
    async with context.services.urgent.afterwards(at_most=CLOSING_WAIT_SECONDS):
        await context.remember_step(job.chat_id, hold.position, shown)
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


def show_later(
    context: CoachContext, job: HoldJob, result: Acted, lead: str, exc: TelegramError
) -> None:
    """The time-up message failed after its retries: the session has moved on, so its next
    step is sent again a little later (and, until then, /warmup offers it)."""
    log.warning("time's up for chat %s not sent (%s); sent again later", job.chat_id, exc)
    if result.next is not None:
        again = ShowAgainJob(job.session_id, job.chat_id, result.next.cursor, lead)
        context.schedule.show_step_again(again, due_in=timedelta(seconds=SHOW_AGAIN_AFTER[0]))


async def close(context: CoachContext, job: HoldJob, result: Acted, shown: int | None) -> None:
    """Record the next step's message, and show the ended step and countdown as finished."""
    position, texts = result.position, context.texts
    async with context.services.urgent.afterwards(at_most=CLOSING_WAIT_SECONDS):
        await context.remember_step(job.chat_id, result.next, shown)
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
                countdown.countdown_ended(texts, position.routine, position.cursor, finished),
            )


async def restore(context: CoachContext) -> None:
    """At start-up: reschedule every countdown; one that ended while down finishes now."""
    for hold in await holds.pending(context.db, context.content):
        schedule(context, hold)
