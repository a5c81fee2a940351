"""The sandbox: talk to the bot as a resident without Twilio or Telegram."""
from __future__ import annotations

import secrets

from sqlalchemy import select

from storage.models import OutboxMessage, OutboxStatus, Resident

from .inbound import Inbound, receive_message

CHANNEL = "console"


def new_address() -> str:
    return "sandbox-" + secrets.token_hex(8)


def send(runtime, address: str, text: str) -> int | None:
    """A sandbox resident says something; returns the stored message id."""
    received = receive_message(runtime, Inbound(channel=CHANNEL, address=address,
                                                provider_id=secrets.token_hex(12), text=text))
    return received.message_id


def replies(runtime, address: str, after_id: int = 0) -> list[dict]:
    """Replies delivered to a sandbox resident with an outbox id above `after_id`, oldest first."""
    key = runtime.cipher.lookup_hash(CHANNEL, address)
    with runtime.uow() as uow:
        resident_id = uow.session.scalar(select(Resident.id).where(Resident.address_hash == key))
        if resident_id is None:
            return []
        rows = uow.session.scalars(select(OutboxMessage).where(
            OutboxMessage.resident_id == resident_id, OutboxMessage.id > after_id,
            OutboxMessage.channel == CHANNEL,
            OutboxMessage.status.in_((OutboxStatus.SENT, OutboxStatus.DELIVERED))).order_by(OutboxMessage.id)).all()
        return [{"id": r.id, "body": r.body, "buttons": r.buttons, "status": r.status} for r in rows]
