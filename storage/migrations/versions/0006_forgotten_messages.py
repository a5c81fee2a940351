"""forgotten_messages: hashed provider ids of forgotten residents' messages (a late retry stays ignored)

Revision ID: 0006
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forgotten_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("provider_hash", sa.String(length=64), nullable=False),
        sa.Column("forgotten_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "provider_hash", name="uq_forgotten_provider"),
    )
    op.create_index("ix_forgotten_messages_forgotten_at", "forgotten_messages", ["forgotten_at"])


def downgrade() -> None:
    op.drop_index("ix_forgotten_messages_forgotten_at", table_name="forgotten_messages")
    op.drop_table("forgotten_messages")
