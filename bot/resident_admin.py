"""Residents as CD workers see them on the dashboard: masked addresses, consent state, FORGET."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import phonenumbers
from sqlalchemy import func, select

from storage.models import Message, OutboxMessage, OutboxStatus, Resident, ResidentState

from . import residents

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


def mask_address(address: str) -> str:
    """'+447700900123' -> '+44 77** ***123'; other addresses keep only their last three characters."""
    address = address.split(":", 1)[1] if address.startswith("whatsapp:") else address
    if address.startswith("+"):
        try:
            number = phonenumbers.parse(address, None)
            national = str(number.national_number)
            if len(national) >= 6:
                hidden = national[:2] + "*" * (len(national) - 5) + national[-3:]
                return f"+{number.country_code} {hidden[:4]} {hidden[4:]}"
        except phonenumbers.NumberParseException:
            pass
    if len(address) <= 4:
        return "*" * len(address)
    return "*" * (len(address) - 3) + address[-3:]


@dataclass(frozen=True)
class ResidentView:
    id: int
    masked_address: str
    channel: str
    neighbourhood: str | None
    state: str
    consented_at: datetime | None
    consent_meetings: bool
    consent_updates: bool
    opted_out_at: datetime | None
    unreachable_at: datetime | None
    last_contact: datetime | None
    messages: int


def _require_cd(viewer) -> None:
    if not viewer.sees_residents:
        raise PermissionError("only CD workers see residents")


def list_residents(runtime, viewer, neighbourhood: str | None = None, state: str | None = None,
                   page: int = 1) -> tuple[list[ResidentView], bool]:
    """A page of residents, most recent contact first, and whether there are more."""
    _require_cd(viewer)
    counts = (select(Message.resident_id, func.count(Message.id).label("n"))
              .group_by(Message.resident_id).subquery())
    query = select(Resident, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.resident_id == Resident.id)
    if neighbourhood:
        query = query.where(Resident.neighbourhood == neighbourhood)
    if state:
        query = query.where(Resident.state == state)
    page = max(page, 1)
    query = (query.order_by(func.coalesce(Resident.last_inbound_at, Resident.created_at).desc(), Resident.id.desc())
             .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1))
    with runtime.uow() as uow:
        rows = list(uow.session.execute(query))
    return [_to_view(runtime, r, n) for r, n in rows[:PAGE_SIZE]], len(rows) > PAGE_SIZE


def _to_view(runtime, resident: Resident, messages: int) -> ResidentView:
    hood = runtime.site.neighbourhood(resident.neighbourhood)
    return ResidentView(
        id=resident.id, masked_address=mask_address(runtime.cipher.decrypt(resident.address_enc)),
        channel=resident.channel, neighbourhood=hood.name if hood else None, state=resident.state,
        consented_at=resident.consented_at, consent_meetings=resident.consent_meetings,
        consent_updates=resident.consent_updates, opted_out_at=resident.opted_out_at,
        unreachable_at=resident.unreachable_at,
        last_contact=resident.last_inbound_at or resident.created_at, messages=messages)


def get_resident(runtime, viewer, resident_id: int) -> ResidentView:
    """One resident (for the FORGET confirmation); LookupError when there is none."""
    _require_cd(viewer)
    with runtime.uow() as uow:
        resident = uow.session.get(Resident, resident_id)
        if resident is None:
            raise LookupError(resident_id)
        n = uow.session.scalar(select(func.count(Message.id)).where(Message.resident_id == resident_id)) or 0
    return _to_view(runtime, resident, n)


def forget_resident(runtime, viewer, resident_id: int) -> None:
    """FORGET from the dashboard: delete the resident and their messages; a goodbye only if they may be sent one."""
    _require_cd(viewer)
    key = f"forget:dashboard:{resident_id}"
    with runtime.uow() as uow:
        session = uow.session
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise LookupError(resident_id)
        may_hear = resident.state != ResidentState.OPTED_OUT and resident.opted_out_at is None \
            and resident.unreachable_at is None and resident.consented_at is not None
        residents.forget(session, runtime.cipher, resident, goodbye_key=key, site_name=runtime.site.name)
        if not may_hear:  # STOP is final, and someone who never agreed hears nothing more
            session.flush()
            goodbye = session.scalar(select(OutboxMessage).where(OutboxMessage.idempotency_key == key))
            if goodbye is not None:
                goodbye.status, goodbye.address_enc = OutboxStatus.CANCELLED, None
                goodbye.error = "forgotten from the dashboard; resident not reachable"
        uow.commit()
    logger.info("resident forgotten from the dashboard", extra={"resident_id": resident_id, "user_id": viewer.id})
