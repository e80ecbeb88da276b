"""Streak arithmetic over calendar days in the chat's own timezone. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from bot.localtime import zone


def local_dates(moments: Iterable[datetime], timezone: str) -> set[date]:
    """The calendar days, in the chat's own timezone, on which these moments fell."""
    tz = zone(timezone)  # an IANA name or a fixed offset such as UTC+02:00
    return {moment.astimezone(tz).date() for moment in moments}


def current_streak(days: set[date], today: date) -> int:
    """Consecutive days with a completed warm-up, ending today.

    A streak that ended yesterday still counts until today is over: nobody loses a streak at
    breakfast because today's warm-up has not happened yet.
    """
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def best_streak(days: set[date]) -> int:
    """The longest run of consecutive days in `days`."""
    best = 0
    for day in days:
        if day - timedelta(days=1) in days:
            continue  # not the start of a run
        length = 1
        while day + timedelta(days=length) in days:
            length += 1
        best = max(best, length)
    return best


def week_start(today: date) -> date:
    """Monday of `today`'s week: weekly targets count Monday to Sunday."""
    return today - timedelta(days=today.weekday())
