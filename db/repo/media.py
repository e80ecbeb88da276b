"""Demonstration files Telegram already has (see `bot/chat/pictures.py`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import MediaFile
from db.repo._shared import dialect_insert


async def media_file_id(tx: AsyncSession, name: str, digest: str) -> str | None:
    """Telegram's id for the file `name` as it is now (None if this version was never sent)."""
    return await tx.scalar(
        select(MediaFile.file_id).where(MediaFile.name == name, MediaFile.digest == digest)
    )


async def save_media_file_id(
    tx: AsyncSession, name: str, digest: str, file_id: str, now: datetime
) -> None:
    values = {"name": name, "digest": digest, "file_id": file_id, "uploaded_at": now}
    statement = dialect_insert(tx)(MediaFile).values(values)
    await tx.execute(
        statement.on_conflict_do_update(
            index_elements=["name"],
            set_={"digest": digest, "file_id": file_id, "uploaded_at": now},
        )
    )


async def forget_media_file_id(tx: AsyncSession, name: str) -> None:
    await tx.execute(delete(MediaFile).where(MediaFile.name == name))
