"""What a person's typed message answers: the question open in their chat right now.

Buttons answer every question; a person may also type a 0-10 answer to the check-in before or
after a warm-up. Anything else they type is answered with what is open now and which buttons
answer it, so a message is never met with silence or a bare pointer to /help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from bot.coaching import preferences
from bot.coaching.plan import Prefs
from bot.coaching.running import position_of
from bot.content import Content
from db import repo
from db.database import Database
from db.models import SessionStatus

# "5", "5/10", " 5 / 10 ": a check-in answer typed instead of tapped.
_PAIN = re.compile(r"\s*(\d{1,2})\s*(?:/\s*10\s*)?")


class Open(Enum):
    """The question open in a chat, for its person."""

    NOTHING = "nothing"
    SCREENING = "screening"  # the safety check before a first warm-up
    BEFORE = "before"  # the check-in before a warm-up
    BUTTONS = "buttons"  # a question answered by its buttons (the precautions, an offer)
    STEP = "step"  # a step of a running warm-up
    AFTER = "after"  # the check-in under a finished warm-up's summary


@dataclass(frozen=True)
class Question:
    """What is open, the warm-up it is about, and (for a step) where that warm-up is."""

    open: Open
    session_id: int = 0
    step: int = 0
    steps: int = 0


def typed_pain(text: str | None) -> int | None:
    """The 0-10 a message says, if that is all it says."""
    match = _PAIN.fullmatch(text or "")
    value = int(match.group(1)) if match else None
    return value if value is not None and value <= 10 else None


async def open_question(db: Database, content: Content, *, chat_id: int, person: int) -> Question:
    """The question open for `person` in `chat_id`: their running warm-up's, else the check-in
    under their last finished one."""
    async with db.reading() as tx:
        warmup = await repo.active_session(tx, chat_id)
        if warmup is not None and warmup.started_by in (None, person, chat_id):
            screened = await repo.screening_of(tx, person) is not None
            prefs = await preferences.load(tx, chat_id)
            return _of_running(content, warmup, prefs, screened=screened)
        last = await repo.last_ended(tx, chat_id, person)
    if last is not None and last.status == SessionStatus.COMPLETED and last.pain_after_at is None:
        return Question(Open.AFTER, last.id)
    return Question(Open.NOTHING)


def _of_running(
    content: Content, warmup: repo.Warmup, prefs: Prefs, *, screened: bool
) -> Question:
    if warmup.pain_before_at is None:
        return Question(Open.BEFORE if screened else Open.SCREENING, warmup.id)
    position = position_of(content, warmup, prefs)
    if warmup.message_id is None or position is None:  # no step shown: a question's buttons
        return Question(Open.BUTTONS, warmup.id)
    return Question(Open.STEP, warmup.id, warmup.step + 1, len(position.routine.steps))
