"""The exercise animations: whether a chat sees them, and the `file_id`s Telegram gave them."""

from __future__ import annotations

from datetime import datetime

from db import repo
from db.database import Database


async def set_pictures(db: Database, *, chat_id: int, on: bool, now: datetime) -> None:
    """Turn a chat's animations on or off."""
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        await repo.set_pictures(tx, chat_id, on)


async def stored_file_id(db: Database, name: str, digest: str) -> str | None:
    """The `file_id` Telegram gave this very file (same name and digest), if any."""
    async with db.reading() as tx:
        return await repo.media_file_id(tx, name, digest)


async def store_file_id(db: Database, name: str, digest: str, file_id: str, now: datetime) -> None:
    """Keep the `file_id` Telegram gave a file, so it is not uploaded again."""
    async with db.transaction() as tx:
        await repo.save_media_file_id(tx, name, digest, file_id, now)


async def forget_file_id(db: Database, name: str) -> None:
    """Telegram refused a stored `file_id`: the file is uploaded anew next time."""
    async with db.transaction() as tx:
        await repo.forget_media_file_id(tx, name)
