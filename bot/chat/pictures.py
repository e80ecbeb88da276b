"""Demonstrations in the chat: which animation a step shows, sent once, then by `file_id`.

The first message of each exercise carries its animation (for an exercise done on each side,
the animation of the side it names), with the step as the caption and the step's buttons.
Each file is uploaded once per bot: Telegram's `file_id` is stored and reused, and if Telegram
says a stored one is no longer a valid file the file is uploaded again. A media send that fails
for any other reason (a group that forbids animations, a caption too long) keeps the `file_id`,
returns None, and the caller sends the step as text: a warm-up never stalls on a picture.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.coaching import coach, pictures
from bot.coaching.coach import Cursor
from bot.content import Routine

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

# Telegram's limit on a caption, in characters after entities are parsed.
CAPTION_LIMIT = 1024


@dataclass(frozen=True)
class Demo:
    """One animation file, named after its exercise (and side)."""

    name: str
    path: Path
    digest: str  # of the file's bytes: a file drawn anew is uploaded anew


@dataclass
class Library:
    """The animations on disk, and the `file_id`s Telegram gave for them (cached)."""

    folder: Path
    _demos: dict[str, Demo | None] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)

    def demo_for(self, routine: Routine, cursor: Cursor) -> Demo | None:
        """The animation for the step at `cursor`, if it is the first of its exercise."""
        if not coach.is_first_of_step(cursor):
            return None
        step = routine.steps[cursor.step]
        name = f"{step.id}-{cursor.side.value}" if cursor.side is not None else step.id
        if name not in self._demos:
            path = self.folder / f"{name}.gif"
            self._demos[name] = (
                Demo(name, path, hashlib.sha256(path.read_bytes()).hexdigest())
                if path.is_file()
                else None
            )
        return self._demos[name]

    async def file_id(self, context: CoachContext, demo: Demo) -> str | None:
        if demo.name not in self._ids:
            found = await pictures.stored_file_id(context.db, demo.name, demo.digest)
            if found is None:
                return None
            self._ids[demo.name] = found
        return self._ids[demo.name]

    async def remember(self, context: CoachContext, demo: Demo, file_id: str) -> None:
        self._ids[demo.name] = file_id
        await pictures.store_file_id(context.db, demo.name, demo.digest, file_id, context.now())

    async def forget(self, context: CoachContext, demo: Demo) -> None:
        self._ids.pop(demo.name, None)
        await pictures.forget_file_id(context.db, demo.name)


async def send_demo(
    context: CoachContext,
    chat_id: int,
    demo: Demo,
    caption: str,
    markup: InlineKeyboardMarkup,
) -> Message | None:
    """Send `demo` with `caption` and `markup`; None if it could not go out as media."""
    library = context.services.pictures
    if (known := await library.file_id(context, demo)) is not None:
        try:
            return await _animation(context, chat_id, known, caption, markup)
        except BadRequest as exc:
            if not _bad_file_id(exc):  # refused in this chat, not the file: keep the file_id
                log.warning("%s not sent (%s); the step goes as text", demo.name, exc)
                return None
            log.info("file_id of %s refused (%s); uploading again", demo.name, exc.message)
            await library.forget(context, demo)
        except TelegramError as exc:
            log.warning("%s not sent (%s); the step goes as text", demo.name, exc)
            return None
    upload = InputFile(demo.path.read_bytes(), filename=f"{demo.name}.gif")
    try:
        message = await _animation(context, chat_id, upload, caption, markup)
    except TelegramError as exc:
        log.warning("%s not uploaded (%s); the step goes as text", demo.name, exc)
        return None
    if message.animation is not None:
        await library.remember(context, demo, message.animation.file_id)
    return message


# What Telegram says when the file_id itself is of no use any more (and nothing else).
_BAD_FILE_ID = (
    "wrong file identifier",
    "file reference expired",
    "file_reference_expired",
    "wrong remote file identifier",
    "invalid file_id",
    "invalid file id",
    "file_id_invalid",
)


def _bad_file_id(exc: BadRequest) -> bool:
    """Whether a 400 says the stored file_id is bad (so the file must be uploaded again)."""
    message = exc.message.lower()
    return any(words in message for words in _BAD_FILE_ID)


async def _animation(
    context: CoachContext,
    chat_id: int,
    animation: str | InputFile,
    caption: str,
    markup: InlineKeyboardMarkup,
) -> Message:
    return await context.bot.send_animation(
        chat_id, animation, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
    )
