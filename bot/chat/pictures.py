"""Demonstrations in the chat: which animation a step shows, sent once, then by `file_id`.

Each animation is a short silent MP4 rendered by `make media` (`bot/drawing/make_media.py`);
Telegram's sendAnimation plays it in a loop, like a GIF. The first message of each exercise
carries its animation (for an exercise done on each side,
the animation of the side it names), with the step as the caption and the step's buttons.
Each file is uploaded once per bot (`bot/chat/uploads.py`). A media send that fails returns
None, and the caller sends the step as text: a warm-up never stalls on a picture.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode

from bot.chat import uploads
from bot.coaching import coach
from bot.coaching.coach import Cursor
from bot.content import Routine
from bot.drawing.files import EXTENSION

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

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
    """The animations on disk (each read once)."""

    folder: Path
    _demos: dict[str, Demo | None] = field(default_factory=dict)

    def demo_for(self, routine: Routine, cursor: Cursor) -> Demo | None:
        """The animation for the step at `cursor`, if it is the first of its exercise."""
        if not coach.is_first_of_step(cursor):
            return None
        step = routine.steps[cursor.step]
        name = f"{step.id}-{cursor.side.value}" if cursor.side is not None else step.id
        if name not in self._demos:
            path = self.folder / f"{name}{EXTENSION}"
            self._demos[name] = (
                Demo(name, path, hashlib.sha256(path.read_bytes()).hexdigest())
                if path.is_file()
                else None
            )
        return self._demos[name]


async def send_demo(
    context: CoachContext,
    chat_id: int,
    demo: Demo,
    caption: str,
    markup: InlineKeyboardMarkup,
) -> Message | None:
    """Send `demo` with `caption` and `markup`; None if it could not go out as media."""

    async def content() -> InputFile:
        return InputFile(demo.path.read_bytes(), filename=f"{demo.name}{EXTENSION}")

    def file_id_of(message: Message) -> str | None:
        return message.animation.file_id if message.animation is not None else None

    async def send(animation: str | InputFile) -> Message:
        return await context.bot.send_animation(
            chat_id, animation, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    upload = uploads.Upload(demo.name, demo.digest, content, file_id_of)
    sent = await uploads.send_once(context, upload, send)
    return sent if isinstance(sent, Message) else None
