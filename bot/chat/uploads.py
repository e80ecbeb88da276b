"""Files sent as media (animations, voice notes): uploaded once per bot, then sent by the
`file_id` Telegram gave them.

The `file_id` is stored (`media_files`, by the file's name and the digest of what was
uploaded) and kept in memory. If Telegram says a stored one is no longer a valid file, the
file is uploaded again. A send refused for any other reason (a group that forbids the kind,
a person whose privacy settings refuse voice notes, Telegram out of reach) keeps the
`file_id` and returns what Telegram said: the caller says it another way, and nothing waits
on a file.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import InputFile, Message
from telegram.error import BadRequest, TelegramError

from bot.coaching import pictures

if TYPE_CHECKING:
    from bot.runtime.context import CoachContext

log = logging.getLogger(__name__)

Send = Callable[[str | InputFile], Awaitable[Message]]


@dataclass(frozen=True)
class Refused:
    """Telegram did not take the file: what it said."""

    reason: str


@dataclass(frozen=True)
class Upload:
    """A file by name, the digest of its bytes (new bytes, a new upload), and how to make it."""

    name: str
    digest: str
    content: Callable[[], Awaitable[InputFile]]
    file_id_of: Callable[[Message], str | None]


@dataclass
class FileIds:
    """The `file_id`s Telegram gave, by file name (cached from `media_files`)."""

    _ids: dict[str, str] = field(default_factory=dict)

    async def get(self, context: CoachContext, upload: Upload) -> str | None:
        if upload.name not in self._ids:
            found = await pictures.stored_file_id(context.db, upload.name, upload.digest)
            if found is None:
                return None
            self._ids[upload.name] = found
        return self._ids[upload.name]

    async def remember(self, context: CoachContext, upload: Upload, file_id: str) -> None:
        self._ids[upload.name] = file_id
        await pictures.store_file_id(
            context.db, upload.name, upload.digest, file_id, context.now()
        )

    async def forget(self, context: CoachContext, upload: Upload) -> None:
        self._ids.pop(upload.name, None)
        await pictures.forget_file_id(context.db, upload.name)


async def send_once(context: CoachContext, upload: Upload, send: Send) -> Message | Refused:
    """Send `upload` by its `file_id` if Telegram has it, else upload it."""
    ids = context.services.file_ids
    if (known := await ids.get(context, upload)) is not None:
        try:
            return await send(known)
        except BadRequest as exc:
            if not _bad_file_id(exc):  # refused in this chat, not the file: keep the file_id
                log.warning("%s not sent (%s)", upload.name, exc)
                return Refused(exc.message)
            log.info("file_id of %s refused (%s); uploading again", upload.name, exc.message)
            await ids.forget(context, upload)
        except TelegramError as exc:
            log.warning("%s not sent (%s)", upload.name, exc)
            return Refused(exc.message)
    try:
        message = await send(await upload.content())
    except TelegramError as exc:
        log.warning("%s not uploaded (%s)", upload.name, exc)
        return Refused(exc.message)
    if (file_id := upload.file_id_of(message)) is not None:
        await ids.remember(context, upload, file_id)
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
