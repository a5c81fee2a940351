"""Residents, known only by an encrypted channel address and its keyed hash."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import NEVER_REUSE_IDS, Base, utcnow


class ResidentState:
    """Where a resident is in the conversation."""

    AWAITING_CONSENT = "awaiting_consent"
    AWAITING_NEIGHBOURHOOD = "awaiting_neighbourhood"
    ACTIVE = "active"
    CONFIRM_FORGET = "confirm_forget"
    OPTED_OUT = "opted_out"
    DECLINED = "declined"


class Resident(Base):
    __tablename__ = "residents"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), index=True)
    address_hash: Mapped[str] = mapped_column(String(64), unique=True)
    address_enc: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(32), default=ResidentState.AWAITING_CONSENT)
    neighbourhood: Mapped[str | None] = mapped_column(String(64), index=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    consent_meetings: Mapped[bool] = mapped_column(default=False)
    consent_updates: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    consented_at: Mapped[datetime | None]
    opted_out_at: Mapped[datetime | None] = mapped_column(index=True)
    unreachable_at: Mapped[datetime | None]
    last_inbound_at: Mapped[datetime | None]

    @property
    def reachable(self) -> bool:
        """May be sent anything beyond the consent question and STOP confirmation."""
        return (self.consented_at is not None and self.opted_out_at is None
                and self.unreachable_at is None and self.state != ResidentState.OPTED_OUT)
