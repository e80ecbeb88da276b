"""The inbox of received updates, who started each warm-up, and demonstration files.

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
        "inbox",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_inbox")),
    )
    op.create_index(op.f("ix_inbox_received_at"), "inbox", ["received_at"])
    op.create_index(op.f("ix_inbox_handled_at"), "inbox", ["handled_at"])
    op.add_column(
        "chats", sa.Column("pictures", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.create_table(
        "media_files",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("file_id", sa.String(length=256), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_media_files")),
    )


def downgrade() -> None:
    op.drop_table("media_files")
    op.execute("ALTER TABLE chats DROP COLUMN pictures")
    op.drop_index(op.f("ix_inbox_handled_at"), table_name="inbox")
    op.drop_index(op.f("ix_inbox_received_at"), table_name="inbox")
    op.drop_table("inbox")
    op.execute("ALTER TABLE warmup_sessions DROP COLUMN started_by")
