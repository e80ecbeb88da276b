"""The budget that thins countdown edits when many holds run at once."""

from __future__ import annotations

from bot.pacing import Budget


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_budget_allows_its_rate_at_once_then_refills_with_time() -> None:
    clock = Ticks()
    budget = Budget(3, clock)
    assert [budget.take() for _ in range(5)] == [True, True, True, False, False]
    clock.now += 0.34  # a third of a second buys one more
    assert [budget.take(), budget.take()] == [True, False]
    clock.now += 60  # a long quiet spell does not bank more than one second's worth
    assert [budget.take() for _ in range(4)] == [True, True, True, False]


def test_a_budget_spread_over_time_keeps_its_average() -> None:
    clock = Ticks()
    budget = Budget(10, clock)
    granted = 0
    for _ in range(1000):  # 100 requests a second for 10 seconds
        clock.now += 0.01
        granted += budget.take()
    assert 100 <= granted <= 110  # 10 a second, plus the first second's allowance
