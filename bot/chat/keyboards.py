"""Inline keyboards: which buttons go under which message, in what order.

Every button is built from a typed value of `bot.chat.callbacks`, which alone knows the
callback-data format; nothing here writes callback data by hand.
"""

from __future__ import annotations

from datetime import date, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.chat import callbacks as cb
from bot.chat.days import weekday_names
from bot.chat.memo import by_content
from bot.coaching import coach, localtime
from bot.coaching.coach import Cursor
from bot.coaching.localtime import EVERY_DAY, WEEKDAYS, WEEKEND
from bot.coaching.reminders import Status
from bot.coaching.running import Position
from bot.content import ReminderRules, Routine, Texts


@by_content()
def step_keyboard(
    texts: Texts,
    routine: Routine,
    session_id: int,
    cursor: Cursor,
    *,
    more: bool = False,
    guide: bool = False,
) -> InlineKeyboardMarkup:
    """The timer first where the step has one (with `guide`, `🎧 cb.AudioGuide` beside it),
    then `✅ cb.Done` (the tap people make most), then `⏭ cb.Skip` and `⏹ cb.Stop` side by
    side, sharp pain, and under an exercise's first message `cb.More` (or, opened, `cb.Less`)."""
    labels = texts.buttons
    rows = []
    step = routine.steps[cursor.step]
    if (seconds := coach.timer_seconds(step)) is not None:
        label = labels.start_hold if step.prescription.hold_seconds else labels.start_timer
        timer = [_button(label.format(seconds=seconds), cb.StartHold(session_id, cursor))]
        if guide:
            timer.append(_button(labels.audio_guide, cb.AudioGuide(session_id, cursor)))
        rows.append(timer)
    rows.append([_button(labels.done, cb.Done(session_id, cursor))])
    rows.append(
        [
            _button(labels.skip, cb.Skip(session_id, cursor)),
            _button(labels.stop, cb.Stop(session_id, cursor)),
        ]
    )
    rows.append([_button(labels.sharp_pain, cb.SharpPain(session_id, cursor))])
    if coach.is_first_of_step(cursor):
        fold = _button(labels.less, cb.Less(session_id, cursor)) if more else None
        rows.append([fold or _button(labels.more, cb.More(session_id, cursor))])
    return InlineKeyboardMarkup(rows)


def step_buttons(texts: Texts, position: Position, *, more: bool = False) -> InlineKeyboardMarkup:
    """The step keyboard at `position`: 🎧 offered unless the chat has it with every Start."""
    guide = not position.prefs.audio_guide
    return step_keyboard(
        texts, position.routine, position.session_id, position.cursor, more=more, guide=guide
    )


@by_content()
def countdown_keyboard(
    texts: Texts, session_id: int, cursor: Cursor, *, hands_free: bool, paused: bool = False
) -> InlineKeyboardMarkup:
    """Under a running countdown: stop it, or call the step done early.

    Hands-free, the countdown runs the whole exercise: pause and go on, skip the rest of it,
    or stop the warm-up, without reaching for any other message.
    """
    labels = texts.buttons
    if hands_free:
        toggle = (
            _button(labels.go_on, cb.GoOn(session_id, cursor))
            if paused
            else _button(labels.pause, cb.PauseHold(session_id, cursor))
        )
        return InlineKeyboardMarkup(
            [
                [toggle, _button(labels.skip, cb.Skip(session_id, cursor))],
                [
                    _button(labels.stop, cb.Stop(session_id, cursor)),
                    _button(labels.sharp_pain, cb.SharpPain(session_id, cursor)),
                ],
            ]
        )
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.buttons.stop_hold, cb.StopHold(session_id, cursor)),
                _button(texts.buttons.done, cb.Done(session_id, cursor)),
            ],
            [_button(texts.buttons.sharp_pain, cb.SharpPain(session_id, cursor))],
        ]
    )


@by_content()
def checkin_keyboard(
    texts: Texts,
    session_id: int,
    *,
    after: bool,
    quick: Routine | None = None,
    gentle: Routine | None = None,
) -> InlineKeyboardMarkup:
    """0-10 in two rows, then skip; before a warm-up also the quick routine."""
    answer = cb.PainAfter if after else cb.PainBefore
    values = [_button(str(v), answer(session_id, v)) for v in range(11)]
    last = [_button(texts.buttons.pain_skip, answer(session_id, None))]
    if gentle is not None:  # after a red warm-up, in the quick one's place
        last.append(_button(texts.buttons.gentle, cb.Switch(session_id, gentle.id)))
    elif quick is not None:
        label = texts.buttons.quick.format(minutes=coach.estimated_minutes(quick))
        last.append(_button(label, cb.Switch(session_id, quick.id)))
    return InlineKeyboardMarkup([values[:6], values[6:], last])


@by_content()
def screening_keyboard(texts: Texts, session_id: int = 0) -> InlineKeyboardMarkup:
    """Under the safety check's questions: none applies, or one does; for the warm-up
    `session_id` before a first one, or (0) under /safety."""
    return InlineKeyboardMarkup(
        [
            [_button(texts.screening.none, cb.Screen("none", session_id))],
            [_button(texts.screening.yes, cb.Screen("yes", session_id))],
        ]
    )


def morning_keyboard(session_id: int) -> InlineKeyboardMarkup:
    """0-10 in two rows, like the check-ins."""
    values = [_button(str(v), cb.MorningPain(session_id, v)) for v in range(11)]
    return InlineKeyboardMarkup([values[:6], values[6:]])


def clinician_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.screening.clinician, cb.Screen("ok", 0))]])


def flare_up_keyboard(
    texts: Texts, session_id: int, gentle: Routine, *, rest: bool
) -> InlineKeyboardMarkup:
    """The gentle routine, and the full one anyway unless resting was suggested."""
    rows = [[_button(texts.buttons.gentle, cb.Switch(session_id, gentle.id))]]
    if not rest:
        rows.append([_button(texts.buttons.full_anyway, cb.FullAnyway(session_id))])
    return InlineKeyboardMarkup(rows)


def forget_keyboard(texts: Texts, minute: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.buttons.forget_yes, cb.ForgetConfirm(minute))],
            [_button(texts.buttons.forget_no, cb.ForgetCancel(minute))],
        ]
    )


def unfinished_keyboard(
    texts: Texts, session_id: int, number: int, total: int
) -> InlineKeyboardMarkup:
    resume = texts.buttons.resume.format(number=number, total=total)
    return InlineKeyboardMarkup(
        [
            [_button(resume, cb.Resume(session_id))],
            [_button(texts.buttons.start_over, cb.Restart(session_id))],
        ]
    )


def routines_keyboard(texts: Texts, routines: list[Routine]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.buttons.begin_routine.format(title=r.title), cb.Begin(r.id))]
            for r in routines
        ]
    )


def remind_picker(texts: Texts, rules: ReminderRules, status: Status) -> InlineKeyboardMarkup:
    """Preset times four to a row (the chosen one marked), typing a time, the days, off, and
    ✅ Save, which closes the picker."""
    labels = texts.buttons
    chosen = status.local_time if status.enabled else None
    presets = [
        _button(
            labels.remind_at.format(time=f"✓ {preset}" if preset == chosen else preset),
            cb.RemindAt(time.fromisoformat(preset)),
        )
        for preset in rules.presets
    ]
    rows = [presets[i : i + 4] for i in range(0, len(presets), 4)]
    if chosen is not None and chosen not in rules.presets:  # a typed time: shown, marked
        typed = labels.remind_at.format(time=f"✓ {chosen}")
        rows.append([_button(typed, cb.RemindAt(time.fromisoformat(chosen)))])
    rows.append([_button(labels.remind_type, cb.RemindType())])
    days = labels.remind_days.format(days=days_button(texts, status.days))
    rows.append([_button(days, cb.RemindPickDays()), _button(labels.remind_off, cb.RemindOff())])
    rows.append([_button(labels.remind_save, cb.RemindSave())])
    return InlineKeyboardMarkup(rows)


def days_picker(texts: Texts, days: int) -> InlineKeyboardMarkup:
    """Every day, weekdays or weekends in one tap, or any days by toggling them."""
    labels = texts.buttons
    toggles = []
    for index, name in enumerate(weekday_names(texts)):
        bit = 1 << index
        chosen = bool(days & bit)
        # Never offer to switch off the last chosen day: a reminder on no day is "off".
        toggled = days ^ bit if days ^ bit else days
        label = (labels.day_on if chosen else labels.day_off).format(day=name)
        toggles.append(_button(label, cb.RemindDays(toggled)))
    return InlineKeyboardMarkup(
        [
            [
                _button(labels.every_day, cb.RemindDays(EVERY_DAY)),
                _button(labels.weekdays, cb.RemindDays(WEEKDAYS)),
                _button(labels.weekend, cb.RemindDays(WEEKEND)),
            ],
            toggles[:4],
            toggles[4:],
            [_button(labels.remind_back, cb.RemindMenu())],
        ]
    )


@by_content()
def reminder_keyboard(
    texts: Texts, rules: ReminderRules, day: date, *, snooze: bool
) -> InlineKeyboardMarkup:
    """Under a reminder: start now, snooze (while snoozes are left), or skip today."""
    labels = texts.buttons
    start = [
        _button(labels.reminder_start, cb.ReminderStart(day)),
        _button(labels.reminder_quick, cb.ReminderQuick(day)),
    ]
    later = [_button(labels.reminder_skip, cb.ReminderSkip(day))]
    if snooze:
        label = labels.reminder_snooze.format(minutes=rules.snooze_minutes)
        later.insert(0, _button(label, cb.ReminderSnooze(day)))
    return InlineKeyboardMarkup([start, later])


def places_keyboard(places: list[str]) -> InlineKeyboardMarkup:
    """Places to choose as the timezone, two to a row, by city."""
    buttons = [_button(localtime.city_of(place), cb.Place(place)) for place in places]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def days_button(texts: Texts, days: int) -> str:
    """`Every day`, `Weekdays`, `Weekends`, or `Mon, Wed, Fri`: the days on a button."""
    labels = texts.buttons
    named = {EVERY_DAY: labels.every_day, WEEKDAYS: labels.weekdays, WEEKEND: labels.weekend}
    if days in named:
        return named[days]
    return ", ".join(name for i, name in enumerate(weekday_names(texts)) if days & (1 << i))


def days_label(texts: Texts, days: int) -> str:
    """`every day`, `on weekdays`, `at weekends`, or `on Mon, Wed, Fri`."""
    rules = texts.reminders
    named = {EVERY_DAY: rules.every_day, WEEKDAYS: rules.weekdays, WEEKEND: rules.weekend}
    if days in named:
        return named[days]
    chosen = [name for i, name in enumerate(weekday_names(texts)) if days & (1 << i)]
    return rules.on_days.format(days=", ".join(chosen))


def _button(label: str, press: cb.Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=press.encode())
