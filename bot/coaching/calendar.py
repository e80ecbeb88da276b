"""A chat's warm-ups day by day, and its check-ins one by one: what the Mini App shows.

Pure, over the rows `progress.load` reads for the report.
A day is `complete` if a warm-up finished on it, else `partial` if one was begun and left
(stopped, or given up on), else `rest` if the chat took it as a rest day, else `none`; days
are the chat's own local dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.coaching import localtime
from bot.coaching.progress import Loaded
from bot.content import Content
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


def history(content: Content, loaded: Loaded, now: datetime) -> History:
    """The chat's last `progress.chart_days` days and the check-ins within them."""
    today = localtime.local_today(loaded.timezone, now)
    first = today - timedelta(days=content.rules.progress.chart_days - 1)
    return History(
        days(loaded.sessions, loaded.rest, loaded.timezone, first, today),
        [c for c in checkins(loaded.sessions, loaded.timezone) if c.day >= first],
    )


def days(
    sessions: list[WarmupSession], rest: frozenset[date], timezone: str, first: date, last: date
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
