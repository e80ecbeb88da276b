"""The chat itself changes: the user blocks or unblocks the bot, or a group gets a new id."""

from __future__ import annotations

from telegram import ChatMember, Update

from bot.chat.membership import move_chat, stop_chat
from bot.coaching import membership
from bot.runtime.context import CoachContext


async def on_my_status(update: Update, context: CoachContext) -> None:
    """Telegram tells the bot it was blocked (kicked) or let back in."""
    change = update.my_chat_member
    assert change is not None
    chat_id = change.chat.id
    if change.new_chat_member.status in (ChatMember.BANNED, ChatMember.LEFT):
        await stop_chat(context, chat_id)
    elif change.new_chat_member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR):
        await membership.came_back(context.db, chat_id=chat_id)


async def on_migrate(update: Update, context: CoachContext) -> None:
    """A group became a supergroup: move its data to the new id and follow it there."""
    message = update.effective_message
    assert message is not None
    if message.migrate_to_chat_id is not None:
        await move_chat(context, message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id is not None:
        await move_chat(context, message.migrate_from_chat_id, message.chat.id)
