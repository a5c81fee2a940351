"""site settings edited on the dashboard, and their audit trail

Revision ID: 0008
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'site_settings',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_site_settings_changed_by_id_users')),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_site_settings')),
    )
    op.create_table(
        'site_setting_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('old_value', sa.JSON(), nullable=True),
        sa.Column('new_value', sa.JSON(), nullable=True),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.Column('changed_by_email', sa.String(length=254), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'],
                                name=op.f('fk_site_setting_changes_changed_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_site_setting_changes')),
    )
    with op.batch_alter_table('site_setting_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_setting_changes_changed_at'), ['changed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('site_setting_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_setting_changes_changed_at'))
    op.drop_table('site_setting_changes')
    op.drop_table('site_settings')
