"""/settings: one message whose pages and choices edit it in place."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import choices
from bot.chat import precautions as asked
from bot.chat import preferences as menu
from bot.chat.callbacks import Setting
from bot.chat.preferences import Page
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.coaching import precautions, preferences
from bot.coaching.preferences import Snapshot
from bot.runtime.context import CoachContext


async def settings_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    snap = await preferences.snapshot(context.db, chat_id=chat_id, now=context.now())
    page = menu.main(context.content, snap)
    await context.bot.send_message(
        chat_id, page.text, parse_mode=ParseMode.HTML, reply_markup=page.markup
    )


async def on_setting(query: CallbackQuery, context: CoachContext, press: Setting) -> None:
    """A page opened, or a value chosen: the message shows the page as it now is."""
    chat_id, now = chat_id_of(query), context.now()
    snap = await preferences.snapshot(context.db, chat_id=chat_id, now=now)
    if snap.private and (press.value == menu.PRECAUTIONS or press.name in ("care", "back")):
        page, toast = await _precautions(context, query.from_user.id, press)
    elif press.name == "page":
        page = _page(context, snap, press.value)
        toast = None
    else:
        changed = await _choose(context, chat_id, snap, press)
        page, toast = changed, context.texts.settings.changed
    if page is None:  # a page or value the menu never offered: forged, or from older content
        await answer(query, context.texts.settings.not_offered)
        return
    await answer(query, toast)
    await edit(context, chat_id, message_id_of(query), page.text, page.markup, resend=True)


async def _precautions(
    context: CoachContext, person: int, press: Setting
) -> tuple[Page | None, str | None]:
    """The person's precautions page: opened, a precaution ticked or unticked, or an exercise
    put back. Theirs alone, so only in their private chat."""
    content, db = context.content, context.db
    if press.name == "care":  # "<precaution>.1" ticks it, ".0" unticks it
        precaution, _, on = press.value.partition(".")
        wanted = {"1": True, "0": False}.get(on)
        changed = None
        if wanted is not None:
            changed = await precautions.tick(db, content, person, precaution, on=wanted)
    elif press.name == "back":
        changed = await precautions.put_back(db, person, press.value)
    else:
        changed = await precautions.personal(db, person)
    if changed is None:
        return None, None
    toast = None if press.name == "page" else context.texts.settings.changed
    return asked.page(content, changed), toast


def _page(context: CoachContext, snap: Snapshot, name: str) -> Page | None:
    content = context.content
    if name.startswith("ex."):
        return menu.exercise(content, snap, name.removeprefix("ex."))
    pages = {
        menu.MAIN: lambda: menu.main(content, snap),
        "close": lambda: menu.closed(content, snap),
        menu.SWITCH: lambda: menu.pauses(content, snap, rest=False),
        menu.REST: lambda: menu.pauses(content, snap, rest=True),
        menu.EXERCISES: lambda: menu.exercises(content, snap),
        menu.TARGET: lambda: menu.target(content, snap),
        menu.ZONE: lambda: menu.zone(content, snap),
        menu.LANGUAGE: lambda: menu.language_page(content, snap),
    }
    build = pages.get(name)
    return build() if build else None


async def _choose(
    context: CoachContext, chat_id: int, snap: Snapshot, press: Setting
) -> Page | None:
    """Store the choice and return the page to show next; None if it is not on offer."""
    changed = await choices.choose(context, chat_id, snap, press.name, press.value)
    if changed is None:
        return None
    if press.name == menu.LANGUAGE:
        return menu.language_page(context.content, changed)
    if press.name in choices.PER_EXERCISE:
        exercise_id = press.value.rpartition(".")[0] or press.value
        return menu.exercise(context.content, changed, exercise_id)
    return menu.main(context.content, changed)
