"""The red-flag screen: asked of each person once before their first warm-up, and again with
/safety. The answer is the person's (a Telegram user), whichever chat they warm up in.

Before a person's first warm-up the questions come alone, ahead of its check-in. A yes
ends the person's running warm-ups at once and stops new ones (the bot coaches and never
diagnoses: it asks the person to see a doctor) until they say a clinician has checked them.
Every way into a step passes the gate in `bot/coaching/running.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.coaching import preferences
from bot.coaching.plan import Changes, Prefs
from bot.content import Content, Step
from db import repo
from db.database import Database

# How Telegram shows an admin writing anonymously in a group (also bot/coaching/precautions.py).
ANONYMOUS_ADMIN = 1087968824


class Answer(StrEnum):
    CLEAR = "clear"  # none of the red flags
    FLAGGED = "flagged"  # one or more: no warm-up starts
    CLINICIAN = "clinician"  # a clinician has checked them since


@dataclass(frozen=True)
class CheckinAsks:
    """What a new warm-up's check-in carries besides the pain question."""

    screen: bool  # the red-flag questions: never answered yet
    gentle: bool  # the gentle routine: the last warm-up was red
    sharp_pain_in: str | None = None  # the exercise the last warm-up was stopped in, for pain
    sharp_pain_id: str | None = None  # its id, to offer to leave it out
    precautions: tuple[str, ...] = ()  # the person's, whose advice the check-in repeats


async def checkin_asks(
    db: Database, content: Content, *, chat_id: int, person: int
) -> CheckinAsks:
    """What the check-in of `person`'s new warm-up in `chat_id` asks besides the pain."""
    async with db.reading() as tx:
        chat = await repo.get_chat(tx, chat_id)
        screening = await repo.screening_of(tx, person)
        last = await repo.last_ended(tx, chat_id, person)
        prefs = await preferences.load(tx, chat_id)
        personal = await repo.personal_of(tx, person)
    gentle = chat.gentle_next if chat is not None else False
    stopped = _stopped_in(content, last, prefs)
    return CheckinAsks(
        # One person answers once; a warm-up begun as the group (an anonymous admin, no one
        # person) is asked each time, and the admin who answers answers for it.
        screen=screening is None or not (person > 0 and person != ANONYMOUS_ADMIN),
        gentle=gentle,
        sharp_pain_in=stopped.name if stopped else None,
        sharp_pain_id=stopped.id if stopped else None,
        precautions=personal.precautions or (),
    )


def _stopped_in(content: Content, last: repo.Warmup | None, prefs: Prefs) -> Step | None:
    """The exercise a warm-up was stopped in for sharp pain (as that warm-up planned it), if
    it was."""
    if last is None or not last.ended_for_pain:
        return None
    routine = content.routines.get(last.routine_id)
    if routine is None:
        return None
    planned = prefs.planned(Changes.of_row(last.plan_changes))
    steps = preferences.shape(content, routine, planned).steps
    return steps[last.step] if last.step < len(steps) else None


@dataclass(frozen=True)
class Recorded:
    """An answer stored; `refused` if it was not the person's to give; `ended`: the running
    warm-ups a yes ended at once, as (chat, session)."""

    refused: bool = False
    ended: tuple[tuple[int, int], ...] = ()
    first: bool = False  # the person's first answer: a first warm-up's check-in may follow


async def record(db: Database, *, person: int, answer: Answer, now: datetime) -> Recorded:
    """Store the person's answer. A yes ends their running warm-ups in every chat; "a
    clinician has checked me" clears only a flag of their own."""
    async with db.transaction() as tx:
        before = await repo.screening_of(tx, person)
        if answer is Answer.CLINICIAN and before != Answer.FLAGGED:
            return Recorded(refused=True)
        await repo.record_screening(tx, person, answer, now)
        if answer is not Answer.FLAGGED:
            return Recorded(first=before is None)
        ended = await repo.stop_for_safety(tx, person, now)
    return Recorded(ended=tuple((warmup.chat_id, warmup.id) for warmup in ended))


def may_warm_up(answer: str | None) -> bool:
    """Whether a warm-up may start, given the stored answer (None: it will be asked)."""
    return answer != Answer.FLAGGED
