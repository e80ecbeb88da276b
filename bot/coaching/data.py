"""A chat's data belongs to the chat: everything stored, as a file, and deleting it all."""

from __future__ import annotations

import json
from datetime import date, datetime

from db import repo
from db.database import Database


async def export(
    db: Database,
    *,
    chat_id: int,
    now: datetime,
    about: dict[str, str],
    people: frozenset[int] | None = None,
) -> bytes:
    """Everything stored for the chat, as UTF-8 JSON: every column of every row, by table.

    With `people` (in a group: the one asking), rows that belong to a person (warm-ups, their
    check-ins and steps, stored messages) are only theirs: one member's health data is never
    handed to another; what the group shares (settings, reminder, rest days) is in. `about`
    says, in the person's language, what each table holds; it goes in beside them."""
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        tables = await repo.chat_rows(tx, chat_id, people)
        if chat_id > 0:  # a private chat: its id is its person's, and their safety check
            tables["people"] = await repo.person_rows(tx, chat_id)
    document = {
        "exported_at": now.isoformat(),
        "about": {name: about[name] for name in tables},
        **{name: [_readable(name, row) for row in rows] for name, rows in tables.items()},
    }
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def _readable(table: str, row: dict[str, object]) -> dict[str, object]:
    """Times as ISO 8601 and a reminder's days by name; everything else as stored."""
    return {column: _value(table, column, value) for column, value in row.items()}


def _value(table: str, column: str, value: object) -> object:
    if isinstance(value, (datetime, date)):  # a datetime is a date too
        return value.isoformat()
    if (table, column) == ("reminders", "days") and isinstance(value, int):
        return _days(value)
    return value


def forget_is_current(asked_minute: int, now: datetime, window_minutes: int) -> bool:
    """Whether a /forget asked at `asked_minute` may still be confirmed."""
    return 0 <= now_minute(now) - asked_minute <= window_minutes


def now_minute(now: datetime) -> int:
    return int(now.timestamp() // 60)


async def forget(db: Database, *, chat_id: int) -> list[int]:
    """Delete everything stored for the chat; returns sessions whose countdown must stop."""
    async with db.transaction() as tx:
        if chat_id > 0:  # a private chat: its person's own answers go too
            await repo.forget_person(tx, chat_id)
        return await repo.delete_chat(tx, chat_id)


def _days(days: int) -> list[str]:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return [name for i, name in enumerate(names) if days & (1 << i)]
