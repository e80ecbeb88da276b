"""Showing steps in the chat: send a step, and close the messages of a step that has ended.

Shared by the warm-up buttons, the hold countdown and its jobs, so a step looks and ends the
same way whichever of them moved the session on.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import keyboards, render, scheduling, sessions
from bot.context import CoachContext
from bot.sessions import Acted, Notice, Position

log = logging.getLogger(__name__)

# How Telegram words a refused answer to a press that is too old.
_TOO_LATE = ("query is too old", "query id is invalid")
# How Telegram words an edit of a message that is gone or may no longer change.
_GONE = ("message to edit not found", "message can't be edited", "message_id_invalid")


async def send_step(
    context: CoachContext,
    chat_id: int,
    position: Position,
    *,
    lead: str = "",
    remember: bool = True,
) -> int:
    """Send the step as a new message with its buttons and return its id.

    With `remember` the message is also recorded as the step's; a caller in a hurry records
    it later itself (until then a press on it is still handled: it names its own message).
    """
    text = render.step(context.texts, position.routine, position.cursor)
    message = await context.bot.send_message(
        chat_id,
        f"{lead}\n\n{text}" if lead else text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.step_keyboard(
            context.texts, position.routine, position.session_id, position.cursor
        ),
    )
    if remember:
        await sessions.remember_message(
            context.services.step_messages, position=position, message_id=message.message_id
        )
    return message.message_id


async def send_outcome(context: CoachContext, chat_id: int, result: Acted, lead: str = "") -> None:
    """After a step ended: send the next step or the summary, then close the old messages.

    The new message goes first because it is what the user waits for (and what their phone
    notifies about); the closing edits above it are bookkeeping that can follow.
    """
    await send_next(context, chat_id, result, lead)
    await close_outcome(context, chat_id, result)


async def close_outcome(context: CoachContext, chat_id: int, result: Acted) -> None:
    """Show on the ended step's messages whether it was done or skipped."""
    label = render.outcome_label(context.texts, result.outcome)
    await close_step(context, chat_id, result.position, label)


async def send_next(
    context: CoachContext, chat_id: int, result: Acted, lead: str = "", *, remember: bool = True
) -> int | None:
    """The step that follows an ended one, or the summary if it was the last.

    Returns the id of the next step's message (None for the summary); `remember` as in
    `send_step`.
    """
    if result.next is not None:
        return await send_step(context, chat_id, result.next, lead=lead, remember=remember)
    if result.summary is not None:
        summary = render.complete_asking(context.texts, result.summary)
        await context.bot.send_message(
            chat_id,
            f"{lead}\n\n{summary}" if lead else summary,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.checkin_keyboard(
                context.texts, result.summary.session_id, after=True
            ),
        )
    return None


async def close_step(context: CoachContext, chat_id: int, position: Position, ending: str) -> None:
    """Show how the step ended on its message and on its countdown, if one was running."""
    texts = context.texts
    if position.hold_message_id is not None:
        scheduling.cancel_hold(context.jobs, position.session_id)
        await edit(
            context,
            chat_id,
            position.hold_message_id,
            render.countdown_ended(texts, position.routine, position.cursor, texts.timer.ended),
        )
    if position.message_id is not None:
        await edit(
            context,
            chat_id,
            position.message_id,
            render.step_ended(texts, position.routine, position.cursor, ending),
        )


async def edit(
    context: CoachContext,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    resend: bool = False,
) -> int | None:
    """Edit a message's text (dropping its buttons unless `markup` is given).

    Returns the id of the message that now shows the text. If the message is gone or can no
    longer be edited and `resend` is set, the text goes out as a new message instead; without
    `resend` (closing a step that has already moved on) there is nothing worth repairing.
    """
    try:
        await context.bot.edit_message_text(
            text,
            chat_id=chat_id,
            message_id=message_id,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
        )
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return message_id
        if not (resend and _gone(exc)):
            log.info("could not edit message %s in chat %s: %s", message_id, chat_id, exc.message)
            return None
        sent = await context.bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
        )
        return sent.message_id
    return message_id


async def set_buttons(
    context: CoachContext, chat_id: int, message_id: int, markup: InlineKeyboardMarkup | None
) -> bool:
    """Change only a message's buttons; False if the message is gone or frozen."""
    try:
        await context.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=markup
        )
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return True
        log.info("could not change buttons of message %s: %s", message_id, exc.message)
        return not _gone(exc)
    return True


async def delete(context: CoachContext, chat_id: int, message_id: int) -> None:
    """Remove a message the bot sent; one already gone or too old is left as it is."""
    try:
        await context.bot.delete_message(chat_id, message_id)
    except BadRequest as exc:
        log.info("could not delete message %s: %s", message_id, exc.message)


def _gone(exc: BadRequest) -> bool:
    return any(words in exc.message.lower() for words in _GONE)


async def notify(query: CallbackQuery, context: CoachContext, notice: Notice) -> None:
    """Answer a press that changed nothing with the reason, as a short toast."""
    await answer(query, getattr(context.texts.notices, notice.value))


async def answer(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner, with an optional toast.

    Telegram refuses answers to presses older than about 15 seconds (after a restart, or a
    backlog). That only means the spinner already stopped; the press itself is still handled.
    """
    try:
        await query.answer(text)
    except BadRequest as exc:
        if (
            "query is too old" not in exc.message
            and "query id is invalid" not in exc.message.lower()
        ):
            raise
        log.info("press answered too late: %s", exc.message)


def chat_id_of(query: CallbackQuery) -> int:
    assert query.message is not None  # on_button turns message-less presses away
    return query.message.chat.id


def message_id_of(query: CallbackQuery) -> int:
    assert query.message is not None
    return query.message.message_id
