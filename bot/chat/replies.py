"""Talking back through Telegram: answering presses, editing and removing the bot's messages.

Telegram refuses some of these for reasons that are answers rather than failures (a message
already gone, an edit that changes nothing, a press answered too late); they are handled here
once, so handlers only say what they want shown.
"""

from __future__ import annotations

import logging
from typing import TypeVar

from telegram import CallbackQuery, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.coaching.running import Notice
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

T = TypeVar("T")

# How Telegram words an edit of a message that is gone or may no longer change.
_GONE = ("message to edit not found", "message can't be edited", "message_id_invalid")
# How Telegram refuses a text edit of a message with media, and a caption edit of one without.
_WRONG_KIND = ("there is no text in the message to edit", "there is no caption in the message")


async def accepted(query: CallbackQuery, context: CoachContext, result: T | Notice) -> T | None:
    """Answer a press: with the notice as a toast if it changed nothing (and return None),
    else plainly, returning `result` for the handler to show."""
    if isinstance(result, Notice):
        await notify(query, context, result)
        return None
    await answer(query)
    return result


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


async def edit(
    context: CoachContext,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    resend: bool = False,
    caption: bool = False,
) -> int | None:
    """Edit a message's text (dropping its buttons unless `markup` is given).

    With `caption` the message is expected to show an animation, and its caption is edited
    (either way, Telegram's refusal of the wrong kind of edit is followed by the other).

    Returns the id of the message that now shows the text. If the message is gone or can no
    longer be edited and `resend` is set, the text goes out as a new message instead; without
    `resend` (closing a step that has already moved on) there is nothing worth repairing.
    """
    try:
        await _edit(context, chat_id, message_id, text, markup, caption=caption)
    except BadRequest as exc:
        if _not_modified(exc):
            return message_id
        if not (resend and _gone(exc)):
            log.info("could not edit message %s in chat %s: %s", message_id, chat_id, exc.message)
            return None
        sent = await context.bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
        )
        return sent.message_id
    return message_id


async def _edit(
    context: CoachContext,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
    *,
    caption: bool,
) -> None:
    """Edit the text, or, on a message with an animation, its caption."""
    edits = [_edit_caption, _edit_text] if caption else [_edit_text, _edit_caption]
    try:
        await edits[0](context, chat_id, message_id, text, markup)
    except BadRequest as exc:
        if not any(words in exc.message.lower() for words in _WRONG_KIND):
            raise
        await edits[1](context, chat_id, message_id, text, markup)


async def _edit_text(
    context: CoachContext,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> None:
    await context.bot.edit_message_text(
        text,
        chat_id=chat_id,
        message_id=message_id,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
    )


async def _edit_caption(
    context: CoachContext,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> None:
    await context.bot.edit_message_caption(
        chat_id=chat_id,
        message_id=message_id,
        caption=text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
    )


async def set_buttons(
    context: CoachContext, chat_id: int, message_id: int, markup: InlineKeyboardMarkup | None
) -> bool:
    """Change only a message's buttons; False if the message is gone or frozen."""
    try:
        await context.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=markup
        )
    except BadRequest as exc:
        if _not_modified(exc):
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


def chat_id_of(query: CallbackQuery) -> int:
    assert query.message is not None  # the guard turns message-less presses away
    return query.message.chat.id


def message_id_of(query: CallbackQuery) -> int:
    assert query.message is not None
    return query.message.message_id


def _not_modified(exc: BadRequest) -> bool:
    return "not modified" in exc.message.lower()


def _gone(exc: BadRequest) -> bool:
    return any(words in exc.message.lower() for words in _GONE)
