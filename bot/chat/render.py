"""Message texts, built from content. Telegram HTML; content strings are escaped here."""

from __future__ import annotations

from html import escape

from bot.chat.memo import by_content
from bot.coaching import coach
from bot.coaching.coach import Cursor, Side
from bot.content import Prescription, Routine, Step, Texts
from bot.content.rules import TimerRules


@by_content()
def intro(texts: Texts, routine: Routine) -> str:
    text = texts.intro.format(
        title=escape(routine.title),
        count=len(routine.steps),
        minutes=coach.estimated_minutes(routine),
    )
    return f"{text}\n{roller}" if (roller := _roller_note(texts, routine)) else text


def _roller_note(texts: Texts, routine: Routine) -> str:
    """Which exercises need a foam roller, if any do ("Two exercises use a foam roller: ...")."""
    rolled = [step.name for step in routine.steps if step.needs == "foam roller"]
    if not rolled:
        return ""
    return texts.needs_roller.format(count=len(rolled), names=escape(", ".join(rolled)))


def header(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """`Step 3/8 · Psoas stretch`, then `Set 2/3` and/or `Left side` where they apply."""
    step = routine.steps[cursor.step]
    lines = [
        texts.step_header.format(
            number=cursor.step + 1, total=len(routine.steps), name=escape(step.name)
        )
    ]
    where = []
    if (sets := step.prescription.guided_sets) > 1:
        where.append(texts.set_label.format(set=cursor.set, sets=sets))
    if step.alternate_arms:  # set 1 the left arm, set 2 the right, and so on
        arm = texts.arm_labels.left if cursor.set % 2 else texts.arm_labels.right
        where.append(arm)
    if cursor.side is not None:
        where.append(getattr(texts.side_labels, cursor.side.value))
    if where:
        lines.append(" · ".join(where))
    return "\n".join(lines)


@by_content()
def step(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """A step message: full instructions the first time, a short cue for later sides and sets."""
    exercise = routine.steps[cursor.step]
    parts = [header(texts, routine, cursor)]
    if coach.is_first_of_step(cursor):
        parts.append(
            "\n".join(f"• {escape(line)}" for line in instructions(texts, exercise, cursor))
        )
        parts.append(f"<b>{prescription(texts, exercise.prescription)}</b>")
        if exercise.alternative:  # not the source's: say so where the exercise is shown
            parts.append(texts.alternative)
        parts.append(texts.targets.format(targets=escape(", ".join(exercise.targets))))
        parts.append(texts.why.format(why=escape(exercise.why)))
    else:
        if cursor.set == 1 and cursor.side is not None:
            side = getattr(texts.side_labels, cursor.side.value).lower()
            parts.append(texts.repeat_side.format(side=side))
        else:
            parts.append(texts.repeat_set)
        parts.append(f"<b>{prescription(texts, exercise.prescription)}</b>")
    return "\n\n".join(parts)


def instructions(texts: Texts, exercise: Step, cursor: Cursor) -> list[str]:
    """The exercise's instructions, with `{side}` and `{other}` naming the side being done."""
    if cursor.side is None:
        return list(exercise.instructions)
    side = getattr(texts.side_words, cursor.side.value)
    other = getattr(texts.side_words, cursor.side.other().value)
    return [line.format(side=side, other=other) for line in exercise.instructions]


@by_content()
def step_ended(texts: Texts, routine: Routine, cursor: Cursor, ending: str) -> str:
    """The step message as it stays in the chat once acted on: buttons gone, ending shown."""
    return f"{step(texts, routine, cursor)}\n\n<b>{ending}</b>"


def countdown(
    texts: Texts,
    rules: TimerRules,
    routine: Routine,
    cursor: Cursor,
    *,
    left: int,
    lead: int,
    hands_free: bool = False,
    paused: int | None = None,
) -> str:
    """The countdown message: where the user is, then the time left and a progress bar.

    `lead` is what remains of the lead before the hold: getting into position, or in a
    hands-free sequence the pause to switch sides or rest between sets. Hands-free, a last
    line says what comes after this hold. `paused` is the time left of a paused countdown.
    """
    timer = texts.timer
    step = routine.steps[cursor.step]
    total = coach.timer_seconds(step) or 1
    if paused is not None:
        status = timer.paused.format(left=min(paused, total))
    elif lead > 0:
        status = _lead(texts, cursor, lead, hands_free=hands_free)
    else:
        status = timer.running.format(left=left)
    done_cells = round(rules.bar_width * (total - left) / total)
    bar = "▰" * done_cells + "▱" * (rules.bar_width - done_cells)
    text = f"{header(texts, routine, cursor)}\n\n{status}\n{bar}".rstrip()
    return f"{text}\n{up_next(texts, routine, cursor)}" if hands_free else text


def _lead(texts: Texts, cursor: Cursor, lead: int, *, hands_free: bool) -> str:
    """Getting into position, or (hands-free, after a first hold) switching sides or resting."""
    timer = texts.timer
    if not hands_free or coach.is_first_of_step(cursor):
        return timer.get_ready.format(seconds=lead)
    if cursor.side is Side.RIGHT:
        return timer.switching.format(seconds=lead)
    return timer.resting.format(seconds=lead)


@by_content()
def up_next(texts: Texts, routine: Routine, cursor: Cursor) -> str:
    """`Next: right side`, `Next: set 2/3`, `Next: Psoas stretch`, or the end of the warm-up."""
    timer = texts.timer
    following = coach.advance(routine, cursor, coach.Action.DONE)
    if following is None:
        return timer.up_next.format(what=timer.up_end)
    if following.step != cursor.step:
        return timer.up_next.format(what=escape(routine.steps[following.step].name))
    if following.set == cursor.set and following.side is not None:
        side = getattr(texts.side_labels, following.side.value).lower()
        return timer.up_next.format(what=side)
    sets = routine.steps[cursor.step].prescription.guided_sets
    return timer.up_next.format(what=texts.set_label.format(set=following.set, sets=sets).lower())


@by_content()
def countdown_ended(texts: Texts, routine: Routine, cursor: Cursor, ending: str) -> str:
    """The countdown message once it is over: buttons gone, how it ended shown."""
    return f"{header(texts, routine, cursor)}\n\n{ending}"


@by_content()
def time_up(texts: Texts, routine: Routine, done: Cursor, following: Cursor | None) -> str:
    """What to do now that a hold is over: switch sides, do the next set, or release."""
    timer = texts.timer
    if following is None or following.step != done.step:
        return timer.release
    if following.set == done.set and following.side is not None:
        side = getattr(texts.side_labels, following.side.value).lower()
        return timer.switch_side.format(side=side)
    sets = routine.steps[done.step].prescription.guided_sets
    return timer.next_set.format(set=following.set, sets=sets)


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
        parts.append(words.reps.format(reps=rx.chosen_reps or rx.reps, unit=rx.rep_unit))
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
    screen: bool = False,
    gentle: bool = False,
    sharp_pain_in: str | None = None,
) -> str:
    """The warm-up's first message: what it is, (before the first warm-up) the red-flag
    questions, (after a red warm-up) the gentle version offered, (after a sharp-pain stop)
    that stop named, then how the back feels."""
    words = texts.screening
    screening = f"\n\n{words.questions}\n<i>{words.answer_means}</i>" if screen else ""
    offer = f"\n\n{texts.adapt.gentle_offer}" if gentle else ""
    if sharp_pain_in is not None:
        after_pain = texts.checkin.after_sharp_pain.format(exercise=escape(sharp_pain_in))
        offer += f"\n\n{after_pain}"
    return f"{intro(texts, routine)}{screening}{offer}\n\n{texts.checkin.before}"


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
    return texts.streak_days.one if days == 1 else texts.streak_days.many.format(days=days)


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
        lines.append(f"{described}\n{roller}" if (roller := _roller_note(texts, r)) else described)
    return "\n\n".join(lines)


def warmups(texts: Texts, count: int) -> str:
    """`1 warm-up`, `5 warm-ups`."""
    words = texts.progress
    return (words.warmup_one if count == 1 else words.warmup_many).format(count=count)


def format_duration(seconds: float) -> str:
    """`45 s`, `6 min 20 s`, `1 h 02 min`: short enough to read at a glance."""
    total = max(0, round(seconds))
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
