"""Engine and session factory: SQLite in WAL mode by default, PostgreSQL through DATABASE_URL."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if is_sqlite(url):
        connect_args = {"timeout": 30, "check_same_thread": False}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs.setdefault("poolclass", StaticPool)  # one shared connection: the database itself
        elif "poolclass" not in kwargs:
            # SQLite empties a connection's page cache when another connection has written since
            # its last transaction. Writers take turns, so handing out the connection returned
            # last (usually the last writer's) keeps its cache; first-in-first-out rotated through
            # every pooled connection and started each transaction cold.
            kwargs.setdefault("pool_use_lifo", True)
        engine = create_engine(url, connect_args=connect_args, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # autocommit mode lets SQLAlchemy issue BEGIN IMMEDIATE itself (below), so two
            # writers queue on the busy timeout instead of failing on lock upgrade.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            if ":memory:" not in url and url != "sqlite://":
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection):
            # Readers (see `read_only`) take no write lock: WAL lets them run beside the writer.
            read_only = connection.get_execution_options().get("townsquare_read_only")
            # Straight to the driver: every transaction runs this, and SQLAlchemy's statement
            # machinery cost several times what SQLite spends on the BEGIN itself.
            connection.connection.driver_connection.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite's foreign keys off around a migration; call before its transaction begins."""
    # Batch mode rebuilds a table by copying it and dropping the original, and with foreign keys
    # on that DROP deletes (ON DELETE CASCADE) every row that references it. SQLite ignores this
    # pragma inside a transaction, hence straight to the driver before the BEGIN.
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def read_only(engine: Engine) -> Engine:
    """The same engine for transactions that only read (no SQLite write lock taken)."""
    return engine.execution_options(townsquare_read_only=True)
