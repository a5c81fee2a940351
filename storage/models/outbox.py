"""The outbox: every message townsquare sends, written in the transaction that decided to send it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class OutboxStatus:
    QUEUED = "queued"
    SENDING = "sending"          # claimed by a worker; a stale claim is taken over after the lease
    SENT = "sent"                # accepted by the provider
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"            # final: gave up, with the reason
    SKIPPED = "skipped"          # final: not sent on purpose (opted out, WhatsApp window...)
    CANCELLED = "cancelled"      # final: a broadcast or reminder that was withdrawn

    PENDING = (QUEUED, SENDING)
    FINAL = (SENT, DELIVERED, UNDELIVERED, FAILED, SKIPPED, CANCELLED)


class OutboxMessage(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "not_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    resident_id: Mapped[int | None] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True)
    # Only for recipients who are not residents (CD workers' alert chats, a FORGET goodbye):
    # wiped once the message is final.
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    channel: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(32), default="reply")
    body: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(String(200))
    buttons: Mapped[list] = mapped_column(default=list)
    respect_quiet_hours: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]
    status_at: Mapped[datetime | None]
    provider_id: Mapped[str | None] = mapped_column(String(100), index=True)
    error_code: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)
    segments: Mapped[int] = mapped_column(default=1)
    broadcast_id: Mapped[int | None] = mapped_column(index=True)
    meeting_id: Mapped[int | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
