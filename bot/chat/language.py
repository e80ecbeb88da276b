"""The language an update is answered in, /language's page, and the command menu in each.

Set once per update by the guard (`bot/app.py`), before any handler looks a text up: in a
private chat the person's; in a group the group's, except for what is a person's own there
(their presses and toasts, the warm-up they start or stop), which speaks theirs.
"""

from __future__ import annotations

import functools

from babel import Locale
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chat import callbacks
from bot.chat.callbacks import Setting
from bot.coaching import language
from bot.content import Content
from bot.content.speaking import choose, speak
from bot.runtime.context import CoachContext

# Commands that in a group concern the sender's own warm-up.
PERSONAL_COMMANDS = ("/warmup", "/stop")


async def speak_for(update: Update, context: CoachContext) -> None:
    """Speak, for the rest of this update, the language it is answered in."""
    chat, person = update.effective_chat, update.effective_user
    assert chat is not None  # the guard lets no update without a chat through
    offered = context.rules.languages.offered
    telegram = person.language_code if person is not None else None
    query = update.callback_query
    press = callbacks.parse(query.data) if query is not None else None
    if (query is not None and press is None) or isinstance(press, callbacks.ON_A_WARMUP):
        # Forged or stale: refused by its toast alone, read in the app's language, so a flood
        # of such presses costs no database read. A press on a warm-up (a step, its opening
        # check-in): the warm-up's row, read anyway, says its language (`bot/coaching/running.py`).
        speak(choose(offered, None, telegram))
    elif chat.type == "private":
        stored = await language.stored(context.db, chat.id, telegram=telegram)
        speak(choose(offered, stored.chosen, telegram))
    elif person is not None and _personal(update, press):
        stored = await language.stored(context.db, person.id)  # their private chat's choice
        speak(choose(offered, stored.chosen, telegram))
    else:
        speak(await language.of_chat(context.db, context.content, chat.id))


def _personal(update: Update, press: callbacks.Callback | None) -> bool:
    """A press on anything but what the group shares, or a command on one's own warm-up."""
    if press is not None:
        return not isinstance(press, callbacks.SHARED)
    text = (update.message.text if update.message else None) or ""
    words = text.split()
    return bool(words) and words[0].split("@")[0] in PERSONAL_COMMANDS


@functools.cache
def autonym(code: str) -> str:
    """A language's own name, from CLDR: English, Русский, Español."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def page(content: Content, current: str, *, group: bool) -> tuple[str, InlineKeyboardMarkup]:
    """The language page: what is spoken, and a button for each language (✓ on it)."""
    texts = content.texts
    words = texts.language.page_group if group else texts.language.page
    buttons = [
        InlineKeyboardButton(
            texts.buttons.chosen.format(label=autonym(code)) if code == current else autonym(code),
            callback_data=Setting("lang", code).encode(),
        )
        for code in content.rules.languages.offered
    ]
    back = InlineKeyboardButton(
        texts.settings.buttons.back, callback_data=Setting("page", "main").encode()
    )
    return words.format(language=autonym(current)), InlineKeyboardMarkup([buttons, [back]])


async def set_commands(context: CoachContext) -> None:
    """The command menu in every language: the default's for everyone, each other's for
    people whose Telegram app is in it."""
    content = context.content
    offered = content.rules.languages.offered
    for code in offered:
        menu = content.language(code).texts.commands
        commands = [BotCommand(c.command, c.description) for c in menu]
        default = code == offered[0]
        await context.bot.set_my_commands(commands, language_code=None if default else code)
