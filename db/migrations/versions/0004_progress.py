"""Pain check-ins, a weekly target, and milestones.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SESSION_COLUMNS = ("pain_before", "pain_before_at", "pain_after", "pain_after_at")


def upgrade() -> None:
    # Plain ADD COLUMN throughout: no table rebuild can cascade into other tables' rows.
    op.add_column(
        "chats", sa.Column("weekly_target", sa.Integer(), server_default="5", nullable=False)
    )
    op.add_column("warmup_sessions", sa.Column("pain_before", sa.Integer()))
    op.add_column("warmup_sessions", sa.Column("pain_before_at", sa.DateTime(timezone=True)))
    op.add_column("warmup_sessions", sa.Column("pain_after", sa.Integer()))
    op.add_column("warmup_sessions", sa.Column("pain_after_at", sa.DateTime(timezone=True)))
    op.add_column(
        "warmup_sessions",
        sa.Column("ended_for_pain", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_table(
        "milestones",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("reached_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_milestones_chat_id_chats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "key", name=op.f("pk_milestones")),
    )


def downgrade() -> None:
    op.drop_table("milestones")
    for column in ("ended_for_pain", *_SESSION_COLUMNS):
        op.execute(f"ALTER TABLE warmup_sessions DROP COLUMN {column}")
    op.execute("ALTER TABLE chats DROP COLUMN weekly_target")
