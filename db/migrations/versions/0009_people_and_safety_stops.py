"""The safety check belongs to the person: a `people` table keyed by Telegram user id (a
private chat's answer is copied to its person, whose id is the chat's), and warm-ups ended
because their person reported a red flag.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("screening", sa.String(length=16)),
        sa.Column("screened_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_people")),
    )
    # In a private chat the chat's id is its person's: their answer carries over. A group's
    # answer was one member's, for everyone: each member is asked for themselves now.
    op.execute(
        "INSERT INTO people (user_id, screening, screened_at) "
        "SELECT id, screening, screened_at FROM chats WHERE id > 0 AND screening IS NOT NULL"
    )
    op.add_column(
        "warmup_sessions",
        sa.Column("ended_for_safety", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE warmup_sessions DROP COLUMN ended_for_safety")
    op.drop_table("people")
