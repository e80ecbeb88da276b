"""The languages stored for a chat and its warm-up: chosen, seen in Telegram, spoken."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Chat, SessionStatus, WarmupSession
from db.repo._shared import execute_write


class Stored(NamedTuple):
    """A chat's language as chosen with /language, and as its person's Telegram app said."""

    chosen: str | None = None
    telegram: str | None = None


async def chat_language(tx: AsyncSession, chat_id: int) -> Stored | None:
    """None for a chat the bot has no row for (its first update)."""
    row = (await tx.execute(_LANGUAGES, {"chat": chat_id})).first()
    return None if row is None else Stored(row.language, row.telegram_language)


async def set_chat_language(tx: AsyncSession, chat_id: int, code: str | None) -> None:
    await execute_write(tx, update(Chat).where(Chat.id == chat_id).values(language=code))


async def saw_telegram_language(tx: AsyncSession, chat_id: int, code: str | None) -> None:
    await execute_write(tx, _SAW, {"chat": chat_id, "code": code})


async def set_warmup_language(
    tx: AsyncSession, chat_id: int, code: str, *, started_by: int | None
) -> None:
    """The running warm-up of the chat speaks `code` from its next message; in a group, only
    the one `started_by` began."""
    query = update(WarmupSession).where(
        WarmupSession.chat_id == chat_id, WarmupSession.status == SessionStatus.ACTIVE
    )
    if started_by is not None:
        query = query.where(WarmupSession.started_by == started_by)
    await execute_write(tx, query.values(language=code))


_LANGUAGES = select(Chat.language, Chat.telegram_language).where(Chat.id == bindparam("chat"))
_SAW = update(Chat).where(Chat.id == bindparam("chat")).values(telegram_language=bindparam("code"))
