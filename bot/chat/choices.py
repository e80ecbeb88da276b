"""A settings choice, read and stored: the one rule set behind /settings and the Mini App.

A choice is a setting's name and a value as text (`hf` and `0`, `switch` and `10`), as both
carry it: the chat in a button's data, the app in its request. What is on offer comes from
content (`rules.yaml`, the levels and doses); a value outside it changes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from bot.chat import preferences as menu
from bot.coaching import language, pictures, preferences, progress
from bot.coaching.plan import Dose, Prefs
from bot.coaching.preferences import Snapshot
from bot.content import Content
from bot.content.speaking import speak
from bot.runtime.context import CoachContext

# Settings whose change reshapes one exercise: the chat shows that exercise's page after.
PER_EXERCISE = ("level", "hold", "sets", "reps", "reset")


async def choose(
    context: CoachContext, chat_id: int, snap: Snapshot, name: str, value: str
) -> Snapshot | None:
    """Store the choice and return the settings as they now are; None if not on offer."""
    db, now = context.db, context.now()
    flag = {"1": True, "0": False}.get(value)
    number = int(value) if value.isdigit() else None
    if name == "pics" and flag is not None:
        await pictures.set_pictures(db, chat_id=chat_id, on=flag, now=now)
        return replace(snap, pictures=flag)
    if name == "morning" and flag is not None:
        await preferences.set_morning_question(db, chat_id=chat_id, on=flag, now=now)
        return replace(snap, morning=flag)
    if name == "lang" and value in context.rules.languages.offered:
        await language.set_language(db, chat_id, value, person=None)
        speak(value)  # the rest of this answer is in the language just chosen
        return replace(snap, languages=snap.languages._replace(chosen=value))
    if name == "target" and number in menu.TARGETS:
        assert number is not None
        await progress.set_target(db, chat_id=chat_id, target=number, now=now)
        return replace(snap, target=number)
    changed = _changed(context.content, snap, name, value)
    if changed is None:
        return None
    await preferences.save(db, chat_id=chat_id, prefs=changed, now=now)
    return replace(snap, prefs=changed)


def _changed(content: Content, snap: Snapshot, name: str, value: str) -> Prefs | None:
    """The preferences with the choice made, or None if it is not on offer."""
    prefs, rules = snap.prefs, content.rules.hands_free
    flag = {"1": True, "0": False}.get(value)
    number = int(value) if value.isdigit() else None
    changed: Prefs | None = None
    if flag is not None and name == "hf":
        changed = replace(prefs, hands_free=flag)
    elif flag is not None and name == "voice":
        changed = replace(prefs, audio_guide=flag)
    elif flag is not None and name == "roller":
        changed = replace(prefs, roller=flag)
    elif name == "switch" and number in rules.switch_choices:
        changed = replace(prefs, switch_seconds=number)
    elif name == "rest" and number in rules.rest_choices:
        changed = replace(prefs, rest_seconds=number)
    elif name in ("level", "hold", "sets", "reps"):
        changed = menu.dose_choice(content, prefs, name, value)
    elif name == "reset" and menu.exercise(content, snap, value) is not None:
        changed = prefs.with_dose(value, Dose())
    return changed
