"""Reminders in the chat: what a reminder and the reminder settings say, and each due reminder
sent at Telegram's pace, behind replies."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from html import escape

from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot.chat import keyboards
from bot.chat.membership import stop_chat
from bot.chat.memo import by_content
from bot.chat.render import streak
from bot.coaching import coach, language, localtime, preferences, reminders
from bot.coaching.reminders import Delivery, Status
from bot.content import Routine, Texts
from bot.content.speaking import speak
from bot.runtime import pacing, window
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# Reminders being sent at once. Each waits for the database twice (is it still wanted, then
# marking it sent); one at a time, those waits, not Telegram's pace, set the pace of a burst.
# Four keep up with Telegram's pace; eight did too, but their writes held taps up for longer.
REMINDERS_IN_FLIGHT = 4


async def _deliver_one(
    context: CoachContext, delivery: Delivery, in_flight: asyncio.Semaphore
) -> None:
    try:
        with window.bulk():
            await _deliver(context, delivery, context.now())
    except Exception:
        # One reminder that cannot be sent (its text or keyboard fails to build) is dropped;
        # the burst goes on.
        log.exception("reminder for chat %s failed; dropped", delivery.chat_id)
        await reminders.delivered(context.db, delivery, None)
    finally:
        in_flight.release()


async def _deliver(context: CoachContext, delivery: Delivery, now: datetime) -> None:
    # The chat's own language: its person's in a private chat, the group's choice in a group.
    speak(await language.of_chat(context.db, context.content, delivery.chat_id))
    texts, rules = context.texts, context.rules.reminders
    # A burst can take minutes; since this one was taken, the chat may have said /forget.
    if not await reminders.still_pending(context.db, delivery):
        return
    # The length the chat's own warm-up takes (levels, roller), as /start and /warmup say.
    _, routine = await preferences.planned(context.db, context.content, chat_id=delivery.chat_id)
    try:
        await context.bot.send_message(
            delivery.chat_id,
            reminder_message(texts, routine, delivery.streak),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.reminder_keyboard(
                texts, rules, delivery.day, snooze=delivery.snoozes_left > 0
            ),
        )
    except Forbidden:
        await stop_chat(context, delivery.chat_id)
        return
    except TelegramError as exc:
        # The lease runs out and the next tick tries again, within the late limit.
        log.warning("reminder for chat %s not sent: %s", delivery.chat_id, exc)
        return
    await reminders.delivered(context.db, delivery, now)


async def deliver_due(context: CoachContext) -> None:
    """Claim the reminders that are due, then deliver all of them.

    Reminders take turns at REMINDER_MESSAGES_PER_SECOND, evenly spaced, and each then waits
    for a place in the send window, where replies to people tapping go first: a burst takes
    what replies leave of Telegram's pace. A burst larger than a minute's worth keeps this job
    running, and the next tick waits.
    """
    rules = context.rules.reminders
    claimed = await reminders.claim_due(context.db, rules, context.now())
    sent = 0
    deliveries = await reminders.take_deliveries(context.db, rules, context.now())
    pace = context.services.settings.reminder_messages_per_second
    # Evenly spaced, with a little catch-up: a bunch would fill Telegram's second at once
    # and leave the next reply to wait for it to pass.
    turns = pacing.Budget(pace, burst=min(pace, window.BULK_CATCH_UP))
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


def reminder_status(texts: Texts, status: Status) -> str:
    """`⏰ Daily reminder: 07:30 every day (Europe/Berlin).`, or that it is off or waiting."""
    rules = texts.reminders
    if not status.enabled or status.local_time is None:
        return rules.status_off
    days = keyboards.days_label(texts, status.days)
    if status.zone is None:
        return rules.status_waiting.format(time=status.local_time, days=days)
    return rules.status_on.format(time=status.local_time, days=days, zone=escape(status.zone))


@by_content()
def reminder_message(texts: Texts, routine: Routine, streak_days: int) -> str:
    rules = texts.reminders
    text = rules.message.format(count=len(routine.steps), minutes=coach.estimated_minutes(routine))
    if streak_days > 0:
        text += "\n" + rules.message_streak.format(streak=streak(texts, streak_days))
    return text


@by_content()
def reminder_ended(texts: Texts, routine: Routine, outcome: str) -> str:
    """A reminder once acted on: its first line, then what the user chose."""
    first_line = reminder_message(texts, routine, 0).split("\n", 1)[0]
    return f"{first_line}\n{outcome}"


def zone_now(texts: Texts, zone_name: str, now: datetime) -> str:
    local = now.astimezone(localtime.zone(zone_name))
    return texts.reminders.zone_now.format(zone=escape(zone_name), time=local.strftime("%H:%M"))
