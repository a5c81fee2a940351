"""A unit of work: one transaction that rolls back unless committed."""
from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    """Open with `with uow:`; nothing is written unless `uow.commit()` is called."""

    def __init__(self, session_factory: sessionmaker[Session], lock=None):
        self._session_factory = session_factory
        self._lock = lock
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        if self._lock is not None:
            # SQLite has one writer: threads queue here, in order, instead of polling its busy
            # handler (which sleeps in growing steps and makes long tail latencies).
            self._lock.acquire()
        self.session = self._session_factory()
        return self

    def __exit__(self, *exc_info) -> None:
        assert self.session is not None
        # close() rolls back whatever was not committed and detaches objects with their loaded
        # state, so callers may still read what they fetched.
        self.session.close()
        self.session = None
        if self._lock is not None:
            self._lock.release()

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()
