"""The routine state machine and progress arithmetic, as pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.chat.render import format_duration
from bot.coaching import coach
from bot.coaching.coach import Action, Cursor, Side
from bot.coaching.streaks import current_streak, local_dates
from bot.config import PROJECT_ROOT
from bot.content import Routine, load_content

LEFT, RIGHT = Side.LEFT, Side.RIGHT


@pytest.fixture(scope="module")
def routine() -> Routine:
    return load_content(PROJECT_ROOT / "content").default_routine


def _walk(routine: Routine, actions: list[Action]) -> list[Cursor | None]:
    cursor: Cursor | None = coach.first(routine)
    visited: list[Cursor | None] = [cursor]
    for action in actions:
        assert cursor is not None
        cursor = coach.advance(routine, cursor, action)
        visited.append(cursor)
    return visited


def test_per_side_exercises_go_left_then_right(routine: Routine) -> None:
    """An exercise done per side visits the left side, then the right."""
    assert coach.sub_steps(0, routine.steps[0]) == [Cursor(0, 1, LEFT), Cursor(0, 1, RIGHT)]


def test_exercises_with_a_range_of_sets_guide_the_top_of_the_range(routine: Routine) -> None:
    """Where the source gives 2-3 sets, all three are guided."""
    assert coach.sub_steps(1, routine.steps[1]) == [Cursor(1, 1), Cursor(1, 2), Cursor(1, 3)]
    assert len(coach.sub_steps(7, routine.steps[7])) == 4


def test_done_advances_exactly_one_sub_step(routine: Routine) -> None:
    """Done moves on by one side or one set, never more."""
    visited = _walk(routine, [Action.DONE] * 3)
    assert visited == [Cursor(0, 1, LEFT), Cursor(0, 1, RIGHT), Cursor(1, 1), Cursor(1, 2)]


def test_skip_moves_to_the_next_exercise(routine: Routine) -> None:
    """Skip leaves out the rest of the exercise, sides and sets included."""
    assert coach.advance(routine, Cursor(0, 1, LEFT), Action.SKIP) == Cursor(1, 1)
    assert coach.advance(routine, Cursor(1, 2), Action.SKIP) == Cursor(2, 1, LEFT)


def test_the_routine_ends_after_the_last_sub_step(routine: Routine) -> None:
    """Done on the last sub-step finishes the routine."""
    visited = _walk(routine, [Action.DONE] * 18)
    assert visited[-2] == Cursor(7, 4)
    assert visited[-1] is None
    assert coach.advance(routine, Cursor(7, 2), Action.SKIP) is None


@pytest.mark.parametrize(
    ("cursor", "valid"),
    [
        (Cursor(0, 1, LEFT), True),
        (Cursor(0, 1), False),  # a per-side exercise always has a side
        (Cursor(1, 1, LEFT), False),
        (Cursor(1, 4), False),
        (Cursor(8, 1), False),
        (Cursor(-1, 1), False),
    ],
)
def test_only_positions_the_routine_has_are_valid(
    routine: Routine, cursor: Cursor, valid: bool
) -> None:
    """A cursor outside the routine's exercises, sets or sides is not valid."""
    assert coach.is_valid(routine, cursor) is valid


def test_only_the_first_sub_step_of_an_exercise_repeats_the_instructions() -> None:
    """Full instructions show on an exercise's first sub-step only."""
    assert coach.is_first_of_step(Cursor(0, 1, LEFT))
    assert coach.is_first_of_step(Cursor(1, 1))
    assert not coach.is_first_of_step(Cursor(0, 1, RIGHT))
    assert not coach.is_first_of_step(Cursor(1, 2))


def test_streak_counts_back_from_today_or_yesterday() -> None:
    """A streak counts consecutive days ending today, or yesterday while today is young."""
    days = {date(2026, 5, d) for d in (1, 3, 4, 5)}
    assert current_streak(days, date(2026, 5, 5)) == 3
    assert current_streak(days, date(2026, 5, 6)) == 3  # today's warm-up may still come
    assert current_streak(days, date(2026, 5, 7)) == 0
    assert current_streak(set(), date(2026, 5, 7)) == 0


def test_local_dates_use_the_chats_timezone() -> None:
    """Moments fall on calendar days in the chat's own timezone."""
    late_utc = datetime(2026, 5, 1, 23, 30, tzinfo=UTC)
    assert local_dates([late_utc], "UTC") == {date(2026, 5, 1)}
    assert local_dates([late_utc], "Europe/Berlin") == {date(2026, 5, 2)}
    assert local_dates([late_utc], "America/New_York") == {date(2026, 5, 1)}


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (59.6, "1 min"), (45, "45 s"), (380, "6 min 20 s"), (3720, "1 h 02 min")],
)
def test_durations_read_at_a_glance(seconds: float, text: str) -> None:
    """Durations print as seconds, minutes or hours, whichever reads at a glance."""
    texts = load_content(PROJECT_ROOT / "content").language("en").texts
    assert format_duration(texts, seconds) == text
