"""CD workers change the site's everyday settings on the dashboard: stored as overrides on top of the
site file, one audit row per change, and used by every process within SITE_CHECK_SECONDS."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage.models import Role, SiteSetting, SiteSettingChange, User, utcnow

from .site import Site
from .site_form import SettingsInvalid, changed, check, form_from_site, read_form
from .site_overrides import EDITABLE, read_version, to_json

logger = logging.getLogger(__name__)

LABELS = {
    "venues": "Venues", "urgent_emails": "Urgent alert emails", "urgent_telegram_chat": "Urgent alert Telegram chat",
    "digest_emails": "Digest emails", "digest_telegram_chat": "Digest Telegram chat",
    "digest_close_weekday": "Digest week closes on", "digest_close_hour": "Digest closes at hour",
    "partners": "Partners", "quiet_hours": "Quiet hours", "broadcast_budget_cap": "Broadcast budget cap",
}
__all__ = ["SettingsInvalid", "SettingsPage", "page", "save", "reset", "LABELS"]


@dataclass(frozen=True)
class Change:
    """One line of the settings' history."""

    key: str
    label: str
    old: str
    new: str
    by: str
    at: datetime


@dataclass(frozen=True)
class SettingsPage:
    """What the site settings page shows."""

    site: Site
    file_site: Site
    form: dict
    overridden: dict  # key -> the Change that set it
    history: list
    version: int | None  # the form carries it back: a save from a page that was out of date is refused


def describe(key: str, value) -> str:
    """A stored value as staff read it."""
    if value is None:
        return "the site file's value"
    if key == "partners":
        return "; ".join(f"{p['name']} ({', '.join(p['themes']) or 'no themes'})" for p in value) or "none"
    if key == "quiet_hours":
        return f"{value[0]} to {value[1]}"
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return str(value) if value != "" else "none"


def _change(row: SiteSettingChange) -> Change:
    return Change(row.key, LABELS.get(row.key, row.key), describe(row.key, (row.old_value or {}).get("value")),
                  describe(row.key, (row.new_value or {}).get("value")), row.changed_by_email, row.changed_at)


def page(runtime, history: int = 20) -> SettingsPage:
    """The settings in use, the site file's, which are overridden (by whom) and the latest changes."""
    runtime.sites.refresh()
    site, version = runtime.sites.snapshot()  # the form carries the version its values came from
    with runtime.reader() as uow:
        keys = set(uow.session.scalars(select(SiteSetting.key)))
        rows = list(uow.session.scalars(select(SiteSettingChange).order_by(SiteSettingChange.id.desc())
                                        .limit(max(history, 200))))
    overridden = {}
    for row in rows:
        if row.key in keys and row.key not in overridden:
            overridden[row.key] = _change(row)
    return SettingsPage(site=site, file_site=runtime.sites.base, form=form_from_site(site), overridden=overridden,
                        history=[_change(row) for row in rows[:history]], version=version)


def _partners_with_users(runtime) -> dict[str, int]:
    with runtime.reader() as uow:
        return dict(uow.session.execute(
            select(User.organisation, func.count(User.id))
            .where(User.role == Role.PARTNER, User.active.is_(True), User.organisation.is_not(None))
            .group_by(User.organisation)).all())


def _write(session, viewer, key: str, value, file_site: Site) -> None:
    """Store one setting (its site file value removes the override), with its audit row."""
    row = session.get(SiteSetting, key)
    old = row.value if row is not None else None
    new = None if value is None or value == to_json(file_site, key) else {"value": value}
    if new is None and row is not None:
        session.delete(row)
    elif new is not None and row is None:
        session.add(SiteSetting(key=key, value=new, changed_by_id=viewer.id, changed_at=utcnow()))
    elif new is not None:
        row.value, row.changed_by_id, row.changed_at = new, viewer.id, utcnow()
    session.add(SiteSettingChange(key=key, old_value=old, new_value=new, changed_by_id=viewer.id,
                                  changed_by_email=viewer.email))


def save(runtime, viewer, fields: dict[str, list[str]]) -> list[str]:
    """Check a submitted settings form and store what changed; returns the changed settings' labels.
    SettingsInvalid (nothing stored) says what is wrong, field by field."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers change site settings")
    form = read_form(fields)
    values = changed(check(form, runtime.sites.base, _partners_with_users(runtime)), runtime.sites.refresh())
    if not values:
        return []
    with runtime.uow() as uow:
        if str(read_version(uow.session)) != form["version"]:
            raise SettingsInvalid({"version": "Someone changed the settings while you had this page open: "
                                              "here they are now. Make your change again."}, None)
        for key, value in values.items():
            _write(uow.session, viewer, key, value, runtime.sites.base)
        uow.commit()
    runtime.sites.refresh()  # this process uses them at once; the others within site_check_seconds
    logger.info("site settings changed on the dashboard", extra={"user_id": viewer.id, "settings": sorted(values)})
    return [LABELS[key] for key in values]


def reset(runtime, viewer, key: str) -> bool:
    """Go back to the site file's value of one setting; False when it already had it. LookupError
    for a setting the dashboard does not edit."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers change site settings")
    if key not in EDITABLE:
        raise LookupError(key)
    with runtime.uow() as uow:
        if uow.session.get(SiteSetting, key) is None:
            return False
        _write(uow.session, viewer, key, None, runtime.sites.base)
        uow.commit()
    runtime.sites.refresh()
    logger.info("site setting reset to the site file", extra={"user_id": viewer.id, "settings": [key]})
    return True
