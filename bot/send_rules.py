"""What the worker checks, at the moment of sending, before a queued message may go out.

Each rule looks at the row and what it belongs to, and says: send, hold until later, or withdraw
(skipped or cancelled, with the reason the CD worker sees).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.models import (Broadcast, BroadcastStatus, Meeting, MeetingStatus, OutboxMessage, OutboxStatus,
                            Resident, ResidentState)

from .outbox import BEFORE_CONSENT
from .quiet_hours import in_quiet_hours, next_allowed

WHATSAPP_WINDOW = timedelta(hours=24)
MEETING_PURPOSES = ("invitation", "reminder", "meeting_update")


@dataclass(frozen=True)
class Decision:
    """send (with `window_closed` for WhatsApp), or hold until `hold_until`, or withdraw."""

    withdraw_status: str | None = None     # SKIPPED or CANCELLED
    reason: str | None = None
    hold_until: datetime | None = None
    window_closed: bool = False

    @property
    def send(self) -> bool:
        return self.withdraw_status is None and self.hold_until is None


SEND = Decision()


def _skip(reason: str) -> Decision:
    return Decision(OutboxStatus.SKIPPED, reason)


def _cancel(reason: str) -> Decision:
    return Decision(OutboxStatus.CANCELLED, reason)


def check_resident(row: OutboxMessage, resident: Resident | None) -> Decision:
    """Consent, STOP and forgetting always win."""
    if row.resident_id is None:
        return SEND
    if resident is None:
        return _skip("resident forgotten")
    if row.purpose not in BEFORE_CONSENT and not resident.reachable:
        return _skip("resident has not consented or has opted out")
    if resident.state == ResidentState.OPTED_OUT and row.purpose != "stop":
        return _skip("resident opted out")
    return SEND


def check_quiet_hours(row: OutboxMessage, site, now: datetime) -> Decision:
    """Non-urgent sends that reach quiet hours (a broadcast running late) wait for the morning."""
    if row.respect_quiet_hours and in_quiet_hours(now, site.quiet_hours, site.timezone):
        return Decision(hold_until=next_allowed(now, site.quiet_hours, site.timezone))
    return SEND


def check_belongs(session, row: OutboxMessage, now: datetime) -> Decision:
    """A stopped broadcast or a cancelled meeting withdraws what it had queued."""
    if row.broadcast_id is not None:
        broadcast = session.get(Broadcast, row.broadcast_id)
        if broadcast is not None and broadcast.status in (BroadcastStatus.STOPPED, BroadcastStatus.CANCELLED):
            return _cancel(f"broadcast {broadcast.status}")
    if row.meeting_id is not None and row.purpose in MEETING_PURPOSES:
        meeting = session.get(Meeting, row.meeting_id)
        if meeting is not None and row.purpose != "meeting_update" and meeting.status == MeetingStatus.CANCELLED:
            return _cancel("meeting cancelled")
        if meeting is not None and row.purpose in ("invitation", "reminder") and meeting.starts_at <= now:
            return _skip("the meeting had already started")
    return SEND


def check_whatsapp_window(row: OutboxMessage, resident: Resident | None, site, now: datetime) -> Decision:
    """Outside 24 hours of the resident's last message, WhatsApp takes only an approved template."""
    if row.channel != "whatsapp" or resident is None:
        return SEND
    last = resident.last_inbound_at
    if last is not None and now - last < WHATSAPP_WINDOW:
        return SEND
    if site.whatsapp_template_sid:
        return Decision(window_closed=True)
    return _skip("outside WhatsApp's 24-hour window and no approved template (set whatsapp_template_sid)")


def decide(session, row: OutboxMessage, resident: Resident | None, site, now: datetime) -> Decision:
    """Every rule in turn; the first that does not say "send" decides."""
    for decision in (check_resident(row, resident), check_belongs(session, row, now),
                     check_quiet_hours(row, site, now)):
        if not decision.send:
            return decision
    return check_whatsapp_window(row, resident, site, now)
