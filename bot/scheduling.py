"""The only module that touches the scheduler (PTB's JobQueue, which is APScheduler).

Jobs are named `hold:<session>` and `hold-tick:<session>`, and the name is also the job's id in
APScheduler: scheduling a name replaces any job of that name, so scheduling the same thing twice
(a restart, a retry) never doubles it, and finding or cancelling one is a lookup by id rather
than a scan of every job (PTB's `get_jobs_by_name` walks them all, which with hundreds of holds
running made each start and end cost time in proportion to the number of holds).
Delays, not wall-clock times, are passed in: the bot's own clock decides what is due, and the
scheduler only wakes it up.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import Job, JobQueue

from bot.context import CoachContext

Jobs = JobQueue[CoachContext]
JobCallback = Callable[[CoachContext], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class HoldJob:
    """What a hold job needs to find its countdown again."""

    session_id: int
    chat_id: int
    ends_at: datetime


def hold_name(session_id: int) -> str:
    return f"hold:{session_id}"


def tick_name(session_id: int) -> str:
    return f"hold-tick:{session_id}"


def schedule_hold(
    jobs: Jobs,
    hold: HoldJob,
    *,
    due_in: timedelta,
    tick_every: timedelta,
    on_end: JobCallback,
    on_tick: JobCallback,
) -> None:
    """Wake `on_end` when the hold is due and `on_tick` at a coarse pace until then."""
    cancel_hold(jobs, hold.session_id)
    jobs.run_once(
        on_end,
        max(due_in, timedelta(0)),
        data=hold,
        name=hold_name(hold.session_id),
        chat_id=hold.chat_id,
        # A hold's end is never dropped, however late the loop gets to it.
        job_kwargs=_never_misfire() | _identified(hold_name(hold.session_id)),
    )
    if due_in > tick_every:
        jobs.run_repeating(
            on_tick,
            interval=tick_every,
            first=tick_every,
            data=hold,
            name=tick_name(hold.session_id),
            chat_id=hold.chat_id,
            job_kwargs=_identified(tick_name(hold.session_id)),
        )


def cancel_hold(jobs: Jobs, session_id: int) -> None:
    """Remove a session's hold jobs, if any."""
    _cancel(jobs, hold_name(session_id))
    _cancel(jobs, tick_name(session_id))


def cancel_ticks(jobs: Jobs, session_id: int) -> None:
    _cancel(jobs, tick_name(session_id))


def _cancel(jobs: Jobs, name: str) -> None:
    if (scheduled := jobs.scheduler.get_job(name)) is not None:
        Job.from_aps_job(scheduled).schedule_removal()


def _identified(name: str) -> dict[str, Any]:
    return {"id": name, "replace_existing": True}


REMINDER_TICK = "reminders"


def schedule_reminder_tick(jobs: Jobs, on_tick: JobCallback, *, now: datetime) -> None:
    """One job for all reminders, on every minute: due ones are claimed from the database.

    One job instead of one per chat keeps start-up time and memory flat in the user count,
    and the database claim makes it safe to run on several instances at once.
    """
    for job in jobs.get_jobs_by_name(REMINDER_TICK):
        job.schedule_removal()
    to_next_minute = timedelta(seconds=60 - now.second, microseconds=-now.microsecond)
    jobs.run_repeating(
        on_tick,
        interval=timedelta(minutes=1),
        first=to_next_minute,
        name=REMINDER_TICK,
        # A tick still sending a burst delays the next rather than running beside it.
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": 30},
    )


def _never_misfire() -> dict[str, Any]:
    return {"misfire_grace_time": None, "coalesce": True}
