"""Progress arithmetic on plain rows: streaks across local midnight, weeks, averages, insight."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.coaching import progress
from bot.coaching.streaks import best_streak, current_streak, local_dates, week_start
from bot.config import PROJECT_ROOT
from bot.content import Content, load_content
from bot.drawing import chart
from db.models import Outcome, SessionStatus, StepEvent, WarmupSession


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(PROJECT_ROOT / "content")


def _session(
    session_id: int, finished: datetime, *, before: int | None = None, after: int | None = None
) -> WarmupSession:
    return WarmupSession(
        id=session_id,
        chat_id=1,
        routine_id="lower-back",
        status=SessionStatus.COMPLETED,
        started_at=finished - timedelta(minutes=10),
        finished_at=finished,
        pain_before=before,
        pain_after=after,
    )


def _event(session_id: int, exercise: str, outcome: Outcome) -> StepEvent:
    return StepEvent(
        session_id=session_id,
        exercise_id=exercise,
        step=0,
        set_number=1,
        outcome=outcome,
        at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_warmups_either_side_of_local_midnight_are_two_days() -> None:
    """23:50 and 00:10 in Berlin are consecutive days there, one day in UTC the day before."""
    late = datetime(2026, 1, 10, 22, 50, tzinfo=UTC)  # 23:50 in Berlin
    early = datetime(2026, 1, 10, 23, 10, tzinfo=UTC)  # 00:10 on the 11th in Berlin
    berlin = local_dates([late, early], "Europe/Berlin")
    assert current_streak(berlin, date(2026, 1, 11)) == 2
    assert current_streak(local_dates([late, early], "UTC"), date(2026, 1, 10)) == 1


def test_the_same_moments_can_be_one_day_or_two_depending_on_the_zone() -> None:
    """The same two moments fall on one day or two depending on the zone."""
    moments = [datetime(2026, 1, 10, 4, 0, tzinfo=UTC), datetime(2026, 1, 10, 6, 0, tzinfo=UTC)]
    assert len(local_dates(moments, "America/New_York")) == 2  # 23:00 and 01:00 there
    assert len(local_dates(moments, "UTC+02:00")) == 1


def test_best_streak_is_the_longest_run() -> None:
    """The best streak is the longest run of consecutive days."""
    days = {date(2026, 2, d) for d in (1, 2, 3, 10, 11, 12, 13, 20)}
    assert best_streak(days) == 4
    assert best_streak(set()) == 0


def test_weeks_start_on_monday() -> None:
    """A week starts on Monday."""
    assert week_start(date(2026, 6, 7)) == date(2026, 6, 1)  # a Sunday
    assert week_start(date(2026, 6, 8)) == date(2026, 6, 8)


def test_the_report_counts_this_week_against_the_target(content: Content) -> None:
    """The report counts this week's warm-ups, streaks and average time."""
    now = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)  # Wednesday
    sessions = [
        _session(1, datetime(2026, 5, 31, 9, 0, tzinfo=UTC)),  # last Sunday
        _session(2, datetime(2026, 6, 1, 9, 0, tzinfo=UTC)),
        _session(3, datetime(2026, 6, 3, 9, 0, tzinfo=UTC)),
    ]
    report = progress.build(
        content, sessions=sessions, events=[], timezone="UTC", weekly_target=4, now=now
    )
    assert (report.this_week, report.weekly_target) == (2, 4)
    assert (report.streak, report.best_streak) == (1, 2)
    assert report.average_seconds == 600
    assert len(report.days) == content.rules.progress.chart_days == 42
    assert report.days[-1] == progress.Day(date(2026, 6, 3), 1, None, None)


def test_pain_change_uses_only_warmups_with_both_check_ins(content: Content) -> None:
    """Pain change counts only warm-ups with both check-ins; the most skipped exercise is named."""
    base = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    sessions = [_session(i, base + timedelta(days=i), before=6, after=2) for i in range(5)]
    sessions.append(_session(9, base + timedelta(days=9), before=6))  # no after: left out
    events = [_event(i, "psoas-stretch", Outcome.DONE) for i in range(5)]
    events += [_event(i, "tfl-foam-roll", Outcome.SKIPPED) for i in range(2)]
    report = progress.build(
        content,
        sessions=sessions,
        events=events,
        timezone="UTC",
        weekly_target=5,
        now=base + timedelta(days=9),
    )
    assert (report.pain_change, report.pain_checkins) == (4, 5)
    assert report.most_skipped == ("Outer-hip foam roll (TFL)", 2)


def test_an_exercise_always_done_cannot_be_told_apart(content: Content) -> None:
    """Someone who always does all eight: every exercise shows the same change, so none is
    named as helping."""
    base = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    sessions = [_session(i, base + timedelta(days=i), before=6, after=2) for i in range(10)]
    steps = content.default_routine.steps
    events = [_event(i, step.id, Outcome.DONE) for i in range(10) for step in steps]
    report = progress.build(
        content, sessions=sessions, events=events, timezone="UTC", weekly_target=5, now=base
    )
    assert report.insights == []


def test_the_before_score_trend_compares_the_last_two_weeks_with_the_two_before(
    content: Content,
) -> None:
    """The pain before warm-ups, averaged over the last 14 days and the 14 before (two or more
    check-ins in each), what someone who always does every exercise can see change; with
    fewer, or none before the last 14 days, no trend."""
    now = datetime(2026, 6, 29, 9, 0, tzinfo=UTC)
    earlier = [_session(i, now - timedelta(days=20 + i), before=6) for i in range(3)]
    recent = [
        _session(10 + i, now - timedelta(days=2 + i), before=b) for i, b in enumerate((3, 4))
    ]
    old = [_session(20, now - timedelta(days=40), before=9)]  # past both spans: not counted

    def trend(sessions: list[WarmupSession]) -> tuple[float, float] | None:
        return progress.build(
            content, sessions=sessions, events=[], timezone="UTC", weekly_target=5, now=now
        ).before_trend

    assert trend(earlier + recent + old) == (3.5, 6)
    assert trend(earlier[:1] + recent) is None
    assert trend(recent + old) is None


def test_an_exercise_done_and_skipped_often_enough_is_compared(content: Content) -> None:
    """Psoas done in 5 warm-ups (pain 6 → 2) and skipped in 5 (6 → 5): 3 points more relief.
    The quads roll, skipped only 4 times, is not compared."""
    base = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    sessions = [_session(i, base + timedelta(days=i), before=6, after=2) for i in range(5)]
    sessions += [_session(i, base + timedelta(days=i), before=6, after=5) for i in range(5, 10)]
    events = [_event(i, "psoas-stretch", Outcome.DONE) for i in range(5)]
    events += [_event(i, "psoas-stretch", Outcome.DONE) for i in range(5)]  # the other side
    events += [_event(i, "psoas-stretch", Outcome.SKIPPED) for i in range(5, 10)]
    events += [_event(i, "quads-foam-roll", Outcome.DONE) for i in range(6)]
    events += [_event(i, "quads-foam-roll", Outcome.SKIPPED) for i in range(6, 10)]
    report = progress.build(
        content, sessions=sessions, events=events, timezone="UTC", weekly_target=5, now=base
    )
    assert report.insights == [progress.Insight("Seated hip-flexor stretch (psoas)", 3, 5, 5)]


def test_no_insight_from_too_little_data(content: Content) -> None:
    """Too few checked-in warm-ups give no insight."""
    base = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    sessions = [_session(i, base + timedelta(days=i), before=5, after=3) for i in range(4)]
    events = [_event(i, "psoas-stretch", Outcome.DONE) for i in range(4)]
    report = progress.build(
        content, sessions=sessions, events=events, timezone="UTC", weekly_target=5, now=base
    )
    assert report.insights == []


def test_the_chart_has_one_axis_per_panel_and_tells_before_from_after_by_shape(
    content: Content,
) -> None:
    """Each chart panel has one y axis; before is hollow circles, after filled squares."""
    days = [progress.Day(date(2026, 6, 1) + timedelta(days=i), 1, 6, 3) for i in range(42)]
    figure = chart.draw(days, content.texts.progress)
    pain, sessions = figure.axes
    assert len(figure.axes) == 2  # no second y axis sharing a panel
    markers = {
        line.get_label(): (line.get_marker(), line.get_markerfacecolor()) for line in pain.lines
    }
    assert markers["before"] == ("o", "none")  # hollow circles
    assert markers["after"][0] == "s"  # filled squares
    assert markers["after"][1] != "none"
    assert pain.get_ylim() == (-0.5, 10.5)
    assert len(sessions.patches) == 42
