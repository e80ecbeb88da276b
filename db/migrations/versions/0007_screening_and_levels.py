"""The red-flag screen before the first warm-up; each exercise's level and the pain model's
run of green warm-ups; rest days; the next morning's question.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("chats", sa.Column("screening", sa.String(length=16)))
    op.add_column("chats", sa.Column("screened_at", sa.DateTime(timezone=True)))
    op.add_column("chats", sa.Column("levels", sa.JSON()))
    op.add_column(
        "chats", sa.Column("green_run", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "chats", sa.Column("gentle_next", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column(
        "chats",
        sa.Column("morning_question", sa.Boolean(), server_default=sa.true(), nullable=False),
    )
    op.add_column("warmup_sessions", sa.Column("morning_due_at", sa.DateTime(timezone=True)))
    op.add_column("warmup_sessions", sa.Column("morning_sent_at", sa.DateTime(timezone=True)))
    op.add_column("warmup_sessions", sa.Column("morning_answer", sa.String(length=8)))
    op.create_index(
        op.f("ix_warmup_sessions_morning_due_at"), "warmup_sessions", ["morning_due_at"]
    )
    op.create_table(
        "rest_days",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_rest_days_chat_id_chats"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("chat_id", "day", name=op.f("pk_rest_days")),
    )


def downgrade() -> None:
    op.drop_table("rest_days")
    op.drop_index(op.f("ix_warmup_sessions_morning_due_at"), table_name="warmup_sessions")
    for column in ("morning_answer", "morning_sent_at", "morning_due_at"):
        op.execute(f"ALTER TABLE warmup_sessions DROP COLUMN {column}")
    op.execute("ALTER TABLE chats DROP COLUMN morning_question")
    for column in ("gentle_next", "green_run", "levels"):
        op.execute(f"ALTER TABLE chats DROP COLUMN {column}")
    op.execute("ALTER TABLE chats DROP COLUMN screened_at")
    op.execute("ALTER TABLE chats DROP COLUMN screening")
