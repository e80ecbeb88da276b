"""What the bot does when a chat changes under it: blocked, or given a new id."""

from __future__ import annotations

from bot.chat import holds
from bot.coaching import membership
from bot.runtime.context import CoachContext


async def stop_chat(context: CoachContext, chat_id: int) -> None:
    """Nothing more goes to a chat that blocked the bot: no reminder, no countdown."""
    session_id = await membership.blocked(context.db, chat_id=chat_id)
    if session_id is not None:
        context.schedule.cancel_hold(session_id)


async def move_chat(context: CoachContext, old_id: int, new_id: int) -> None:
    """Both service messages of a migration arrive; whichever comes first moves the data."""
    if await membership.migrated(context.db, old_id=old_id, new_id=new_id):
        await holds.restore(context)  # running countdowns now report to the new id
