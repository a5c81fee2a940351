"""Apply Alembic migrations programmatically (`townsquare db upgrade`, `serve`, tests)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.db import foreign_keys_off

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "heads") -> None:
    """Bring the database at `database_url` up to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def upgrade_engine(engine, revision: str = "heads") -> None:
    """Migrate through an existing engine (needed for in-memory SQLite, which lives in one connection)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection, foreign_keys_off(connection), connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def autogenerate(database_url: str, message: str, rev_id: str | None = None) -> None:
    """Write a new migration from the models' difference to the database (developers only)."""
    command.revision(alembic_config(database_url), message=message, autogenerate=True, rev_id=rev_id)
