"""Inbound messages, their themes (one row each, for fast counting) and CD workers' corrections."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import NEVER_REUSE_IDS, Base, utcnow


class MessageStatus:
    HELD = "held"            # waiting for the resident's consent
    PROCESSED = "processed"
    IGNORED = "ignored"      # empty, media-only, sent while opted out


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("channel", "provider_id", name="uq_messages_provider"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str] = mapped_column(String(100))
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    redacted: Mapped[str] = mapped_column(Text, default="")
    media_count: Mapped[int] = mapped_column(default=0)
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    status: Mapped[str] = mapped_column(String(16), default=MessageStatus.PROCESSED)
    kind: Mapped[str] = mapped_column(String(16), default="concern")
    neighbourhood: Mapped[str | None] = mapped_column(String(64), index=True)
    themes: Mapped[list] = mapped_column(default=list)
    scores: Mapped[dict] = mapped_column(default=dict)
    urgent: Mapped[bool] = mapped_column(default=False, index=True)
    urgent_reason: Mapped[str | None] = mapped_column(String(32))
    lang: Mapped[str | None] = mapped_column(String(8))
    places: Mapped[list] = mapped_column(default=list)
    needs_review: Mapped[bool] = mapped_column(default=False)
    model_version: Mapped[str | None] = mapped_column(String(64))
    reviewed_at: Mapped[datetime | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    urgent_acknowledged_at: Mapped[datetime | None]
    urgent_acknowledged_by: Mapped[str | None] = mapped_column(String(200))
    urgent_note: Mapped[str | None] = mapped_column(Text)

    theme_rows: Mapped[list["MessageTheme"]] = relationship(
        back_populates="message", cascade="all, delete-orphan", passive_deletes=True)


class MessageTheme(Base):
    """One row per (message, theme): what digests and neighbour counts GROUP BY."""

    __tablename__ = "message_themes"
    __table_args__ = (
        Index("ix_message_themes_theme_time", "theme", "received_at"),
        Index("ix_message_themes_hood_time", "neighbourhood", "received_at"),
    )

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(64), primary_key=True)
    resident_id: Mapped[int | None] = mapped_column(index=True)
    neighbourhood: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    message: Mapped[Message] = relationship(back_populates="theme_rows")


class Correction(Base):
    """A CD worker's correction of a message's themes: a training example for the next model."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    example: Mapped[dict] = mapped_column(default=dict)
    previous_themes: Mapped[list] = mapped_column(default=list)
    themes: Mapped[list] = mapped_column(default=list)
    corrected_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ForgottenMessage(Base):
    """A keyed hash of a forgotten resident's provider message id, so a late retry is not a new resident."""
    __tablename__ = "forgotten_messages"
    __table_args__ = (UniqueConstraint("channel", "provider_hash", name="uq_forgotten_provider"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    provider_hash: Mapped[str] = mapped_column(String(64))
    forgotten_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
