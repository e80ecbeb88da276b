"""The pain check-in buttons, and switching to the quick or gentle routine."""

from __future__ import annotations

from telegram import CallbackQuery

from bot.chat import render
from bot.chat import summary as summary_words
from bot.chat.callbacks import FullAnyway, PainAfter, PainBefore, Switch
from bot.chat.replies import accepted, chat_id_of, delete, edit, message_id_of, notify, set_buttons
from bot.chat.sessions import checked_in, send_checkin, send_intro
from bot.chat.step_messages import send_step
from bot.coaching import checkins, sessions
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext


async def on_before(query: CallbackQuery, context: CoachContext, press: PainBefore) -> None:
    """Opening check-in: note it, then the first step, or first the gentle offer if it's high."""
    chat_id, texts = chat_id_of(query), context.texts
    result = await checkins.before(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        pain=press.pain,
        now=context.now(),
    )
    if (checked := await accepted(query, context, result)) is None:
        return
    routine = checked.position.routine
    await edit(
        context,
        chat_id,
        message_id_of(query),
        render.checkin_answered(texts, routine, checked.pain),
    )
    await checked_in(context, chat_id, checked)


async def on_after(query: CallbackQuery, context: CoachContext, press: PainAfter) -> None:
    """Closing check-in: the summary keeps its place and gains the before/after line."""
    chat_id = chat_id_of(query)
    result = await checkins.after(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        pain=press.pain,
        now=context.now(),
    )
    if (checked := await accepted(query, context, result)) is None:
        return
    text = summary_words.checked_after(
        context.texts, checked, press.pain, context.content.rules.pain_model
    )
    await edit(context, chat_id, message_id_of(query), text)


async def on_switch(query: CallbackQuery, context: CoachContext, press: Switch) -> None:
    """⚡ Quick on the check-in, or 🌿 Gentle after a high check-in."""
    chat_id = chat_id_of(query)
    result = await checkins.switch(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        routine_id=press.routine_id,
        now=context.now(),
    )
    if (switched := await accepted(query, context, result)) is None:
        return
    if not switched.checked_in:  # from the check-in itself: ask it again, for the new routine
        await delete(context, chat_id, message_id_of(query))
        await send_checkin(context, chat_id, switched.position, query.from_user.id)
        return
    # The offer and its safety line stay in the chat; the choice is answered below it.
    await set_buttons(context, chat_id, message_id_of(query), None)
    await context.bot.send_message(chat_id, context.texts.buttons.gentle)
    await send_intro(context, chat_id, switched.position.routine)
    shown = await send_step(context, chat_id, switched.position)
    await context.remember_step(chat_id, switched.position, shown)


async def on_full_anyway(query: CallbackQuery, context: CoachContext, press: FullAnyway) -> None:
    """Full routine anyway, after the gentle offer."""
    chat_id = chat_id_of(query)
    result = await sessions.resume(
        context.db, context.content, chat_id=chat_id, session_id=press.session_id
    )
    if not isinstance(result, Notice) and result.message_id is not None:
        await notify(query, context, Notice.STALE)  # its first step is already showing
        return
    if (position := await accepted(query, context, result)) is None:
        return
    await set_buttons(context, chat_id, message_id_of(query), None)  # the offer stays
    await context.bot.send_message(chat_id, context.texts.buttons.full_anyway)
    shown = await send_step(context, chat_id, position)
    await context.remember_step(chat_id, position, shown)
