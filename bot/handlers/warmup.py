"""/warmup, /stop, /routines and the buttons that move a warm-up along."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot import keyboards, render, sessions
from bot.content import Routine
from bot.context import CoachContext
from bot.handlers.steps import (
    answer,
    chat_id_of,
    close_step,
    message_id_of,
    notify,
    send_outcome,
    send_step,
    set_buttons,
)
from bot.keyboards import BeginPress, SessionPress, StepPress
from bot.sessions import Acted, Notice, Offer, Position, Restarted, Stopped

Ended = TypeVar("Ended", Acted, Stopped)


async def warmup_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    await begin(context, update.effective_chat.id, context.content.default_routine.id)


async def routines_command(update: Update, context: CoachContext) -> None:
    assert update.effective_message is not None
    routines = context.content.ordered_routines()
    await update.effective_message.reply_text(
        render.routines(context.texts, routines),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.routines_keyboard(context.texts, routines),
    )


async def stop_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    result = await sessions.stop(context.db, context.content, chat_id=chat_id, now=context.now())
    if not isinstance(result, Stopped):  # nothing running, or it ended a moment ago
        await context.bot.send_message(chat_id, context.texts.nothing_to_stop)
        return
    await _stopped(context, chat_id, result)


async def begin(context: CoachContext, chat_id: int, routine_id: str) -> None:
    """Start a routine, or offer to resume the unfinished one."""
    result = await sessions.begin(
        context.db, context.content, chat_id=chat_id, routine_id=routine_id, now=context.now()
    )
    texts = context.texts
    if isinstance(result, Notice):
        await context.bot.send_message(chat_id, texts.notices.unknown)
    elif isinstance(result, Offer):
        position = result.position
        await context.bot.send_message(
            chat_id,
            render.unfinished(texts, position.routine, position.cursor),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.unfinished_keyboard(
                texts, position.session_id, position.cursor.step + 1, len(position.routine.steps)
            ),
        )
    else:
        await send_checkin(context, chat_id, result)


async def on_begin(query: CallbackQuery, context: CoachContext, press: BeginPress) -> None:
    """▶️ Start warm-up under /start, or a routine under /routines."""
    if press.routine_id not in context.content.routines:  # removed from content since
        await notify(query, context, Notice.UNKNOWN)
        return
    await answer(query)
    await begin(context, chat_id_of(query), press.routine_id)


async def on_session(query: CallbackQuery, context: CoachContext, press: SessionPress) -> None:
    """▶️ Resume or 🔄 Start over, offered by /warmup for an unfinished warm-up."""
    if press.kind == "resume":
        await on_resume(query, context, press)
    else:
        await on_restart(query, context, press)


async def on_step(query: CallbackQuery, context: CoachContext, press: StepPress) -> None:
    chat_id = chat_id_of(query)
    result = await sessions.act(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        action=press.coach_action,
        now=context.now(),
    )
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    await answer(query)
    await send_outcome(context, chat_id, _pressed_if_unknown(result, query))


async def on_stop(query: CallbackQuery, context: CoachContext, press: StepPress) -> None:
    chat_id = chat_id_of(query)
    for_pain = press.action == "pain"
    result = await sessions.stop(
        context.db,
        context.content,
        chat_id=chat_id,
        now=context.now(),
        session_id=press.session_id,
        cursor=press.cursor,
        for_pain=for_pain,
    )
    if not isinstance(result, Stopped):
        await notify(query, context, result or Notice.FINISHED)
        return
    await answer(query)
    if for_pain:
        texts = context.texts
        await close_step(context, chat_id, result.position, texts.outcomes.sharp_pain)
        await context.bot.send_message(chat_id, texts.sharp_pain, parse_mode=ParseMode.HTML)
        return
    await _stopped(context, chat_id, _pressed_if_unknown(result, query))


async def on_resume(query: CallbackQuery, context: CoachContext, press: SessionPress) -> None:
    chat_id = chat_id_of(query)
    result = await sessions.resume(
        context.db, context.content, chat_id=chat_id, session_id=press.session_id
    )
    if isinstance(result, Notice):
        await notify(query, context, result)
        return
    await answer(query)
    await set_buttons(context, chat_id, message_id_of(query), None)
    # The older copy of the step can no longer be tapped; a running countdown carries on.
    older = replace(result, hold_message_id=None)
    await close_step(context, chat_id, older, context.texts.outcomes.paused)
    await send_step(context, chat_id, result)


async def on_restart(query: CallbackQuery, context: CoachContext, press: SessionPress) -> None:
    chat_id = chat_id_of(query)
    result = await sessions.start_over(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        now=context.now(),
    )
    if not isinstance(result, Restarted):
        await notify(query, context, result)
        return
    await answer(query)
    await set_buttons(context, chat_id, message_id_of(query), None)
    await close_step(context, chat_id, result.old, context.texts.outcomes.stopped)
    await send_checkin(context, chat_id, result.new)


async def _stopped(context: CoachContext, chat_id: int, result: Stopped) -> None:
    await close_step(context, chat_id, result.position, context.texts.outcomes.stopped)
    await context.bot.send_message(
        chat_id, render.stopped(context.texts, result.position.routine, result.done)
    )


async def send_checkin(context: CoachContext, chat_id: int, position: Position) -> None:
    """A new warm-up's first message: what it is, how the back feels, and the quick option."""
    texts, routine = context.texts, position.routine
    quick = context.content.routines.get(texts.quick_routine)
    offer_quick = quick if quick is not None and quick.id != routine.id else None
    await context.bot.send_message(
        chat_id,
        render.checkin_question(texts, routine),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.checkin_keyboard(
            texts, position.session_id, after=False, quick=offer_quick
        ),
    )


async def send_intro(context: CoachContext, chat_id: int, routine: Routine) -> None:
    await context.bot.send_message(
        chat_id, render.intro(context.texts, routine), parse_mode=ParseMode.HTML
    )


def _pressed_if_unknown(result: Ended, query: CallbackQuery) -> Ended:
    """The pressed message is the step's own if its id was never recorded.

    That happens only when the bot stopped between sending a step and recording it.
    """
    position = result.position
    if position.message_id is None and position.hold_message_id is None:
        return replace(result, position=replace(position, message_id=message_id_of(query)))
    return result
