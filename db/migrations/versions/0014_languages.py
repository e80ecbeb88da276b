"""The language a chat chose, the one its person's Telegram app uses, and a warm-up's own.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("chats", sa.Column("language", sa.String(8), nullable=True))
    op.add_column("chats", sa.Column("telegram_language", sa.String(8), nullable=True))
    op.add_column("warmup_sessions", sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    for table, column in (
        ("chats", "language"),
        ("chats", "telegram_language"),
        ("warmup_sessions", "language"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
