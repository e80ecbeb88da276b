"""Settings: hands-free sequences, their pauses, the foam roller and chosen doses; pausing.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "chats", sa.Column("hands_free", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.add_column("chats", sa.Column("switch_seconds", sa.Integer()))
    op.add_column("chats", sa.Column("rest_seconds", sa.Integer()))
    op.add_column(
        "chats", sa.Column("roller", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.add_column("chats", sa.Column("doses", sa.JSON()))
    op.add_column("warmup_sessions", sa.Column("hold_paused_left", sa.Integer()))


def downgrade() -> None:
    op.execute("ALTER TABLE warmup_sessions DROP COLUMN hold_paused_left")
    for column in ("doses", "roller", "rest_seconds", "switch_seconds", "hands_free"):
        op.execute(f"ALTER TABLE chats DROP COLUMN {column}")
