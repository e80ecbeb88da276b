"""/warmup, /stop, /routines and every button under a warm-up message."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import keyboards, render, sessions
from bot.content import Routine
from bot.context import CoachContext
from bot.keyboards import BeginPress, SessionPress, StepPress
from bot.sessions import Acted, Notice, Offer, Position, Restarted, Stopped

log = logging.getLogger(__name__)


async def warmup_command(update: Update, context: CoachContext) -> None:
    await _begin(update, context, context.content.default_routine.id)


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
    if result is None:
        await context.bot.send_message(chat_id, context.texts.nothing_to_stop)
        return
    if isinstance(result, Notice):  # it ended between the lookup and the update
        await context.bot.send_message(chat_id, context.texts.nothing_to_stop)
        return
    await _close_step(context, chat_id, result.position, context.texts.outcomes.stopped)
    await _send_stopped(context, chat_id, result)


async def on_button(update: Update, context: CoachContext) -> None:
    """Every inline button. The press is parsed once, then handled by kind."""
    query = update.callback_query
    assert query is not None
    press = keyboards.parse(query.data)
    if press is None or query.message is None:
        await _notify(query, context, Notice.UNKNOWN)
        return
    match press:
        case StepPress(action="stop"):
            await _on_stop(query, context, press)
        case StepPress():
            await _on_step(query, context, press)
        case SessionPress(kind="resume"):
            await _on_resume(query, context, press)
        case SessionPress():
            await _on_restart(query, context, press)
        case BeginPress() if press.routine_id in context.content.routines:
            await query.answer()
            await _begin(update, context, press.routine_id)
        case BeginPress():  # a routine that was removed from content since the button was sent
            await _notify(query, context, Notice.UNKNOWN)


async def _begin(update: Update, context: CoachContext, routine_id: str) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
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
        await _send_intro(context, chat_id, result.routine)
        await _send_step(context, chat_id, result)


async def _on_step(query: CallbackQuery, context: CoachContext, press: StepPress) -> None:
    chat_id = _chat_id(query)
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
        await _notify(query, context, result)
        return
    await query.answer()
    await _end_pressed_step(query, context, result)
    if result.next is not None:
        await _send_step(context, chat_id, result.next)
    elif result.summary is not None:
        await context.bot.send_message(
            chat_id, render.complete(context.texts, result.summary), parse_mode=ParseMode.HTML
        )


async def _on_stop(query: CallbackQuery, context: CoachContext, press: StepPress) -> None:
    chat_id = _chat_id(query)
    result = await sessions.stop(
        context.db,
        context.content,
        chat_id=chat_id,
        now=context.now(),
        session_id=press.session_id,
        cursor=press.cursor,
    )
    if not isinstance(result, Stopped):
        await _notify(query, context, result or Notice.FINISHED)
        return
    await query.answer()
    ended = render.step_ended(
        context.texts,
        result.position.routine,
        result.position.cursor,
        context.texts.outcomes.stopped,
    )
    await _edit(query, ended)
    await _send_stopped(context, chat_id, result)


async def _on_resume(query: CallbackQuery, context: CoachContext, press: SessionPress) -> None:
    chat_id = _chat_id(query)
    result = await sessions.resume(
        context.db, context.content, chat_id=chat_id, session_id=press.session_id
    )
    if isinstance(result, Notice):
        await _notify(query, context, result)
        return
    await query.answer()
    await _drop_buttons(query)
    await _close_step(context, chat_id, result, context.texts.outcomes.paused)
    await _send_step(context, chat_id, result)


async def _on_restart(query: CallbackQuery, context: CoachContext, press: SessionPress) -> None:
    chat_id = _chat_id(query)
    result = await sessions.start_over(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        now=context.now(),
    )
    if not isinstance(result, Restarted):
        await _notify(query, context, result)
        return
    await query.answer()
    await _drop_buttons(query)
    await _close_step(context, chat_id, result.old, context.texts.outcomes.stopped)
    await _send_intro(context, chat_id, result.new.routine)
    await _send_step(context, chat_id, result.new)


async def _send_intro(context: CoachContext, chat_id: int, routine: Routine) -> None:
    await context.bot.send_message(
        chat_id, render.intro(context.texts, routine), parse_mode=ParseMode.HTML
    )


async def _send_step(context: CoachContext, chat_id: int, position: Position) -> None:
    message = await context.bot.send_message(
        chat_id,
        render.step(context.texts, position.routine, position.cursor),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.step_keyboard(context.texts, position.session_id, position.cursor),
    )
    await sessions.remember_message(
        context.db, session_id=position.session_id, message_id=message.message_id
    )


async def _send_stopped(context: CoachContext, chat_id: int, result: Stopped) -> None:
    await context.bot.send_message(
        chat_id, render.stopped(context.texts, result.position.routine, result.done)
    )


async def _end_pressed_step(query: CallbackQuery, context: CoachContext, result: Acted) -> None:
    position = result.position
    label = render.outcome_label(context.texts, result.outcome)
    await _edit(query, render.step_ended(context.texts, position.routine, position.cursor, label))


async def _close_step(
    context: CoachContext, chat_id: int, position: Position, ending: str
) -> None:
    """Show how a step ended on its message, found by id (no button was pressed on it)."""
    if position.message_id is None:
        return
    text = render.step_ended(context.texts, position.routine, position.cursor, ending)
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat_id, message_id=position.message_id, parse_mode=ParseMode.HTML
        )
    except BadRequest as exc:
        # Deleted by the user, too old to edit, or already showing this: nothing to repair.
        log.info("could not close step message %s: %s", position.message_id, exc.message)


async def _edit(query: CallbackQuery, text: str) -> None:
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML)
    except BadRequest as exc:
        log.info("could not edit pressed message: %s", exc.message)


async def _drop_buttons(query: CallbackQuery) -> None:
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest as exc:
        log.info("could not remove buttons: %s", exc.message)


async def _notify(query: CallbackQuery, context: CoachContext, notice: Notice) -> None:
    await query.answer(getattr(context.texts.notices, notice.value))


def _chat_id(query: CallbackQuery) -> int:
    assert query.message is not None  # on_button turns message-less presses away
    return query.message.chat.id
