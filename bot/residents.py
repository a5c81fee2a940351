"""Residents: finding them by address, consent, STOP and START, and FORGET."""
from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import bindparam, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.crypto import AddressCipher
from storage.models import (ForgottenMessage, Message, MessageStatus, OutboxMessage, OutboxStatus, Resident,
                            ResidentState, utcnow)

from . import outbox
from .texts import text

logger = logging.getLogger(__name__)


# Built once: the statements every inbound message runs (building them is most of their cost).
_BY_HASH = select(Resident).where(Resident.address_hash == bindparam("key"))
_FORGOTTEN = select(ForgottenMessage.id).where(ForgottenMessage.channel == bindparam("channel"),
                                               ForgottenMessage.provider_hash == bindparam("hash"))


def find_or_create(session: Session, cipher: AddressCipher, channel: str, address: str,
                   seen_at: datetime | None = None) -> tuple[Resident, bool]:
    """The resident behind (channel, address), created on first contact at `seen_at`; True when new."""
    key = cipher.lookup_hash(channel, address)
    resident = session.scalar(_BY_HASH, {"key": key})
    if resident is not None:
        return resident, False
    resident = Resident(channel=channel, address_hash=key, address_enc=cipher.encrypt(address),
                        state=ResidentState.AWAITING_CONSENT, last_inbound_at=seen_at, unreachable_at=None)
    if session.get_bind().dialect.name == "sqlite":
        # The transaction began with BEGIN IMMEDIATE, so it holds SQLite's only write lock: no other
        # writer can add this resident between the SELECT and the INSERT, and the savepoint (two
        # more statements per new resident) would guard against nothing.
        session.add(resident)
        session.flush()
        return resident, True
    try:
        with session.begin_nested():
            session.add(resident)
            session.flush()
    except IntegrityError:  # the same resident's other message won the race
        resident = session.scalar(_BY_HASH, {"key": key})
        return resident, False
    return resident, True


def give_consent(resident: Resident) -> None:
    """The resident said YES: their messages may be kept, and they hear about meetings and updates."""
    now = utcnow()
    resident.consented_at = resident.consented_at or now
    resident.consent_meetings = True
    resident.consent_updates = True


def opt_out(session: Session, resident: Resident) -> bool:
    """STOP: final until START. Anything still queued for them is cancelled. False if already out."""
    if resident.state == ResidentState.OPTED_OUT:
        return False
    resident.state = ResidentState.OPTED_OUT
    resident.opted_out_at = utcnow()
    cancel_pending(session, resident.id, "resident opted out")
    return True


def opt_in(resident: Resident) -> None:
    """START: back to where they were before STOP (or to the consent question if they never agreed)."""
    resident.opted_out_at = None
    resident.unreachable_at = None
    if resident.consented_at is None:
        resident.state = ResidentState.AWAITING_CONSENT
    elif resident.neighbourhood is None:
        resident.state = ResidentState.AWAITING_NEIGHBOURHOOD
    else:
        resident.state = ResidentState.ACTIVE


def cancel_pending(session: Session, resident_id: int, reason: str) -> None:
    """Withdraw every queued message to a resident, keeping the rows as a record."""
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.resident_id == resident_id, OutboxMessage.status == OutboxStatus.QUEUED,
        OutboxMessage.purpose.not_in(outbox.BEFORE_CONSENT)))
    for row in rows:
        row.status = OutboxStatus.CANCELLED
        row.error = reason


def forget(session: Session, cipher: AddressCipher, resident: Resident, goodbye_key: str,
           site_name: str) -> None:
    """FORGET: delete the resident, their messages and their outbox; send one goodbye."""
    address = cipher.decrypt(resident.address_enc)
    channel = resident.channel
    resident_id = resident.id
    # Providers retry a webhook for hours: a retry of a forgotten message must not bring them back.
    provider_ids = session.scalars(select(Message.provider_id).where(Message.resident_id == resident_id)).all()
    session.add_all(ForgottenMessage(channel=channel, provider_hash=forgotten_hash(cipher, channel, pid))
                    for pid in set(provider_ids))
    session.execute(delete(OutboxMessage).where(OutboxMessage.resident_id == resident_id))
    session.execute(delete(Message).where(Message.resident_id == resident_id))
    session.execute(delete(Resident).where(Resident.id == resident_id))
    session.expunge(resident)
    # The goodbye carries its own encrypted address, wiped once it is sent.
    outbox.enqueue(session, key=goodbye_key, body=text("forgotten", site=site_name), channel=channel,
                   address=address, cipher=cipher, purpose="stop")
    logger.info("resident forgotten", extra={"resident_id": resident_id})


def forgotten_hash(cipher: AddressCipher, channel: str, provider_id: str) -> str:
    """The keyed hash a forgotten message's provider id is remembered by."""
    return cipher.lookup_hash(channel, f"provider-message:{provider_id}")


def was_forgotten(session: Session, cipher: AddressCipher, channel: str, provider_id: str) -> bool:
    """True if this provider message belonged to a resident who has since been forgotten."""
    return session.scalar(_FORGOTTEN, {"channel": channel,
                                       "hash": forgotten_hash(cipher, channel, provider_id)}) is not None


def purge_forgotten_ids(session: Session, days: int) -> int:
    """Drop the hashes once no provider would still retry (`days` old); returns how many."""
    from datetime import timedelta
    cutoff = utcnow() - timedelta(days=days)
    return session.execute(delete(ForgottenMessage).where(ForgottenMessage.forgotten_at < cutoff)).rowcount or 0


def release_held(session: Session, resident: Resident) -> list[Message]:
    """The messages held while the resident had not yet agreed, oldest first."""
    return list(session.scalars(select(Message).where(
        Message.resident_id == resident.id, Message.status == MessageStatus.HELD).order_by(Message.id)))


def purge_unconsented(session: Session, days: int) -> int:
    """Delete messages held for residents who never agreed within `days`; returns how many."""
    from datetime import timedelta
    cutoff = utcnow() - timedelta(days=days)
    held = session.scalars(select(Message.id).where(
        Message.status == MessageStatus.HELD, Message.received_at < cutoff)).all()
    if held:
        session.execute(delete(Message).where(Message.id.in_(held)))
    return len(held)
