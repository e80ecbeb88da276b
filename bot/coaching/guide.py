"""The audio guide's script: what its voice says, and when, through one timed exercise.

A script starts where a ⏱ Start would (the side or set a person is at) and runs to the end of
the exercise exactly as the hands-free countdown does: the get-ready lead, each hold, the pause
to switch sides or rest between sets (the chat's own choices), so the voice and the chat agree.
It names each word by a clip (`start`, `set-2`, `remaining-10`, `count-3`); what each clip says
is the texts' (`spoken`), and `make media` speaks every clip a script can use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bot.coaching import coach
from bot.coaching.coach import Cursor, Side
from bot.coaching.holds import pause_before
from bot.coaching.plan import Prefs
from bot.coaching.running import GuideNote, Notice, load_running
from bot.content import Content, Routine, Rules
from bot.content.texts import SpokenTexts
from db import repo
from db.database import Database

# The most sets a hold is ever guided in (content's sets and /settings' extra sets stay under
# it): a clip `set-N` is made for each.
MOST_SETS = 6


@dataclass(frozen=True)
class Cue:
    """Clips spoken back to back from `at` seconds into the note."""

    at: int
    clips: tuple[str, ...]


@dataclass(frozen=True)
class Script:
    """Every cue of one exercise's guide, and the note's length in seconds."""

    cues: tuple[Cue, ...]
    length: int

    @property
    def key(self) -> str:
        """A name for the note this script makes: the same script, the same note."""
        text = ";".join(f"{cue.at}:{','.join(cue.clips)}" for cue in self.cues)
        return hashlib.sha256(f"{text};{self.length}".encode()).hexdigest()[:24]


async def planned(
    db: Database,
    content: Content,
    *,
    chat_id: int,
    session_id: int,
    cursor: Cursor,
    asked: bool,
) -> Script | None:
    """The guide a press at `cursor` would send (`asked`: 🎧; else ⏱ Start, which sends one
    where the chat chose it), read without changing anything, to make its note before the
    countdown starts; None if the press would send none."""
    async with db.reading() as tx:
        loaded = await load_running(tx, content, chat_id, session_id, expected=cursor)
    if isinstance(loaded, Notice):
        return None
    position = loaded[1]
    if not position.prefs.audio_guide and not asked:
        return None
    return script(position.routine, position.cursor, position.prefs, content.rules)


async def remember(db: Database, session_id: int, note: GuideNote | None) -> None:
    """Record the voice note now leading the session's exercise (None: none is)."""
    message_id, ends_at = (note.message_id, note.ends_at) if note else (None, None)
    async with db.transaction() as tx:
        await repo.set_guide(tx, session_id, message_id, ends_at)


def script(
    routine: Routine, cursor: Cursor, prefs: Prefs, rules: Rules, *, left: int | None = None
) -> Script | None:
    """The guide from `cursor` to the end of its exercise (hands-free off: its one hold, as
    the countdown runs it); None for an exercise counted in reps. `left`: the countdown at
    `cursor` has that many seconds to go (its lead included), as ▶️ Go on finds it."""
    step = routine.steps[cursor.step]
    seconds = coach.timer_seconds(step)
    if seconds is None:
        return None
    positions = coach.sub_steps(cursor.step, step)
    holds = positions[positions.index(cursor) :] if prefs.hands_free else [cursor]
    cues: list[Cue] = []
    at = 0
    for index, hold in enumerate(holds):
        lead = rules.timer.get_ready_seconds if index == 0 else pause_before(hold, prefs, rules)
        held = 0  # seconds of this hold already done
        if index == 0 and left is not None:
            lead, held = max(left - seconds, 0), max(seconds - left, 0)
        where = _where(hold, step.prescription.guided_sets)
        if not held:  # a hold already under way is not announced again
            cues += _lead_in(at, lead, where, rules, _lead_word(hold, first=index == 0))
        at += lead
        cues += [cue for cue in _during(at - held, seconds, rules) if cue.at >= at]
        at += seconds - held
    last = holds[-1] == positions[-1]  # hands-free off, a side or set may follow the note
    cues.append(Cue(at, ("done" if last else "release",)))
    return Script(tuple(cues), at + rules.audio_guide.tail_seconds)


def _lead_in(at: int, lead: int, where: tuple[str, ...], rules: Rules, word: str) -> list[Cue]:
    """Where the hold is, and its start: announced through its lead where there is time,
    said as the hold begins where there is not."""
    if lead >= rules.audio_guide.min_lead_seconds:
        return [Cue(at, (word, *where)), Cue(at + lead, ("start",))]
    return [Cue(at + lead, (*where, "start"))]


def _lead_word(hold: Cursor, *, first: bool) -> str:
    if first:
        return "get_ready"
    return "switch" if hold.side is Side.RIGHT else "rest"


def _where(hold: Cursor, sets: int) -> tuple[str, ...]:
    """The side a hold is on, and the set a new set begins (where there are several)."""
    words = []
    if sets > 1 and hold.side in (None, Side.LEFT):
        words.append(f"set-{hold.set}")
    if hold.side is not None:
        words.append(hold.side.value)
    return tuple(words)


def _during(start: int, seconds: int, rules: Rules) -> list[Cue]:
    """The time left at the rules' points, then the last seconds counted down."""
    guide = rules.audio_guide
    cues = [
        Cue(start + seconds - left, (f"remaining-{left}",))
        for left in guide.seconds_left_at
        if seconds - left >= guide.min_gap_seconds
    ]
    counted = range(min(guide.count_down_from, seconds - guide.min_gap_seconds), 0, -1)
    return cues + [Cue(start + seconds - n, (f"count-{n}",)) for n in counted]


def vocabulary(spoken: SpokenTexts, rules: Rules) -> dict[str, str]:
    """Every clip a script can name, with the words it says."""
    fixed = ("get_ready", "switch", "rest", "left", "right", "start", "release", "done")
    clips = {name: str(getattr(spoken, name)) for name in fixed}
    for number in range(1, MOST_SETS + 1):
        clips[f"set-{number}"] = spoken.set.format(number=number)
    for left in rules.audio_guide.seconds_left_at:
        clips[f"remaining-{left}"] = spoken.seconds_left.format(seconds=left)
    for number in range(1, rules.audio_guide.count_down_from + 1):
        clips[f"count-{number}"] = spoken.count.format(number=number)
    return clips
