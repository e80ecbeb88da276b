"""The audio guide's voice note on a warm-up, so pausing or stopping can silence it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("warmup_sessions", sa.Column("guide_message_id", sa.BigInteger(), nullable=True))
    op.add_column(
        "warmup_sessions", sa.Column("guide_ends_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    for column in ("guide_message_id", "guide_ends_at"):
        op.execute(f"ALTER TABLE warmup_sessions DROP COLUMN {column}")
