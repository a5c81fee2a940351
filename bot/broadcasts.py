"""Broadcasts: preview (who, how many segments, what it costs), schedule or send, cancel, stop, totals."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import (Broadcast, BroadcastStatus, Invitation, MessageTheme, OutboxMessage, OutboxStatus,
                            Resident, ResidentState, utcnow)

from . import outbox
from .quiet_hours import in_quiet_hours, next_allowed
from .segments import SegmentCount, count_segments

logger = logging.getLogger(__name__)

PURPOSES = {"updates": Resident.consent_updates, "meetings": Resident.consent_meetings}


class BroadcastError(ValueError):
    """A broadcast that cannot be sent as asked (over budget, empty, already started)."""


@dataclass(frozen=True)
class Audience:
    """Who a broadcast goes to; every field given narrows it (AND)."""

    neighbourhoods: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    theme: str | None = None
    weeks: int = 4
    meeting_id: int | None = None
    rsvp: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict) -> "Audience":
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in (data or {}).items()})


@dataclass
class Preview:
    """What a CD worker sees before sending."""

    recipients: int
    per_channel: dict[str, int]
    sms: SegmentCount
    cost: float
    budget_cap: float
    over_budget: bool
    held_until: datetime | None = None  # quiet hours: when it will actually start
    notes: list[str] = field(default_factory=list)


def audience_query(audience: Audience, purpose: str, now: datetime | None = None):
    """SELECT id, channel of the residents a broadcast reaches: consented to `purpose`, not opted out."""
    if purpose not in PURPOSES:
        raise BroadcastError(f"purpose must be one of {', '.join(PURPOSES)}")
    query = select(Resident.id, Resident.channel).where(
        PURPOSES[purpose].is_(True), Resident.consented_at.is_not(None), Resident.opted_out_at.is_(None),
        Resident.unreachable_at.is_(None), Resident.state == ResidentState.ACTIVE)
    if audience.neighbourhoods:
        query = query.where(Resident.neighbourhood.in_(audience.neighbourhoods))
    if audience.channels:
        query = query.where(Resident.channel.in_(audience.channels))
    if audience.theme:
        since = (now or utcnow()) - timedelta(weeks=audience.weeks or 4)
        raised = select(MessageTheme.resident_id).where(
            MessageTheme.theme == audience.theme, MessageTheme.received_at >= since)
        query = query.where(Resident.id.in_(raised))
    if audience.meeting_id is not None:
        invited = select(Invitation.resident_id).where(Invitation.meeting_id == audience.meeting_id)
        if audience.rsvp:
            wanted = [a for a in audience.rsvp if a != "none"]
            condition = Invitation.answer.in_(wanted)
            if "none" in audience.rsvp:
                condition = condition | Invitation.answer.is_(None)
            invited = invited.where(condition)
        query = query.where(Resident.id.in_(invited))
    return query.order_by(Resident.id)


def preview(runtime, body: str, audience: Audience, purpose: str = "updates",
            send_at: datetime | None = None) -> Preview:
    """Count the audience per channel, the SMS segments, the cost, and quiet-hours holding."""
    if not body.strip():
        raise BroadcastError("the message is empty")
    site = runtime.site
    with runtime.uow() as uow:
        per_channel = dict(uow.session.execute(
            select(audience_query(audience, purpose).subquery().c.channel, func.count())
            .group_by("channel")).all())
    sms = count_segments(body)
    cost = (per_channel.get("sms", 0) * sms.segments * site.sms_segment_price
            + per_channel.get("whatsapp", 0) * site.whatsapp_message_price)
    start = send_at or utcnow()
    held = next_allowed(start, site.quiet_hours, site.timezone) if in_quiet_hours(
        start, site.quiet_hours, site.timezone) else None
    notes = []
    if sms.encoding == "UCS-2":
        notes.append("contains " + " ".join(sms.culprits) + ": SMS is sent as UCS-2 (70 characters a segment)")
    return Preview(recipients=sum(per_channel.values()), per_channel=per_channel, sms=sms,
                   cost=round(cost, 2), budget_cap=site.broadcast_budget_cap,
                   over_budget=cost > site.broadcast_budget_cap, held_until=held, notes=notes)


def create_broadcast(runtime, body: str, audience: Audience, purpose: str = "updates",
                     send_at: datetime | None = None, created_by: str = "",
                     override_budget: bool = False) -> int:
    """Record a broadcast; it starts now (or at `send_at`). Over the budget cap needs an override."""
    seen = preview(runtime, body, audience, purpose, send_at)
    if seen.over_budget and not override_budget:
        raise BroadcastError(f"estimated cost {seen.cost:.2f} is over the budget cap "
                             f"{seen.budget_cap:.2f}; override to send anyway")
    with runtime.uow() as uow:
        row = Broadcast(body=body, purpose=purpose, audience=audience.as_json(), send_at=send_at or utcnow(),
                        status=BroadcastStatus.SCHEDULED, estimated_cost=seen.cost,
                        budget_override=seen.over_budget and override_budget, created_by=created_by)
        uow.session.add(row)
        uow.session.flush()
        broadcast_id = row.id
        uow.commit()
    logger.info("broadcast created", extra={"broadcast_id": broadcast_id, "recipients": seen.recipients})
    if send_at is None or send_at <= utcnow():
        start_broadcast(runtime, broadcast_id)
    return broadcast_id


def start_broadcast(runtime, broadcast_id: int) -> int:
    """Fan a scheduled broadcast out to the outbox, in one transaction; returns how many were queued."""
    site = runtime.site
    with runtime.uow() as uow:
        session = uow.session
        claimed = session.execute(update(Broadcast).where(
            Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SCHEDULED).values(
            status=BroadcastStatus.SENDING, started_at=utcnow())).rowcount
        if not claimed:
            return 0  # cancelled, or another worker started it
        broadcast = session.get(Broadcast, broadcast_id)
        audience = Audience.from_json(broadcast.audience)
        recipients = session.execute(audience_query(audience, broadcast.purpose)).all()
        not_before = next_allowed(max(broadcast.send_at, utcnow()), site.quiet_hours, site.timezone)
        segments = count_segments(broadcast.body).segments
        outbox.enqueue_many(session, [dict(
            idempotency_key=f"broadcast:{broadcast_id}:{resident_id}", resident_id=resident_id,
            channel=channel, purpose="broadcast", body=broadcast.body, broadcast_id=broadcast_id,
            not_before=not_before, respect_quiet_hours=True,
            segments=segments if channel == "sms" else 1) for resident_id, channel in recipients])
        broadcast.recipients = len(recipients)
        uow.commit()
    logger.info("broadcast started", extra={"broadcast_id": broadcast_id, "recipients": len(recipients)})
    return len(recipients)


def cancel_broadcast(runtime, broadcast_id: int) -> None:
    """Withdraw a scheduled broadcast before it starts."""
    with runtime.uow() as uow:
        done = uow.session.execute(update(Broadcast).where(
            Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SCHEDULED).values(
            status=BroadcastStatus.CANCELLED, finished_at=utcnow())).rowcount
        uow.commit()
    if not done:
        raise BroadcastError(f"broadcast {broadcast_id} is not scheduled (already started, sent or cancelled)")


def stop_broadcast(runtime, broadcast_id: int) -> int:
    """Stop a broadcast in progress: what has not been sent stays unsent. Returns how many were withheld."""
    with runtime.uow() as uow:
        session = uow.session
        done = session.execute(update(Broadcast).where(
            Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SENDING).values(
            status=BroadcastStatus.STOPPED, finished_at=utcnow())).rowcount
        if not done:
            raise BroadcastError(f"broadcast {broadcast_id} is not sending")
        withheld = session.execute(update(OutboxMessage).where(
            OutboxMessage.broadcast_id == broadcast_id, OutboxMessage.status == OutboxStatus.QUEUED).values(
            status=OutboxStatus.CANCELLED, error="broadcast stopped", status_at=utcnow())).rowcount
        uow.commit()
    logger.info("broadcast stopped", extra={"broadcast_id": broadcast_id, "withheld": withheld})
    return withheld or 0


def totals(session: Session, broadcast_id: int) -> dict[str, int]:
    """Outbox rows of a broadcast by status (queued, sent, delivered, failed, ...)."""
    return dict(session.execute(select(OutboxMessage.status, func.count()).where(
        OutboxMessage.broadcast_id == broadcast_id).group_by(OutboxMessage.status)).all())


def list_broadcasts(runtime, limit: int = 50) -> list[dict]:
    """Recent broadcasts with their delivery totals, as plain values."""
    with runtime.uow() as uow:
        rows = uow.session.scalars(select(Broadcast).order_by(Broadcast.id.desc()).limit(limit)).all()
        return [{"id": b.id, "body": b.body, "purpose": b.purpose, "audience": b.audience,
                 "status": b.status, "send_at": b.send_at, "recipients": b.recipients,
                 "estimated_cost": b.estimated_cost, "totals": totals(uow.session, b.id)} for b in rows]


def run_scheduled(runtime, now: datetime) -> None:
    """Periodic: start broadcasts whose time has come; mark finished ones sent."""
    with runtime.uow() as uow:
        due = list(uow.session.scalars(select(Broadcast.id).where(
            Broadcast.status == BroadcastStatus.SCHEDULED, Broadcast.send_at <= now)))
        sending = list(uow.session.scalars(select(Broadcast.id).where(
            Broadcast.status == BroadcastStatus.SENDING)))
    for broadcast_id in due:
        start_broadcast(runtime, broadcast_id)
    for broadcast_id in sending:
        with runtime.uow() as uow:
            pending = uow.session.scalar(select(func.count()).where(
                OutboxMessage.broadcast_id == broadcast_id, OutboxMessage.status.in_(OutboxStatus.PENDING)))
            if not pending:
                uow.session.execute(update(Broadcast).where(
                    Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SENDING).values(
                    status=BroadcastStatus.SENT, finished_at=now))
                uow.commit()
