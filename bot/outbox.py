"""Writing to the outbox, idempotently, inside the caller's transaction."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from storage.crypto import AddressCipher
from storage.models import OutboxMessage, Resident, utcnow

# Purposes that may reach a resident who has not consented (or has just said STOP).
BEFORE_CONSENT = frozenset({"consent", "stop"})
# Built once: every reply runs it, and building it cost more than running it.
_BY_KEY = select(OutboxMessage.id).where(OutboxMessage.idempotency_key == bindparam("key"))


def enqueue(session: Session, *, key: str, body: str, resident: Resident | None = None,
            channel: str | None = None, address: str | None = None, cipher: AddressCipher | None = None,
            purpose: str = "reply", not_before: datetime | None = None, subject: str | None = None,
            buttons: list | None = None, respect_quiet_hours: bool = False,
            broadcast_id: int | None = None, meeting_id: int | None = None,
            segments: int = 1) -> OutboxMessage | None:
    """Queue one message under a unique key; a key already queued returns None (never twice)."""
    if session.scalar(_BY_KEY, {"key": key}) is not None:
        return None
    if resident is None and (address is None or cipher is None or channel is None):
        raise ValueError("a message needs a resident, or a channel, address and cipher")
    row = OutboxMessage(
        idempotency_key=key, resident_id=resident.id if resident else None,
        address_enc=cipher.encrypt(address) if resident is None else None,
        channel=channel or resident.channel, purpose=purpose, body=body, subject=subject,
        buttons=buttons or [], respect_quiet_hours=respect_quiet_hours,
        not_before=not_before or utcnow(), broadcast_id=broadcast_id, meeting_id=meeting_id,
        segments=segments)
    session.add(row)
    return row


def reply(session: Session, resident: Resident, message_id: int, body: str, *, n: int = 0,
          purpose: str = "reply", buttons: list | None = None) -> OutboxMessage | None:
    """Queue the `n`th reply to inbound message `message_id` (a provider retry queues nothing)."""
    return enqueue(session, key=f"reply:{message_id}:{n}", body=body, resident=resident,
                   purpose=purpose, buttons=buttons)


def enqueue_many(session: Session, rows: list[dict]) -> int:
    """Queue many messages in a few statements; keys already queued are skipped. Returns how many were offered."""
    if not rows:
        return 0
    now = utcnow()
    values = [{"buttons": [], "respect_quiet_hours": False, "purpose": "reply", "segments": 1,
               "not_before": now, "status": "queued", "attempts": 0, "created_at": now, **row}
              for row in rows]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for start in range(0, len(values), 2000):
        session.execute(insert(OutboxMessage).on_conflict_do_nothing(index_elements=["idempotency_key"]),
                        values[start:start + 2000])
    return len(values)
