"""/remind and /timezone, the reminder picker's buttons, a reminder's own buttons, and the
minute tick that sends the reminders due."""

from __future__ import annotations

from telegram import CallbackQuery, ForceReply, Update
from telegram.constants import ParseMode

from bot.chat import keyboards, morning
from bot.chat.callbacks import (
    Place,
    RemindAt,
    RemindDays,
    ReminderButton,
    ReminderSkip,
    ReminderSnooze,
)
from bot.chat.reminders import deliver_due, reminder_ended, reminder_status, zone_now
from bot.chat.replies import answer, chat_id_of, edit, message_id_of, notify
from bot.chat.rest import said
from bot.chat.sessions import begin
from bot.coaching import localtime, preferences, reminders, rest
from bot.coaching.reminders import Refusal, Status
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext

# Command arguments longer than this are not a time or a timezone; answer without parsing.
MAX_ARGUMENT = 64


async def remind_command(update: Update, context: CoachContext) -> None:
    """`/remind` opens the picker; `/remind 7:30` or `/remind off` act directly."""
    assert update.effective_chat is not None
    chat_id, now, words = update.effective_chat.id, context.now(), context.texts.reminders
    argument = _argument(context)
    if not argument:
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
        await _send(context, chat_id, _picker_text(context, status), status)
        return
    if argument.lower() == "off":
        await reminders.turn_off(context.db, chat_id=chat_id, now=now)
        await context.bot.send_message(chat_id, words.turned_off)
        return
    if (at := localtime.parse_time(argument)) is None:  # it refuses oversized input itself
        await context.bot.send_message(chat_id, words.bad_time)
        return
    status = await reminders.set_time(context.db, chat_id=chat_id, at=at, now=now)
    await _send(context, chat_id, _with_zone_prompt(context, status), None)


async def timezone_command(update: Update, context: CoachContext) -> None:
    """`/timezone Europe/Berlin`, `/timezone +2`, or the local time now: `/timezone 14:05`."""
    assert update.effective_chat is not None
    chat_id, now, words = update.effective_chat.id, context.now(), context.texts.reminders
    argument = _argument(context)
    if not argument:
        status = await reminders.status(context.db, chat_id=chat_id, now=now)
        zone = status.zone
        text = words.zone_unset if zone is None else zone_now(context.texts, zone, now)
        await _send(context, chat_id, text, None)
        return
    zone = localtime.read_zone(argument, now)
    if zone is None:
        await context.bot.send_message(chat_id, words.bad_zone)
        return
    status = await reminders.set_zone(context.db, chat_id=chat_id, zone=zone, now=now)
    text = zone_now(context.texts, zone, now)
    if status.enabled:
        text += "\n" + reminder_status(context.texts, status)
    markup = None
    if localtime.is_fixed_offset(zone):  # it will not follow the clocks: offer places that do
        text += "\n\n" + words.fixed_offset
        user, rules = update.effective_user, context.rules.timezones
        language = user.language_code if user is not None else None
        places = localtime.places_at(zone, now, first=rules.likeliest(language))
        markup = keyboards.places_keyboard(places[: rules.buttons])
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def on_place(query: CallbackQuery, context: CoachContext, press: Place) -> None:
    """A place offered for a typed offset: the chat's timezone becomes that place."""
    if localtime.parse_zone(press.name) != press.name or localtime.is_fixed_offset(press.name):
        await notify(query, context, Notice.UNKNOWN)  # not a place tzdata knows: forged
        return
    chat_id, now = chat_id_of(query), context.now()
    status = await reminders.set_zone(context.db, chat_id=chat_id, zone=press.name, now=now)
    await answer(query)
    text = zone_now(context.texts, press.name, now)
    if status.enabled:
        text += "\n" + reminder_status(context.texts, status)
    await edit(context, chat_id, message_id_of(query), text, None)


async def on_type(query: CallbackQuery, context: CoachContext, _press: object) -> None:
    """⌨️ Type a time: ask for it with a reply field already open; the answer sets the time."""
    await answer(query)
    await context.bot.send_message(
        chat_id_of(query),
        context.texts.reminders.type_time,
        reply_markup=ForceReply(selective=True, input_field_placeholder="7:30"),
    )


def is_time_answer(update: Update, context: CoachContext) -> bool:
    """Whether the message replies to the bot's own "send the time" question (or its
    "couldn't read that" follow-up, which asks again)."""
    message, words = update.effective_message, context.texts.reminders
    asked = message.reply_to_message if message else None
    return (
        asked is not None
        and asked.from_user is not None
        and asked.from_user.id == context.bot.id
        and asked.text in (words.type_time, words.bad_typed_time)
    )


async def on_typed_time(update: Update, context: CoachContext) -> None:
    """The reply to "send the time": read like `/remind <time>`, without the command."""
    assert update.effective_chat is not None
    assert update.effective_message is not None
    chat_id, now, words = update.effective_chat.id, context.now(), context.texts.reminders
    typed = (update.effective_message.text or "")[: MAX_ARGUMENT + 1].strip()
    if (at := localtime.parse_time(typed)) is None:
        await context.bot.send_message(
            chat_id,
            words.bad_typed_time,
            reply_markup=ForceReply(selective=True, input_field_placeholder="7:30"),
        )
        return
    status = await reminders.set_time(context.db, chat_id=chat_id, at=at, now=now)
    await _send(context, chat_id, _with_zone_prompt(context, status), None)


async def on_save(query: CallbackQuery, context: CoachContext, _press: object) -> None:
    """✅ Save: the picker closes, showing the reminder as it now is."""
    status = await reminders.status(context.db, chat_id=chat_id_of(query), now=context.now())
    await answer(query)
    text = _with_zone_prompt(context, status)
    await edit(context, chat_id_of(query), message_id_of(query), text, None)


async def on_menu(query: CallbackQuery, context: CoachContext, _press: object) -> None:
    """↩️ Back: the picker's times again."""
    status = await reminders.status(context.db, chat_id=chat_id_of(query), now=context.now())
    await _show_picker(query, context, status)


async def on_at(query: CallbackQuery, context: CoachContext, press: RemindAt) -> None:
    """A preset time: the reminder is on at that time."""
    status = await reminders.set_time(
        context.db, chat_id=chat_id_of(query), at=press.at, now=context.now()
    )
    await _show_picker(query, context, status)


async def on_off(query: CallbackQuery, context: CoachContext, _press: object) -> None:
    """🔕 Off."""
    status = await reminders.turn_off(context.db, chat_id=chat_id_of(query), now=context.now())
    await _show_picker(query, context, status)


async def on_pick_days(query: CallbackQuery, context: CoachContext, _press: object) -> None:
    """📅 Days: the day picker, with the days chosen so far."""
    status = await reminders.status(context.db, chat_id=chat_id_of(query), now=context.now())
    await _show_days(query, context, status)


async def on_days(query: CallbackQuery, context: CoachContext, press: RemindDays) -> None:
    """A set of days, or one day toggled: the reminder is on for those."""
    status = await reminders.set_days(
        context.db, chat_id=chat_id_of(query), days=press.days, now=context.now()
    )
    await _show_days(query, context, status)


async def _show_picker(query: CallbackQuery, context: CoachContext, status: Status) -> None:
    """The picker message, updated in place to show the reminder as it now is."""
    await answer(query)
    markup = keyboards.remind_picker(context.texts, context.rules.reminders, status)
    text = _picker_text(context, status)
    await edit(context, chat_id_of(query), message_id_of(query), text, markup, resend=True)


async def _show_days(query: CallbackQuery, context: CoachContext, status: Status) -> None:
    await answer(query)
    texts = context.texts
    text = f"{reminder_status(texts, status)}\n{texts.reminders.pick_days}"
    markup = keyboards.days_picker(texts, status.days)
    await edit(context, chat_id_of(query), message_id_of(query), text, markup, resend=True)


def _argument(context: CoachContext) -> str:
    return " ".join(context.args or [])[: MAX_ARGUMENT + 1].strip()


def _picker_text(context: CoachContext, status: Status) -> str:
    texts = context.texts
    return f"{_with_zone_prompt(context, status)}\n{texts.reminders.pick}"


def _with_zone_prompt(context: CoachContext, status: Status) -> str:
    text = reminder_status(context.texts, status)
    if status.zone is None:
        text += "\n\n" + context.texts.reminders.ask_zone
    return text


async def _send(context: CoachContext, chat_id: int, text: str, picker: Status | None) -> None:
    markup = (
        keyboards.remind_picker(context.texts, context.rules.reminders, picker) if picker else None
    )
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


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
    await begin(context, chat_id, routine_id, query.from_user.id)


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
    chat_id = chat_id_of(query)
    _, routine = await preferences.planned(context.db, context.content, chat_id=chat_id)
    text = reminder_ended(context.texts, routine, outcome)
    await edit(context, chat_id, message_id_of(query), text)


async def tick(context: CoachContext) -> None:
    """Job, every minute: the reminders due, and the mornings' questions on the same minute."""
    await morning.deliver(context)
    await deliver_due(context)
