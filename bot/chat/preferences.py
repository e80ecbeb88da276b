"""The /settings menu: each page as text and buttons, and reading a press back into a choice.

One message that edits itself in place. The first page lists every setting with its current
value; toggles flip there, the rest open a page of choices with the current one marked. What a
page offers comes from content (`rules.yaml`): a pressed value outside it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.chat import language as languages
from bot.chat import render
from bot.chat.callbacks import Callback, RemindMenu, Setting
from bot.chat.language import autonym
from bot.chat.reminders import reminder_status
from bot.coaching import language, preferences
from bot.coaching.plan import Dose, Prefs
from bot.coaching.preferences import Snapshot
from bot.content import Content, Routine, Step, Texts
from bot.content.doses import options

# Page names, as they travel in `set:page:<name>`.
MAIN, SWITCH, REST, EXERCISES, ZONE, TARGET = "main", "switch", "rest", "ex", "zone", "target"
PRECAUTIONS, LANGUAGE = "care", "lang"
TARGETS = range(1, 8)


@dataclass(frozen=True)
class Page:
    text: str
    markup: InlineKeyboardMarkup | None


def main(content: Content, snap: Snapshot) -> Page:
    texts, prefs = content.texts, snap.prefs
    words, rules = texts.settings, content.rules.hands_free
    switch = prefs.switch_seconds if prefs.switch_seconds is not None else rules.switch_seconds
    rest = prefs.rest_seconds if prefs.rest_seconds is not None else rules.rest_seconds
    zone = escape(snap.reminder.zone) if snap.reminder.zone else words.zone_unset
    text = words.main.format(
        hands_free=_on_off(texts, prefs.hands_free),
        audio_guide=_on_off(texts, prefs.audio_guide),
        switch=switch,
        rest=rest,
        roller=words.yes if prefs.roller else words.no,
        pictures=_on_off(texts, snap.pictures),
        morning=_on_off(texts, snap.morning),
        reminder=reminder_status(texts, snap.reminder),
        zone=zone,
        target=snap.target,
        language=autonym(spoken(content, snap)),
    )
    buttons = words.buttons
    rows = [
        [_toggle(texts, buttons.hands_free, "hf", on=prefs.hands_free)],
        [_toggle(texts, buttons.audio_guide, "voice", on=prefs.audio_guide)],  # too long for half
        [_button(buttons.switch.format(seconds=switch), Setting("page", SWITCH)),
         _button(buttons.rest.format(seconds=rest), Setting("page", REST))],
        [_button(buttons.roller.format(value=words.yes if prefs.roller else words.no),
                 Setting("roller", _flag(not prefs.roller))),
         _toggle(texts, buttons.pictures, "pics", on=snap.pictures)],
        [_toggle(texts, buttons.morning, "morning", on=snap.morning)],
        [_button(buttons.exercises, Setting("page", EXERCISES))],
        [_button(buttons.reminder, RemindMenu()),
         _button(buttons.zone, Setting("page", ZONE))],
        [_button(buttons.target.format(target=snap.target), Setting("page", TARGET))],
        [_button(buttons.language.format(language=autonym(spoken(content, snap))),
                 Setting("page", LANGUAGE))],
        [_button(buttons.close, Setting("page", "close"))],
    ]  # fmt: skip
    if snap.private:  # a person's health answers are never shown in a group
        rows.insert(-1, [_button(buttons.precautions, Setting("page", PRECAUTIONS))])
    return Page(text, InlineKeyboardMarkup(rows))


def spoken(content: Content, snap: Snapshot) -> str:
    """The language the chat's shared messages speak: in a private chat, the one this update
    is answered in (its person's); in a group, the group's choice."""
    if snap.private:
        return content.texts.locale
    return language.spoken(content, snap.languages, private=False)


def language_page(content: Content, snap: Snapshot) -> Page:
    return Page(*languages.page(content, spoken(content, snap), group=not snap.private))


def _toggle(texts: Texts, label: str, name: str, *, on: bool) -> InlineKeyboardButton:
    """A button showing a setting's state, that turns it the other way."""
    return _button(label.format(value=_on_off(texts, on)), Setting(name, _flag(not on)))


def closed(content: Content, snap: Snapshot) -> Page:
    """The menu once closed: its summary stays, its buttons go."""
    return Page(main(content, snap).text, None)


def pauses(content: Content, snap: Snapshot, *, rest: bool) -> Page:
    """The choices for the pause to switch sides, or the rest between sets."""
    words, rules, prefs = content.texts.settings, content.rules.hands_free, snap.prefs
    if rest:
        chosen = prefs.rest_seconds if prefs.rest_seconds is not None else rules.rest_seconds
        values, name, text = rules.rest_choices, "rest", words.rest_page
    else:
        chosen = prefs.switch_seconds if prefs.switch_seconds is not None else rules.switch_seconds
        values, name, text = rules.switch_choices, "switch", words.switch_page
    row = [
        _button(_mark(words.seconds.format(seconds=v), v == chosen), Setting(name, str(v)))
        for v in values
    ]
    return Page(text, InlineKeyboardMarkup([row, [_back(content)]]))


def exercises(content: Content, snap: Snapshot) -> Page:
    """The full warm-up's exercises (as this chat does them), each opening its own page."""
    routine = _full(content, snap.prefs)
    rows = [
        [_button(f"{step.name} · {render.prescription(content.texts, step.prescription)}",
                 Setting("page", f"ex.{step.id}"))]
        for step in routine.steps
    ]  # fmt: skip
    rows.append([_back(content)])
    return Page(content.texts.settings.exercises_page, InlineKeyboardMarkup(rows))


def exercise(content: Content, snap: Snapshot, exercise_id: str) -> Page | None:
    """One exercise's holds, sets and reps; None if the full warm-up has no such exercise."""
    step = _exercise(content, snap.prefs, exercise_id)
    if step is None:
        return None
    words, rx = content.texts.settings, step.prescription
    offered = options(rx, content.rules.doses)
    source = words.from_source if rx.from_source else words.suggested
    text = words.exercise_page.format(
        name=escape(step.name),
        prescription=render.prescription(content.texts, rx),
        source=source,
    )
    rows = []
    if rx.level is not None and rx.levels is not None:  # the pain model moves it; so can they
        current = rx.level if not rx.by_hand else None
        rows.append([
            _button(_mark(words.level.format(level=n), n == current),
                    Setting("level", f"{step.id}.{n}"))
            for n in range(1, rx.levels + 1)
        ])  # fmt: skip
    for kind, values, guided, label in (
        ("hold", offered.seconds, rx.guided_seconds, words.seconds),
        ("sets", offered.sets, rx.guided_sets, words.sets),
        ("reps", offered.reps, rx.guided_reps, words.reps),
    ):
        if values:
            rows.append([
                _button(_mark(label.format(seconds=v, sets=v, reps=v), v == guided),
                        Setting(kind, f"{step.id}.{v}"))
                for v in values
            ])  # fmt: skip
    rows.append([_button(words.buttons.reset, Setting("reset", step.id)),
                 _button(words.buttons.back, Setting("page", EXERCISES))])  # fmt: skip
    return Page(text, InlineKeyboardMarkup(rows))


def target(content: Content, snap: Snapshot) -> Page:
    words = content.texts.settings
    row = [_button(_mark(str(n), n == snap.target), Setting("target", str(n))) for n in TARGETS]
    return Page(
        words.target_page.format(target=snap.target), InlineKeyboardMarkup([row, [_back(content)]])
    )


def zone(content: Content, snap: Snapshot) -> Page:
    words = content.texts.settings
    current = escape(snap.reminder.zone) if snap.reminder.zone else words.zone_unset
    return Page(words.zone_page.format(zone=current), InlineKeyboardMarkup([[_back(content)]]))


def dose_choice(content: Content, prefs: Prefs, kind: str, value: str) -> Prefs | None:
    """`prefs` with one exercise's level, hold, sets or reps chosen; None if that is not on
    offer."""
    exercise_id, _, number = value.rpartition(".")
    step = _exercise(content, prefs, exercise_id)
    if step is None or not number.isdigit():
        return None
    if kind == "level":
        levels = len(content.levels.of(exercise_id))
        return (
            prefs.with_level(exercise_id, int(number) - 1) if 1 <= int(number) <= levels else None
        )
    offered, n, dose = (
        options(step.prescription, content.rules.doses),
        int(number),
        prefs.dose(exercise_id),
    )
    if kind == "hold" and n in offered.seconds:
        return prefs.with_dose(exercise_id, Dose(n, dose.sets, dose.reps))
    if kind == "sets" and n in offered.sets:
        return prefs.with_dose(exercise_id, Dose(dose.seconds, n, dose.reps))
    if kind == "reps" and n in offered.reps:
        return prefs.with_dose(exercise_id, Dose(dose.seconds, dose.sets, n))
    return None


def _full(content: Content, prefs: Prefs) -> Routine:
    return preferences.shape(content, content.default_routine, prefs)


def _exercise(content: Content, prefs: Prefs, exercise_id: str) -> Step | None:
    return next((s for s in _full(content, prefs).steps if s.id == exercise_id), None)


def _on_off(texts: Texts, on: bool) -> str:
    return texts.settings.on if on else texts.settings.off


def _flag(on: bool) -> str:
    return "1" if on else "0"


def _mark(label: str, chosen: bool) -> str:
    return f"✓ {label}" if chosen else label


def _back(content: Content) -> InlineKeyboardButton:
    return _button(content.texts.settings.buttons.back, Setting("page", MAIN))


def _button(label: str, press: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=press.encode())
