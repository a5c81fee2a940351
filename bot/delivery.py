"""Delivery receipts: Twilio's status callbacks move an outbox row forward, never back."""
from __future__ import annotations

import logging

from sqlalchemy import select

from storage.models import OutboxMessage, OutboxStatus, Resident, ResidentState, utcnow

logger = logging.getLogger(__name__)

# Twilio MessageStatus -> our status.
TWILIO_STATUS = {
    "accepted": OutboxStatus.SENT, "scheduled": OutboxStatus.SENT, "queued": OutboxStatus.SENT,
    "sending": OutboxStatus.SENT, "sent": OutboxStatus.SENT,
    "delivered": OutboxStatus.DELIVERED, "read": OutboxStatus.DELIVERED,
    "undelivered": OutboxStatus.UNDELIVERED, "failed": OutboxStatus.FAILED,
    "canceled": OutboxStatus.CANCELLED,
}
# Callbacks can arrive out of order; a later stage never goes back to an earlier one.
RANK = {OutboxStatus.QUEUED: 0, OutboxStatus.SENDING: 1, OutboxStatus.SENT: 2,
        OutboxStatus.DELIVERED: 3, OutboxStatus.UNDELIVERED: 3, OutboxStatus.FAILED: 3,
        OutboxStatus.CANCELLED: 3, OutboxStatus.SKIPPED: 3}
OPTED_OUT_CODES = {"21610"}


def record_status(runtime, provider_id: str, provider_status: str, error_code: str | None = None) -> bool:
    """Apply one status callback; False when the message is unknown (e.g. already forgotten)."""
    status = TWILIO_STATUS.get((provider_status or "").lower())
    if status is None:
        return False
    with runtime.uow() as uow:
        row = uow.session.scalar(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id))
        if row is None:
            return False
        if RANK.get(status, 0) >= RANK.get(row.status, 0) and row.status != status:
            row.status = status
            row.status_at = utcnow()
            if error_code:
                row.error_code = error_code
                row.error = f"provider reported {provider_status} ({error_code})"
        if error_code in OPTED_OUT_CODES and row.resident_id:
            resident = uow.session.get(Resident, row.resident_id)
            if resident is not None:
                resident.state, resident.opted_out_at = ResidentState.OPTED_OUT, utcnow()
        uow.commit()
    return True
