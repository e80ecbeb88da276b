"""The services every handler shares, and a typed context that hands them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from telegram.ext import CallbackContext, ExtBot

from bot.chat.guide import Guides
from bot.chat.pictures import Library
from bot.chat.uploads import FileIds
from bot.coaching.running import Position, step_message
from bot.config import Settings
from bot.content import Content, Rules, Texts
from bot.runtime.inbox import Inbox
from bot.runtime.pacing import (
    COUNTDOWN_EDIT_GAP,
    COUNTDOWN_EDITS_PER_SECOND,
    Budget,
    Spacing,
    Urgent,
)
from bot.runtime.scheduling import Schedule
from bot.runtime.window import SendWindow, window_limit
from db import repo
from db.batching import Batched
from db.database import Database
from db.repo import StepMessage

SERVICES = "services"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Opened by `build_application`, connected in `post_init`, closed in `post_shutdown`."""

    settings: Settings
    content: Content
    db: Database
    clock: Callable[[], datetime] = field(default=utc_now)
    countdown_edits: Budget = field(default_factory=lambda: Budget(COUNTDOWN_EDITS_PER_SECOND))
    # Every new message's place in Telegram's second, replies and reminders alike.
    sent: SendWindow = field(init=False)
    urgent: Urgent = field(default_factory=Urgent)
    countdown_spacing: Spacing = field(default_factory=lambda: Spacing(COUNTDOWN_EDIT_GAP))
    # Sessions whose hold is ending in this instance; their countdowns take no more ticks.
    ending_holds: set[int] = field(default_factory=set)
    step_messages: Batched[StepMessage] = field(init=False)
    inbox: Inbox = field(init=False)
    pictures: Library = field(init=False)
    file_ids: FileIds = field(default_factory=FileIds)  # of every file uploaded once
    guides: Guides = field(init=False)
    # Set by `build_application` once the job queue exists; it lists every job kind.
    schedule: Schedule = field(init=False)

    def __post_init__(self) -> None:
        # Every tap records the message of the step it sent; under load, together.
        self.sent = SendWindow(window_limit(self.settings.reminder_messages_per_second))
        self.step_messages = Batched(self.db, repo.set_messages)
        self.inbox = Inbox(self.db, timedelta(seconds=self.settings.instance_lease_seconds))
        self.pictures = Library(self.settings.content_dir / "media")
        self.guides = Guides(self.settings.content_dir / "voice", self.content)


class CoachContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB's context plus typed access to the services."""

    @property
    def services(self) -> Services:
        return cast(Services, self.bot_data[SERVICES])

    @property
    def content(self) -> Content:
        return self.services.content

    @property
    def texts(self) -> Texts:
        return self.services.content.texts

    @property
    def rules(self) -> Rules:
        return self.services.content.rules

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def schedule(self) -> Schedule:
        return self.services.schedule

    def now(self) -> datetime:
        return self.services.clock()

    async def remember_step(
        self, chat_id: int, position: Position | None, message_id: int | None
    ) -> None:
        """Record that `message_id` shows the step at `position` (nothing if either is None).

        Sent while handling an update, it is written with that update's handled mark, before
        the chat's next update is taken up (a chat's updates run one at a time); sent by a
        scheduled job, it is written at once.
        """
        if position is None or message_id is None:
            return
        record = step_message(position, message_id)
        if self.job is None:
            self.services.inbox.leave_for_mark(chat_id, record)
        else:
            await self.services.step_messages.add(record)
