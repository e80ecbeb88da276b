"""The pain check-in buttons, and switching to the quick or gentle routine."""

from __future__ import annotations

from telegram import CallbackQuery

from bot import checkins, keyboards, render, sessions
from bot.context import CoachContext
from bot.handlers.steps import (
    answer,
    chat_id_of,
    delete,
    edit,
    message_id_of,
    notify,
    send_step,
)
from bot.handlers.warmup import send_checkin, send_intro
from bot.keyboards import GoPress, PainPress, SwitchPress
from bot.sessions import Notice


async def on_pain(query: CallbackQuery, context: CoachContext, press: PainPress) -> None:
    if press.after:
        await _after(query, context, press)
    else:
        await _before(query, context, press)


async def _before(query: CallbackQuery, context: CoachContext, press: PainPress) -> None:
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
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    await answer(query)
    routine = result.position.routine
    await edit(
        context,
        chat_id,
        message_id_of(query),
        render.checkin_answered(texts, routine, result.pain),
    )
    gentle = context.content.routines[texts.checkin.flare_up_routine]
    if result.pain is not None and result.pain >= texts.checkin.flare_up_at and routine != gentle:
        await context.bot.send_message(
            chat_id,
            render.flare_up(texts, result.pain, gentle),
            reply_markup=keyboards.flare_up_keyboard(texts, result.position.session_id, gentle),
        )
        return
    await send_step(context, chat_id, result.position)


async def _after(query: CallbackQuery, context: CoachContext, press: PainPress) -> None:
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
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    await answer(query)
    await edit(
        context, chat_id, message_id_of(query), render.complete(context.texts, result.summary)
    )


async def on_switch(query: CallbackQuery, context: CoachContext, press: SwitchPress) -> None:
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
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    await answer(query)
    if not result.checked_in:  # from the check-in itself: ask it again, for the new routine
        await delete(context, chat_id, message_id_of(query))
        await send_checkin(context, chat_id, result.position)
        return
    await edit(context, chat_id, message_id_of(query), context.texts.buttons.gentle)
    await send_intro(context, chat_id, result.position.routine)
    await send_step(context, chat_id, result.position)


async def on_go(query: CallbackQuery, context: CoachContext, press: GoPress) -> None:
    """Full routine anyway, after the gentle offer."""
    chat_id = chat_id_of(query)
    result = await sessions.resume(
        context.db, context.content, chat_id=chat_id, session_id=press.session_id
    )
    if isinstance(result, Notice) or result.message_id is not None:
        await notify(query, context, result if isinstance(result, Notice) else Notice.STALE)
        return
    await answer(query)
    await edit(context, chat_id, message_id_of(query), context.texts.buttons.full_anyway)
    await send_step(context, chat_id, result)
