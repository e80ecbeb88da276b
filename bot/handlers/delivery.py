"""Reminders going out: the minute tick that delivers the due ones, and a reminder's buttons."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from telegram import CallbackQuery
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot.chat import keyboards, render
from bot.chat.callbacks import ReminderButton, ReminderSkip, ReminderSnooze
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.coaching import localtime, reminders, rest
from bot.coaching.reminders import Delivery, Refusal
from bot.handlers import membership, morning
from bot.handlers import sessions as warmup
from bot.handlers.rest import said
from bot.runtime import pacing
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def on_start(query: CallbackQuery, context: CoachContext, _press: ReminderButton) -> None:
    """▶️ Start under a reminder: as if the user sent /warmup."""
    await _start(query, context, context.content.default_routine.id)


async def on_quick(query: CallbackQuery, context: CoachContext, _press: ReminderButton) -> None:
    """⚡ Quick under a reminder: the quick routine instead."""
    await _start(query, context, context.content.quick_routine.id)


async def _start(query: CallbackQuery, context: CoachContext, routine_id: str) -> None:
    await answer(query)
    chat_id = chat_id_of(query)
    words = context.texts.reminders
    await _close(query, context, words.started)
    await warmup.begin(context, chat_id, routine_id, query.from_user.id)


async def on_snooze(query: CallbackQuery, context: CoachContext, press: ReminderSnooze) -> None:
    """⏰ Snooze: remind again in a while, a few times at most."""
    chat_id, now, words = chat_id_of(query), context.now(), context.texts.reminders
    result = await reminders.snooze(
        context.db, context.rules.reminders, chat_id=chat_id, day=press.day, now=now
    )
    if isinstance(result, Refusal):
        await answer(query, getattr(words, result.value))
        return
    await answer(query)
    status = await reminders.status(context.db, chat_id=chat_id, now=now)
    local = result.astimezone(localtime.zone(status.zone or "UTC")).strftime("%H:%M")
    await _close(query, context, words.snoozed.format(time=local))


async def on_skip(query: CallbackQuery, context: CoachContext, press: ReminderSkip) -> None:
    """🛌 Skip today: no more reminders until the next day's."""
    words = context.texts.reminders
    refusal = await reminders.skip_today(
        context.db, chat_id=chat_id_of(query), day=press.day, now=context.now()
    )
    if refusal is not None:
        await answer(query, getattr(words, refusal.value))
        return
    await answer(query)
    # Skipping today is a rest day, if this week has none yet: the streak is kept.
    taken = await rest.take(context.db, chat_id=chat_id_of(query), now=context.now())
    await _close(query, context, f"{words.skipped} {said(context.texts, taken)}")


async def _close(query: CallbackQuery, context: CoachContext, outcome: str) -> None:
    """The reminder's buttons go, and it says what the user chose."""
    text = render.reminder_ended(context.texts, context.content.default_routine, outcome)
    await edit(context, chat_id_of(query), message_id_of(query), text)


# Reminders being sent at once. Each waits for the database twice (is it still wanted, then
# marking it sent); one at a time, those waits, not Telegram's pace, set the pace of a burst.
# Four keep up with Telegram's pace; eight did too, but their writes held taps up for longer.
REMINDERS_IN_FLIGHT = 4


async def tick(context: CoachContext) -> None:
    """Job, every minute: claim the reminders that are due, then deliver all of them.

    Reminders take turns at REMINDER_MESSAGES_PER_SECOND, evenly spaced, and each then waits
    for a place in the send window, where replies to people tapping go first: a burst takes
    what replies leave of Telegram's pace. A burst larger than a minute's worth keeps this job
    running, and the next tick waits.
    """
    await morning.deliver(context)  # the mornings' questions ride on the same minute
    rules = context.rules.reminders
    claimed = await reminders.claim_due(context.db, rules, context.now())
    sent = 0
    deliveries = await reminders.take_deliveries(context.db, rules, context.now())
    pace = context.services.settings.reminder_messages_per_second
    # Evenly spaced, with a little catch-up: a bunch would fill Telegram's second at once
    # and leave the next reply to wait for it to pass.
    turns = pacing.Budget(pace, burst=min(pace, pacing.BULK_CATCH_UP))
    async with asyncio.TaskGroup() as sending:
        in_flight = asyncio.Semaphore(REMINDERS_IN_FLIGHT)
        while deliveries:
            # The next batch is read while this one goes out, so the burst does not stop for
            # the database every DELIVERY_BATCH messages.
            upcoming = asyncio.create_task(
                reminders.take_deliveries(context.db, rules, context.now())
            )
            try:
                for delivery in deliveries:
                    await turns.spend()
                    await in_flight.acquire()
                    sending.create_task(_deliver_one(context, delivery, in_flight))
            except BaseException:
                upcoming.cancel()
                raise
            sent += len(deliveries)
            deliveries = await upcoming
    if claimed or sent:
        log.info("reminders: %s claimed, %s delivered or dropped", claimed, sent)


async def _deliver_one(
    context: CoachContext, delivery: Delivery, in_flight: asyncio.Semaphore
) -> None:
    try:
        with pacing.bulk():
            await _deliver(context, delivery, context.now())
    except Exception:
        # One reminder that cannot be sent (its text or keyboard fails to build) is dropped;
        # the burst goes on.
        log.exception("reminder for chat %s failed; dropped", delivery.chat_id)
        await reminders.delivered(context.db, delivery, None)
    finally:
        in_flight.release()


async def _deliver(context: CoachContext, delivery: Delivery, now: datetime) -> None:
    texts, rules = context.texts, context.rules.reminders
    # A burst can take minutes; since this one was taken, the chat may have said /forget.
    if not await reminders.still_pending(context.db, delivery):
        return
    try:
        await context.bot.send_message(
            delivery.chat_id,
            render.reminder_message(texts, context.content.default_routine, delivery.streak),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.reminder_keyboard(
                texts, rules, delivery.day, snooze=delivery.snoozes_left > 0
            ),
        )
    except Forbidden:
        await membership.stop_chat(context, delivery.chat_id)
        return
    except TelegramError as exc:
        # The lease runs out and the next tick tries again, within the late limit.
        log.warning("reminder for chat %s not sent: %s", delivery.chat_id, exc)
        return
    await reminders.delivered(context.db, delivery, now)
