"""Updates held over a stop (processed at the next start), and who started each warm-up.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("warmup_sessions", sa.Column("started_by", sa.BigInteger()))
    op.create_table(
        "held_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_held_updates")),
    )


def downgrade() -> None:
    op.drop_table("held_updates")
    op.execute("ALTER TABLE warmup_sessions DROP COLUMN started_by")
