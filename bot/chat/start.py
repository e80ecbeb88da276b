"""/start's message: what the bot is, how long the warm-up takes and what it needs, the foam
roller chosen right under it, and the one button to begin."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.chat import callbacks as cb
from bot.coaching import coach
from bot.content import Routine, Texts


def text(texts: Texts, routine: Routine) -> str:
    """The welcome, with the count and minutes of `routine` as this chat would do it."""
    welcome = texts.welcome.format(
        count=len(routine.steps), minutes=coach.estimated_minutes(routine)
    )
    return f"{welcome}\n\n{texts.safety}"


def keyboard(texts: Texts, routine_id: str, *, roller: bool) -> InlineKeyboardMarkup:
    """The foam roller, yes or no (the chat's choice ticked), then ▶️ Start warm-up."""
    buttons = texts.buttons
    have = buttons.chosen.format(label=buttons.roller_yes) if roller else buttons.roller_yes
    lack = buttons.roller_no if roller else buttons.chosen.format(label=buttons.roller_no)
    return InlineKeyboardMarkup(
        [
            [_button(have, cb.Roller("yes")), _button(lack, cb.Roller("no"))],
            [_button(buttons.start, cb.Begin(routine_id))],
        ]
    )


def _button(label: str, press: cb.Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=press.encode())
