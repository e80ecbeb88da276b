"""A hold's countdown in words: where the person is, the time left, what comes next, and
what to do when the time is up. The message is edited every few seconds, so it carries only
the step's number and side or set (`Step 1/8 · Left side`), not the exercise's name."""

from __future__ import annotations

from html import escape

from bot.chat.memo import by_content
from bot.chat.render import place
from bot.coaching import coach
from bot.coaching.coach import Cursor, Side
from bot.content import Routine, Texts
from bot.content.rules import TimerRules


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
    line says what comes next. `paused` is the time left of a paused countdown.
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
    text = f"{place(texts, routine, cursor)}\n\n{status}\n{bar}".rstrip()
    if not hands_free:
        return text
    if lead > 0 and paused is None:
        # Before the hold starts (getting ready, switching sides, resting) what comes next
        # is this hold itself, not what follows it.
        coming = _this_hold(texts, routine, cursor)
        return f"{text}\n{timer.up_next.format(what=coming)}" if coming else text
    return f"{text}\n{up_next(texts, routine, cursor)}"


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


def _this_hold(texts: Texts, routine: Routine, cursor: Cursor) -> str | None:
    """The hold about to start, by its side or set (`right side`, `set 2/3`); None for an
    exercise's first hold, which the message above already shows."""
    if cursor.side is not None and not coach.is_first_of_step(cursor):
        return str(getattr(texts.side_labels, cursor.side.value)).lower()
    sets = routine.steps[cursor.step].prescription.guided_sets
    if cursor.set > 1:
        return texts.set_label.format(set=cursor.set, sets=sets).lower()
    return None


@by_content()
def countdown_ended(texts: Texts, routine: Routine, cursor: Cursor, ending: str) -> str:
    """The countdown message once it is over: buttons gone, how it ended shown."""
    return f"{place(texts, routine, cursor)}\n\n{ending}"


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
