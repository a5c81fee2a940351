"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from storage.db import make_engine
from storage.migrate import upgrade
from storage.models import Base


def test_migrations_match_the_models(runtime):
    with runtime.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_every_table_exists_after_upgrade(runtime):
    tables = set(inspect(runtime.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_sqlite_tables_that_never_reuse_ids_are_the_models_ones(sqlite_url):
    # compare_metadata does not see AUTOINCREMENT, and a batch rebuild drops it unless told.
    upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ddl = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    engine.dispose()
    built = {name for name, sql in ddl.items() if "AUTOINCREMENT" in sql.upper()}
    assert built == {name for name, table in Base.metadata.tables.items()
                     if table.dialect_options["sqlite"]["autoincrement"]}
