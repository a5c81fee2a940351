"""The sandbox channel: replies are kept in memory for the web chat page and `townsquare chat`."""
from __future__ import annotations

import itertools
import threading
from collections import defaultdict

from .base import Outgoing, SendResult


class ConsoleChannel:
    """Delivers to an in-process mailbox per sandbox address."""

    name = "console"

    def __init__(self):
        self._mailboxes: dict[str, list[dict]] = defaultdict(list)
        self._ids = itertools.count(1)
        self._changed = threading.Condition()

    def send(self, message: Outgoing) -> SendResult:
        with self._changed:
            provider_id = f"console-{next(self._ids)}"
            self._mailboxes[message.address].append(
                {"id": provider_id, "body": message.body, "buttons": message.buttons})
            self._changed.notify_all()
        return SendResult(provider_id=provider_id, status="delivered")

    def read(self, address: str, after: int = 0, wait: float = 0.0) -> list[dict]:
        """Replies to `address` after the first `after`; waits up to `wait` seconds for one."""
        with self._changed:
            if wait and len(self._mailboxes[address]) <= after:
                self._changed.wait(timeout=wait)
            return list(self._mailboxes[address][after:])
