"""Receiving one message from any channel: recorded once, answered once, in one transaction."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from nlp import redact
from storage.models import Message, utcnow

from . import conversation, residents
from .commands import parse_command
from .turn import Turn

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Inbound:
    """A message as a channel's webhook read it; `provider_id` is MessageSid / update_id."""

    channel: str
    address: str
    provider_id: str
    text: str = ""
    media_count: int = 0
    callback_data: str | None = None


@dataclass(frozen=True)
class Received:
    message_id: int | None
    duplicate: bool


def receive_message(runtime, inbound: Inbound) -> Received:
    """Record the message (idempotently), run the conversation, queue replies; all or nothing."""
    body = (inbound.text or "").strip()
    command = parse_command(body) if body else None
    # Classify before the transaction so the database is not held while the model runs.
    classification = runtime.classifier.classify(body) if body and command is None else None
    try:
        with runtime.uow() as uow:
            session = uow.session
            existing = session.scalar(select(Message.id).where(
                Message.channel == inbound.channel, Message.provider_id == inbound.provider_id))
            if existing is not None:
                return Received(existing, duplicate=True)
            if residents.was_forgotten(session, runtime.cipher, inbound.channel, inbound.provider_id):
                return Received(None, duplicate=True)
            resident, is_new = residents.find_or_create(session, runtime.cipher, inbound.channel,
                                                        inbound.address)
            resident.last_inbound_at = utcnow()
            resident.unreachable_at = None  # they wrote to us, so they can be reached again
            message = Message(channel=inbound.channel, provider_id=inbound.provider_id,
                              resident_id=resident.id, body=body, media_count=inbound.media_count,
                              neighbourhood=resident.neighbourhood,
                              redacted=classification.redacted if classification else redact(body))
            session.add(message)
            session.flush()
            turn = Turn(runtime=runtime, session=session, resident=resident, message=message,
                        command=command, classification=classification, is_new=is_new,
                        callback_data=inbound.callback_data)
            conversation.handle(turn)
            message_id = message.id
            uow.commit()
    except IntegrityError:
        # A concurrent retry of the same provider message committed first.
        with runtime.uow() as uow:
            existing = uow.session.scalar(select(Message.id).where(
                Message.channel == inbound.channel, Message.provider_id == inbound.provider_id))
        if existing is None:
            raise
        return Received(existing, duplicate=True)
    logger.info("message received", extra={"message_id": message_id, "channel": inbound.channel})
    return Received(message_id, duplicate=False)
