"""The morning question about a warm-up: scheduling it, moving it with the chat's timezone,
claiming those due, recording the answer once."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Chat, WarmupSession
from db.repo._shared import connection_of, execute_write
from db.repo.warmups import SESSION_COLUMNS, Warmup, warmup_of


async def ask_next_morning(tx: AsyncSession, session_id: int, due_at: datetime) -> None:
    """The next morning's question about this warm-up is due at `due_at`."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.morning_answer.is_(None))
        .values(morning_due_at=due_at),
    )


async def claim_mornings(tx: AsyncSession, now: datetime, limit: int) -> list[Warmup]:
    """Morning questions due and not yet sent, claimed as sent; only the rows this claim
    marked (so each goes out once).

    On PostgreSQL the rows are locked and rows another instance holds are skipped; on SQLite
    the one writer and the conditional UPDATE do the same.
    """
    connection = await connection_of(tx)
    rows = await connection.execute(_CLAIM, {"now": now, "limit": limit})
    return sorted(map(warmup_of, rows.mappings()), key=lambda w: (w.morning_due_at or now, w.id))


_DUE = (
    select(WarmupSession.id)
    .where(
        WarmupSession.morning_due_at <= bindparam("now"), WarmupSession.morning_sent_at.is_(None)
    )
    .order_by(WarmupSession.morning_due_at)
    .limit(bindparam("limit"))
    .with_for_update(skip_locked=True)
)
_CLAIM = (
    update(WarmupSession)
    .where(WarmupSession.id.in_(_DUE.scalar_subquery()), WarmupSession.morning_sent_at.is_(None))
    .values(morning_sent_at=bindparam("now"))
    .returning(*SESSION_COLUMNS)
)


async def chats_asking(tx: AsyncSession, chat_ids: Collection[int]) -> set[int]:
    """Which of these chats still want the morning question (it can be turned off)."""
    if not chat_ids:
        return set()
    found = await tx.scalars(
        select(Chat.id).where(Chat.id.in_(list(chat_ids)), Chat.morning_question.is_(True))
    )
    return set(found)


async def mornings_to_come(tx: AsyncSession, chat_id: int) -> list[tuple[int, datetime]]:
    """The chat's morning questions not sent yet: each warm-up's id and when it is due."""
    rows = await tx.execute(
        select(WarmupSession.id, WarmupSession.morning_due_at).where(
            WarmupSession.chat_id == chat_id,
            WarmupSession.morning_due_at.is_not(None),
            WarmupSession.morning_sent_at.is_(None),
        )
    )
    return [(session_id, due) for session_id, due in rows if due is not None]


async def move_morning(tx: AsyncSession, session_id: int, was: datetime, due: datetime) -> None:
    """Move a question not sent yet from `was` to `due` (nothing if it went out meanwhile)."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(
            WarmupSession.id == session_id,
            WarmupSession.morning_due_at == was,
            WarmupSession.morning_sent_at.is_(None),
        )
        .values(morning_due_at=due),
    )


async def answer_morning(tx: AsyncSession, session_id: int, answer: str) -> bool:
    """Record the morning's answer, once; False if it was already answered."""
    matched = await execute_write(
        tx,
        update(WarmupSession)
        .where(
            WarmupSession.id == session_id,
            WarmupSession.morning_sent_at.is_not(None),
            WarmupSession.morning_answer.is_(None),
        )
        .values(morning_answer=answer),
    )
    return matched == 1
