"""Receiving one message from any channel: recorded once, answered once, in one transaction."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from nlp import redact
from storage.models import ForgottenMessage, Message, MessageStatus, utcnow

from . import conversation, residents
from .commands import parse_command
from .turn import Turn

logger = logging.getLogger(__name__)
# Built once: constructing the statements per message cost more than running them.
_BY_PROVIDER_ID = select(Message.id).where(Message.channel == bindparam("channel"),
                                           Message.provider_id == bindparam("provider_id"))
# A provider's retry of a message we have, or of a forgotten resident's: both asked in one round trip.
_SEEN = select(_BY_PROVIDER_ID.scalar_subquery(), select(ForgottenMessage.id).where(
    ForgottenMessage.channel == bindparam("channel"),
    ForgottenMessage.provider_hash == bindparam("forgotten_hash")).scalar_subquery())


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
            existing, forgotten = session.execute(_SEEN, {
                "channel": inbound.channel, "provider_id": inbound.provider_id,
                "forgotten_hash": residents.forgotten_hash(runtime.cipher, inbound.channel,
                                                          inbound.provider_id)}).one()
            if existing is not None:
                return Received(existing, duplicate=True)
            if forgotten is not None:
                return Received(None, duplicate=True)
            now = utcnow()
            resident, is_new = residents.find_or_create(session, runtime.cipher, inbound.channel,
                                                        inbound.address, seen_at=now)
            if not is_new:  # a new resident was written with these already: no second UPDATE
                resident.last_inbound_at = now
                resident.unreachable_at = None  # they wrote to us, so they can be reached again
            # Not flushed here: the row is written when the conversation first needs its id (or at
            # commit), so what the step decides (held, ignored, a command) goes into the INSERT
            # instead of a second UPDATE. Hence the defaults the steps read are set here.
            message = Message(channel=inbound.channel, provider_id=inbound.provider_id,
                              resident_id=resident.id, body=body, media_count=inbound.media_count,
                              neighbourhood=resident.neighbourhood, received_at=now,
                              status=MessageStatus.PROCESSED, kind="concern", themes=[], scores={},
                              urgent=False, places=[], needs_review=False,
                              redacted=classification.redacted if classification else redact(body))
            session.add(message)
            turn = Turn(runtime=runtime, session=session, resident=resident, message=message,
                        command=command, classification=classification, is_new=is_new,
                        callback_data=inbound.callback_data)
            conversation.handle(turn)
            uow.commit()
            message_id = message.id
    except IntegrityError:
        # A concurrent retry of the same provider message committed first.
        with runtime.uow() as uow:
            existing = uow.session.scalar(_BY_PROVIDER_ID, {"channel": inbound.channel,
                                                            "provider_id": inbound.provider_id})
        if existing is None:
            raise
        return Received(existing, duplicate=True)
    logger.info("message received", extra={"message_id": message_id, "channel": inbound.channel})
    return Received(message_id, duplicate=False)
