"""Chats: created on first contact, their settings, blocking, migration and deletion."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import Insert, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db import chat_data
from db.chat_data import CHATS
from db.models import Chat, Reminder, WarmupSession
from db.repo._shared import execute_write, insert_of, show_written


async def ensure_chat(
    tx: AsyncSession, chat_id: int, now: datetime, *, lock: bool = False
) -> Chat:
    """The chat's row, created on first contact. Safe when two updates race to create it.

    With `lock`, the row stays locked until the transaction ends, so decisions that look at
    several of the chat's rows (is a warm-up running? is there a reminder?) are not raced by
    another instance. SQLite writers are one at a time anyway and ignore the lock clause.
    FOR NO KEY UPDATE still lets other transactions insert rows that refer to the chat.
    """
    new_chat = _new_chat(tx.get_bind().dialect.name)
    await execute_write(tx, new_chat, {"id": chat_id, "created_at": now})
    chat = await tx.get(Chat, chat_id, with_for_update={"key_share": True} if lock else None)
    assert chat is not None  # inserted or already there, in this very transaction
    return chat


@cache
def _new_chat(dialect: str) -> Insert:
    """`ensure_chat`'s INSERT, built once per dialect: one with its values written in is
    keyed for SQLAlchemy's statement cache value by value, on every command."""
    statement: Insert = insert_of(dialect)(Chat).on_conflict_do_nothing(index_elements=["id"])
    return statement


async def get_chat(tx: AsyncSession, chat_id: int) -> Chat | None:
    return await tx.get(Chat, chat_id)


async def chat_timezone(tx: AsyncSession, chat_id: int) -> str:
    """The IANA timezone the chat's days are counted in."""
    timezone = await tx.scalar(select(Chat.timezone).where(Chat.id == chat_id))
    return timezone or "UTC"


async def set_timezone(tx: AsyncSession, chat: Chat, timezone: str, now: datetime) -> None:
    values = {"timezone": timezone, "timezone_set_at": now}
    await execute_write(tx, update(Chat).where(Chat.id == chat.id).values(**values))
    show_written(chat, values)


async def set_weekly_target(tx: AsyncSession, chat: Chat, target: int) -> None:
    await execute_write(tx, update(Chat).where(Chat.id == chat.id).values(weekly_target=target))
    show_written(chat, {"weekly_target": target})


async def set_pictures(tx: AsyncSession, chat_id: int, on: bool) -> None:
    await tx.execute(update(Chat).where(Chat.id == chat_id).values(pictures=on))


async def deactivate_chat(tx: AsyncSession, chat_id: int) -> None:
    """The chat blocked the bot: mark it and switch its reminder off."""
    await execute_write(tx, update(Chat).where(Chat.id == chat_id).values(active=False))
    await execute_write(
        tx,
        update(Reminder)
        .where(Reminder.chat_id == chat_id)
        .values(enabled=False, next_fire_at=None, pending_since=None, lease_until=None),
    )


async def reactivate_chat(tx: AsyncSession, chat_id: int) -> None:
    """The chat wrote to the bot again after blocking it."""
    await execute_write(
        tx, update(Chat).where(Chat.id == chat_id, Chat.active.is_(False)).values(active=True)
    )


async def move_chat(tx: AsyncSession, old_id: int, new_id: int) -> bool:
    """Give a chat's rows a new chat id; False if there is nothing to move or it already moved.

    Every column of the chat's row is copied and every table that refers to the chat follows
    (`db/chat_data.py` lists them from the models).
    """
    old = (await tx.execute(select(CHATS).where(CHATS.c.id == old_id))).mappings().first()
    if old is None or await tx.get(Chat, new_id) is not None:
        return False
    await tx.execute(insert(CHATS).values({**old, "id": new_id}))
    for table in chat_data.direct():
        await tx.execute(update(table).where(table.c.chat_id == old_id).values(chat_id=new_id))
    await tx.execute(delete(CHATS).where(CHATS.c.id == old_id))
    return True


async def delete_chat(tx: AsyncSession, chat_id: int) -> list[int]:
    """Delete everything stored for a chat; returns its sessions that had a running hold."""
    holding = list(
        await tx.scalars(
            select(WarmupSession.id).where(
                WarmupSession.chat_id == chat_id, WarmupSession.hold_ends_at.is_not(None)
            )
        )
    )
    # Children first, explicitly: correct even where foreign keys are not enforced.
    for owned in chat_data.through():
        keys = chat_data.parent_keys(owned, chat_id)
        await tx.execute(delete(owned.table).where(owned.column.in_(keys)))
    for table in reversed(chat_data.direct()):
        await tx.execute(delete(table).where(table.c.chat_id == chat_id))
    await tx.execute(delete(CHATS).where(CHATS.c.id == chat_id))
    return holding


async def chat_rows(
    tx: AsyncSession, chat_id: int, people: frozenset[int] | None = None
) -> dict[str, list[dict[str, object]]]:
    """Every row stored for the chat, every column, by table name; with `people`, of rows that
    belong to a person only theirs (`db/chat_data.py`)."""
    rows = {}
    for table in chat_data.every_table():
        result = await tx.execute(chat_data.rows_of(table, chat_id, people))
        rows[table.name] = [dict(row) for row in result.mappings()]
    return rows


# The columns /settings writes, and the statement reading them for a tap.
SETTINGS_COLUMNS = (
    "hands_free",
    "audio_guide",
    "switch_seconds",
    "rest_seconds",
    "roller",
    "doses",
    "levels",
    "pictures",
    "morning_question",
)
_SETTINGS = select(*(getattr(Chat, name) for name in SETTINGS_COLUMNS)).where(
    Chat.id == bindparam("chat")
)


async def chat_settings(tx: AsyncSession, chat_id: int) -> dict[str, object] | None:
    """The chat's settings as stored, by column; None for a chat never seen."""
    row = (await tx.execute(_SETTINGS, {"chat": chat_id})).mappings().first()
    return dict(row) if row is not None else None


async def set_chat_settings(tx: AsyncSession, chat_id: int, values: dict[str, object]) -> None:
    unknown = set(values) - set(SETTINGS_COLUMNS)
    assert not unknown, f"not settings: {unknown}"
    await execute_write(tx, update(Chat).where(Chat.id == chat_id).values(**values))


async def set_pain_model(
    tx: AsyncSession, chat_id: int, *, green_run: int, gentle_next: bool
) -> None:
    """What the pain model keeps between warm-ups."""
    values = {"green_run": green_run, "gentle_next": gentle_next}
    await execute_write(tx, update(Chat).where(Chat.id == chat_id).values(**values))


async def gentle_offered(tx: AsyncSession, chat_id: int) -> None:
    """The gentle routine was offered after a red warm-up: not again until the next red."""
    statement = update(Chat).where(Chat.id == chat_id, Chat.gentle_next.is_(True))
    await execute_write(tx, statement.values(gentle_next=False))
