"""Meetings: create, invite, move, cancel, record attendance and notes. Service functions the CLI
and the dashboard call; each takes the runtime and ids, and commits its own unit of work."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import (Invitation, Meeting, MeetingStatus, OutboxMessage, OutboxStatus, Resident,
                            RsvpAnswer, ResidentState, utcnow)

from . import outbox
from .agenda import describe_meeting
from .quiet_hours import next_allowed
from .segments import fit_segments
from .texts import text

logger = logging.getLogger(__name__)

MEETING_PURPOSES = ("invitation", "reminder", "meeting_update", "meeting_notes")


class MeetingError(ValueError):
    """A request the meeting cannot take (in the past, already cancelled, unknown)."""


@dataclass(frozen=True)
class MeetingPlan:
    title: str
    starts_at: datetime  # naive UTC
    ends_at: datetime
    venue: str = ""
    neighbourhoods: tuple[str, ...] = ()
    description: str = ""
    created_by: str = ""


def rsvp_buttons(meeting_id: int) -> list[dict]:
    """The Yes / No / Maybe buttons Telegram shows under an invitation."""
    return [{"text": label, "data": f"rsvp:{meeting_id}:{answer}"}
            for label, answer in (("Yes", "yes"), ("No", "no"), ("Maybe", "maybe"))]


def _get(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise MeetingError(f"no meeting {meeting_id}")
    return meeting


def _invitees(session: Session, meeting: Meeting) -> list[Resident]:
    """Residents of the meeting's neighbourhoods who agreed to hear about meetings."""
    query = select(Resident).where(
        Resident.consent_meetings.is_(True), Resident.consented_at.is_not(None),
        Resident.opted_out_at.is_(None), Resident.unreachable_at.is_(None),
        Resident.state == ResidentState.ACTIVE)
    if meeting.neighbourhoods:
        query = query.where(Resident.neighbourhood.in_(meeting.neighbourhoods))
    return list(session.scalars(query.order_by(Resident.id)))


def _send_time(runtime, when: datetime) -> datetime:
    site = runtime.site
    return next_allowed(when, site.quiet_hours, site.timezone)


def create_meeting(runtime, plan: MeetingPlan, invite: bool = True) -> int:
    """Create a meeting (and send its invitations unless told not to); returns its id."""
    if plan.ends_at <= plan.starts_at:
        raise MeetingError("a meeting must end after it starts")
    if plan.starts_at <= utcnow():
        raise MeetingError("a meeting must start in the future")
    unknown = [n for n in plan.neighbourhoods if runtime.site.neighbourhood(n) is None]
    if unknown:
        raise MeetingError(f"unknown neighbourhood(s): {', '.join(unknown)}")
    with runtime.uow() as uow:
        meeting = Meeting(title=plan.title.strip(), starts_at=plan.starts_at, ends_at=plan.ends_at,
                          venue=plan.venue.strip(), neighbourhoods=list(plan.neighbourhoods),
                          description=plan.description.strip(), created_by=plan.created_by)
        uow.session.add(meeting)
        uow.session.flush()
        meeting_id = meeting.id
        uow.commit()
    logger.info("meeting created", extra={"meeting_id": meeting_id})
    if invite:
        send_invitations(runtime, meeting_id)
    return meeting_id


def send_invitations(runtime, meeting_id: int) -> int:
    """Invite every consenting resident of the meeting's neighbourhoods not yet invited; returns how many."""
    with runtime.uow() as uow:
        session = uow.session
        meeting = _get(session, meeting_id)
        if meeting.status not in MeetingStatus.UPCOMING:
            raise MeetingError("only a planned meeting can be invited to")
        already = set(session.scalars(select(Invitation.resident_id).where(
            Invitation.meeting_id == meeting_id)))
        residents = [r for r in _invitees(session, meeting) if r.id not in already]
        now = utcnow()
        when = describe_meeting(meeting, runtime.site.timezone)
        body = fit_segments(lambda d: text("invitation", title=meeting.title, when=when, description=d),
                            meeting.description)
        not_before = _send_time(runtime, now)
        session.add_all([Invitation(meeting_id=meeting_id, resident_id=r.id, invited_at=now) for r in residents])
        outbox.enqueue_many(session, [dict(
            idempotency_key=f"invite:{meeting_id}:{r.id}", resident_id=r.id, channel=r.channel,
            purpose="invitation", body=body, meeting_id=meeting_id, not_before=not_before,
            respect_quiet_hours=True, buttons=rsvp_buttons(meeting_id) if r.channel == "telegram" else [])
            for r in residents])
        meeting.invited_at = meeting.invited_at or now
        uow.commit()
    logger.info("invitations queued", extra={"meeting_id": meeting_id, "count": len(residents)})
    return len(residents)


def plan_reminders(session: Session, runtime, meeting: Meeting, resident_ids: list[int]) -> int:
    """Queue the reminders (a day and two hours before, by default) for residents coming or maybe."""
    rows = []
    now = utcnow()
    when = describe_meeting(meeting, runtime.site.timezone)
    residents = {r.id: r for r in session.scalars(select(Resident).where(Resident.id.in_(resident_ids)))}
    for hours in runtime.settings.reminder_hours:
        due = meeting.starts_at - timedelta(hours=hours)
        if due <= now:
            continue  # too late for this one: an RSVP an hour before gets no "tomorrow" reminder
        body = text("reminder", title=meeting.title, when=when)
        for resident_id, resident in residents.items():
            rows.append(dict(idempotency_key=f"reminder:{meeting.id}:v{meeting.version}:{hours}h:{resident_id}",
                             resident_id=resident_id, channel=resident.channel, purpose="reminder",
                             body=body, meeting_id=meeting.id, not_before=due))
    return outbox.enqueue_many(session, rows)


def cancel_queued(session: Session, meeting_id: int, purposes: tuple[str, ...],
                  resident_id: int | None = None, reason: str = "") -> int:
    """Withdraw a meeting's messages that have not gone out yet."""
    query = update(OutboxMessage).where(
        OutboxMessage.meeting_id == meeting_id, OutboxMessage.purpose.in_(purposes),
        OutboxMessage.status == OutboxStatus.QUEUED)
    if resident_id is not None:
        query = query.where(OutboxMessage.resident_id == resident_id)
    return session.execute(query.values(status=OutboxStatus.CANCELLED, error=reason,
                                        status_at=utcnow())).rowcount or 0


def _invited_except_no(session: Session, meeting_id: int) -> list[Resident]:
    return list(session.scalars(select(Resident).join(Invitation, Invitation.resident_id == Resident.id).where(
        Invitation.meeting_id == meeting_id,
        (Invitation.answer.is_(None)) | (Invitation.answer != RsvpAnswer.NO))))


def _coming_ids(session: Session, meeting_id: int) -> list[int]:
    return list(session.scalars(select(Invitation.resident_id).where(
        Invitation.meeting_id == meeting_id, Invitation.answer.in_(RsvpAnswer.COMING))))


def move_meeting(runtime, meeting_id: int, starts_at: datetime, ends_at: datetime | None = None,
                 venue: str | None = None) -> int:
    """Move a meeting: tell the invited (except those who said no) and re-plan reminders."""
    if starts_at <= utcnow():
        raise MeetingError("a meeting can only move to the future")
    with runtime.uow() as uow:
        session = uow.session
        meeting = _get(session, meeting_id)
        if meeting.status not in MeetingStatus.UPCOMING:
            raise MeetingError(f"meeting {meeting_id} is {meeting.status}")
        length = meeting.ends_at - meeting.starts_at
        meeting.starts_at, meeting.ends_at = starts_at, ends_at or starts_at + length
        meeting.venue = venue if venue is not None else meeting.venue
        meeting.status, meeting.version = MeetingStatus.MOVED, meeting.version + 1
        cancel_queued(session, meeting_id, ("reminder",), reason="meeting moved")
        when = describe_meeting(meeting, runtime.site.timezone)
        notify = _invited_except_no(session, meeting_id)
        outbox.enqueue_many(session, [dict(
            idempotency_key=f"moved:{meeting_id}:v{meeting.version}:{r.id}", resident_id=r.id,
            channel=r.channel, purpose="meeting_update", meeting_id=meeting_id,
            body=text("meeting_moved", title=meeting.title, when=when))
            for r in notify])
        plan_reminders(session, runtime, meeting, _coming_ids(session, meeting_id))
        uow.commit()
    logger.info("meeting moved", extra={"meeting_id": meeting_id, "notified": len(notify)})
    return len(notify)


def cancel_meeting(runtime, meeting_id: int) -> int:
    """Cancel: withdraw unsent invitations and all reminders; tell everyone invited who didn't say no."""
    with runtime.uow() as uow:
        session = uow.session
        meeting = _get(session, meeting_id)
        if meeting.status not in MeetingStatus.UPCOMING:
            raise MeetingError(f"meeting {meeting_id} is {meeting.status}")
        meeting.status = MeetingStatus.CANCELLED
        cancel_queued(session, meeting_id, ("invitation", "reminder", "meeting_update"),
                      reason="meeting cancelled")
        # Only residents whose invitation actually went out need to hear it is off.
        sent = set(session.scalars(select(OutboxMessage.resident_id).where(
            OutboxMessage.meeting_id == meeting_id, OutboxMessage.purpose == "invitation",
            OutboxMessage.status.in_((OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.SENDING)))))
        notify = [r for r in _invited_except_no(session, meeting_id) if r.id in sent]
        when = describe_meeting(meeting, runtime.site.timezone)
        outbox.enqueue_many(session, [dict(
            idempotency_key=f"cancelled:{meeting_id}:{r.id}", resident_id=r.id, channel=r.channel,
            purpose="meeting_update", meeting_id=meeting_id,
            body=text("meeting_cancelled", title=meeting.title, when=when)) for r in notify])
        uow.commit()
    logger.info("meeting cancelled", extra={"meeting_id": meeting_id, "notified": len(notify)})
    return len(notify)


def record_attendance(runtime, meeting_id: int, attendance: int | None, notes: str = "",
                      attended_resident_ids: list[int] | None = None) -> None:
    """After the meeting: how many came (and who, if known) and a few lines of notes."""
    with runtime.uow() as uow:
        meeting = _get(uow.session, meeting_id)
        if meeting.status == MeetingStatus.CANCELLED:
            raise MeetingError("a cancelled meeting has no attendance")
        meeting.status = MeetingStatus.HELD
        meeting.attendance = attendance
        meeting.notes = notes.strip() or meeting.notes
        if attended_resident_ids:
            uow.session.execute(update(Invitation).where(
                Invitation.meeting_id == meeting_id,
                Invitation.resident_id.in_(attended_resident_ids)).values(attended=True))
        uow.commit()


def send_notes(runtime, meeting_id: int) -> int:
    """Send the meeting's notes to everyone who was invited (and may still be reached)."""
    with runtime.uow() as uow:
        session = uow.session
        meeting = _get(session, meeting_id)
        if not meeting.notes:
            raise MeetingError("record the notes first")
        invited = list(session.scalars(select(Resident).join(
            Invitation, Invitation.resident_id == Resident.id).where(Invitation.meeting_id == meeting_id)))
        reachable = [r for r in invited if r.reachable and r.consent_meetings]
        body = fit_segments(lambda n: text("meeting_notes", title=meeting.title, notes=n), meeting.notes)
        not_before = _send_time(runtime, utcnow())
        outbox.enqueue_many(session, [dict(
            idempotency_key=f"notes:{meeting_id}:{r.id}", resident_id=r.id, channel=r.channel,
            purpose="meeting_notes", meeting_id=meeting_id, body=body, not_before=not_before,
            respect_quiet_hours=True) for r in reachable])
        meeting.notes_sent_at = utcnow()
        uow.commit()
    return len(reachable)


def rsvp_counts(session: Session, meeting_id: int) -> dict[str, int]:
    """Invited, yes, no, maybe, no answer yet, attended."""
    rows = dict(session.execute(select(Invitation.answer, func.count()).where(
        Invitation.meeting_id == meeting_id).group_by(Invitation.answer)).all())
    attended = session.scalar(select(func.count()).where(
        Invitation.meeting_id == meeting_id, Invitation.attended.is_(True))) or 0
    return {"invited": sum(rows.values()), "yes": rows.get("yes", 0), "no": rows.get("no", 0),
            "maybe": rows.get("maybe", 0), "no_answer": rows.get(None, 0), "attended": attended}


def list_meetings(runtime, include_past: bool = False) -> list[dict]:
    """Meetings (upcoming first) with their RSVP counts, as plain values."""
    with runtime.uow() as uow:
        query = select(Meeting).order_by(Meeting.starts_at)
        if not include_past:
            query = query.where(Meeting.ends_at >= utcnow() - timedelta(days=1))
        return [{"id": m.id, "title": m.title, "starts_at": m.starts_at, "ends_at": m.ends_at,
                 "venue": m.venue, "neighbourhoods": list(m.neighbourhoods), "status": m.status,
                 "description": m.description, "attendance": m.attendance, "notes": m.notes,
                 "when": describe_meeting(m, runtime.site.timezone),
                 **rsvp_counts(uow.session, m.id)} for m in uow.session.scalars(query)]
