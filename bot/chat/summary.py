"""A finished warm-up in words: what was done, how long it took, the streak, and what the
coach makes of the check-ins."""

from __future__ import annotations

from html import escape

from bot.chat.render import format_duration, prescription, streak
from bot.coaching.adapt import Change, Light
from bot.coaching.checkins import After
from bot.coaching.summary import Summary
from bot.content import Routine, Texts
from bot.content.rules import PainModel


def complete(texts: Texts, summary: Summary) -> str:
    """`Warm-up complete` with what was done, time, sessions, streak, milestones, pain."""
    skipped = ""
    if summary.skipped:
        skipped = texts.skipped_list.format(names=escape(", ".join(summary.skipped)))
    text = texts.complete.format(
        done=summary.done,
        total=len(summary.routine.steps),
        skipped_list=skipped,
        duration=format_duration(texts, summary.seconds),
        sessions=summary.sessions,
        streak=streak(texts, summary.streak),
    ).rstrip()
    for key in summary.milestones:
        text += "\n" + getattr(texts.milestones, key)
    if summary.sessions == 1:  # the first streak shown says what it counts
        text += f"\n<i>{texts.streak_rule}</i>"
    if summary.pain_before is not None and summary.pain_after is not None:
        change = texts.checkin.change.format(before=summary.pain_before, after=summary.pain_after)
        text += "\n" + change
    elif summary.pain_after is not None:
        text += "\n" + texts.checkin.recorded_after.format(pain=summary.pain_after)
    return text


def adaptation(
    texts: Texts,
    change: Change,
    pain: tuple[int | None, int],
    full: Routine,
    model: PainModel,
    *,
    explain: bool = False,
) -> str:
    """What the pain model made of the warm-up: its light with the change it saw (`pain`:
    before and after), what changes next time, and (`explain`) how the lights work."""
    words = texts.adapt
    template = {Light.RED: words.red, Light.AMBER: words.amber, Light.GREEN: words.green}
    lines = [template[change.light].format(after=pain[1], change=change_words(texts, *pain))]
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
        needed = model.greens_to_step_up
        lines.append(words.green_run.format(greens=change.greens, needed=needed))
    if change.gentle_next:
        lines.append(words.gentle_next)
    if explain:
        lines.append(f"<i>{lights(texts, model)}</i>")
    return "\n".join(lines)


def lights(texts: Texts, model: PainModel) -> str:
    """How the lights work, with the rules' own numbers."""
    return texts.adapt.lights.format(
        green_max=model.green_max,
        red_from=model.red_from,
        worse_by=model.worse_by,
        needed=model.greens_to_step_up,
    )


def change_words(texts: Texts, before: int | None, after: int) -> str:
    """`2 points lower than before`, `the same as before`, `1 point higher than before`."""
    words = texts.adapt
    if before is None:
        return words.no_before
    if before == after:
        return words.same
    gap = abs(after - before)
    points = words.points.format(points=gap)
    return (words.worse if after > before else words.better).format(points=points)


def complete_asking(texts: Texts, summary: Summary) -> str:
    """The summary as first sent: with the closing check-in question under it."""
    return f"{complete(texts, summary)}\n\n{texts.checkin.after}"


def checked_after(texts: Texts, checked: After, pain: int | None, model: PainModel) -> str:
    """The summary once its check-in is answered: with what the coach makes of it, and
    under a first warm-up's light how the lights work."""
    text = complete(texts, checked.summary)
    if checked.change is None or checked.next_time is None or pain is None:
        return text
    summary = checked.summary
    adapted = adaptation(
        texts,
        checked.change,
        (summary.pain_before, pain),
        checked.next_time,
        model,
        explain=summary.sessions == 1,
    )
    return f"{text}\n\n{adapted}"
