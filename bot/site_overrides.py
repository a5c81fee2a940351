"""The site each process uses: the site file with the settings CD workers changed on the dashboard on
top, re-read when they change (one small query at most every SITE_CHECK_SECONDS)."""
from __future__ import annotations

import dataclasses
import logging
import threading
import time
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from storage.models import SiteSetting, SiteSettingChange

from .interval_check import IntervalCheck
from .site import Partner, Site, _parse_time

logger = logging.getLogger(__name__)

# The settings a CD worker may change. Themes, neighbourhoods and the time zone stay file-only:
# they change how messages are classified and how history is counted.
EDITABLE = ("venues", "urgent_emails", "urgent_telegram_chat", "digest_emails", "digest_telegram_chat",
            "digest_close_weekday", "digest_close_hour", "partners", "quiet_hours", "broadcast_budget_cap")


def to_json(site: Site, key: str):
    """A site's value of an editable setting, as stored (JSON)."""
    value = getattr(site, key)
    if key == "partners":
        return [{"name": p.name, "themes": list(p.themes), "emails": list(p.emails)} for p in value]
    if key == "quiet_hours":
        return [t.strftime("%H:%M") for t in value]
    return list(value) if isinstance(value, tuple) else value


def from_json(key: str, value):
    """The Site field value of a stored setting."""
    if key == "partners":
        return tuple(Partner(p["name"], tuple(p.get("themes", ())), tuple(p.get("emails", ()))) for p in value)
    if key == "quiet_hours":
        return (_parse_time(value[0]), _parse_time(value[1]))
    if key in ("digest_close_weekday", "digest_close_hour"):
        return int(value)
    if key == "broadcast_budget_cap":
        return float(value)
    if key in ("urgent_telegram_chat", "digest_telegram_chat"):
        return str(value)
    return tuple(str(v) for v in value)


def apply(site: Site, overrides: dict) -> Site:
    """The site file's site with stored overrides on top (one that cannot be read is left out)."""
    changes = {}
    for key, value in overrides.items():
        if key not in EDITABLE:
            continue
        try:
            changes[key] = from_json(key, value)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            logger.warning("a stored site setting cannot be read; using the site file's",
                           extra={"setting": key, "error": type(exc).__name__})
    return dataclasses.replace(site, **changes) if changes else site


def read_version(session) -> int:
    """The settings' version: how many changes were ever made (rows are only ever added)."""
    return session.scalar(select(func.count(SiteSettingChange.id))) or 0


def read_overrides(session) -> dict:
    """Every stored override, by setting."""
    return {row.key: row.value["value"] for row in session.scalars(select(SiteSetting))}


class LiveSite:
    """The site file plus the dashboard's overrides; current() re-reads them when they changed, looking
    at most every `check_seconds` (0: on every call; None: only when refresh() is called)."""

    def __init__(self, base: Site, reader: Callable, check_seconds: float | None = 5.0,
                 clock: Callable[[], float] = time.monotonic):
        self.reader = reader  # () -> a read-only unit of work
        self.check_seconds = check_seconds
        self.clock = clock
        self._base = base
        self._overrides: dict = {}
        self._site = base
        self._version: int | None = None
        self._checks = IntervalCheck()
        self._lock = threading.Lock()  # bookkeeping only: never held during the query

    @property
    def base(self) -> Site:
        """The site file's site."""
        return self._base

    @base.setter
    def base(self, site: Site) -> None:
        with self._lock:
            self._base, self._site = site, apply(site, self._overrides)

    def snapshot(self) -> tuple[Site, int | None]:
        """The site in use and the settings' version it was made from (None: never read)."""
        with self._lock:
            return self._site, self._version

    def current(self) -> Site:
        """The site to use now; when a check is due, this caller reads the version (and, when it
        changed, the overrides) while other threads go on with the site they have."""
        if self.check_seconds is None or not self._checks.due(self.check_seconds, self.clock):
            return self._site
        return self.refresh()

    def refresh(self) -> Site:
        """Read the version now, and the overrides when it changed; on a database error keep the site."""
        try:
            with self.reader() as uow:
                version = read_version(uow.session)
                overrides = read_overrides(uow.session) if version != self._version else None
        except SQLAlchemyError as exc:  # not migrated yet, or the database is away for a moment
            logger.warning("could not read the site settings; keeping the ones in use",
                           extra={"error": type(exc).__name__})
            return self._site
        if overrides is None:
            return self._site
        with self._lock:
            previous = self._version
            if previous is not None and version < previous:
                return self._site  # a slower reader's older view: keep the newer one
            self._version, self._overrides = version, overrides
            self._site = apply(self._base, overrides)
        if previous is not None:
            logger.info("site settings changed", extra={"settings_version": version,
                                                        "overridden": sorted(overrides)})
        return self._site
