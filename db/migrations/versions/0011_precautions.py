"""Precautions: the person's answers (and the exercises they left out after a sharp-pain
stop), and what they changed in each warm-up's plan.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("people", sa.Column("precautions", sa.Text(), nullable=True))
    op.add_column("people", sa.Column("left_out", sa.JSON(), nullable=True))
    op.add_column("warmup_sessions", sa.Column("plan_changes", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+ has it): a batch copy of warmup_sessions is not needed.
    op.execute("ALTER TABLE warmup_sessions DROP COLUMN plan_changes")
    op.execute("ALTER TABLE people DROP COLUMN left_out")
    op.execute("ALTER TABLE people DROP COLUMN precautions")
