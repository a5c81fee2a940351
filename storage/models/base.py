"""Declarative base and shared column helpers. All datetimes are naive UTC."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# For tables whose ids go into outbox keys (reply:{message id}:0, forget:dashboard:{resident id}...):
# without AUTOINCREMENT, SQLite hands the id of a deleted newest row to the next one, whose key then
# already exists and whose message is silently never sent. PostgreSQL sequences never go back.
# SQLite does not report AUTOINCREMENT when a table is reflected, so a batch migration that rebuilds
# one of these tables must pass table_kwargs=NEVER_REUSE_IDS (tests/service/test_migrations.py checks).
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    """Now, as the naive UTC datetime every table stores."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON}
