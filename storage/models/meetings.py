"""Meetings residents are invited to (extended by the meetings and broadcasts feature)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class MeetingStatus:
    PLANNED = "planned"
    MOVED = "moved"
    CANCELLED = "cancelled"
    HELD = "held"
    UPCOMING = (PLANNED, MOVED)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(index=True)  # naive UTC
    ends_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(String(200), default="")
    neighbourhoods: Mapped[list] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.PLANNED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
