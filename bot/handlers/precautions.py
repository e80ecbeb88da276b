"""The precautions question's buttons, and 🚫 Leave out under a check-in."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Message

from bot.chat import precautions as asked
from bot.chat.callbacks import LeaveOut, Precautions
from bot.chat.replies import accepted, answer, chat_id_of, edit, message_id_of, notify, set_buttons
from bot.chat.sessions import go_on
from bot.coaching import precautions
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext


async def on_precautions(query: CallbackQuery, context: CoachContext, press: Precautions) -> None:
    """One ticked or unticked (the buttons change), or the answer: recorded, the warm-up
    planned afresh, then on to its first step."""
    chat_id, content = chat_id_of(query), context.content
    count = len(content.safety.ids)
    if press.chosen >> count or count <= press.pick != Precautions.DONE:
        await notify(query, context, Notice.UNKNOWN)  # none such: forged, or older content
        return
    if press.pick != Precautions.DONE:
        await _tick(query, context, press)
        return
    chosen = asked.chosen_ids(content.safety, press.chosen)
    result = await precautions.answer(
        context.db,
        content,
        chat_id=chat_id,
        session_id=press.session_id,
        chosen=chosen,
        now=context.now(),
    )
    if (answered := await accepted(query, context, result)) is None:
        return
    # In a group the answer stays the person's: the chat sees that it was given, not what.
    shown = content.texts.precautions.noted
    if chat_id > 0:
        shown = asked.changed(content, answered.changes, chosen)
    await edit(context, chat_id, message_id_of(query), shown)
    await go_on(context, chat_id, answered.position, answered.pain)


async def _tick(query: CallbackQuery, context: CoachContext, press: Precautions) -> None:
    chat_id, content = chat_id_of(query), context.content
    if (await precautions.personal(context.db, query.from_user.id)).precautions is not None:
        await notify(query, context, Notice.STALE)  # answered already
        return
    chosen, group = press.chosen ^ (1 << press.pick), chat_id < 0
    await answer(query, asked.ticked_toast(content, chosen) if group else None)
    markup = asked.keyboard(content, press.session_id, chosen, ticks=not group)
    await set_buttons(context, chat_id, message_id_of(query), markup)


async def on_leave_out(query: CallbackQuery, context: CoachContext, press: LeaveOut) -> None:
    """Leave out the exercise of the last sharp-pain stop, from this warm-up on."""
    chat_id = chat_id_of(query)
    result = await precautions.leave_out(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        exercise=press.exercise,
        now=context.now(),
    )
    if await accepted(query, context, result) is None:
        return
    message = query.message
    if isinstance(message, Message) and message.reply_markup is not None:
        rows = message.reply_markup.inline_keyboard
        kept = [row for row in rows if all(b.callback_data != press.encode() for b in row)]
        await set_buttons(context, chat_id, message_id_of(query), InlineKeyboardMarkup(kept))
    name = asked.exercise_name(context.content, press.exercise)
    words = context.texts.precautions
    await context.bot.send_message(chat_id, words.left_out_now.format(exercise=name))
