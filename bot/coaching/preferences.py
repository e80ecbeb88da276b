"""A chat's settings as the coach uses them: read from and written to the chat's row.

The stored form is plain columns (a JSON object for the per-exercise doses); `Prefs` is what
`bot/coaching/plan.py` shapes routines with. Unknown or out-of-range stored values are
ignored rather than trusted: content may have changed since they were chosen.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coaching import adapt, reminders
from bot.coaching.coach import Cursor
from bot.coaching.plan import Dose, Prefs, personalise
from bot.content import Content, Routine
from db import repo
from db.database import Database

if TYPE_CHECKING:
    # Only named in annotations: reminders leads, through morning, back here (a cycle that
    # a name imported at start-up would close).
    from bot.coaching.reminders import Status

log = logging.getLogger(__name__)

NO_LANGUAGE = repo.Stored()


@dataclass(frozen=True)
class Snapshot:
    """Everything /settings shows, read in one go."""

    prefs: Prefs
    pictures: bool
    reminder: Status
    target: int
    morning: bool = True  # the morning-after question
    private: bool = True  # a person's own chat: their precautions are offered here
    languages: repo.Stored = NO_LANGUAGE  # chosen with /language, and Telegram's


async def load(tx: AsyncSession, chat_id: int) -> Prefs:
    stored = await repo.chat_settings(tx, chat_id)
    return of_row(stored) if stored is not None else Prefs()


def of_row(stored: Mapping[str, object]) -> Prefs:
    doses = stored.get("doses") or {}
    levels = stored.get("levels") or {}
    assert isinstance(doses, dict)
    assert isinstance(levels, dict)
    return Prefs(
        hands_free=bool(stored.get("hands_free", True)),
        audio_guide=bool(stored.get("audio_guide", False)),
        switch_seconds=_int_or_none(stored.get("switch_seconds")),
        rest_seconds=_int_or_none(stored.get("rest_seconds")),
        roller=bool(stored.get("roller", True)),
        doses=tuple(
            sorted(
                (exercise, _dose(value))
                for exercise, value in doses.items()
                if isinstance(value, dict)
            )
        ),
        levels=tuple(sorted((exercise, n) for exercise, n in levels.items() if _level(n))),
        pictures=bool(stored.get("pictures", True)),
    )


def to_row(prefs: Prefs) -> dict[str, object]:
    """The columns that store `prefs` (pictures is stored apart, by its own command)."""
    doses = {
        exercise: {k: v for k, v in vars(dose).items() if v is not None}
        for exercise, dose in prefs.doses
    }
    return {
        "hands_free": prefs.hands_free,
        "audio_guide": prefs.audio_guide,
        "switch_seconds": prefs.switch_seconds,
        "rest_seconds": prefs.rest_seconds,
        "roller": prefs.roller,
        "doses": doses or None,
        "levels": dict(prefs.levels) or None,
    }


def shape(content: Content, routine: Routine, prefs: Prefs, at: Cursor | None = None) -> Routine:
    """`routine` as this chat does it."""
    full = routine.id == content.default_routine.id
    return personalise(routine, prefs, content.rules.doses, content.levels, full=full, at=at)


def _dose(value: dict[str, object]) -> Dose:
    return Dose(
        seconds=_int_or_none(value.get("seconds")),
        sets=_int_or_none(value.get("sets")),
        reps=_int_or_none(value.get("reps")),
    )


def _level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def set_morning_question(db: Database, *, chat_id: int, on: bool, now: datetime) -> None:
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        await repo.set_chat_settings(tx, chat_id, {"morning_question": on})


async def save(db: Database, *, chat_id: int, prefs: Prefs, now: datetime) -> None:
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        await repo.set_chat_settings(tx, chat_id, to_row(prefs))


async def planned(
    db: Database, content: Content, *, chat_id: int, routine: Routine | None = None
) -> tuple[Prefs, Routine]:
    """The chat's preferences, and `routine` (the full warm-up if None) as the chat would do it
    now: what every count and duration shown before a warm-up is computed from."""
    async with db.reading() as tx:
        prefs = await load(tx, chat_id)
    return prefs, shape(content, routine or content.default_routine, prefs)


async def set_roller(db: Database, *, chat_id: int, have: bool, now: datetime) -> None:
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        await repo.set_chat_settings(tx, chat_id, {"roller": have})


async def snapshot(db: Database, *, chat_id: int, now: datetime) -> Snapshot:
    """What /settings shows: the preferences, pictures, weekly target and the reminder."""
    reminder = await reminders.status(db, chat_id=chat_id, now=now)
    async with db.transaction() as tx:
        chat = await repo.ensure_chat(tx, chat_id, now)
        stored = await repo.chat_settings(tx, chat_id)
    assert stored is not None  # ensured just above
    return Snapshot(
        of_row(stored),
        bool(stored["pictures"]),
        reminder,
        chat.weekly_target,
        bool(stored["morning_question"]),
        private=chat_id > 0,
        languages=repo.Stored(chat.language, chat.telegram_language),
    )


async def apply_light(
    tx: AsyncSession, content: Content, warmup: repo.Warmup, lit: adapt.Light
) -> tuple[adapt.Change, Prefs]:
    """Keep what a warm-up's light changes for next time (levels, the run of greens, the
    gentle offer)."""
    chat = await repo.ensure_chat(tx, warmup.chat_id, warmup.started_at)
    prefs = await load(tx, warmup.chat_id)
    state = adapt.State(prefs, chat.green_run, chat.gentle_next)
    model = content.rules.pain_model
    done = await repo.exercises_done(tx, warmup.id)
    full = warmup.routine_id == content.default_routine.id
    new, change = adapt.after_warmup(state, lit, done, content.levels, model, full=full)
    if new.prefs != prefs:
        await repo.set_chat_settings(tx, warmup.chat_id, to_row(new.prefs))
    await repo.set_pain_model(
        tx, warmup.chat_id, green_run=new.green_run, gentle_next=new.gentle_next
    )
    log.info("chat %s: warm-up %s was %s", warmup.chat_id, warmup.id, lit)
    return change, new.prefs
