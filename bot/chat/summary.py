"""A finished warm-up in words: what was done, how long it took, the streak, and what the
coach makes of the check-ins."""

from __future__ import annotations

from html import escape

from bot.chat.render import format_duration, prescription, streak
from bot.coaching.adapt import Change, Light
from bot.coaching.summary import Summary
from bot.content import Routine, Texts


def complete(texts: Texts, summary: Summary) -> str:
    """`Warm-up complete` with what was done, time, sessions, streak, milestones, pain."""
    skipped = ""
    if summary.skipped:
        skipped = texts.skipped_list.format(names=escape(", ".join(summary.skipped)))
    text = texts.complete.format(
        done=summary.done,
        total=len(summary.routine.steps),
        skipped_list=skipped,
        duration=format_duration(summary.seconds),
        sessions=summary.sessions,
        streak=streak(texts, summary.streak),
    ).rstrip()
    for key in summary.milestones:
        text += "\n" + getattr(texts.milestones, key)
    if summary.pain_before is not None and summary.pain_after is not None:
        change = texts.checkin.change.format(before=summary.pain_before, after=summary.pain_after)
        text += "\n" + change
    elif summary.pain_after is not None:
        text += "\n" + texts.checkin.recorded_after.format(pain=summary.pain_after)
    return text


def adaptation(texts: Texts, change: Change, before: int | None, after: int, full: Routine) -> str:
    """What the pain model made of the warm-up: its light, and what changes next time."""
    words = texts.adapt
    if change.light is Light.RED:
        worse = after - before if before is not None else 0
        more = words.worse.format(points=worse) if worse > 0 else ""
        lines = [f"{words.red.format(after=after)}{more}."]
    elif change.light is Light.AMBER:
        lines = [words.amber.format(after=after)]
    else:
        lines = [words.green.format(after=after)]
    if change.step:
        lines.append(words.up if change.step > 0 else words.down)
        steps = {step.id: step for step in full.steps}
        lines += [
            words.moved.format(
                name=escape(steps[e].name), prescription=prescription(texts, steps[e].prescription)
            )
            for e in change.moved
            if e in steps
        ]
    elif change.light is Light.GREEN and change.greens:
        lines.append(words.green_run.format(greens=change.greens))
    if change.gentle_next:
        lines.append(words.gentle_next)
    return "\n".join(lines)


def complete_asking(texts: Texts, summary: Summary) -> str:
    """The summary as first sent: with the closing check-in question under it."""
    return f"{complete(texts, summary)}\n\n{texts.checkin.after}"
