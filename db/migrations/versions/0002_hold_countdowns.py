"""Hold countdowns on warm-up sessions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "warmup_sessions", sa.Column("hold_ends_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("warmup_sessions", sa.Column("hold_seconds", sa.Integer(), nullable=True))
    op.add_column("warmup_sessions", sa.Column("hold_message_id", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_warmup_sessions_hold_ends_at"), "warmup_sessions", ["hold_ends_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_warmup_sessions_hold_ends_at"), table_name="warmup_sessions")
    # Native DROP COLUMN (SQLite 3.35+): rebuilding the table instead would cascade into its
    # step events while foreign keys are on.
    for column in ("hold_message_id", "hold_seconds", "hold_ends_at"):
        op.execute(f"ALTER TABLE warmup_sessions DROP COLUMN {column}")
