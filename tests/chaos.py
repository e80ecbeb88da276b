"""A simulated day under chaos: many chats using the real `python -m bot` while Telegram
misbehaves and the bot is stopped once and killed once.

The fake Bot API server refuses calls with 429 and 5xx, loses some (no answer in time, no
effect) and answers some late. People warm up, start holds, answer check-ins and ask for
/progress and /help; some set a daily reminder for a minute during the run. Midway the bot gets
SIGTERM and, later, kill -9, and is restarted each time. At the end these must hold, read from
the database and from the server's record:

- no update Telegram counts as delivered is lost (each is handled, or waits in the inbox);
- no step is recorded twice; no reminder is sent twice or lost;
- every button press is answered;
- no chat waits more than 2 s for the bot's first answer (outside the stop and restart);
- the bot exits within 10 s of SIGTERM; the token is in none of its output.

`make test` runs a short seeded run (tests/test_chaos.py); `make soak` a long one:
`python -m tests.chaos --minutes 10`. The short run moves the bot's wall clock ahead by under a
minute (tests/clock_shift.py), so that the reminders' minute comes as soon as the plan allows
rather than whenever the real one does.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import os
import random
import signal
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from bot.config import PROJECT_ROOT
from db.database import Database
from tests.clock_shift import SHIFT
from tests.fake_telegram import FakeTelegram, Fault, Message
from tests.harness import TOKEN, sqlite_url
from tests.processes import bot_env, until

# A 429 holds every request of the bot for its retry_after (as PTB's rate limiter does, and
# as Telegram asks): at these odds a few a minute, as a bot meets them near its limits.
FAULT_ODDS = {"429": 0.001, "5xx": 0.02, "lost": 0.01, "slow": 0.05}
BOT_TIMEOUT_SECONDS = 2  # the bot's own per-call timeout in the run; a lost call outlasts it
WORST_WAIT_SECONDS = 2.0
EXIT_WITHIN_SECONDS = 10.0
REMINDER_TEXT = "⏰ Time for your warm-up"
PROBES = 10
RETRY_AFTER_SECONDS = 1.2  # the injected 429's retry_after, and PTB's margin on it
# After a restart the bot works through the updates that piled up while it was down (a few
# seconds of 200 chats); a wait then is the restart's, not another chat's.
CATCH_UP_SECONDS = 5.0
# With a moved clock: the seconds from the start of the run (before the bot's first start) to
# the reminders' minute, beyond the earliest moment the plan allows, for the start itself.
START_ALLOWANCE_SECONDS = 10.0
# How likely each button is pressed, by a word in its label; others weigh 1.
_PREFERENCES = {
    "Done": 8.0,
    "Start": 2.0,
    "Resume": 4.0,
    "None of these": 6.0,  # the safety check and the precautions, asked before a first step
    "Stop": 0.2,
    "Sharp pain": 0.1,
}


@dataclass
class Plan:
    """How long, how many, and when the bot is stopped and killed (seconds from the start)."""

    seconds: float = 40.0
    chats: int = 200
    reminder_chats: int = 30
    seed: int = 7
    sigterm_at: float = 12.0
    kill_at: float = 24.0
    # Move the bot's wall clock so that the reminders fall due soon after it is allowed
    # (tests/clock_shift.py); or keep the real clock and wait for a minute that fits.
    move_clock: bool = False


@dataclass
class Report:
    updates: int = 0
    presses: int = 0
    lost_updates: int = 0  # confirmed to Telegram, neither handled nor waiting in the inbox
    waiting_in_inbox: int = 0
    steps_twice: int = 0
    reminders_expected: int = 0
    reminders_twice: int = 0
    reminders_lost: int = 0
    unanswered_presses: int = 0
    worst_wait: float = 0.0
    exits: list[float] = field(default_factory=list)  # seconds from SIGTERM to exit
    faults: dict[str, int] = field(default_factory=dict)
    token_in_output: bool = False

    def broken(self) -> list[str]:
        """The invariants that did not hold, in words; empty when all did."""
        checks = {
            "updates lost": self.lost_updates == 0,
            "a step recorded twice": self.steps_twice == 0,
            "a reminder sent twice": self.reminders_twice == 0,
            "a reminder lost": self.reminders_lost == 0,
            "a press not answered": self.unanswered_presses == 0,
            f"a chat waited over {WORST_WAIT_SECONDS} s": self.worst_wait <= WORST_WAIT_SECONDS,
            f"an exit took over {EXIT_WITHIN_SECONDS} s": all(
                e <= EXIT_WITHIN_SECONDS for e in self.exits
            ),
            "the token in the bot's output": not self.token_in_output,
        }
        return [name for name, held in checks.items() if not held]

    def lines(self) -> list[str]:
        return [
            f"updates {self.updates} (presses {self.presses}); faults injected {self.faults}",
            f"lost updates {self.lost_updates}; left in the inbox {self.waiting_in_inbox}",
            f"steps recorded twice {self.steps_twice}",
            f"reminders expected {self.reminders_expected}, twice {self.reminders_twice}, "
            f"lost {self.reminders_lost}",
            f"presses unanswered {self.unanswered_presses}",
            f"worst wait for a first answer {self.worst_wait:.2f} s (limit {WORST_WAIT_SECONDS})",
            f"exits after SIGTERM {', '.join(f'{e:.1f} s' for e in self.exits)}",
            f"token in output: {'yes' if self.token_in_output else 'no'}",
        ]


class RandomFaults:
    """Seeded faults at the odds of FAULT_ODDS, counted by kind; none in the probes' chats."""

    def __init__(self, rng: random.Random, spared: set[int]) -> None:
        self._rng = rng
        self._spared = spared
        self.counts: dict[str, int] = dict.fromkeys(FAULT_ODDS, 0)
        self.on = True

    def roll(self, method: str, chat_id: int | None) -> Fault | None:  # noqa: ARG002
        if not self.on or chat_id in self._spared:
            return None
        draw = self._rng.random()
        for kind, odds in FAULT_ODDS.items():
            if draw < odds:
                self.counts[kind] += 1
                seconds = {"lost": BOT_TIMEOUT_SECONDS + 0.5, "slow": 0.3}.get(kind, 0.0)
                return Fault(kind, seconds)
            draw -= odds
        return None


class Bot:
    """The bot as a process, restarted as the plan says; its output goes to files."""

    def __init__(
        self, telegram: FakeTelegram, workdir: Path, database_url: str, shift: float
    ) -> None:
        self._telegram = telegram
        self._workdir = workdir
        self._env = bot_env(
            database_url,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=telegram.url,
            TELEGRAM_TIMEOUT_SECONDS=str(BOT_TIMEOUT_SECONDS),
            RETRY_BACKOFF_SECONDS="0.2",
        )
        self._command = ["-m", "bot"]
        if shift:  # the same `main`, on a clock `shift` seconds ahead
            self._command = ["-m", "tests.clock_shift"]
            self._env[SHIFT] = str(shift)
            path = [str(PROJECT_ROOT), *filter(None, [self._env.get("PYTHONPATH")])]
            self._env["PYTHONPATH"] = os.pathsep.join(path)
        self._process: asyncio.subprocess.Process | None = None
        self.down: list[tuple[float, float]] = []  # (from, to) loop times it was not serving
        self.logs: list[Path] = []

    async def start(self) -> None:
        polls = len(self._telegram.calls_to("getUpdates"))
        log = self._workdir / f"bot-{len(self.logs)}.log"
        self.logs.append(log)
        with log.open("wb") as output:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable, *self._command, env=self._env, stdout=output, stderr=output
            )
        await until(lambda: len(self._telegram.calls_to("getUpdates")) > polls, timeout=60)

    async def stop(self) -> float:
        """SIGTERM; returns the seconds until it exited."""
        assert self._process is not None
        loop = asyncio.get_running_loop()
        started = loop.time()
        self._process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self._process.wait(), timeout=60)
        return loop.time() - started

    async def kill(self) -> None:
        assert self._process is not None
        self._process.kill()
        await self._process.wait()

    async def restart_after(self, stopping: asyncio.Future[float] | None) -> float | None:
        """Stop (SIGTERM, or kill -9 if `stopping` is None) and start again; note the gap."""
        loop = asyncio.get_running_loop()
        went_down = loop.time()
        took = await stopping if stopping is not None else None
        await self.start()
        self.down.append((went_down, loop.time()))
        return took


class Person:
    """One chat's user: acts, waits for the bot's answer, thinks, acts again."""

    def __init__(self, chat_id: int, telegram: FakeTelegram, rng: random.Random) -> None:
        self.chat_id = chat_id
        self._telegram = telegram
        self._rng = rng

    async def warm_up_until(self, end: float) -> None:
        loop = asyncio.get_running_loop()
        while loop.time() < end:
            await asyncio.sleep(self._rng.uniform(4.0, 10.0))
            await self._answered(self._act())

    async def set_reminder(self, at: str) -> None:
        for command in ("/timezone UTC", f"/remind {at}"):
            await self._answered(self._telegram.user_sends(self.chat_id, command))

    def _act(self) -> int:
        latest = _with_buttons(self._telegram.chat(self.chat_id))
        draw = self._rng.random()
        if latest is None or draw < 0.04:
            command = self._rng.choice(["/warmup", "/warmup", "/progress", "/help"])
            return self._telegram.user_sends(self.chat_id, command)
        weights = [_weight(label) for label in latest.labels]
        _, data = self._rng.choices(latest.buttons, weights=weights)[0]
        return self._telegram.press_data(self.chat_id, data, latest.message_id)

    async def probe_until(self, end: float) -> None:
        """Ask /help every second or two: how long the answer takes shows what other chats
        cost this one (its own calls are never faulted, and it never has a backlog)."""
        loop = asyncio.get_running_loop()
        while loop.time() < end:
            await asyncio.sleep(self._rng.uniform(1.0, 2.0))
            await self._answered(self._telegram.user_sends(self.chat_id, "/help"))

    async def _answered(self, update_id: int) -> None:
        """Wait until the bot has made a call for this chat since the update (or give up)."""
        pushed = self._telegram.pushed_at[update_id]
        seen = len(self._telegram.calls)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._first_answer(pushed, seen), timeout=30)

    async def _first_answer(self, since: float, seen: int) -> None:
        while True:
            calls = self._telegram.calls
            if any(c.chat_id == self.chat_id and c.at >= since for c in calls[seen:]):
                return
            await asyncio.sleep(0.1)


def _with_buttons(messages: list[Message]) -> Message | None:
    buttoned = [m for m in messages if m.from_bot and m.buttons]
    return buttoned[-1] if buttoned else None


def _weight(label: str) -> float:
    return next((w for word, w in _PREFERENCES.items() if word in label), 1.0)


async def run(plan: Plan, workdir: Path, database_url: str | None = None) -> Report:
    """Run the plan; returns what was measured."""
    rng = random.Random(plan.seed)
    database_url = database_url or sqlite_url(workdir / "chaos.db")
    shift = _clock_shift(plan) if plan.move_clock else 0.0
    async with FakeTelegram(TOKEN) as telegram:
        faults = RandomFaults(random.Random(plan.seed + 1), set(_probe_chats(plan)))
        bot = Bot(telegram, workdir, database_url, shift)
        await bot.start()
        telegram.faults = faults
        report = await _live(plan, telegram, bot, rng, shift)
        faults.on = False  # the last stop is measured without faults in its way
        await _settle(telegram)
        report.exits.append(await bot.stop())
        report.faults = faults.counts
    await _judge(plan, report, telegram, bot, database_url)
    return report


async def _live(
    plan: Plan, telegram: FakeTelegram, bot: Bot, rng: random.Random, shift: float
) -> Report:
    loop = asyncio.get_running_loop()
    start = loop.time()
    people = [Person(10_000 + n, telegram, random.Random(rng.random())) for n in range(plan.chats)]
    reminded = people[: plan.reminder_chats]
    probes = [p for p in people if p.chat_id in _probe_chats(plan)]
    warming = [p for p in people[plan.reminder_chats :] if p not in probes]
    at, due_in = _reminder_minute(plan, shift)
    await asyncio.gather(*(p.set_reminder(at) for p in reminded))
    end = start + max(plan.seconds, due_in + 15)
    tasks = [asyncio.create_task(p.warm_up_until(end)) for p in warming]
    tasks += [asyncio.create_task(p.probe_until(end)) for p in probes]
    report = Report(reminders_expected=len(reminded))
    await asyncio.sleep(max(0.0, start + plan.sigterm_at - loop.time()))
    exit_took = await bot.restart_after(asyncio.ensure_future(bot.stop()))
    assert exit_took is not None
    report.exits.append(exit_took)
    await asyncio.sleep(max(0.0, start + plan.kill_at - loop.time()))
    await bot.kill()
    await bot.restart_after(None)
    await asyncio.gather(*tasks)
    await until(lambda: _reminders_seen(telegram, reminded) >= len(reminded), timeout=90)
    return report


def _probe_chats(plan: Plan) -> list[int]:
    """The last PROBES chats: they only ask /help, to measure what others cost them."""
    return [10_000 + n for n in range(plan.chats - PROBES, plan.chats)]


def _reminder_minute(plan: Plan, shift: float) -> tuple[str, float]:
    """A minute (UTC "HH:MM") of the bot's clock (`shift` seconds ahead of the real one) to
    remind at, clear of the stop and the kill; and the seconds to it."""
    now = datetime.now(UTC) + timedelta(seconds=shift)
    candidate = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    while not _clear(plan, due_in := (candidate - now).total_seconds()):
        candidate += timedelta(minutes=1)
    return candidate.strftime("%H:%M"), due_in


def _clear(plan: Plan, due_in: float) -> bool:
    """Whether reminders due `due_in` seconds into the run keep clear of the stop and the kill.

    Clear means at least 15 s before either, or 8 s after (and 8 s for setting them): a kill
    while the tick's reminders are still going out (retried through Telegram's faults) leaves
    them leased for two minutes, and the run does not wait that long
    (`tests/test_reminders.py` has that case).
    """
    moments = (plan.sigterm_at, plan.kill_at)
    return due_in >= 8 and all(not -15 <= due_in - moment <= 8 for moment in moments)


def _clock_shift(plan: Plan) -> float:
    """How far ahead (0 to 60 s) to move the bot's clock so that one of its minutes begins at
    the earliest clear moment of the run, allowing START_ALLOWANCE_SECONDS for the start."""
    earliest = next(s for s in range(8, 3600) if _clear(plan, s)) + START_ALLOWANCE_SECONDS
    minute_at = datetime.now(UTC) + timedelta(seconds=earliest)
    into_minute = minute_at.second + minute_at.microsecond / 1e6
    return (60 - into_minute) % 60


def _reminders_seen(telegram: FakeTelegram, people: list[Person]) -> int:
    return sum(1 for p in people if _reminders_of(telegram, p.chat_id))


def _reminders_of(telegram: FakeTelegram, chat_id: int) -> int:
    return len([m for m in telegram.chat(chat_id) if m.text.startswith(REMINDER_TEXT)])


async def _settle(telegram: FakeTelegram) -> None:
    """Wait until every update pushed has been fetched and acknowledged, and a little more."""
    if telegram.pushed_at:
        await telegram.delivered(max(telegram.pushed_at), timeout=120)
    await asyncio.sleep(3)


async def _judge(
    plan: Plan, report: Report, telegram: FakeTelegram, bot: Bot, database_url: str
) -> None:
    report.updates = len(telegram.pushed_at)
    report.presses = len(telegram.press_ids)
    handled, waiting = await _inbox(database_url)
    confirmed = [u for u in telegram.pushed_at if telegram.confirmed(u)]
    report.lost_updates = len([u for u in confirmed if u not in handled and u not in waiting])
    report.waiting_in_inbox = len(waiting)
    report.steps_twice = await _steps_twice(database_url)
    counts = [_reminders_of(telegram, 10_000 + n) for n in range(report.reminders_expected)]
    report.reminders_twice = len([c for c in counts if c > 1])
    report.reminders_lost = len([c for c in counts if c == 0])
    report.unanswered_presses = len(
        [u for u, q in telegram.press_ids.items() if u in handled and q not in telegram.answered]
    )
    report.worst_wait = _worst_wait(telegram, bot.down, set(_probe_chats(plan)))
    output = b"".join(log.read_bytes() for log in bot.logs)
    report.token_in_output = TOKEN.split(":")[1].encode() in output


async def _inbox(database_url: str) -> tuple[set[int], set[int]]:
    """Update ids the bot handled, and those it stored but has not handled yet."""
    db = Database(database_url)
    try:
        async with db.engine.connect() as connection:
            rows = await connection.execute(text("SELECT update_id, handled_at FROM inbox"))
            stored = rows.all()
    finally:
        await db.close()
    return {u for u, at in stored if at is not None}, {u for u, at in stored if at is None}


async def _steps_twice(database_url: str) -> int:
    db = Database(database_url)
    try:
        async with db.engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT count(*) FROM (SELECT session_id FROM step_events GROUP BY "
                    "session_id, step, set_number, side HAVING count(*) > 1) AS twice"
                )
            )
            return int(rows.one()[0])
    finally:
        await db.close()


def _worst_wait(
    telegram: FakeTelegram, down: list[tuple[float, float]], probes: set[int]
) -> float:
    """The longest a probe's /help waited for the bot's first call for its chat, counting only
    those sent while the bot was up: not while it was stopped, nor in the CATCH_UP_SECONDS
    after each restart, while it works through what piled up meanwhile.

    A 429 holds every request of the bot for its retry_after, as Telegram asks (PTB's rate
    limiter does so): a probe whose wait overlaps one is waiting for Telegram, not for another
    chat, and is not counted.
    """
    calls: dict[int, list[float]] = {}
    for call in telegram.calls:
        if call.chat_id in probes:
            calls.setdefault(call.chat_id, []).append(call.at)
    pauses = sorted(c.at for c in telegram.calls if c.fault == "429")
    worst = 0.0
    for update_id, pushed in telegram.pushed_at.items():
        chat_id = telegram.update_chats.get(update_id)
        if chat_id not in probes or any(s - 1 <= pushed <= e + CATCH_UP_SECONDS for s, e in down):
            continue
        times = calls.get(chat_id, [])
        index = bisect.bisect_left(times, pushed)
        if index == len(times):
            continue
        answered = times[index]
        if any(pushed - RETRY_AFTER_SECONDS <= at <= answered for at in pauses):
            continue
        worst = max(worst, answered - pushed)
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description="A long chaos run of the bot (make soak).")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    seconds = args.minutes * 60
    plan = Plan(
        seconds=seconds,
        chats=args.chats,
        seed=args.seed,
        sigterm_at=seconds / 3,
        kill_at=2 * seconds / 3,
    )
    with tempfile.TemporaryDirectory() as folder:
        report = asyncio.run(run(plan, Path(folder), args.database_url))
    for line in report.lines():
        print(line)
    broken = report.broken()
    print("all invariants held" if not broken else f"BROKEN: {', '.join(broken)}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
