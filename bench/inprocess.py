"""Measurements inside one process: the database work of a tap, and one reminder tick."""

from __future__ import annotations

import sqlite3
import statistics
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event

from bench import databases
from bot.coaching import checkins, coach, reminders, sessions
from bot.config import PROJECT_ROOT
from bot.content import load_content
from db.database import Database

CONTENT = load_content(PROJECT_ROOT / "content")


async def tap_cost(path: Path, taps: int) -> dict[str, float]:
    """CPU and statements per tap through the bot's own transaction (sessions.act)."""
    await databases.migrate(databases.url(path))  # its person a returning user
    db = Database(databases.url(path))
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    done = 0
    cpu = 0.0
    counted = 0
    while done < taps:
        session_id, cursor = await _begin_past_the_checkin(db)
        while cursor is not None and done < taps:
            before, started = statements, time.process_time()
            result = await sessions.act(
                db,
                CONTENT,
                chat_id=1,
                session_id=session_id,
                cursor=cursor,
                action=coach.Action.DONE,
                now=datetime.now(UTC),
            )
            cpu += time.process_time() - started
            counted += statements - before
            assert isinstance(result, sessions.Acted)
            cursor = result.next.cursor if result.next else None
            done += 1
    await db.close()
    return {"cpu_ms": 1000 * cpu / taps, "statements": counted / taps}


async def _begin_past_the_checkin(db: Database) -> tuple[int, coach.Cursor | None]:
    """A new warm-up of the default routine in chat 1, past its check-in: session and cursor."""
    now = datetime.now(UTC)
    position = await sessions.begin(
        db, CONTENT, chat_id=1, routine_id=CONTENT.default_routine.id, now=now, started_by=1
    )
    assert isinstance(position, sessions.Position)
    await checkins.before(
        db, CONTENT, chat_id=1, session_id=position.session_id, pain=None, now=now
    )
    return position.session_id, position.cursor


def raw_tap_cost(path: Path, taps: int) -> dict[str, float]:
    """The same work with plain sqlite3 (read the session, move it, record the step)."""
    databases.migrated(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("INSERT INTO chats (id, timezone, created_at) VALUES (1, 'UTC', 'x')")
        connection.execute(
            "INSERT INTO warmup_sessions (id, chat_id, routine_id, status, started_at, step,"
            " set_number) VALUES (1, 1, 'lower-back', 'active', 'x', 0, 1)"
        )
        started = time.process_time()
        for tap in range(taps):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("SELECT * FROM warmup_sessions WHERE id = 1").fetchone()
            connection.execute(
                "UPDATE warmup_sessions SET step = ? WHERE id = 1 AND step = ?", (tap + 1, tap)
            )
            connection.execute(
                "INSERT INTO step_events (session_id, exercise_id, step, set_number, outcome, at)"
                " VALUES (1, 'x', ?, 1, 'done', 'x')",
                (tap,),
            )
            connection.execute("COMMIT")
        cpu = time.process_time() - started
    return {"cpu_ms": 1000 * cpu / taps, "statements": 3.0}


async def tick_time(path: Path, repeats: int = 20) -> float:
    """Median wall time of one reminder tick (claim and collect deliveries) with nothing due."""
    db = Database(databases.url(path))
    rules = CONTENT.rules.reminders
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await reminders.claim_due(db, rules, datetime.now(UTC))
        await reminders.take_deliveries(db, rules, datetime.now(UTC))
        times.append(time.perf_counter() - started)
    await db.close()
    return 1000 * statistics.median(times)
