"""/export and /forget: the chat's data belongs to the chat."""

from __future__ import annotations

import io
import logging

from telegram import CallbackQuery, Chat, InputFile, Update

from bot.chat import groups, keyboards
from bot.chat.callbacks import ForgetCancel, ForgetConfirm
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.coaching import data
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def export_command(update: Update, context: CoachContext) -> None:
    """Everything stored for this chat, as a JSON file; in a group, the asker's own part."""
    chat = update.effective_chat
    assert chat is not None
    chat_id, people = chat.id, _asker(update, chat)
    about = context.texts.data.about.model_dump()
    document = await data.export(
        context.db, chat_id=chat_id, now=context.now(), about=about, people=people
    )
    await context.bot.send_document(
        chat_id,
        InputFile(io.BytesIO(document), filename="warmup-history.json"),
        caption=context.texts.data.export_caption,
    )


def _asker(update: Update, chat: Chat) -> frozenset[int] | None:
    """Whose rows a group's /export holds: the sender's (an admin writing as the group is the
    group: the anonymous admin's id and the group's own); None, all of them, in a private chat."""
    if not groups.in_group(chat):
        return None
    sender = groups.sender_of(update)
    anonymous = sender in (groups.ANONYMOUS_ADMIN, chat.id)
    return frozenset({groups.ANONYMOUS_ADMIN, chat.id} if anonymous else {sender})


async def forget_command(update: Update, context: CoachContext) -> None:
    """Asks first: deleting cannot be undone."""
    assert update.effective_chat is not None
    texts = context.texts
    await context.bot.send_message(
        update.effective_chat.id,
        texts.data.forget_ask,
        reply_markup=keyboards.forget_keyboard(texts, data.now_minute(context.now())),
    )


async def on_forget(query: CallbackQuery, context: CoachContext, press: ForgetConfirm) -> None:
    """🗑 Delete everything, while the question is still current."""
    chat_id, words = chat_id_of(query), context.texts.data
    await answer(query)
    window = context.rules.data.forget_window_minutes
    if not data.forget_is_current(press.minute, context.now(), window):
        await edit(context, chat_id, message_id_of(query), words.forget_expired)
        return
    for session_id in await data.forget(context.db, chat_id=chat_id):
        context.schedule.cancel_hold(session_id)
    log.info("chat %s deleted its data", chat_id)
    await edit(context, chat_id, message_id_of(query), words.forgotten)


async def on_keep(query: CallbackQuery, context: CoachContext, _press: ForgetCancel) -> None:
    """Keep my data."""
    await answer(query)
    await edit(context, chat_id_of(query), message_id_of(query), context.texts.data.kept)
