"""The error handler: log the failure with its update id, tell the user how to carry on."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import ChatMigrated, Forbidden

from bot.chat.membership import move_chat, stop_chat
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: CoachContext) -> None:
    error = context.error
    chat_id = _chat_of(update, context)
    if isinstance(error, Forbidden) and chat_id is not None:
        await stop_chat(context, chat_id)  # blocked: an answer, not a failure; nothing to log
        return
    if isinstance(error, ChatMigrated) and chat_id is not None:
        await move_chat(context, chat_id, error.new_chat_id)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=error)
    if isinstance(update, Update) and chat_id is not None:
        try:
            await context.bot.send_message(chat_id, context.texts.error)
        except Exception:
            log.warning("could not tell chat %s about the error", chat_id)


def _chat_of(update: object, context: CoachContext) -> int | None:
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    if context.job is not None:  # a job's failure: hold countdowns carry their chat
        return context.job.chat_id
    return None
