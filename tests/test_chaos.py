"""A short seeded chaos run (`tests/chaos.py`); `make soak` runs a long one."""

from __future__ import annotations

from pathlib import Path

from tests.chaos import Plan, run


async def test_a_short_chaotic_day_keeps_every_invariant(tmp_path: Path) -> None:
    """200 chats, faults from Telegram, one SIGTERM and one kill -9: every invariant holds."""
    report = await run(Plan(seconds=40, chats=200, seed=7, move_clock=True), tmp_path)
    assert report.updates > 500  # the run did something worth judging
    assert sum(report.faults.values()) > 20
    assert len(report.exits) == 2
    assert report.broken() == [], "\n".join(report.lines())
