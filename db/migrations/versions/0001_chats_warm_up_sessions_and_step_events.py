"""Chats, warm-up sessions and step events.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 02:40:10.072088
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _create_chats()
    _create_warmup_sessions()
    _create_step_events()


def _create_chats() -> None:
    op.create_table(
        "chats",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("timezone", sa.String(length=64), server_default="UTC", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chats")),
    )


def _create_warmup_sessions() -> None:
    op.create_table(
        "warmup_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("routine_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_warmup_sessions_chat_id_chats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warmup_sessions")),
    )
    with op.batch_alter_table("warmup_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_warmup_sessions_chat_status", ["chat_id", "status"], unique=False
        )
        batch_op.create_index(
            "uq_warmup_sessions_one_active",
            ["chat_id"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )


def _create_step_events() -> None:
    op.create_table(
        "step_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=32), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["warmup_sessions.id"],
            name=op.f("fk_step_events_session_id_warmup_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_events")),
    )
    with op.batch_alter_table("step_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_step_events_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("step_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_events_session_id"))

    op.drop_table("step_events")
    with op.batch_alter_table("warmup_sessions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_warmup_sessions_one_active",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )
        batch_op.drop_index("ix_warmup_sessions_chat_status")

    op.drop_table("warmup_sessions")
    op.drop_table("chats")
