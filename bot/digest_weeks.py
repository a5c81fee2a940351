"""ISO weeks in the site's time zone: their bounds in naive UTC, and when each one closes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

WEEK_PATTERN = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True)
class Week:
    """One ISO week: its label and its start and end as naive UTC (end exclusive)."""

    year: int
    number: int
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    def shifted(self, weeks: int, tz: str) -> "Week":
        """The week `weeks` before (negative) or after (positive) this one."""
        iso = (self.monday + timedelta(weeks=weeks)).isocalendar()
        return week_of(iso.year, iso.week, tz)


def _utc(local_day: date, hour: int, tz: str) -> datetime:
    local = datetime(local_day.year, local_day.month, local_day.day, hour, tzinfo=ZoneInfo(tz))
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def week_of(year: int, number: int, tz: str) -> Week:
    """ISO week `number` of `year`, from Monday 00:00 to the next Monday 00:00, site time."""
    monday = date.fromisocalendar(year, number, 1)
    return Week(year, number, _utc(monday, 0, tz), _utc(monday + timedelta(weeks=1), 0, tz))


def parse_week(label: str, tz: str) -> Week:
    """'2026-W47' (or '2026W47') as a Week; ValueError if it is not one."""
    match = WEEK_PATTERN.match(label.strip())
    if not match:
        raise ValueError(f"not an ISO week like 2026-W47: {label!r}")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        return week_of(year, number, tz)
    except ValueError as exc:
        raise ValueError(f"{year} has no week {number}") from exc


def week_containing(moment_utc: datetime, tz: str) -> Week:
    """The ISO week (site time) that a naive UTC moment falls in."""
    local = moment_utc.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz))
    iso = local.date().isocalendar()
    return week_of(iso.year, iso.week, tz)


def closes_at(week: Week, tz: str, close_weekday: int, close_hour: int) -> datetime:
    """When `week` closes (naive UTC): the first `close_weekday` at `close_hour` after it ends."""
    return _utc(week.monday + timedelta(weeks=1, days=close_weekday % 7), close_hour, tz)


def last_closed_week(now_utc: datetime, site) -> Week:
    """The most recent week whose digest is due by `now_utc`."""
    tz = site.timezone
    week = week_containing(now_utc, tz).shifted(-1, tz)
    while closes_at(week, tz, site.digest_close_weekday, site.digest_close_hour) > now_utc:
        week = week.shifted(-1, tz)
    return week
