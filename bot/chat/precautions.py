"""The precautions in the chat: the question after a first check-in, what changed in the plan,
the 🚫 Leave out button after a sharp-pain stop, and the /settings page.

In a group the question's buttons show no ticks (the others would see them): the person sees
what they ticked in the answer to each press, which only they see.
"""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot.chat import callbacks as cb
from bot.chat.preferences import Page
from bot.coaching.plan import Changes
from bot.coaching.precautions import Answers
from bot.content import Content, SafetyRules
from bot.runtime.context import CoachContext

TICKED, UNTICKED = "☑️", "⬜"


def chosen_ids(safety: SafetyRules, chosen: int) -> tuple[str, ...]:
    """The precautions whose bits are set in `chosen`, in content order."""
    return tuple(p for n, p in enumerate(safety.ids) if chosen >> n & 1)


async def ask(context: CoachContext, chat_id: int, session_id: int, *, group: bool) -> None:
    """The precautions question, nothing ticked yet."""
    await context.bot.send_message(
        chat_id,
        context.texts.precautions.question,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(context.content, session_id, 0, ticks=not group),
    )


def keyboard(
    content: Content, session_id: int, chosen: int, *, ticks: bool
) -> InlineKeyboardMarkup:
    """One button per precaution (ticked or not, where `ticks`), then None or Continue."""
    words = content.texts.precautions
    rows = []
    for n, precaution in enumerate(content.safety.ids):
        mark = (TICKED if chosen >> n & 1 else UNTICKED) + " " if ticks else ""
        label = f"{mark}{words.labels[precaution]}"
        rows.append([_button(label, cb.Precautions(session_id, chosen, n))])
    # In a group the last button keeps one label: "None of these" turning into "Continue"
    # would tell the others that something was ticked.
    done = words.done if chosen or not ticks else words.none
    rows.append([_button(done, cb.Precautions(session_id, chosen, cb.Precautions.DONE))])
    return InlineKeyboardMarkup(rows)


def ticked_toast(content: Content, chosen: int) -> str:
    """What is ticked now, for the presser alone."""
    labels = content.texts.precautions.labels
    ticked = [labels[p] for p in chosen_ids(content.safety, chosen)]
    return "\n".join(f"{TICKED} {label}" for label in ticked) or content.texts.precautions.none


def changed(content: Content, changes: Changes, chosen: tuple[str, ...] = ()) -> str:
    """What the plan changes, marked as our suggestion, with the reasons of `chosen`."""
    words = content.texts.precautions
    reasons = [words.reasons[p] for p in chosen]
    if not (changes.left_out or changes.swapped):
        return "\n".join(reasons) or words.none_recorded
    names = _names(content)
    lines = [words.changed]
    if changes.left_out:
        lines.append(words.left_out.format(names=_listed(names, changes.left_out)))
    if changes.swapped:
        lines.append(words.swapped.format(names=_listed(names, changes.swapped)))
    return "\n".join([*lines, *reasons])


def leave_out_button(
    content: Content, session_id: int, exercise_id: str
) -> list[InlineKeyboardButton]:
    name = _names(content).get(exercise_id, exercise_id)
    label = content.texts.precautions.leave_out.format(exercise=name)
    return [_button(label, cb.LeaveOut(session_id, exercise_id))]


def page(content: Content, personal: Answers) -> Page:
    """/settings: the person's precautions to tick or untick, and exercises to put back."""
    words, names = content.texts.precautions, _names(content)
    ticked = personal.precautions or ()
    lines = [
        f"{TICKED if p in ticked else UNTICKED} {escape(words.labels[p])}"
        for p in content.safety.ids
    ]
    rows = [
        [_button(line, cb.Setting("care", f"{p}.{0 if p in ticked else 1}"))]
        for line, p in zip(lines, content.safety.ids, strict=True)
    ]
    for exercise in personal.left_out:
        label = words.put_back.format(exercise=names.get(exercise, exercise))
        rows.append([_button(label, cb.Setting("back", exercise))])
    rows.append([_button(content.texts.settings.buttons.back, cb.Setting("page", "main"))])
    left_out = _listed(names, personal.left_out) or words.nothing_left_out
    text = words.page.format(precautions="\n".join(lines), left_out=left_out)
    return Page(text, InlineKeyboardMarkup(rows))


def exercise_name(content: Content, exercise_id: str) -> str:
    return _names(content).get(exercise_id, exercise_id)


def _names(content: Content) -> dict[str, str]:
    """Every exercise's name by id, the standing alternatives included."""
    return {exercise: step.name for exercise, step in content.exercises().items()}


def _listed(names: dict[str, str], ids: tuple[str, ...]) -> str:
    return ", ".join(escape(names.get(i, i)) for i in ids)


def _button(label: str, press: cb.Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=press.encode())
