"""Dashboard users (CD workers, partners, admins) and their login attempts, for rate limiting."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Role:
    CD_WORKER = "cd_worker"
    PARTNER = "partner"
    ADMIN = "admin"
    ALL = (CD_WORKER, PARTNER, ADMIN)


class User(Base):
    """Someone who signs in to the dashboard; a partner belongs to one organisation of the site."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.CD_WORKER)
    organisation: Mapped[str | None] = mapped_column(String(200))  # bot.site Partner.name
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the session's user id: bumping it signs the user out everywhere.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]


class LoginAttempt(Base):
    """One sign-in attempt: failures in a recent window lock out an email or a client address."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_time", "email", "attempted_at"),
        Index("ix_login_attempts_client_time", "client", "attempted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    client: Mapped[str] = mapped_column(String(64), default="")
    succeeded: Mapped[bool] = mapped_column(default=False)
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
