"""Daily reminders; chats gain a chosen-timezone mark and an active flag.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: SQLite would otherwise rebuild `chats`, and dropping the old table
    # with foreign keys on would cascade into every session.
    op.add_column("chats", sa.Column("timezone_set_at", sa.DateTime(timezone=True)))
    op.add_column(
        "chats", sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.create_table(
        "reminders",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("next_fire_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("snoozes", sa.Integer(), nullable=False),
        sa.Column("pending_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_reminders_chat_id_chats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_reminders")),
    )
    op.create_index(op.f("ix_reminders_next_fire_at"), "reminders", ["next_fire_at"])
    op.create_index(op.f("ix_reminders_pending_since"), "reminders", ["pending_since"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reminders_pending_since"), table_name="reminders")
    op.drop_index(op.f("ix_reminders_next_fire_at"), table_name="reminders")
    op.drop_table("reminders")
    # A native DROP COLUMN (SQLite 3.35+): rebuilding `chats` instead would cascade into the
    # sessions of every chat while foreign keys are on.
    op.execute("ALTER TABLE chats DROP COLUMN active")
    op.execute("ALTER TABLE chats DROP COLUMN timezone_set_at")
