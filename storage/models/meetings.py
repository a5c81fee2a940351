"""Meetings residents are invited to, their invitations and RSVPs."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import NEVER_REUSE_IDS, Base, utcnow


class MeetingStatus:
    PLANNED = "planned"
    MOVED = "moved"
    CANCELLED = "cancelled"
    HELD = "held"
    UPCOMING = (PLANNED, MOVED)


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(index=True)  # naive UTC
    ends_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(String(200), default="")
    neighbourhoods: Mapped[list] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.PLANNED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    # Bumped on every move, so re-planned reminders get fresh idempotency keys.
    version: Mapped[int] = mapped_column(default=1)
    invited_at: Mapped[datetime | None]
    attendance: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    notes_sent_at: Mapped[datetime | None]


class RsvpAnswer:
    YES = "yes"
    NO = "no"
    MAYBE = "maybe"
    ALL = (YES, NO, MAYBE)
    COMING = (YES, MAYBE)  # who gets reminders


class Invitation(Base):
    """One resident invited to one meeting, and what they answered."""

    __tablename__ = "invitations"
    __table_args__ = (
        UniqueConstraint("meeting_id", "resident_id", name="uq_invitations_meeting_resident"),
        Index("ix_invitations_resident_sent", "resident_id", "invited_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    invited_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[str | None] = mapped_column(String(8))
    answered_at: Mapped[datetime | None]
    attended: Mapped[bool | None]
