"""Runs the real application against the fake Bot API server and talks to it like a user.

Used by the end-to-end tests and by `make demo`. The application is built by the same
`build_application` as `python -m bot` and started by the same `running()` helper.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.app import CoachApplication, build_application
from bot.config import PROJECT_ROOT, Settings
from bot.content import Content, load_content
from bot.runtime.context import Services, utc_now
from bot.runtime.lifecycle import running
from bot.webapp import launch
from db import chat_data
from db.database import Database
from db.models import StepEvent, WarmupSession
from tests.fake_telegram import FakeTelegram, Message

TOKEN = "123456:TEST-token-never-logged"
PROJECT_CONTENT = PROJECT_ROOT / "content"


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def make_settings(server: FakeTelegram, database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "telegram_bot_token": server.token,
        "telegram_api_url": server.url,
        "database_url": database_url,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def content_of(directory: Path) -> Content:
    """The content in `directory`. The project's own is read and validated once per process:
    no test changes it (a test that does copies it to a folder of its own, read afresh)."""
    if directory.resolve() == PROJECT_CONTENT.resolve():
        return _project_content()
    return load_content(directory)


@functools.cache
def _project_content() -> Content:
    return load_content(PROJECT_CONTENT)


class FakeClock:
    """A clock the caller moves by hand; the bot reads it for every timestamp."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass(repr=False)
class RunningBot:
    """The application under test, and the conversation helpers that drive it."""

    server: FakeTelegram
    application: CoachApplication
    services: Services
    webhook_port: int | None = None
    # Most tests are about something else than the two questions asked once before a
    # person's first warm-up, the safety check and the precautions: `settle` answers "none of
    # these" to each as its person, and the question is left out of what `send` and `press`
    # return. Tests of the questions themselves turn this off.
    answer_screening: bool = True
    answer_precautions: bool = True
    _answered: set[tuple[int, int]] = field(default_factory=set)

    def __repr__(self) -> str:
        # Short: hypothesis prints the fixtures of a failing example, and the services'
        # own repr runs to tens of kilobytes (it warns, and warnings fail the run).
        return f"RunningBot(database={self.services.db.url!r}, webhook_port={self.webhook_port})"

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def app_url(self) -> str:
        """The Mini App's page on the bot's web server (WEBAPP_URL's path, on this host)."""
        assert self.webhook_port is not None, "the app is served where WEBAPP_URL is set"
        return f"http://127.0.0.1:{self.webhook_port}{self.services.settings.webapp_path}/"

    async def send(self, chat_id: int, text: str, *, user_id: int | None = None) -> list[Message]:
        """A user writes `text`; returns the messages the bot sent in reply."""
        before = self._sent_count(chat_id)
        await self.settle(self.server.user_sends(chat_id, text, user_id=user_id))
        return self._sent_since(chat_id, before)

    async def reply(
        self, chat_id: int, to: Message, text: str, *, user_id: int | None = None
    ) -> list[Message]:
        """A user replies `text` to the message `to`; returns the messages the bot sent."""
        before = self._sent_count(chat_id)
        await self.settle(self.server.user_replies(chat_id, to, text, user_id=user_id))
        return self._sent_since(chat_id, before)

    async def press(
        self, chat_id: int, label: str, *, user_id: int | None = None
    ) -> list[Message]:
        """A user taps the newest button whose label contains `label`; returns new messages."""
        before = self._sent_count(chat_id)
        await self.settle(self.server.user_presses(chat_id, label, user_id=user_id))
        return self._sent_since(chat_id, before)

    async def choose(self, chat_id: int, *labels: str) -> Message:
        """/settings, then tap each of `labels` in turn; returns the settings message."""
        [menu] = await self.send(chat_id, "/settings")
        for label in labels:
            await self.press(chat_id, label)
        return menu

    async def one_timer_per_side(self, chat_id: int) -> None:
        """Hands-free off in /settings: each side's hold wants its own ⏱ Start."""
        menu = await self.choose(chat_id, "Hands-free: on")
        assert "🙌 Hands-free: off" in menu.labels

    async def start_warmup(self, chat_id: int, pain: str = "Skip check-in") -> list[Message]:
        """/warmup, then answer its check-in; returns the check-in message and the first step."""
        [checkin] = await self.send(chat_id, "/warmup")
        return [checkin, *await self.press(chat_id, pain)]

    async def done_to_the_end(self, chat_id: int, clock: FakeClock | None = None) -> Message:
        """Tap ✅ Done until the warm-up ends (40 s apart on `clock`); returns the summary."""
        while True:
            if clock is not None:
                clock.advance(seconds=40)
            [sent] = await self.press(chat_id, "Done")
            if not sent.text.startswith("Step "):
                return sent

    async def latest_session(self, chat_id: int | None = None) -> WarmupSession:
        """The newest warm-up row (of `chat_id`, if given), as stored."""
        query = select(WarmupSession).order_by(WarmupSession.id.desc())
        if chat_id is not None:
            query = query.where(WarmupSession.chat_id == chat_id)
        async with self.db.transaction() as tx:
            row = await tx.scalar(query)
        assert row is not None
        return row

    async def sessions(self) -> list[WarmupSession]:
        """Every warm-up row, oldest first."""
        async with self.db.transaction() as tx:
            return list(await tx.scalars(select(WarmupSession).order_by(WarmupSession.id)))

    async def snapshot(self) -> tuple[object, ...]:
        """Every row of every chat's table, every column: what a press or command that changes
        nothing must leave as it was."""
        async with self.db.transaction() as tx:
            tables = []
            for table in chat_data.every_table():
                if table.name == "inbox":  # the updates received, not what they changed
                    continue
                # The language Telegram says the person's app is in is noted as it is seen,
                # whatever the update (bot/coaching/language.py): not something it changed.
                columns = [c for c in table.columns if c.name != "telegram_language"]
                rows = await tx.execute(select(*columns).order_by(*table.primary_key.columns))
                tables.append(tuple(map(tuple, rows)))
        return tuple(tables)

    async def event_count(self) -> int:
        """How many sub-steps were recorded as done or skipped, in all chats."""
        async with self.db.transaction() as tx:
            return await tx.scalar(select(func.count()).select_from(StepEvent)) or 0

    async def press_data(self, chat_id: int, data: str, message_id: int) -> list[Message]:
        """A press with arbitrary callback data, as a forged or outdated client would send."""
        before = self._sent_count(chat_id)
        await self.settle(self.server.press_data(chat_id, data, message_id))
        return self._sent_since(chat_id, before)

    def job_names(self) -> set[str]:
        """Names of the scheduled jobs that are still due to run."""
        jobs = self.application.job_queue
        assert jobs is not None
        return {job.name for job in jobs.jobs() if job.name and not job.removed}

    def pause_scheduler(self) -> None:
        """Keep the scheduler from running jobs on the real clock; the test runs them itself."""
        jobs = self.application.job_queue
        assert jobs is not None
        jobs.scheduler.pause()

    async def run_job(self, name: str) -> None:
        """Run a scheduled job now, as the scheduler would when it falls due."""
        jobs = self.application.job_queue
        assert jobs is not None
        [job] = [job for job in jobs.get_jobs_by_name(name) if not job.removed]
        await job.run(self.application)

    async def settle(self, update_id: int) -> None:
        """Wait until the bot has fully handled the update (and the first warm-up's questions
        it asked, if the harness answers them: see `answer_screening`)."""
        await self.server.delivered(update_id)
        await self.application.update_queue.join()
        while asked := self._asked():
            chat_id, message_id, none = asked
            self._answered.add((chat_id, message_id))
            session_id = int(none.split(":")[1 if none.startswith("care:") else 2])
            async with self.db.transaction() as tx:
                person = await tx.scalar(
                    select(WarmupSession.started_by).where(WarmupSession.id == session_id)
                )
            pressed = self.server.press_data(chat_id, none, message_id, user_id=person)
            await self.server.delivered(pressed)
            await self.application.update_queue.join()

    def _asked(self) -> tuple[int, int, str] | None:
        """A first warm-up's question the harness answers, not answered yet: its chat, message
        and the data of its "none of these" button."""
        for chat_id, messages in list(self.server.messages.items()):
            for message in list(messages.values()):
                if (chat_id, message.message_id) in self._answered:
                    continue
                for _, data in message.buttons:
                    if self._answers(data):
                        return chat_id, message.message_id, data
        return None

    def _answers(self, data: str) -> bool:
        precautions = data.startswith("care:") and data.endswith(":8")
        screening = data.startswith("screen:none:") and data != "screen:none:0"
        return (self.answer_precautions and precautions) or (self.answer_screening and screening)

    def _sent_count(self, chat_id: int) -> int:
        """The newest message id in the chat so far (ids only grow, deletions or not)."""
        return max((m.message_id for m in self.server.chat(chat_id)), default=0)

    def _sent_since(self, chat_id: int, newest: int) -> list[Message]:
        return [
            m
            for m in self.server.chat(chat_id)
            if m.from_bot
            and m.message_id > newest
            and (chat_id, m.message_id) not in self._answered
        ]


@asynccontextmanager
async def run_bot(
    server: FakeTelegram,
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    content_dir: Path | None = None,
) -> AsyncIterator[RunningBot]:
    """Build and start the application as production does; stop it on exit."""
    services = Services(
        settings=settings,
        content=content_of(content_dir or settings.content_dir),
        db=Database(settings.database_url),
        clock=clock,
    )
    application = build_application(settings, services)
    web = launch.routes(application)  # the Mini App's, where WEBAPP_URL is set
    async with running(application, settings, services.db, poll_timeout=5, web=web) as serving:
        yield RunningBot(server, application, services, serving.webhook_port)
