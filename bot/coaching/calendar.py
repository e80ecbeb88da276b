"""A chat's warm-ups day by day, and its check-ins one by one: what the Mini App shows.

Pure over rows already loaded, like `progress.build`, with one read (`history`) around it.
A day is `complete` if a warm-up finished on it, else `partial` if one was begun and left
(stopped, or given up on), else `rest` if the chat took it as a rest day, else `none`; days
are the chat's own local dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.coaching import localtime
from bot.content import Content
from db import repo
from db.database import Database
from db.models import SessionStatus, WarmupSession


class DayState(StrEnum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    REST = "rest"
    NONE = "none"


@dataclass(frozen=True)
class CalendarDay:
    day: date
    state: DayState


@dataclass(frozen=True)
class Checkin:
    """One finished warm-up's pain before and after (either may be missing)."""

    day: date
    at: datetime
    before: int | None
    after: int | None


@dataclass(frozen=True)
class History:
    days: list[CalendarDay]
    checkins: list[Checkin]


async def history(db: Database, content: Content, *, chat_id: int, now: datetime) -> History:
    """The chat's last `progress.chart_days` days and the check-ins within them."""
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        sessions = await repo.sessions_of(tx, chat_id)
        rest = await repo.rest_days(tx, chat_id)
    timezone = chat.timezone
    today = localtime.local_today(timezone, now)
    first = today - timedelta(days=content.rules.progress.chart_days - 1)
    return History(
        days(sessions, rest, timezone, first, today),
        [c for c in checkins(sessions, timezone) if c.day >= first],
    )


def days(
    sessions: list[WarmupSession], rest: set[date], timezone: str, first: date, last: date
) -> list[CalendarDay]:
    """Each day from `first` to `last`, with what happened on it."""
    complete, partial = set(), set()
    for session in sessions:
        if session.status == SessionStatus.COMPLETED and session.finished_at is not None:
            complete.add(localtime.local_today(timezone, session.finished_at))
        elif session.status != SessionStatus.ACTIVE:
            partial.add(localtime.local_today(timezone, session.started_at))
    found = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if day in complete:
            state = DayState.COMPLETE
        elif day in partial:
            state = DayState.PARTIAL
        else:
            state = DayState.REST if day in rest else DayState.NONE
        found.append(CalendarDay(day, state))
    return found


def checkins(sessions: list[WarmupSession], timezone: str) -> list[Checkin]:
    """Every finished warm-up with a pain score before or after it, oldest first."""
    return [
        Checkin(
            localtime.local_today(timezone, session.finished_at),
            session.finished_at,
            session.pain_before,
            session.pain_after,
        )
        for session in sessions
        if session.status == SessionStatus.COMPLETED
        and session.finished_at is not None
        and (session.pain_before is not None or session.pain_after is not None)
    ]
