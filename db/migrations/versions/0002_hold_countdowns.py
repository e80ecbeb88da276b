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
    with op.batch_alter_table("warmup_sessions") as batch:
        batch.add_column(sa.Column("hold_ends_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("hold_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("hold_message_id", sa.BigInteger(), nullable=True))
        batch.create_index(
            batch.f("ix_warmup_sessions_hold_ends_at"), ["hold_ends_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("warmup_sessions") as batch:
        batch.drop_index(batch.f("ix_warmup_sessions_hold_ends_at"))
        batch.drop_column("hold_message_id")
        batch.drop_column("hold_seconds")
        batch.drop_column("hold_ends_at")
