"""The red-flag screen: asked once before the first warm-up, and again with /safety.

The first check-in carries the questions: answering how the back is means none applies. A yes
stops warm-ups (the bot coaches and never diagnoses: it asks the person to see a doctor) until
they say a clinician has checked them, which is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from db import repo
from db.database import Database


class Answer(StrEnum):
    CLEAR = "clear"  # none of the red flags
    FLAGGED = "flagged"  # one or more: no warm-up starts
    CLINICIAN = "clinician"  # a clinician has checked them since


@dataclass(frozen=True)
class CheckinAsks:
    """What a new warm-up's check-in carries besides the pain question."""

    screen: bool  # the red-flag questions: never answered yet
    gentle: bool  # the gentle routine: the last warm-up was red


async def checkin_asks(db: Database, *, chat_id: int) -> CheckinAsks:
    async with db.reading() as tx:
        chat = await repo.get_chat(tx, chat_id)
    if chat is None:
        return CheckinAsks(screen=True, gentle=False)
    return CheckinAsks(screen=chat.screening is None, gentle=chat.gentle_next)


async def record(db: Database, *, chat_id: int, answer: Answer, now: datetime) -> None:
    async with db.transaction() as tx:
        await repo.ensure_chat(tx, chat_id, now)
        await repo.record_screening(tx, chat_id, answer, now)


def may_warm_up(answer: str | None) -> bool:
    """Whether a warm-up may start, given the stored answer (None: it will be asked)."""
    return answer != Answer.FLAGGED
