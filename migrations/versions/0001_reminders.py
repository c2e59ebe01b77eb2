"""Push subscriptions and their weekly reminders.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("endpoint", sa.String(1024), nullable=False),
        sa.Column("p256dh", sa.String(128), nullable=False),
        sa.Column("auth", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("endpoint", name="uq_subscriptions_endpoint"),
    )
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "subscription_id",
            sa.String(32),
            sa.ForeignKey("subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("rid", sa.String(64), nullable=False),
        sa.Column("days", sa.SmallInteger, nullable=False),
        sa.Column("minute", sa.SmallInteger, nullable=False),
        sa.Column("skip_through", sa.DateTime, nullable=True),
        sa.Column("next_due", sa.DateTime, nullable=True),
        sa.Column("due_at", sa.DateTime, nullable=True),
        sa.Column("claim", sa.String(32), nullable=True),
        sa.Column("attempts", sa.SmallInteger, nullable=False),
        sa.UniqueConstraint("subscription_id", "rid", name="uq_reminders_rid"),
    )
    op.create_index("ix_reminders_subscription_id", "reminders", ["subscription_id"])
    op.create_index("ix_reminders_next_due", "reminders", ["next_due"])


def downgrade() -> None:
    op.drop_table("reminders")
    op.drop_table("subscriptions")
