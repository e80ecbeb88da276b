"""Whose each stored update is (so /forget deletes it and /export shows it), its body blanked
once handled, and a claim so that one instance replays each unhandled update.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbox") as batch:
        batch.alter_column("body", existing_type=sa.Text(), nullable=True)
        batch.add_column(sa.Column("chat_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("user_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f("ix_inbox_chat_id"), ["chat_id"])
    # A handled update is kept for its id only; what the person wrote goes now.
    op.execute("UPDATE inbox SET body = NULL WHERE handled_at IS NOT NULL")


def downgrade() -> None:
    # The older schema needs a body: an empty object stands in for a blanked one.
    op.execute("UPDATE inbox SET body = '{}' WHERE body IS NULL")
    with op.batch_alter_table("inbox") as batch:
        batch.drop_index(batch.f("ix_inbox_chat_id"))
        batch.drop_column("claimed_at")
        batch.drop_column("user_id")
        batch.drop_column("chat_id")
        batch.alter_column("body", existing_type=sa.Text(), nullable=False)
