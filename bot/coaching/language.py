"""Which language a chat is spoken to in: the stored choice, Telegram's, and the default.

A person's own choice (/language, /settings, the Mini App) comes first, then the language
their Telegram app says (`language_code`, on every update), then the default (the first of
`rules.yaml`'s languages). A group has a choice of its own for what everyone there reads; a
person's own warm-up in it speaks theirs, recorded on the warm-up when it starts.
"""

from __future__ import annotations

from bot.content import Content
from bot.content.speaking import choose
from db import repo
from db.database import Database

# Telegram's codes are short ("ru", "es-419"); a longer one is kept cut, never refused.
LONGEST_CODE = 8


async def stored(db: Database, chat_id: int, *, telegram: str | None = None) -> repo.Stored:
    """The chat's stored languages; `telegram`, the app's language just seen in a private
    chat, is recorded when it changed, for the messages sent later without an update."""
    seen = telegram[:LONGEST_CODE] if telegram else None
    # In the writer's queue, like the update's own transaction after it: under a flood of
    # updates, this read beside the writer cost the taps a quarter of their rate
    # (docs/PERFORMANCE.md, 5 December: the languages).
    async with db.transaction() as tx:
        found = await repo.chat_language(tx, chat_id)
        if found is not None and seen and seen != found.telegram:
            await repo.saw_telegram_language(tx, chat_id, seen)
            found = found._replace(telegram=seen)
    return found or repo.Stored()


def spoken(content: Content, languages: repo.Stored, *, private: bool) -> str:
    """What a chat is spoken to in when no person's update says otherwise (a reminder, a
    setting's page): a private chat's person's language, a group's own choice."""
    telegram = languages.telegram if private else None
    return choose(content.rules.languages.offered, languages.chosen, telegram)


async def of_chat(db: Database, content: Content, chat_id: int) -> str:
    return spoken(content, await stored(db, chat_id), private=chat_id > 0)


async def set_language(db: Database, chat_id: int, code: str, *, person: int | None) -> None:
    """The chat's choice; in a private chat (`person` None) its running warm-up's too, from
    its next message. A group's choice leaves a person's warm-up in their own language."""
    async with db.transaction() as tx:
        await repo.set_chat_language(tx, chat_id, code)
        if chat_id > 0:
            await repo.set_warmup_language(tx, chat_id, code, started_by=person)
