"""Steps that may claim an active resident's message before it is treated as a concern.

Each takes a Turn and returns True when it handled the message (e.g. an RSVP to an invitation).
Features add theirs to INTERCEPTORS; the conversation tries them in order.
"""
from __future__ import annotations

from typing import Callable

INTERCEPTORS: list[Callable] = []


def intercept(turn) -> bool:
    """True when some feature handled this message."""
    if not INTERCEPTORS:
        _register()
    return any(step(turn) for step in INTERCEPTORS)


def _register() -> None:
    # Imported late: the features import the conversation's building blocks themselves.
    from .rsvp import rsvp_interceptor
    INTERCEPTORS.append(rsvp_interceptor)
