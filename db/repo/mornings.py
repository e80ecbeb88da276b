"""The morning question about a warm-up: scheduling it, claiming those due, recording the
answer once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import WarmupSession
from db.repo._shared import execute_write
from db.repo.warmups import (
    SESSIONS,
    Warmup,
    read_warmups,
)


async def ask_next_morning(tx: AsyncSession, session_id: int, due_at: datetime) -> None:
    """The next morning's question about this warm-up is due at `due_at`."""
    await execute_write(
        tx,
        update(WarmupSession)
        .where(WarmupSession.id == session_id, WarmupSession.morning_answer.is_(None))
        .values(morning_due_at=due_at),
    )


async def claim_mornings(tx: AsyncSession, now: datetime, limit: int) -> list[Warmup]:
    """Morning questions due and not yet sent, claimed as sent (so each goes out once)."""
    due = await read_warmups(tx, _MORNINGS_DUE, {"now": now, "limit": limit})
    for warmup in due:
        await execute_write(
            tx,
            update(WarmupSession)
            .where(WarmupSession.id == warmup.id, WarmupSession.morning_sent_at.is_(None))
            .values(morning_sent_at=now),
        )
    return due


_MORNINGS_DUE = (
    SESSIONS.where(
        WarmupSession.morning_due_at <= bindparam("now"), WarmupSession.morning_sent_at.is_(None)
    )
    .order_by(WarmupSession.morning_due_at)
    .limit(bindparam("limit"))
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
