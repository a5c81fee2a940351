"""The one interface every channel implements, and the errors the worker acts on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Outgoing:
    """What the worker hands a channel: plain values, no database objects."""

    outbox_id: int
    channel: str
    address: str
    body: str
    purpose: str = "reply"
    subject: str | None = None
    buttons: list = field(default_factory=list)
    segments: int = 1
    # WhatsApp only: the 24-hour window is closed, so only an approved template may be sent.
    window_closed: bool = False


@dataclass(frozen=True)
class SendResult:
    provider_id: str | None
    status: str = "sent"


class SendError(Exception):
    """A send that did not go through; `code` is the provider's error code when there is one."""

    def __init__(self, reason: str, code: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code = code


class TransientSendError(SendError):
    """Worth trying again later (network, 5xx, rate limit); `retry_after` in seconds if the provider said."""

    def __init__(self, reason: str, code: str | None = None, retry_after: float | None = None):
        super().__init__(reason, code)
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """Final: trying again would fail the same way."""

    def __init__(self, reason: str, code: str | None = None, *, opted_out: bool = False,
                 unreachable: bool = False, skipped: bool = False):
        super().__init__(reason, code)
        self.opted_out = opted_out
        self.unreachable = unreachable
        self.skipped = skipped


class Channel(Protocol):
    """Sends one message through one provider."""

    name: str

    def send(self, message: Outgoing) -> SendResult:
        """Send, or raise TransientSendError / PermanentSendError."""
        ...

    # Optional: `find_sent(message, since) -> SendResult | None` asks the provider whether a
    # message whose sender died mid-send already went out (Twilio can; Telegram cannot).
