"""Tables: chats, their warm-up sessions, what happened at each step, and the inbox."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import UTCDateTime

# Stable constraint names keep migrations reproducible across SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SessionStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"
    ABANDONED = "abandoned"  # replaced by "Start over" before it was finished


class Outcome(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"


class Chat(Base):
    """A Telegram chat the bot has talked to."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When the user last chose a timezone; None until they do (days count in UTC till then).
    timezone_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # False once Telegram says the bot is blocked: nothing more is sent to the chat.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    weekly_target: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    # Whether steps show their demonstration animation (off for slow data).
    pictures: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # How warm-ups run (see /settings): one tap runs a timed exercise's every side and set.
    hands_free: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Every ⏱ Start sends the audio guide's voice note too (otherwise 🎧 sends it).
    audio_guide: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Pauses between holds, in seconds; None follows content's defaults.
    switch_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rest_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Without a foam roller, the foam-rolling exercises give way to alternatives.
    roller: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Holds, sets and reps chosen per exercise: {"psoas-stretch": {"seconds": 40}}.
    doses: Mapped[dict[str, dict[str, int]] | None] = mapped_column(JSON, nullable=True)
    # The red-flag screen before the first warm-up: None until answered, then "clear",
    # "flagged" (a yes: no warm-up starts) or "clinician" (a clinician has checked them).
    screening: Mapped[str | None] = mapped_column(String(16), nullable=True)
    screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Each exercise's level, 0-based ({"psoas-stretch": 1}); missing ones are at level 1.
    levels: Mapped[dict[str, int] | None] = mapped_column(JSON, nullable=True)
    # The pain model: green warm-ups in a row, and whether a red one offers the gentle next.
    green_run: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    gentle_next: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Whether the morning after a warm-up asks how the back is (off in /settings).
    morning_question: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The language chosen with /language (a group's: what everyone there reads), and the one
    # the person's Telegram app last said (private chats: what scheduled messages speak until
    # they choose). Codes of content/rules.yaml's languages; another is ignored when read.
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    telegram_language: Mapped[str | None] = mapped_column(String(8), nullable=True)


class Reminder(Base):
    """A chat's daily reminder, and the state of its next delivery.

    `next_fire_at` is the next moment (UTC) to remind; the scheduler's minute tick claims rows
    whose moment has come. A claimed reminder waits in `pending_since` until it is delivered,
    so a restart between claiming and sending still delivers it.
    """

    __tablename__ = "reminders"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM" in the chat's timezone
    days: Mapped[int] = mapped_column(Integer, default=0b1111111)  # bit 0 is Monday
    next_fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    snoozes: Mapped[int] = mapped_column(Integer, default=0)  # since the last regular reminder
    pending_since: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), nullable=True, index=True
    )
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class WarmupSession(Base):
    """One run through a routine, with the position the user has reached."""

    __tablename__ = "warmup_sessions"
    __table_args__ = (
        Index("ix_warmup_sessions_chat_status", "chat_id", "status"),
        # At most one running warm-up per chat, enforced by the database even under races.
        Index(
            "uq_warmup_sessions_one_active",
            "chat_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), nullable=False
    )
    routine_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=SessionStatus.ACTIVE)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    step: Mapped[int] = mapped_column(Integer, default=0)
    set_number: Mapped[int] = mapped_column(Integer, default=1)
    side: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # The message that shows the current step, so /stop and resume can take its buttons away.
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # A running hold countdown on the current step: when it ends, and the countdown message.
    # Kept here, not only in the scheduler, so a restart finishes or resumes it.
    hold_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    hold_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hold_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # A paused countdown: what was left of it (get-ready or pause included), while
    # hold_ends_at is None; hold_seconds and hold_message_id stay for ▶️ Go on.
    hold_paused_left: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The audio guide's voice note for the current exercise, and when it stops speaking, so
    # ⏸ Pause, ⏹ Stop and a stopped warm-up can silence it (Telegram stops playing a deleted
    # note). A note cut by ⏸ Pause keeps its id with no end: ▶️ Go on sends the rest anew.
    guide_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    guide_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The language the warm-up speaks: its starter's when it began (in a group too), so its
    # scheduled countdowns and next steps speak it after a restart.
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Pain check-ins, 0-10, before and after; the *_at columns say when each was answered or
    # skipped (a skipped check-in has a time but no value).
    pain_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_before_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    pain_after: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_after_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ended_for_pain: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Who started it (a Telegram user id): in a group, only they may press its buttons, and
    # only they get it in an /export (`info`: the person a row belongs to, `db/chat_data.py`).
    started_by: Mapped[int | None] = mapped_column(
        BigInteger, nullable=True, info={"person": True}
    )
    # The next morning's question about this warm-up: when it is due, when it went out, and
    # the answer ("better", "same" or "worse").
    morning_due_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), nullable=True, index=True
    )
    morning_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    morning_answer: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Ended because its person answered yes to a red flag (with /safety, in any chat).
    ended_for_safety: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # What its person's precautions and left-out exercises changed, fixed for this warm-up so
    # its steps keep their numbers: {"left_out": [ids], "swapped": [ids]}; None if nothing.
    plan_changes: Mapped[dict[str, object] | None] = mapped_column(JSON, nullable=True)


class Person(Base):
    """A Telegram user's own answers, whichever chat they warm up in: the safety check is the
    person's, not the chat's (in a group, each member answers for themselves)."""

    __tablename__ = "people"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The red-flag check: None until answered, then "clear", "flagged" (a yes: no warm-up
    # starts, and a running one ends) or "clinician" (a clinician has checked them since).
    screening: Mapped[str | None] = mapped_column(String(16), nullable=True)
    screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The precautions that apply (content/safety.yaml ids, comma-separated; "" for none), None
    # until asked; and the exercises they chose to leave out after a sharp-pain stop.
    precautions: Mapped[str | None] = mapped_column(Text, nullable=True)
    left_out: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)


class StepEvent(Base):
    """A sub-step the user finished or skipped."""

    __tablename__ = "step_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("warmup_sessions.id", ondelete="CASCADE"), index=True
    )
    exercise_id: Mapped[str] = mapped_column(String(32))
    step: Mapped[int] = mapped_column(Integer)
    set_number: Mapped[int] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(8), nullable=True)
    outcome: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class RestDay(Base):
    """A day a chat rested on purpose (/rest, or a reminder's 🛌 Skip today): it keeps a streak."""

    __tablename__ = "rest_days"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # the chat's local date


class Milestone(Base):
    """A celebration a chat has had, so each is had once."""

    __tablename__ = "milestones"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    reached_at: Mapped[datetime] = mapped_column(UTCDateTime())


class InboxUpdate(Base):
    """An update as received, stored before Telegram is told it arrived (`bot/runtime/inbox.py`).

    `handled_at` is set once the bot has handled it. The instance that received it holds it
    (`claimed_by`, `claimed_at`) while it is live (`Instance`); a start or another instance
    takes over (claims) a row only once its holder is gone or it was lost in hand. Handled
    rows stay for a day, the longest Telegram may send an update again, so that an update it
    sends twice is recognised and handled once; for that the id is enough, so the body (what
    the person wrote) is blanked when the update is marked handled.

    `chat_id` and `user_id` say whose update it is, so /forget deletes it and /export shows it.
    `chat_id` has no foreign key: an update is stored before its chat's row may exist; it is
    marked as a chat's column in its `info` (`db/chat_data.py`).
    """

    __tablename__ = "inbox"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)  # as sent (JSON) until handled
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    chat_id: Mapped[int | None] = mapped_column(
        BigInteger, nullable=True, index=True, info={"owned_by_chat": True}
    )
    user_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, info={"person": True})
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)


class Instance(Base):
    """A running bot, by a random id it draws at start: it shows it is live by writing
    `seen_at` every few seconds, and removes its row at a clean stop (`bot/runtime/inbox.py`)."""

    __tablename__ = "instances"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MediaFile(Base):
    """A demonstration file Telegram already has: sent again by its `file_id`, not uploaded."""

    __tablename__ = "media_files"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)  # e.g. psoas-stretch-left
    digest: Mapped[str] = mapped_column(String(64))  # of the file uploaded; a new file uploads
    file_id: Mapped[str] = mapped_column(String(256))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime())
