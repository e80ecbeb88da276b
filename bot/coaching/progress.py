"""The numbers behind /progress, computed from a chat's stored history. No Telegram here."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from statistics import mean

from bot.coaching import localtime, preferences, streaks
from bot.coaching.plan import Prefs
from bot.content import Content
from db import repo
from db.database import Database
from db.models import Outcome, SessionStatus, StepEvent, WarmupSession


@dataclass(frozen=True)
class Day:
    """One day of the chart."""

    day: date
    sessions: int
    pain_before: float | None
    pain_after: float | None


@dataclass(frozen=True)
class Report:
    """Everything /progress shows."""

    sessions: int
    streak: int
    best_streak: int
    this_week: int
    weekly_target: int
    average_seconds: float | None
    completion_percent: int | None
    most_skipped: tuple[str, int] | None
    pain_change: float | None  # average of before minus after
    pain_checkins: int
    insights: list[Insight] = field(default_factory=list)
    levels: list[tuple[str, int, int]] = field(default_factory=list)  # name, level, of how many
    insight_min_sessions: int = 0  # check-ins before "what seems to help" speaks at all
    insight_min_each_way: int = 0
    days: list[Day] = field(default_factory=list)
    # The average pain before warm-ups in the last `trend_days`, and in as many days before.
    before_trend: tuple[float, float] | None = None
    trend_days: int = 0


@dataclass(frozen=True)
class Loaded:
    """A chat's rows that its progress is computed from, read in one transaction."""

    timezone: str
    weekly_target: int
    sessions: list[WarmupSession]
    events: list[StepEvent]
    prefs: Prefs
    rest: frozenset[date]


async def load(db: Database, *, chat_id: int, now: datetime) -> Loaded:
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        sessions = await repo.sessions_of(tx, chat_id)
        events = await repo.events_of(tx, chat_id)
        prefs = await preferences.load(tx, chat_id)
        rest = frozenset(await repo.rest_days(tx, chat_id))
    return Loaded(chat.timezone, chat.weekly_target, sessions, events, prefs, rest)


async def report(db: Database, content: Content, *, chat_id: int, now: datetime) -> Report:
    return of(content, await load(db, chat_id=chat_id, now=now), now)


def of(content: Content, loaded: Loaded, now: datetime) -> Report:
    """The report from a chat's loaded rows, with the level of each exercise that has them."""
    report = build(
        content,
        sessions=loaded.sessions,
        events=loaded.events,
        timezone=loaded.timezone,
        weekly_target=loaded.weekly_target,
        now=now,
        rest=loaded.rest,
    )
    full = preferences.shape(content, content.default_routine, loaded.prefs)
    levels = [
        (step.name, step.prescription.level, step.prescription.levels)
        for step in full.steps
        if step.prescription.level is not None and step.prescription.levels is not None
    ]
    return replace(report, levels=levels)


async def set_target(db: Database, *, chat_id: int, target: int, now: datetime) -> None:
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        await repo.set_weekly_target(tx, chat, target)


def build(
    content: Content,
    *,
    sessions: list[WarmupSession],
    events: list[StepEvent],
    timezone: str,
    weekly_target: int,
    now: datetime,
    rest: frozenset[date] = frozenset(),
) -> Report:
    """The report from rows already loaded; pure, so it is tested without a database."""
    today = localtime.local_today(timezone, now)
    completed = [s for s in sessions if s.status == SessionStatus.COMPLETED and s.finished_at]
    days = streaks.local_dates([s.finished_at for s in completed if s.finished_at], timezone)
    by_session = defaultdict(list)
    for event in events:
        by_session[event.session_id].append(event)
    begun = [s for s in sessions if s.status != SessionStatus.ACTIVE and by_session[s.id]]
    checked = [s for s in completed if s.pain_before is not None and s.pain_after is not None]
    return Report(
        sessions=len(completed),
        streak=streaks.current_streak(days, today, rest),
        best_streak=streaks.best_streak(days, rest),
        this_week=_this_week(completed, timezone, today),
        weekly_target=weekly_target,
        average_seconds=_average_duration(completed),
        completion_percent=round(100 * len(completed) / len(begun)) if begun else None,
        most_skipped=_most_skipped(content, events),
        pain_change=mean(_change(s) for s in checked) if checked else None,
        pain_checkins=len(checked),
        insights=_insights(content, checked, by_session),
        insight_min_sessions=content.rules.progress.insight_min_sessions,
        insight_min_each_way=content.rules.progress.insight_min_each_way,
        days=_days(completed, timezone, today, content.rules.progress.chart_days),
        before_trend=_before_trend(content, completed, now),
        trend_days=content.rules.progress.trend_days,
    )


def _before_trend(
    content: Content, completed: list[WarmupSession], now: datetime
) -> tuple[float, float] | None:
    """The average pain before warm-ups in the last `trend_days` and in the span before it,
    when each has enough check-ins."""
    rules = content.rules.progress
    span = timedelta(days=rules.trend_days)
    recent: list[int] = []
    earlier: list[int] = []
    for s in completed:
        if s.pain_before is None or s.finished_at is None:
            continue
        age = now - s.finished_at
        (recent if age <= span else earlier if age <= 2 * span else []).append(s.pain_before)
    if min(len(recent), len(earlier)) < rules.trend_min_each:
        return None
    return mean(recent), mean(earlier)


def _change(session: WarmupSession) -> float:
    assert session.pain_before is not None and session.pain_after is not None  # noqa: PT018
    return session.pain_before - session.pain_after


def _this_week(completed: list[WarmupSession], timezone: str, today: date) -> int:
    monday = streaks.week_start(today)
    return sum(
        1
        for s in completed
        if s.finished_at and monday <= localtime.local_today(timezone, s.finished_at) <= today
    )


def _average_duration(completed: list[WarmupSession]) -> float | None:
    durations = [
        (s.finished_at - s.started_at).total_seconds() for s in completed if s.finished_at
    ]
    return mean(durations) if durations else None


def _names(content: Content) -> dict[str, str]:
    return {step.id: step.name for r in content.routines.values() for step in r.steps}


def _most_skipped(content: Content, events: list[StepEvent]) -> tuple[str, int] | None:
    skipped = Counter(e.exercise_id for e in events if e.outcome == Outcome.SKIPPED)
    if not skipped:
        return None
    exercise, times = skipped.most_common(1)[0]
    return _names(content).get(exercise, exercise), times


@dataclass(frozen=True)
class Insight:
    """How much more the back eased in warm-ups with an exercise than in those without it."""

    name: str
    difference: float  # mean pain change with it, minus without it; positive: more relief
    with_it: int  # warm-ups with both check-ins in which it was done
    without_it: int  # ... and in which it was skipped


def _insights(
    content: Content,
    checked: list[WarmupSession],
    by_session: dict[int, list[StepEvent]],
) -> list[Insight]:
    """Exercises the data can tell apart: each done in some checked-in warm-ups and skipped
    in others, at least `insight_min_each_way` times each; the three largest differences.

    Someone who always does every exercise gets none: every exercise would show the same
    change, which says nothing about any of them.
    """
    least = content.rules.progress.insight_min_each_way
    done: dict[str, list[float]] = defaultdict(list)
    skipped: dict[str, list[float]] = defaultdict(list)
    for session in checked:
        events = by_session[session.id]
        did = {e.exercise_id for e in events if e.outcome == Outcome.DONE}
        # Skipped means left out: an exercise done on one side and skipped after still counts.
        left_out = {e.exercise_id for e in events if e.outcome == Outcome.SKIPPED} - did
        for exercise in did:
            done[exercise].append(_change(session))
        for exercise in left_out:
            skipped[exercise].append(_change(session))
    names = _names(content)
    found = [
        Insight(names.get(e, e), mean(done[e]) - mean(skipped[e]), len(done[e]), len(skipped[e]))
        for e in done
        if len(done[e]) >= least and len(skipped.get(e, [])) >= least
    ]
    return sorted(found, key=lambda insight: -insight.difference)[:3]


def _days(
    completed: list[WarmupSession], timezone: str, today: date, chart_days: int
) -> list[Day]:
    first = today - timedelta(days=chart_days - 1)
    per_day: dict[date, list[WarmupSession]] = defaultdict(list)
    for session in completed:
        if session.finished_at:
            day = localtime.local_today(timezone, session.finished_at)
            if day >= first:
                per_day[day].append(session)
    result = []
    for offset in range(chart_days):
        day = first + timedelta(days=offset)
        todays = per_day.get(day, [])
        before = [s.pain_before for s in todays if s.pain_before is not None]
        after = [s.pain_after for s in todays if s.pain_after is not None]
        result.append(
            Day(day, len(todays), mean(before) if before else None, mean(after) if after else None)
        )
    return result
