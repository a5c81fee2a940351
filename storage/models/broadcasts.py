"""Broadcasts: one message from the partnership to an audience of residents."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import NEVER_REUSE_IDS, Base, utcnow


class BroadcastStatus:
    SCHEDULED = "scheduled"    # waiting for send_at (cancellable)
    SENDING = "sending"        # fanned out to the outbox; the worker is delivering (stoppable)
    SENT = "sent"              # nothing left queued
    CANCELLED = "cancelled"    # withdrawn before it started
    STOPPED = "stopped"        # stopped part-way; what was not sent stays unsent
    OPEN = (SCHEDULED, SENDING)


class Broadcast(Base):
    __tablename__ = "broadcasts"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(16), default="updates")  # updates | meetings
    # {"neighbourhoods": [...], "channels": [...], "theme": str, "weeks": int,
    #  "meeting_id": int, "rsvp": [...]}: every key present narrows the audience (AND).
    audience: Mapped[dict] = mapped_column(default=dict)
    send_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    status: Mapped[str] = mapped_column(String(16), default=BroadcastStatus.SCHEDULED, index=True)
    recipients: Mapped[int] = mapped_column(default=0)
    estimated_cost: Mapped[float] = mapped_column(default=0.0)
    budget_override: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
