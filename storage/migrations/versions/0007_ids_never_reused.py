"""ids that go into outbox keys are never handed out twice on SQLite (AUTOINCREMENT)

Revision ID: 0007
Revises: 0002, 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = ("0002", "0003")
branch_labels = None
depends_on = None

# Each table, and the outbox keys that carry its ids (the id follows the prefix). A key can outlive
# its row (a purged message's consent question, a forgotten resident's goodbye), so the numbering
# must start past those ids too, not only past the rows that are left.
KEY_PREFIXES = {
    "messages": ("reply:", "alert:", "forget:"),
    "residents": ("forget:dashboard:",),
    "meetings": ("invite:", "reminder:", "moved:", "cancelled:", "notes:"),
    "broadcasts": ("broadcast:",),
    "actions": ("action:",),
    "digests": ("digest:",),
}

# CAST reads the leading integer ("12:0" is 12); "forget:" + a digit leaves out "forget:dashboard:".
# GLOB, unlike LIKE, can use the key's unique index.
_HIGHEST_IN_KEYS = sa.text("SELECT max(CAST(substr(idempotency_key, length(:prefix) + 1) AS INTEGER)) "
                           "FROM outbox WHERE idempotency_key GLOB :prefix || '[0-9]*'")
_HIGHEST_ROW = "SELECT max(id) FROM {table}"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL sequences never go back
    for table, prefixes in KEY_PREFIXES.items():
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
            pass
        highest = [bind.execute(_HIGHEST_IN_KEYS, {"prefix": p}).scalar() for p in prefixes]
        highest.append(bind.exec_driver_sql(_HIGHEST_ROW.format(table=table)).scalar())
        seq = max((n for n in highest if n is not None), default=0)
        # sqlite_sequence holds the last id an AUTOINCREMENT table gave out; the copy may have left none.
        bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = :table"), {"table": table})
        bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seq)"),
                     {"table": table, "seq": seq})


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in KEY_PREFIXES:
        with op.batch_alter_table(table, recreate="always"):
            pass
