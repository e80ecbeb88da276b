"""A chat's data belongs to the chat: everything stored, as a file, and deleting it all."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from db import repo
from db.database import Database
from db.models import StepEvent, WarmupSession


async def export(db: Database, *, chat_id: int, now: datetime) -> bytes:
    """Everything stored for the chat, as UTF-8 JSON."""
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        reminder = await repo.get_reminder(tx, chat_id)
        sessions = await repo.sessions_of(tx, chat_id)
        events = await repo.events_of(tx, chat_id)
        milestones = await repo.milestones_of(tx, chat_id)
    steps: dict[int, list[dict[str, Any]]] = {}
    for event in events:
        steps.setdefault(event.session_id, []).append(_step(event))
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
        "sessions": [_session(s, steps.get(s.id, [])) for s in sessions],
        "milestones": [{"key": m.key, "reached_at": _time(m.reached_at)} for m in milestones],
    }
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def _session(session: WarmupSession, steps: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": session.id,
        "routine": session.routine_id,
        "status": session.status,
        "started_at": _time(session.started_at),
        "finished_at": _time(session.finished_at),
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "stopped_for_sharp_pain": session.ended_for_pain,
        "steps": steps,
    }


def _step(event: StepEvent) -> dict[str, Any]:
    return {
        "exercise": event.exercise_id,
        "step": event.step + 1,
        "set": event.set_number,
        "side": event.side,
        "outcome": event.outcome,
        "at": _time(event.at),
    }


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
