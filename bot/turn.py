"""One inbound message being handled: what the conversation steps read and write."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from storage.models import Message, Resident

from . import outbox
from .texts import text


@dataclass
class Turn:
    """The resident, their message and the open transaction, for one step of the conversation."""

    runtime: object
    session: Session
    resident: Resident
    message: Message
    command: str | None
    classification: object = None
    is_new: bool = False
    callback_data: str | None = None
    _replies: int = field(default=0)

    @property
    def site(self):
        return self.runtime.site

    @property
    def text(self) -> str:
        return self.message.body

    @property
    def message_id(self) -> int:
        """The inbound message's id; the message is written first if nothing has needed it yet."""
        if self.message.id is None:
            self.session.flush()
        return self.message.id

    def reply(self, body: str, *, purpose: str = "reply", buttons: list | None = None) -> None:
        """Queue a reply to this message (idempotent under a provider retry)."""
        outbox.reply(self.session, self.resident, self.message_id, body, n=self._replies,
                     purpose=purpose, buttons=buttons)
        self._replies += 1

    def say(self, key: str, *, purpose: str = "reply", **values) -> None:
        """Reply with the resident-facing text `key`."""
        values.setdefault("site", self.site.name)
        self.reply(text(key, **values), purpose=purpose)
