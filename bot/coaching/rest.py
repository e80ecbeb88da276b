"""Rest days: a day off on purpose keeps a streak, at most one per calendar week.

Taken with /rest, or with a reminder's 🛌 Skip today. Days and weeks are the chat's own
(its timezone; weeks run Monday to Sunday, as the weekly target does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.coaching import localtime, streaks
from db import repo
from db.database import Database


@dataclass(frozen=True)
class Rest:
    """What asking for a rest day came to."""

    day: date
    taken: bool  # False: this week already has one (`day` is that one), or today has a warm-up
    warmed_up: bool = False  # today already has a finished warm-up: no rest day needed


async def take(db: Database, *, chat_id: int, now: datetime) -> Rest:
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now, lock=True)
        today = localtime.local_today(chat.timezone, now)
        completions = await repo.recent_completions(tx, chat_id)
        if today in streaks.local_dates(completions, chat.timezone):
            return Rest(today, taken=False, warmed_up=True)
        monday = streaks.week_start(today)
        this_week = sorted(
            d for d in await repo.rest_days(tx, chat_id) if monday <= d <= monday + timedelta(6)
        )
        if this_week and today not in this_week:
            return Rest(this_week[0], taken=False)
        await repo.add_rest_day(tx, chat_id, today)
        return Rest(today, taken=True)
