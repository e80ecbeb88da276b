"""🎧 The audio guide in the chat: one voice note that leads a timed exercise from where the
person is to its end, sent as its hands-free countdown starts, so the voice and the chat agree.

Its script comes from the chat's own plan (`bot/coaching/guide.py`); the note is composed
from the committed clips once per script (in a worker thread: encoding takes a second or
so of CPU), uploaded once per bot and then sent by `file_id` (`bot/chat/uploads.py`). Where
Telegram refuses a voice note (a person's privacy settings can), one line says so and the
countdown runs as it would without the guide.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import InputFile, Message
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import uploads
from bot.coaching import guide
from bot.coaching.guide import Script
from bot.coaching.running import Position
from bot.content.rules import GuideRules
from bot.voice import notes

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# Notes kept composed in memory; past these, the file_id alone sends them.
KEPT_NOTES = 16


@dataclass
class Guides:
    """The clips on disk, and the notes composed from them (the latest few)."""

    folder: Path
    rules: GuideRules
    _clips: notes.Clips | None = None
    _notes: OrderedDict[str, bytes] = field(default_factory=OrderedDict)

    async def note(self, script: Script) -> bytes:
        """The OGG/Opus voice note for `script`, composed once."""
        if script.key not in self._notes:
            self._notes[script.key] = await asyncio.to_thread(self._compose, script)
            while len(self._notes) > KEPT_NOTES:
                self._notes.popitem(last=False)
        self._notes.move_to_end(script.key)
        return self._notes[script.key]

    def _compose(self, script: Script) -> bytes:
        if self._clips is None:
            self._clips = notes.Clips(self.folder, self.rules.sample_rate)
        return notes.ogg_opus(notes.compose(script, self._clips), self.rules.sample_rate)


async def send_guide(context: CoachContext, chat_id: int, position: Position) -> bool:
    """Send the guide for the exercise at `position`; False if Telegram refused it (the chat
    is told) or the exercise has no timer."""
    script = guide.script(position.routine, position.cursor, position.prefs, context.rules)
    if script is None:
        return False
    name = escape(position.step.name)
    caption = context.texts.guide.caption.format(name=name)

    async def content() -> InputFile:
        return InputFile(await context.services.guides.note(script), filename="guide.ogg")

    def file_id_of(message: Message) -> str | None:
        return message.voice.file_id if message.voice is not None else None

    async def send(voice: str | InputFile) -> Message:
        return await context.bot.send_voice(
            chat_id, voice, caption=caption, duration=script.length, parse_mode=ParseMode.HTML
        )

    upload = uploads.Upload(f"guide-{script.key}", script.key, content, file_id_of)
    if await uploads.send_once(context, upload, send) is not None:
        return True
    try:
        await context.bot.send_message(chat_id, context.texts.guide.refused)
    except TelegramError as exc:  # the countdown is what matters; it is already running
        log.warning("audio guide's refusal for chat %s not sent (%s)", chat_id, exc)
    return False
