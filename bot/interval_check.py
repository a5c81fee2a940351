"""When a value kept in memory is due to be looked at again: at most once an interval, by one caller."""
from __future__ import annotations

import threading
from typing import Callable


class IntervalCheck:
    """Hands the check of a kept value to one caller per interval; the others go on with the value they
    have. The interval and clock are passed on each call, so an owner's settings can change at any time."""

    def __init__(self):
        self._next = 0.0  # the first call is due
        self._lock = threading.Lock()  # only _next: never held while the caller checks

    def due(self, seconds: float, clock: Callable[[], float]) -> bool:
        """Whether this caller is to check now (0 seconds: at every call); if so, no other is this interval."""
        if clock() < self._next:
            return False  # nearly every call: no lock taken
        with self._lock:
            # Another caller may have taken this interval's check while we waited for the lock.
            now = clock()
            if now < self._next:
                return False
            self._next = now + seconds
        return True

    def checked(self, seconds: float, clock: Callable[[], float]) -> None:
        """The value was just read another way: the next check is a full interval from now."""
        with self._lock:
            self._next = clock() + seconds
