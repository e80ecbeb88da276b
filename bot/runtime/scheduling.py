"""The only module that touches the scheduler (PTB's JobQueue, which is APScheduler).

`bot/app.py` builds one `Schedule` with the callback of every job kind; everything else asks
it to schedule or cancel. Jobs are named `hold:<session>`, `hold-tick:<session>` and
`show-again:<session>`, and the name is also the job's id in APScheduler: scheduling a name
replaces any job of that name, so scheduling the same thing twice (a restart, a retry) never
doubles it, and finding or cancelling one is a lookup by id rather than a scan of every job
(PTB's `get_jobs_by_name` walks them all, which with hundreds of holds running made each start
and end cost time in proportion to the number of holds). Delays, not wall-clock times, are
passed in: the bot's own clock decides what is due, and the scheduler only wakes it up.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from telegram.ext import Job, JobQueue

from bot.coaching.coach import Cursor

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

JobCallback = Callable[["CoachContext"], Coroutine[Any, Any, None]]

REMINDER_TICK = "reminders"
INBOX_PURGE = "inbox"
INBOX_ADOPT = "inbox-adopt"


@dataclass(frozen=True)
class HoldJob:
    """What a hold job needs to find its countdown again."""

    session_id: int
    chat_id: int
    ends_at: datetime


@dataclass(frozen=True)
class ShowAgainJob:
    """A step whose message could not be sent: who to show it to, at which position."""

    session_id: int
    chat_id: int
    cursor: Cursor
    lead: str  # what the failed message led with ("Time's up: ...")
    attempt: int = 1


def hold_name(session_id: int) -> str:
    return f"hold:{session_id}"


def tick_name(session_id: int) -> str:
    return f"hold-tick:{session_id}"


def show_again_name(session_id: int) -> str:
    return f"show-again:{session_id}"


@dataclass(frozen=True)
class Schedule:
    """Every kind of scheduled job, with the callback each runs."""

    queue: JobQueue[CoachContext]
    hold_end: JobCallback  # `hold:<session>`: the hold's time is up
    hold_tick: JobCallback  # `hold-tick:<session>`: the countdown shows the time left
    reminder_tick: JobCallback  # `reminders`, every minute: deliver the reminders due
    show_again: JobCallback  # `show-again:<session>`: a step whose message failed, once more
    inbox_purge: JobCallback  # `inbox`, hourly: forget updates handled a day ago
    inbox_adopt: JobCallback  # `inbox-adopt`: this instance is live; handle what others left

    def hold(self, hold: HoldJob, *, due_in: timedelta, tick_every: timedelta) -> None:
        """Wake `hold_end` when the hold is due and `hold_tick` at a coarse pace until then."""
        self.cancel_hold(hold.session_id)
        name = hold_name(hold.session_id)
        self.queue.run_once(
            self.hold_end,
            max(due_in, timedelta(0)),
            data=hold,
            name=name,
            chat_id=hold.chat_id,
            # A hold's end is never dropped, however late the loop gets to it.
            job_kwargs={"misfire_grace_time": None, "coalesce": True} | _identified(name),
        )
        if due_in > tick_every:
            name = tick_name(hold.session_id)
            self.queue.run_repeating(
                self.hold_tick,
                interval=tick_every,
                first=tick_every,
                data=hold,
                name=name,
                chat_id=hold.chat_id,
                job_kwargs=_identified(name),
            )

    def cancel_hold(self, session_id: int) -> None:
        """Remove a session's hold jobs, if any."""
        self._cancel(hold_name(session_id))
        self._cancel(tick_name(session_id))

    def cancel_ticks(self, session_id: int) -> None:
        self._cancel(tick_name(session_id))

    def show_step_again(self, job: ShowAgainJob, *, due_in: timedelta) -> None:
        """Try again, after `due_in`, to send a step whose message Telegram did not take."""
        name = show_again_name(job.session_id)
        self.queue.run_once(
            self.show_again,
            due_in,
            data=job,
            name=name,
            chat_id=job.chat_id,
            job_kwargs={"misfire_grace_time": None} | _identified(name),
        )

    def reminders(self, *, now: datetime) -> None:
        """One job for all reminders, on every minute: due ones are claimed from the database.

        One job instead of one per chat keeps start-up time and memory flat in the user count,
        and the database claim makes it safe to run on several instances at once.
        """
        for job in self.queue.get_jobs_by_name(REMINDER_TICK):
            job.schedule_removal()
        to_next_minute = timedelta(seconds=60 - now.second, microseconds=-now.microsecond)
        self.queue.run_repeating(
            self.reminder_tick,
            interval=timedelta(minutes=1),
            first=to_next_minute,
            name=REMINDER_TICK,
            # A tick still sending a burst delays the next rather than running beside it.
            job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": 30},
        )

    def inbox_adopt_every(self, every: timedelta) -> None:
        self.queue.run_repeating(
            self.inbox_adopt,
            interval=every,
            first=every,
            name=INBOX_ADOPT,
            job_kwargs={"max_instances": 1, "coalesce": True} | _identified(INBOX_ADOPT),
        )

    def inbox_purge_hourly(self) -> None:
        self.queue.run_repeating(
            self.inbox_purge,
            interval=timedelta(hours=1),
            first=timedelta(minutes=1),
            name=INBOX_PURGE,
            job_kwargs={"max_instances": 1, "coalesce": True} | _identified(INBOX_PURGE),
        )

    def _cancel(self, name: str) -> None:
        if (scheduled := self.queue.scheduler.get_job(name)) is not None:
            Job.from_aps_job(scheduled).schedule_removal()


def _identified(name: str) -> dict[str, Any]:
    return {"id": name, "replace_existing": True}
