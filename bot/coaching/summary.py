"""What a finished warm-up achieved: steps done and skipped, time, sessions, streak, milestones.

Read inside the transaction that finished it, so the summary and the milestones it celebrates
agree with what was just written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import streaks
from bot.content import Routine
from db import repo


@dataclass(frozen=True)
class Summary:
    """What a finished warm-up achieved."""

    session_id: int
    routine: Routine
    done: int
    skipped: list[str]
    seconds: float
    sessions: int
    streak: int
    milestones: list[str]  # reached with this warm-up, each for the first time
    pain_before: int | None = None
    pain_after: int | None = None


# Streak lengths worth a word, with the milestone key each earns.
STREAK_MILESTONES = ((30, "streak_30"), (7, "streak_7"), (3, "streak_3"))


async def summarize(
    tx: AsyncSession, warmup: repo.Warmup, routine: Routine, now: datetime, *, celebrate: bool
) -> Summary:
    """What the finished warm-up achieved; with `celebrate`, milestones it reached first."""
    done = await repo.steps_done(tx, warmup.id)
    timezone = await repo.chat_timezone(tx, warmup.chat_id)
    days = streaks.local_dates(await repo.recent_completions(tx, warmup.chat_id), timezone)
    today = streaks.local_dates([now], timezone).pop()
    sessions = await repo.completed_count(tx, warmup.chat_id)
    streak = streaks.current_streak(
        days, today, frozenset(await repo.rest_days(tx, warmup.chat_id))
    )
    reached = []
    if celebrate:
        candidates = ["first"] if sessions == 1 else []
        candidates += [key for length, key in STREAK_MILESTONES if streak >= length]
        reached = await repo.add_milestones(tx, warmup.chat_id, candidates, now)
    return Summary(
        session_id=warmup.id,
        routine=routine,
        done=len(done),
        skipped=[step.name for i, step in enumerate(routine.steps) if i not in done],
        seconds=((warmup.finished_at or now) - warmup.started_at).total_seconds(),
        sessions=sessions,
        streak=streak,
        milestones=reached,
        pain_before=warmup.pain_before,
        pain_after=warmup.pain_after,
    )
