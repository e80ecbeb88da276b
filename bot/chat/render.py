"""Message texts, built from content. Telegram HTML; content strings are escaped here."""

from __future__ import annotations

from html import escape

from fluent.runtime.types import FluentNumber, fluent_number

from bot.chat.memo import by_content
from bot.coaching import coach
from bot.coaching.coach import Cursor
from bot.content import Prescription, Routine, Step, Texts
from bot.content.texts import PrescriptionTexts


@by_content()
def intro(texts: Texts, routine: Routine) -> str:
    text = texts.intro.format(
        title=escape(routine.title),
        count=len(routine.steps),
        minutes=coach.estimated_minutes(routine),
    )
    return f"{text}\n{roller}" if (roller := _roller_note(texts, routine)) else text


def _roller_note(texts: Texts, routine: Routine, *, named: bool = False) -> str:
    """That some exercises need a foam roller, if any do (`named`: which, for /routines)."""
    rolled = [step.name for step in routine.steps if step.needs == "foam roller"]
    if not rolled:
        return ""
    template = texts.routine_roller if named else texts.needs_roller
    return template.format(count=len(rolled), names=escape(", ".join(rolled)))


def header(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """`Step 3/8 · Psoas stretch`, then `Set 2/3` and/or `Left side` where they apply."""
    step = routine.steps[cursor.step]
    lines = [
        texts.step_header.format(
            number=cursor.step + 1, total=len(routine.steps), name=escape(step.name)
        )
    ]
    if where := _where(texts, routine, cursor):
        lines.append(where)
    return "\n".join(lines)


def place(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """`Step 3/8 · Left side`: where a person is, for messages below the exercise's own."""
    number = texts.step_number.format(number=cursor.step + 1, total=len(routine.steps))
    where = _where(texts, routine, cursor)
    return f"{number} · {where}" if where else number


def _where(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """`Set 2/3 · left arm`, `Left side`, or nothing for an exercise done once."""
    step = routine.steps[cursor.step]
    where = []
    if (sets := step.prescription.guided_sets) > 1:
        where.append(texts.set_label.format(set=cursor.set, sets=sets))
    if step.alternate_arms:  # set 1 the left arm, set 2 the right, and so on
        arm = texts.arm_labels.left if cursor.set % 2 else texts.arm_labels.right
        where.append(arm)
    if cursor.side is not None:
        where.append(getattr(texts.side_labels, cursor.side.value))
    return " · ".join(where)


@by_content()
def step(
    texts: Texts,
    routine: Routine,
    cursor: Cursor,
    *,
    more: bool = False,
    hands_free: bool = False,
) -> str:
    """A step message. An exercise's first: its name, a short cue and the dose, and (`more`)
    the whole how, what it works and why. A later side or set: only where and how long.
    The warm-up's first timed exercise says (`hands_free`) that one Start runs it all, and
    its first exercise with levels what a level is: where each is first met."""
    exercise = routine.steps[cursor.step]
    if not coach.is_first_of_step(cursor):
        return f"{place(texts, routine, cursor)} · <b>{dose(texts, exercise.prescription)}</b>"
    how = exercise.instructions if more else exercise.cue
    parts = [
        header(texts, routine, cursor),
        "\n".join(f"• {escape(line)}" for line in sided(texts, how, cursor)),
        f"<b>{prescription(texts, exercise.prescription)}</b>",
    ]
    parts += _first_met(texts, routine, cursor.step, hands_free=hands_free)
    if exercise.alternative:  # not the source's: say so where the exercise is shown
        parts.append(texts.alternative)
    if more:
        parts += works_and_why(texts, exercise)
    return "\n\n".join(parts)


def works_and_why(texts: Texts, exercise: Step) -> list[str]:
    """What an exercise works and why it is there, each marked where the words are ours."""
    works = texts.targets_ours if "targets" in exercise.ours else texts.targets
    why = texts.why_ours if "why" in exercise.ours else texts.why
    return [
        works.format(targets=escape(", ".join(exercise.targets))),
        why.format(why=escape(exercise.why)),
    ]


def _first_met(texts: Texts, routine: Routine, index: int, *, hands_free: bool) -> list[str]:
    """The notes for what the warm-up shows first at exercise `index`: a timer, a level."""
    steps = routine.steps
    timed = [i for i, s in enumerate(steps) if coach.timer_seconds(s) is not None]
    # A level shows where one applies and the person has not set the dose by hand.
    levelled = [
        i
        for i, s in enumerate(steps)
        if s.prescription.level is not None and not s.prescription.by_hand
    ]
    notes = []
    if hands_free and timed[:1] == [index]:
        notes.append(texts.first_timed)
    if levelled[:1] == [index]:
        notes.append(texts.first_level)
    return notes


def sided(texts: Texts, lines: list[str], cursor: Cursor) -> list[str]:
    """An exercise's lines, with `{side}` and `{other}` naming the side being done."""
    if cursor.side is None:
        return list(lines)
    side = getattr(texts.side_words, cursor.side.value)
    other = getattr(texts.side_words, cursor.side.other().value)
    return [line.format(side=side, other=other) for line in lines]


def dose(texts: Texts, rx: Prescription) -> str:
    """What this side or set takes, as guided: `hold 30 s`, `foam roll 60 s`, `5 breaths`."""
    words = texts.prescription
    if rx.hold_seconds is not None:
        return words.hold.format(seconds=rx.guided_seconds)
    if rx.duration_seconds is not None:
        return words.duration.format(seconds=rx.guided_seconds)
    return _reps(words, rx).format(reps=rx.guided_reps)


def _reps(words: PrescriptionTexts, rx: Prescription) -> str:
    return words.breaths if rx.rep_unit == "breaths" else words.reps


@by_content()
def step_ended(texts: Texts, routine: Routine, cursor: Cursor, ending: str) -> str:
    """The step message as it stays in the chat once acted on: buttons gone, ending shown."""
    return f"{step(texts, routine, cursor)}\n\n<b>{ending}</b>"


def outcome_label(texts: Texts, *, done: bool) -> str:
    return texts.outcomes.done if done else texts.outcomes.skipped


def prescription(texts: Texts, rx: Prescription) -> str:
    """`2-3 sets · hold 20-30 s`, `hold 30 s each side (suggested)`, or what the person chose:
    `2 sets · hold 25 s (your setting)`."""
    words = texts.prescription
    parts = []
    if rx.guided_sets > 1 or rx.sets.high > 1:
        parts.append(words.sets.format(sets=rx.chosen_sets or rx.sets))
    if rx.hold_seconds is not None:
        parts.append(words.hold.format(seconds=rx.chosen_seconds or rx.hold_seconds))
    elif rx.duration_seconds is not None:
        parts.append(words.duration.format(seconds=rx.chosen_seconds or rx.duration_seconds))
    elif rx.reps is not None:
        parts.append(_reps(words, rx).format(reps=rx.chosen_reps or rx.reps))
    text = " · ".join(parts)
    if rx.per_side:
        text = f"{text} {words.each_side}"
    if rx.by_hand:
        text = f"{text} {words.chosen}"
    elif rx.level is not None:
        text = f"{text} {words.level.format(level=rx.level, levels=rx.levels)}"
    elif not rx.from_source:
        text = f"{text} {words.suggested}"
    return text[:1].upper() + text[1:]


@by_content()
def checkin_question(
    texts: Texts,
    routine: Routine,
    *,
    gentle: bool = False,
    sharp_pain_in: str | None = None,
    hands_free: bool = False,
) -> str:
    """The warm-up's check-in: what it is (with `hands_free`, that one ⏱ Start runs an
    exercise), (after a red warm-up) the gentle version offered, (after a sharp-pain stop)
    that stop named, then how the back feels."""
    tip = f"\n{texts.hands_free_tip}" if hands_free else ""
    offer = f"\n\n{texts.adapt.gentle_offer}" if gentle else ""
    if sharp_pain_in is not None:
        after_pain = texts.checkin.after_sharp_pain.format(exercise=escape(sharp_pain_in))
        offer += f"\n\n{after_pain}"
    return f"{intro(texts, routine)}{tip}{offer}\n\n{texts.checkin.before}"


@by_content()
def checkin_answered(texts: Texts, routine: Routine, pain: int | None) -> str:
    checkin = texts.checkin
    answer = checkin.skipped if pain is None else checkin.recorded_before.format(pain=pain)
    return f"{intro(texts, routine)}\n{answer}"


def flare_up(
    texts: Texts, pain: int, gentle: Routine, *, rest: bool, caution: bool = False
) -> str:
    """After a high check-in: the gentle routine offered, or (`rest`) resting suggested first
    with when to seek care today; with `caution`, a caution beside the full routine."""
    template = texts.checkin.rest_today if rest else texts.checkin.flare_up
    text = template.format(pain=pain, minutes=coach.estimated_minutes(gentle))
    if rest:
        return f"{text}\n\n{texts.checkin.seek_care}"
    return f"{text}\n\n{texts.checkin.full_caution}" if caution else text


def streak(texts: Texts, days: int) -> str:
    return texts.streak_days.format(days=days)


def stopped(texts: Texts, routine: Routine, done: int) -> str:
    return texts.stopped.format(done=done, total=len(routine.steps))


@by_content()
def unfinished(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    return texts.unfinished.format(
        title=escape(routine.title), number=cursor.step + 1, total=len(routine.steps)
    )


def routines(texts: Texts, all_routines: list[Routine]) -> str:
    """Every routine: its title, size and length, what it is for, and what it needs."""
    lines = [texts.routines]
    for r in all_routines:
        line = texts.routine_line.format(
            title=escape(r.title), count=len(r.steps), minutes=coach.estimated_minutes(r)
        )
        described = f"{line}\n<i>{escape(r.description)}</i>"
        roller = _roller_note(texts, r, named=True)
        lines.append(f"{described}\n{roller}" if roller else described)
    return "\n\n".join(lines)


def warmups(texts: Texts, count: int) -> str:
    """`1 warm-up`, `5 warm-ups`."""
    return texts.progress.warmups.format(count=count)


def format_duration(texts: Texts, seconds: float) -> str:
    """`45 s`, `6 min 20 s`, `1 h 02 min`: short enough to read at a glance."""
    words, total = texts.duration, max(0, round(seconds))
    if total < 60:
        return words.seconds.format(seconds=total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return (
            words.minutes_seconds.format(minutes=minutes, seconds=secs)
            if secs
            else (words.minutes.format(minutes=minutes))
        )
    hours, minutes = divmod(minutes, 60)
    return words.hours_minutes.format(hours=hours, minutes=minutes)


def one_decimal(value: float) -> FluentNumber:
    """A number shown with one decimal, in the language's own way (1.5, 1,5)."""
    shown = fluent_number(value, minimumFractionDigits=1, maximumFractionDigits=1)
    assert isinstance(shown, FluentNumber)  # a float always makes one
    return shown
