"""Streak arithmetic over calendar days in the chat's own timezone. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from bot.coaching.localtime import zone


def local_dates(moments: Iterable[datetime], timezone: str) -> set[date]:
    """The calendar days, in the chat's own timezone, on which these moments fell."""
    tz = zone(timezone)  # an IANA name or a fixed offset such as UTC+02:00
    return {moment.astimezone(tz).date() for moment in moments}


def current_streak(days: set[date], today: date, rest: frozenset[date] = frozenset()) -> int:
    """Consecutive days with a completed warm-up, ending today. A rest day in between keeps
    the streak without adding to it.

    A streak that ended yesterday still counts until today is over: nobody loses a streak at
    breakfast because today's warm-up has not happened yet.
    """
    day = today if today in days or today in rest else today - timedelta(days=1)
    streak = 0
    while day in days or day in rest:
        streak += day in days
        day -= timedelta(days=1)
    return streak


def best_streak(days: set[date], rest: frozenset[date] = frozenset()) -> int:
    """The longest run of warm-up days in `days`, rest days bridging without counting."""
    kept = days | rest
    best = 0
    for day in kept:
        if day - timedelta(days=1) in kept:
            continue  # not the start of a run
        length, offset = 0, 0
        while day + timedelta(days=offset) in kept:
            length += day + timedelta(days=offset) in days
            offset += 1
        best = max(best, length)
    return best


def week_start(today: date) -> date:
    """Monday of `today`'s week: weekly targets count Monday to Sunday."""
    return today - timedelta(days=today.weekday())
