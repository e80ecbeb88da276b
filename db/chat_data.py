"""Which rows belong to a chat, read from the models' metadata.

Moving a chat to a new id (a group that became a supergroup), deleting it (/forget) and
exporting it (/export) all ask this module, so a table added later is covered by all three
without anyone remembering to list it.

A table belongs to chats directly when it has a `chat_id` referring to `chats.id` (or one
marked `info={"owned_by_chat": True}` where no foreign key can be: the inbox stores an update
before its chat's row may exist), and through a parent when it refers to a directly owned
table (step events, through sessions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Column, Select, Table, select

from db.models import Base, Chat

CHATS: Table = Chat.__table__  # type: ignore[assignment]
_Q = TypeVar("_Q", bound=Select[Any])


@dataclass(frozen=True)
class Through:
    """A table whose rows belong to a chat through a parent row."""

    table: Table
    column: Column[int]  # in `table`, referring to the parent
    parent: Table
    parent_key: Column[int]


def direct() -> list[Table]:
    """Tables with a `chat_id` that refers to `chats.id`, in dependency order."""
    return [table for table in Base.metadata.sorted_tables if _refers_to_chats(table)]


def through() -> list[Through]:
    """Tables whose rows belong to a chat through a row of a directly owned table."""
    owned = set(direct())
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table in owned and table not in owned:
                found.append(Through(table, key.parent, key.column.table, key.column))
    return found


def every_table() -> list[Table]:
    """The chat's own row's table, then every table owned directly or through a parent."""
    return [CHATS, *direct(), *(owned.table for owned in through())]


def rows_of(
    table: Table, chat_id: int, people: frozenset[int] | None = None
) -> Select[tuple[object, ...]]:
    """SELECT of the chat's rows in `table`, ordered by primary key; with `people`, of rows
    that belong to a person (a column marked `info={"person": True}`, or a parent row with
    one) only theirs. Rows of the whole chat (its settings, reminder, rest days) stay in."""
    query = select(table).order_by(*table.primary_key.columns)
    if table is CHATS:
        return query.where(CHATS.c.id == chat_id)
    if table in direct():
        return _of_people(query.where(table.c.chat_id == chat_id), table, people)
    [owned] = [o for o in through() if o.table is table]
    return query.where(owned.column.in_(parent_keys(owned, chat_id, people)))


def parent_keys(owned: Through, chat_id: int, people: frozenset[int] | None = None) -> Select[int]:
    """The keys of the chat's parent rows that `owned` rows refer to (with `people`, theirs)."""
    query = select(owned.parent_key).where(owned.parent.c.chat_id == chat_id)
    return _of_people(query, owned.parent, people)


def person_column(table: Table) -> Column[int] | None:
    """The column naming the person a row of `table` belongs to, if it has one."""
    return next((column for column in table.columns if column.info.get("person")), None)


def _of_people(query: _Q, table: Table, people: frozenset[int] | None) -> _Q:
    column = person_column(table)
    return query if people is None or column is None else query.where(column.in_(people))


def _refers_to_chats(table: Table) -> bool:
    column = table.c.get("chat_id")
    if column is None:
        return False
    marked = bool(column.info.get("owned_by_chat"))
    return marked or any(key.column is CHATS.c.id for key in column.foreign_keys)
