"""Site settings changed on the dashboard: overrides on top of the site file, and who changed what."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SiteSetting(Base):
    """One setting's value as a CD worker set it; a setting with no row takes the site file's value."""

    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict] = mapped_column()  # {"value": ...}: JSON, whatever the setting's shape
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SiteSettingChange(Base):
    """One change to one setting (set or reset to the site file): never updated or deleted. How many
    rows there are is the settings' version, which every process polls to notice a change."""

    __tablename__ = "site_setting_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[dict | None] = mapped_column()  # {"value": ...}; None: it was the site file's
    new_value: Mapped[dict | None] = mapped_column()  # None: reset to the site file's value
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_by_email: Mapped[str] = mapped_column(String(254))  # as it was then
    changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
