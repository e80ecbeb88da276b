"""The progress app's calendar and check-ins on plain rows: each day's state by the chat's own
local date, and which warm-ups count as check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.coaching import calendar
from bot.coaching.calendar import DayState
from db.models import SessionStatus, WarmupSession

DAY = date(2026, 6, 1)


def _session(
    status: SessionStatus,
    started: datetime,
    *,
    minutes: int = 10,
    before: int | None = None,
    after: int | None = None,
) -> WarmupSession:
    finished = started + timedelta(minutes=minutes) if status != SessionStatus.ACTIVE else None
    return WarmupSession(
        id=1,
        chat_id=1,
        routine_id="lower-back",
        status=status,
        started_at=started,
        finished_at=finished,
        pain_before=before,
        pain_after=after,
    )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def test_a_day_is_complete_over_partial_over_rest_over_none() -> None:
    """Four days: a finished warm-up beside a stopped one (complete), a stopped one on a rest
    day (partial), a rest day alone (rest), and nothing; a warm-up still under way counts for
    nothing yet."""
    sessions = [
        _session(SessionStatus.COMPLETED, _at(DAY, 7)),
        _session(SessionStatus.STOPPED, _at(DAY, 9)),
        _session(SessionStatus.ABANDONED, _at(DAY + timedelta(days=1), 8)),
        _session(SessionStatus.ACTIVE, _at(DAY + timedelta(days=3), 8)),
    ]
    rest = frozenset({DAY + timedelta(days=1), DAY + timedelta(days=2)})
    days = calendar.days(sessions, rest, "UTC", DAY, DAY + timedelta(days=3))
    assert [d.state for d in days] == [
        DayState.COMPLETE,
        DayState.PARTIAL,
        DayState.REST,
        DayState.NONE,
    ]
    assert [d.day for d in days] == [DAY + timedelta(days=n) for n in range(4)]


def test_days_are_the_chats_local_dates() -> None:
    """A warm-up finished at 23:30 UTC is the next day in Berlin (UTC+2 in June) and that day
    in New York; a stopped one counts on the day it began."""
    late = [_session(SessionStatus.COMPLETED, _at(DAY, 23, 20))]
    berlin = calendar.days(late, frozenset(), "Europe/Berlin", DAY, DAY + timedelta(days=1))
    new_york = calendar.days(late, frozenset(), "America/New_York", DAY, DAY + timedelta(days=1))
    assert [d.state for d in berlin] == [DayState.NONE, DayState.COMPLETE]
    assert [d.state for d in new_york] == [DayState.COMPLETE, DayState.NONE]
    stopped = [_session(SessionStatus.STOPPED, _at(DAY, 23, 50), minutes=30)]
    assert [d.state for d in calendar.days(stopped, frozenset(), "UTC", DAY, DAY)] == [
        DayState.PARTIAL
    ]


def test_checkins_are_finished_warmups_with_a_score() -> None:
    """A finished warm-up with either score is a check-in (the other may be missing); one
    without scores, or one stopped with a score, is not."""
    sessions = [
        _session(SessionStatus.COMPLETED, _at(DAY, 7), before=6, after=3),
        _session(SessionStatus.COMPLETED, _at(DAY, 8), before=5),
        _session(SessionStatus.COMPLETED, _at(DAY, 9)),
        _session(SessionStatus.STOPPED, _at(DAY, 10), before=4),
    ]
    found = calendar.checkins(sessions, "UTC")
    assert [(c.before, c.after) for c in found] == [(6, 3), (5, None)]
    assert [c.at for c in found] == [_at(DAY, 7, 10), _at(DAY, 8, 10)]
