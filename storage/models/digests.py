"""Weekly digests (one per week and scope), quotes hidden by CD workers, and "you said, we did" actions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import NEVER_REUSE_IDS, Base, utcnow


class DigestScope:
    """What a stored digest covers: the whole site (every neighbourhood), or one slice of it."""

    ALL = "all"

    @staticmethod
    def neighbourhood(slug: str) -> str:
        """The scope of one neighbourhood's digest."""
        return f"neighbourhood:{slug}"

    @staticmethod
    def partner(name: str) -> str:
        """The scope of one partner's slice (its themes only)."""
        return f"partner:{name}"


class Digest(Base):
    """A closed week's digest, stored once: the unique (week, scope) makes a second one impossible."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("week", "scope", name="uq_digests_week_scope"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    week: Mapped[str] = mapped_column(String(10))          # ISO week, e.g. "2026-W47"
    scope: Mapped[str] = mapped_column(String(120), default=DigestScope.ALL)
    period_start: Mapped[datetime]                         # naive UTC, inclusive
    period_end: Mapped[datetime]                           # naive UTC, exclusive
    # The published digest: counts already suppressed below 3, quotes already redacted.
    data: Mapped[dict] = mapped_column(default=dict)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    delivered_at: Mapped[datetime | None]
    recipients: Mapped[int] = mapped_column(default=0)


class HiddenQuote(Base):
    """A message a CD worker does not want quoted in any digest, before or after it went out."""

    __tablename__ = "hidden_quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True)
    hidden_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    hidden_at: Mapped[datetime] = mapped_column(default=utcnow)


class Action(Base):
    """What the partnership did about a theme in a neighbourhood ("you said, we did")."""

    __tablename__ = "actions"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(String(64), index=True)
    neighbourhood: Mapped[str] = mapped_column(String(64), index=True)
    description: Mapped[str] = mapped_column(Text)
    partner: Mapped[str] = mapped_column(String(100), default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    notified: Mapped[int] = mapped_column(default=0)      # residents the update was queued for
