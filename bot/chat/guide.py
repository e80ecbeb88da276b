"""🎧 The audio guide in the chat: one voice note that leads a timed exercise from where the
person is to its end, sent as its countdown starts.

Its script comes from the chat's own plan (`bot/coaching/guide.py`). The note is composed
from the committed clips once per script (in a worker thread: encoding takes a second or so
of CPU), before the countdown starts so the voice is not late; it is uploaded once per bot
and then sent by `file_id` (`bot/chat/uploads.py`). Where Telegram refuses it, one line says
why and the countdown runs as it would have; a chat that refuses voice notes (a person's
privacy settings, a group's rules) is told once, and not sent one again for a while.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import InputFile, Message
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.chat import uploads
from bot.coaching import guide
from bot.coaching.coach import Cursor
from bot.coaching.guide import Script
from bot.coaching.holds import Hold
from bot.coaching.running import GuideNote, Position
from bot.content import Content, ContentError
from bot.content.texts import GuideTexts
from bot.voice import notes

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# Notes kept composed in memory; past these, the file_id alone sends them.
KEPT_NOTES = 16


@dataclass
class Guides:
    """The clips (checked at start-up), the notes composed from them (the latest few), and
    the chats that refused a voice note lately."""

    folder: Path
    content: Content
    clips: dict[str, notes.Clips] = field(init=False)  # by language
    _notes: OrderedDict[str, bytes] = field(default_factory=OrderedDict)
    _composing: dict[str, asyncio.Future[bytes]] = field(default_factory=dict)
    _refused: dict[int, datetime] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            self.clips = {
                code: notes.Clips(self.folder / code, self.content, code)
                for code in self.content.languages
            }
        except (OSError, ValueError, KeyError) as exc:
            raise ContentError(f"the audio guide's clips: {exc}") from exc

    def digest(self, script: Script) -> str:
        """Names the note's sound: its script and the clips it is made of, in the language
        spoken now."""
        made = f"{script.key};{self._clips().digest};{notes.CLIP_GAP_SECONDS}"
        return hashlib.sha256(made.encode()).hexdigest()[:32]

    async def note(self, script: Script) -> bytes:
        """The OGG/Opus voice note for `script`, composed once however many ask at once."""
        key = self.digest(script)
        if key not in self._notes:
            if key not in self._composing:
                work = asyncio.to_thread(self._compose, script, self._clips())
                self._composing[key] = asyncio.ensure_future(work)
            try:
                self._notes[key] = await self._composing[key]
            finally:
                self._composing.pop(key, None)
            while len(self._notes) > KEPT_NOTES:
                self._notes.popitem(last=False)
        self._notes.move_to_end(key)
        return self._notes[key]

    def _clips(self) -> notes.Clips:
        return self.clips[self.content.texts.locale]

    @staticmethod
    def _compose(script: Script, clips: notes.Clips) -> bytes:
        return notes.ogg_opus(notes.compose(script, clips), clips.sample_rate)

    def refused_lately(self, chat_id: int, now: datetime) -> bool:
        minutes = self.content.rules.audio_guide.refusal_minutes
        since = self._refused.get(chat_id)
        return since is not None and now - since < timedelta(minutes=minutes)

    def refused(self, chat_id: int, now: datetime) -> None:
        self._refused[chat_id] = now


async def ready(
    context: CoachContext, chat_id: int, session_id: int, cursor: Cursor, *, asked: bool
) -> None:
    """Before a countdown starts: compose the note it will send, if the press will send one
    (`asked`: 🎧; or ⏱ Start with the setting on), so it goes out as the countdown starts."""
    planned = await guide.planned(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=session_id,
        cursor=cursor,
        asked=asked,
    )
    if planned is not None:
        try:
            await context.services.guides.note(planned)
        except (OSError, ValueError, RuntimeError):  # said when it is sent; the press goes on
            log.exception("audio guide for chat %s not composed", chat_id)


async def send_guide(
    context: CoachContext, chat_id: int, position: Position, *, left: int | None = None
) -> None:
    """Send the guide for the exercise at `position` (from `left` seconds before its
    countdown's end, after ▶️ Go on), or one line on why it did not come."""
    guides, now = context.services.guides, context.now()
    script = guide.script(
        position.routine, position.cursor, position.prefs, context.rules, left=left
    )
    if script is None or guides.refused_lately(chat_id, now):
        return
    try:
        sent = await uploads.send_once(
            context, _upload(context, script), _sender(context, chat_id, position, script)
        )
    except (OSError, ValueError, RuntimeError) as exc:  # composing failed; the countdown runs
        log.exception("audio guide for chat %s not composed", chat_id)
        sent = uploads.Refused(str(exc))
    if isinstance(sent, uploads.Refused):
        await _say_refused(context, chat_id, sent)
        return
    ends_at = now + timedelta(seconds=script.length)
    await guide.remember(context.db, position.session_id, GuideNote(sent.message_id, ends_at))


async def silence(
    context: CoachContext, chat_id: int, position: Position, *, cut: bool = False
) -> None:
    """Stop the exercise's voice note if it is still speaking: Telegram stops playing a
    deleted note. `cut` (⏸ Pause): it is remembered as cut, for ▶️ Go on to send the rest."""
    note = position.guide
    if note is None:
        return
    speaking = note.ends_at is not None and context.now() < note.ends_at
    if speaking:
        try:
            await context.bot.delete_message(chat_id, note.message_id)
        except TelegramError as exc:  # gone already, or Telegram out of reach: the countdown's
            # change is what matters
            log.warning("audio guide for chat %s not silenced (%s)", chat_id, exc)
    kept = GuideNote(note.message_id, None) if cut and speaking else None
    await guide.remember(context.db, position.session_id, kept)


async def go_on(context: CoachContext, chat_id: int, hold: Hold) -> None:
    """▶️ Go on: a note ⏸ Pause cut comes again, from where the countdown goes on."""
    note = hold.position.guide
    if note is not None and note.ends_at is None:
        left = round((hold.ends_at - context.now()).total_seconds())
        await send_guide(context, chat_id, hold.position, left=max(left, 0))


def _upload(context: CoachContext, script: Script) -> uploads.Upload:
    guides = context.services.guides

    async def content() -> InputFile:
        return InputFile(await guides.note(script), filename="guide.ogg")

    def file_id_of(message: Message) -> str | None:
        return message.voice.file_id if message.voice is not None else None

    return uploads.Upload(f"guide-{script.key}", guides.digest(script), content, file_id_of)


def _sender(
    context: CoachContext, chat_id: int, position: Position, script: Script
) -> uploads.Send:
    caption = context.texts.guide.caption.format(name=escape(position.step.name))

    async def send(voice: str | InputFile) -> Message:
        return await context.bot.send_voice(
            chat_id, voice, caption=caption, duration=script.length, parse_mode=ParseMode.HTML
        )

    return send


async def _say_refused(context: CoachContext, chat_id: int, refused: uploads.Refused) -> None:
    words = context.texts.guide
    line = refusal(words, refused.reason)
    if line != words.not_sent:  # the chat refuses voice notes: said once, not tried again
        context.services.guides.refused(chat_id, context.now())
    try:
        await context.bot.send_message(chat_id, line)
    except TelegramError as exc:  # the countdown is what matters; it is already running
        log.warning("audio guide's refusal for chat %s not sent (%s)", chat_id, exc)


def refusal(words: GuideTexts, reason: str) -> str:
    """The line for what Telegram said: the person's privacy settings, the chat's rules, or
    anything else (Telegram out of reach, a note that could not be made)."""
    said = reason.upper()
    if "VOICE_MESSAGES_FORBIDDEN" in said and "CHAT_SEND" not in said:
        return words.refused_privacy
    if "CHAT_SEND_VOICES_FORBIDDEN" in said or "NOT ENOUGH RIGHTS" in said:
        return words.refused_here
    return words.not_sent
