"""/remind, /timezone, the reminder picker, the reminder's own buttons, and the minute tick."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError

from bot import keyboards, localtime, reminders, render
from bot.context import CoachContext
from bot.handlers import membership, warmup
from bot.handlers.steps import answer, chat_id_of, edit, message_id_of
from bot.keyboards import ReminderPress, RemindPress
from bot.reminders import Delivery, Refusal, Status

log = logging.getLogger(__name__)

# Command arguments longer than this are not a time or a timezone; answer without parsing.
MAX_ARGUMENT = 64


async def remind_command(update: Update, context: CoachContext) -> None:
    """`/remind` opens the picker; `/remind 7:30` or `/remind off` act directly."""
    assert update.effective_chat is not None
    chat_id, now, rules = update.effective_chat.id, context.now(), context.texts.reminders
    argument = " ".join(context.args or [])[: MAX_ARGUMENT + 1].strip()
    if not argument:
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
        await _send(context, chat_id, _picker_text(context, status), status)
        return
    if argument.lower() == "off":
        await reminders.turn_off(context.db, chat_id=chat_id, now=now)
        await context.bot.send_message(chat_id, rules.turned_off)
        return
    at = localtime.parse_time(argument) if len(argument) <= MAX_ARGUMENT else None
    if at is None:
        await context.bot.send_message(chat_id, rules.bad_time)
        return
    status = await reminders.set_time(context.db, chat_id=chat_id, at=at, now=now)
    await _send(context, chat_id, _with_zone_prompt(context, status), None)


async def timezone_command(update: Update, context: CoachContext) -> None:
    """`/timezone Europe/Berlin`, `/timezone +2`, or the local time now: `/timezone 14:05`."""
    assert update.effective_chat is not None
    chat_id, now, rules = update.effective_chat.id, context.now(), context.texts.reminders
    argument = " ".join(context.args or [])[: MAX_ARGUMENT + 1].strip()
    if not argument:
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
        text = (
            rules.zone_unset
            if status.zone is None
            else render.zone_now(context.texts, status.zone, now)
        )
        await _send(context, chat_id, text, None)
        return
    zone = _read_zone(argument, now)
    if zone is None:
        await context.bot.send_message(chat_id, rules.bad_zone)
        return
    status = await reminders.set_zone(context.db, chat_id=chat_id, zone=zone, now=now)
    text = render.zone_now(context.texts, zone, now)
    if status.enabled:
        text += "\n" + render.reminder_status(context.texts, status)
    await _send(context, chat_id, text, None)


async def on_picker(query: CallbackQuery, context: CoachContext, press: RemindPress) -> None:
    """A button of the /remind picker; the picker message is updated in place."""
    chat_id, now, texts = chat_id_of(query), context.now(), context.texts
    await answer(query)
    if press.kind == "type":
        await context.bot.send_message(chat_id, texts.reminders.type_time)
        return
    if press.kind == "at" and press.at is not None:
        status = await reminders.set_time(context.db, chat_id=chat_id, at=press.at, now=now)
    elif press.kind == "days" and press.days is not None:
        status = await reminders.set_days(context.db, chat_id=chat_id, days=press.days, now=now)
    elif press.kind == "off":
        status = await reminders.turn_off(context.db, chat_id=chat_id, now=now)
    else:
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
    if press.kind in ("pickdays", "days"):
        text = f"{render.reminder_status(texts, status)}\n{texts.reminders.pick_days}"
        markup = keyboards.days_picker(texts, status.days)
    else:
        text = _picker_text(context, status)
        markup = keyboards.remind_picker(texts, status.days)
    await edit(context, chat_id, message_id_of(query), text, markup, resend=True)


async def on_reminder(query: CallbackQuery, context: CoachContext, press: ReminderPress) -> None:
    """▶️ Start, ⏰ Snooze or 🛌 Skip today under a reminder."""
    chat_id, now, texts = chat_id_of(query), context.now(), context.texts
    rules, routine = texts.reminders, context.content.default_routine
    if press.action in ("start", "quick"):
        await answer(query)
        ended = render.reminder_ended(texts, routine, rules.started)
        await edit(context, chat_id, message_id_of(query), ended)
        chosen = routine.id if press.action == "start" else texts.quick_routine
        await warmup.begin(context, chat_id, chosen)  # as if the user sent /warmup
        return
    if press.action == "snooze":
        result = await reminders.snooze(context.db, rules, chat_id=chat_id, day=press.day, now=now)
        if isinstance(result, Refusal):
            await answer(query, getattr(rules, result.value))
            return
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
        local = result.astimezone(localtime.zone(status.zone or "UTC")).strftime("%H:%M")
        outcome = rules.snoozed.format(time=local)
    else:
        refusal = await reminders.skip_today(context.db, chat_id=chat_id, day=press.day, now=now)
        if refusal is not None:
            await answer(query, getattr(rules, refusal.value))
            return
        outcome = rules.skipped
    await answer(query)
    await edit(
        context, chat_id, message_id_of(query), render.reminder_ended(texts, routine, outcome)
    )


async def tick(context: CoachContext) -> None:
    """Job, every minute: claim the reminders that are due, then deliver all of them.

    Delivery is spaced at REMINDER_MESSAGES_PER_SECOND and also waits for room under it,
    counting every message this instance sends: replies to people tapping go out at once and
    the burst takes what they leave. A burst larger than a minute's worth keeps this job
    running, and the next tick waits.
    """
    rules = context.texts.reminders
    claimed = await reminders.claim_due(context.db, rules, context.now())
    sent = 0
    deliveries = await reminders.take_deliveries(context.db, rules, context.now())
    while deliveries:
        # The next batch is read while this one goes out, in the pauses between messages,
        # so the burst does not stop for the database every DELIVERY_BATCH messages.
        upcoming = asyncio.create_task(reminders.take_deliveries(context.db, rules, context.now()))
        try:
            sent += await _deliver_paced(context, deliveries)
        except BaseException:
            upcoming.cancel()
            raise
        deliveries = await upcoming
    if claimed or sent:
        log.info("reminders: %s claimed, %s delivered or dropped", claimed, sent)


async def _deliver_paced(context: CoachContext, deliveries: list[Delivery]) -> int:
    pace = context.services.settings.reminder_messages_per_second
    loop = asyncio.get_running_loop()
    for delivery in deliveries:
        # Evenly spaced, not in bunches: a bunch arrives at Telegram squeezed together by
        # network jitter and can cross its limit even though it kept under it here. (Making
        # up for a late turn with quicker ones was measured: it bunched, and drew 429s.)
        next_at = loop.time() + 1 / pace
        await context.services.sent.room(pace)
        await _deliver(context, delivery, context.now())
        await asyncio.sleep(max(0.0, next_at - loop.time()))
    return len(deliveries)


async def _deliver(context: CoachContext, delivery: Delivery, now: datetime) -> None:
    texts = context.texts
    try:
        await context.bot.send_message(
            delivery.chat_id,
            render.reminder_message(texts, context.content.default_routine, delivery.streak),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.reminder_keyboard(
                texts, delivery.day, snooze=delivery.snoozes_left > 0
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


def _read_zone(argument: str, now: datetime) -> str | None:
    if len(argument) > MAX_ARGUMENT:
        return None
    if (zone := localtime.parse_zone(argument)) is not None:
        return zone
    if (local := localtime.parse_time(argument)) is not None:
        return localtime.zone_from_local_time(local, now)
    return None


def _picker_text(context: CoachContext, status: Status) -> str:
    texts = context.texts
    return f"{_with_zone_prompt(context, status)}\n{texts.reminders.pick}"


def _with_zone_prompt(context: CoachContext, status: Status) -> str:
    text = render.reminder_status(context.texts, status)
    if status.zone is None:
        text += "\n\n" + context.texts.reminders.ask_zone
    return text


async def _send(context: CoachContext, chat_id: int, text: str, picker: Status | None) -> None:
    markup = keyboards.remind_picker(context.texts, picker.days) if picker else None
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)
