"""Upcoming meetings as residents hear about them."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Meeting, MeetingStatus, utcnow


def upcoming_meetings(session: Session, neighbourhood: str | None, limit: int = 3,
                      now: datetime | None = None) -> list[Meeting]:
    """The next planned meetings for a neighbourhood (or for everyone when it is unknown)."""
    rows = session.scalars(
        select(Meeting).where(Meeting.status.in_(MeetingStatus.UPCOMING),
                              Meeting.starts_at > (now or utcnow()))
        .order_by(Meeting.starts_at).limit(limit * 5)).all()
    chosen = [m for m in rows if not neighbourhood or not m.neighbourhoods
              or neighbourhood in m.neighbourhoods]
    return chosen[:limit]


def describe_meeting(meeting: Meeting, timezone: str) -> str:
    """'Tue 2 Dec 6:30pm, Kingsmead Community Hall' in the site's time zone."""
    local = meeting.starts_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(timezone))
    clock = local.strftime("%I:%M%p").lstrip("0").lower().replace(":00", "")
    when = f"{local.strftime('%a')} {local.day} {local.strftime('%b')} {clock}"
    return f"{when}, {meeting.venue}" if meeting.venue else when
