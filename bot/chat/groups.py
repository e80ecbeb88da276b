"""Groups: a warm-up's buttons belong to whoever started it; the group's settings to its admins.

A warm-up an admin began anonymously (as the group) belongs to the group's admins: Telegram
does not say which admin sent the command, and their presses come from their own ids.

In a private chat the person is the chat, and none of this costs anything: the checks below
run only in groups, where each costs one query or one Bot API call.
"""

from __future__ import annotations

import logging

from telegram import (
    CallbackQuery,
    Chat,
    ChatMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.chat.callbacks import Callback
from bot.chat.replies import answer
from bot.coaching import groups
from bot.coaching.sessions import Offer
from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# The user Telegram shows for a message an admin sent anonymously "as the group".
ANONYMOUS_ADMIN = 1087968824
_ADMINS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


def in_group(chat: Chat) -> bool:
    return chat.type != ChatType.PRIVATE


def sender_of(update: Update) -> int:
    """Who sent the update: a user id (the chat's, where Telegram names no user)."""
    if update.effective_user is not None:
        return update.effective_user.id
    assert update.effective_chat is not None
    return update.effective_chat.id


async def may_press(query: CallbackQuery, context: CoachContext, press: Callback) -> bool:
    """Whether this press may act on its warm-up; if not, the presser is told whose it is."""
    message = query.message
    if message is None or not in_group(message.chat) or press.warmup_id is None:
        return True
    starter = await groups.starter(context.db, press.warmup_id)
    if starter is None or starter == query.from_user.id:
        return True
    if _as_the_group(message.chat, starter):
        # Begun by an admin writing as the group; their presses come from their own id.
        if await may_change(context, message.chat, query.from_user.id):
            return True
        name = message.chat.title or context.texts.groups.someone
    else:
        name = await _first_name(context, message.chat.id, starter)
    await answer(query, context.texts.groups.not_yours.format(name=name))
    return False


async def someone_elses(context: CoachContext, chat_id: int, offer: Offer, user_id: int) -> bool:
    """Whether the unfinished warm-up /warmup found is someone else's (in a group): if so,
    the sender is told whose, and offered a warm-up of their own in a private chat."""
    if chat_id > 0:
        return False
    starter = await groups.starter(context.db, offer.position.session_id)
    if starter in (None, user_id, chat_id, ANONYMOUS_ADMIN):
        return False
    assert starter is not None
    name = await _first_name(context, chat_id, starter)
    link = f"https://t.me/{context.bot.username}?start=warmup"
    button = InlineKeyboardButton(context.texts.groups.in_private, url=link)
    await context.bot.send_message(
        chat_id,
        context.texts.groups.busy.format(name=name),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )
    return True


def _as_the_group(chat: Chat, user_id: int) -> bool:
    """Whether `user_id` is how Telegram shows an admin writing anonymously, as the group."""
    return user_id in (ANONYMOUS_ADMIN, chat.id)


async def may_stop(update: Update, context: CoachContext) -> bool:
    """Whether the sender may /stop the group's warm-up: its starter or an admin may."""
    chat, user_id = update.effective_chat, sender_of(update)
    assert chat is not None
    if not in_group(chat):
        return True
    starter = await groups.running_starter(context.db, chat.id)
    if starter in (None, user_id) or await may_change(context, chat, user_id):
        return True
    assert starter is not None
    name = await _first_name(context, chat.id, starter)
    await context.bot.send_message(chat.id, context.texts.groups.not_yours.format(name=name))
    return False


async def may_change(context: CoachContext, chat: Chat, user_id: int) -> bool:
    """Whether `user_id` may change the group's settings or data (a group admin may)."""
    if not in_group(chat) or _as_the_group(chat, user_id):
        return True  # private; or an admin writing as the group itself
    member = await _member(context, chat.id, user_id)
    return member is not None and member.status in _ADMINS


async def _first_name(context: CoachContext, chat_id: int, user_id: int) -> str:
    member = await _member(context, chat_id, user_id)
    return member.user.first_name if member is not None else context.texts.groups.someone


async def _member(context: CoachContext, chat_id: int, user_id: int) -> ChatMember | None:
    try:
        return await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:  # left the group, or Telegram is unreachable: ask no further
        log.info("chat %s member %s not found: %s", chat_id, user_id, exc)
        return None
