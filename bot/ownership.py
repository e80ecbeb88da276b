"""A chat's data belongs to the chat: everything stored, as a file, and deleting it all."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from db import repo
from db.database import Database


async def export(db: Database, *, chat_id: int, now: datetime) -> bytes:
    """Everything stored for the chat, as UTF-8 JSON."""
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        reminder = await repo.get_reminder(tx, chat_id)
        sessions = await repo.sessions_of(tx, chat_id)
        events = await repo.events_of(tx, chat_id)
        milestones = await repo.milestones_of(tx, chat_id)
    steps: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        steps.setdefault(e.session_id, []).append(
            {
                "exercise": e.exercise_id,
                "step": e.step + 1,
                "set": e.set_number,
                "side": e.side,
                "outcome": e.outcome,
                "at": _time(e.at),
            }
        )
    document = {
        "exported_at": _time(now),
        "chat": {
            "id": chat.id,
            "timezone": chat.timezone if chat.timezone_set_at else None,
            "weekly_target": chat.weekly_target,
            "first_seen": _time(chat.created_at),
        },
        "reminder": None
        if reminder is None
        else {"on": reminder.enabled, "time": reminder.local_time, "days": _days(reminder.days)},
        "sessions": [
            {
                "id": s.id,
                "routine": s.routine_id,
                "status": s.status,
                "started_at": _time(s.started_at),
                "finished_at": _time(s.finished_at),
                "pain_before": s.pain_before,
                "pain_after": s.pain_after,
                "stopped_for_sharp_pain": s.ended_for_pain,
                "steps": steps.get(s.id, []),
            }
            for s in sessions
        ],
        "milestones": [{"key": m.key, "reached_at": _time(m.reached_at)} for m in milestones],
    }
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def forget_is_current(asked_minute: int, now: datetime, window_minutes: int) -> bool:
    """Whether a /forget asked at `asked_minute` may still be confirmed."""
    return 0 <= now_minute(now) - asked_minute <= window_minutes


def now_minute(now: datetime) -> int:
    return int(now.timestamp() // 60)


async def forget(db: Database, *, chat_id: int) -> list[int]:
    """Delete everything stored for the chat; returns sessions whose countdown must stop."""
    async with db.transaction() as tx:
        return await repo.delete_chat(tx, chat_id)


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _days(days: int) -> list[str]:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return [name for i, name in enumerate(names) if days & (1 << i)]
