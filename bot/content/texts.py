"""The text schema: everything the bot says that is not part of a routine.

Only words live in it, and the `{fields}` each template may use: what a translator changes.
Numbers that change behaviour are rules (`bot/content/rules.py`).

`Texts` is one language's words (`content/locales/<code>/`). Its parts are grouped by where
they are said: `warmup_texts.py` during a warm-up, `command_texts.py` in the commands
around one; the fields each template may use, and their check, are in `placeholders.py`. The
parts are re-exported here, so `bot.content.texts` still names every model of the schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from bot.content.base import Strict, Text
from bot.content.command_texts import (
    Command,
    DataTexts,
    GroupTexts,
    PicturesTexts,
    PrecautionTexts,
    ProgressTexts,
    ReminderTexts,
    RestTexts,
    ScreeningTexts,
    SettingsButtons,
    SettingsTexts,
    TypedTexts,
)
from bot.content.placeholders import TEMPLATE_FIELDS, check_placeholders
from bot.content.warmup_texts import (
    AdaptTexts,
    ArmLabels,
    Buttons,
    Checkin,
    DurationTexts,
    GuideTexts,
    Milestones,
    MorningTexts,
    Notices,
    OfferTexts,
    Outcomes,
    PrescriptionTexts,
    SideLabels,
    SpokenTexts,
    Timer,
)
from bot.content.webapp_texts import WebAppTexts

__all__ = [
    "TEMPLATE_FIELDS",
    "AdaptTexts",
    "ArmLabels",
    "Buttons",
    "Checkin",
    "Command",
    "DataTexts",
    "DurationTexts",
    "GroupTexts",
    "GuideTexts",
    "Milestones",
    "MorningTexts",
    "Notices",
    "OfferTexts",
    "Outcomes",
    "PicturesTexts",
    "PrecautionTexts",
    "PrescriptionTexts",
    "ProgressTexts",
    "ReminderTexts",
    "RestTexts",
    "ScreeningTexts",
    "SettingsButtons",
    "SettingsTexts",
    "SideLabels",
    "SpokenTexts",
    "Texts",
    "Timer",
    "TypedTexts",
    "WebAppTexts",
]


class LanguageTexts(Strict):
    """/language: the page, in a private chat and in a group, and the answers."""

    page: Text
    page_group: Text
    changed: Text  # said in the language just chosen
    unknown: Text


class OursMarks(Strict):
    """How a line of ours starts among an exercise's how: an addition, or a change."""

    suggestion: Text
    change: Text


class Texts(Strict):
    """Everything the bot says that is not part of a routine, in one language."""

    locale: str = "en"  # the language's code: Babel's weekday names and numbers follow it
    welcome: Text
    safety: Text
    help: Text
    commands: list[Command] = Field(min_length=1)
    intro: Text
    hands_free_tip: Text  # under the intro while hands-free timers are on
    needs_roller: Text
    routine_roller: Text  # the same, naming them, under /routines
    first_timed: Text  # under the first timed exercise, hands-free: one Start runs it all
    first_level: Text  # under the first exercise with levels: what a level is
    alternative: Text  # under an exercise the source does not give (no foam roller)
    checkin: Checkin
    sharp_pain: Text
    milestones: Milestones
    progress: ProgressTexts
    data: DataTexts
    pictures: PicturesTexts
    settings: SettingsTexts
    step_header: Text
    step_number: Text  # the header of a later side or set, and of a countdown
    set_label: Text
    side_labels: SideLabels
    arm_labels: ArmLabels
    side_words: ArmLabels  # "left" and "right" inside a sentence
    targets: Text
    why: Text
    targets_ours: Text  # the same, where the routine file says the words go beyond the source
    why_ours: Text
    prescription: PrescriptionTexts
    outcomes: Outcomes
    complete: Text
    skipped_list: Text
    duration: DurationTexts
    streak_days: Text  # "{days} days", with the language's plural forms
    streak_rule: Text  # under the first summary
    stopped: Text
    nothing_to_stop: Text
    nothing_done: Text  # the end of a warm-up whose every exercise was skipped
    unfinished: Text
    offer: OfferTexts
    screening: ScreeningTexts
    precautions: PrecautionTexts
    adapt: AdaptTexts
    rest: RestTexts
    morning: MorningTexts
    routines: Text
    routine_line: Text
    timer: Timer
    guide: GuideTexts
    reminders: ReminderTexts
    notices: Notices
    groups: GroupTexts
    typed: TypedTexts
    fallback: Text
    error: Text
    buttons: Buttons
    webapp: WebAppTexts
    language: LanguageTexts
    ours: OursMarks

    @field_validator("commands", mode="before")
    @classmethod
    def _menu_in_file_order(cls, commands: Any) -> Any:
        # commands.ftl gives `commands-<name> = description`, the menu's order.
        if isinstance(commands, dict):
            return [{"command": name, "description": text} for name, text in commands.items()]
        return commands

    @model_validator(mode="after")
    def _known_placeholders(self) -> Texts:
        # The command menu goes to Telegram as it is, never formatted: it has no templates.
        check_placeholders(self.model_dump(exclude={"commands"}))
        return self
