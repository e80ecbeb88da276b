"""The chat itself changes: the user blocks or unblocks the bot, or a group gets a new id."""

from __future__ import annotations

from telegram import ChatMember, Update

from bot.coaching import membership
from bot.handlers import hold_jobs
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


async def stop_chat(context: CoachContext, chat_id: int) -> None:
    """Nothing more goes to a chat that blocked the bot: no reminder, no countdown."""
    session_id = await membership.blocked(context.db, chat_id=chat_id)
    if session_id is not None:
        context.schedule.cancel_hold(session_id)


async def move_chat(context: CoachContext, old_id: int, new_id: int) -> None:
    """Both service messages of a migration arrive; whichever comes first moves the data."""
    if await membership.migrated(context.db, old_id=old_id, new_id=new_id):
        await hold_jobs.restore(context)  # running countdowns now report to the new id
