"""Quiet hours: non-urgent messages wait for the morning, in the site's time zone."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo


def _local(now_utc: datetime, tz: str) -> datetime:
    return now_utc.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz))


def in_quiet_hours(now_utc: datetime, quiet: tuple[time, time], tz: str) -> bool:
    """True when `now_utc` (naive UTC) falls inside the quiet window (which may span midnight)."""
    start, end = quiet
    if start == end:
        return False
    clock = _local(now_utc, tz).time()
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end


def next_allowed(now_utc: datetime, quiet: tuple[time, time], tz: str) -> datetime:
    """`now_utc` itself outside quiet hours, else the moment they end (naive UTC)."""
    if not in_quiet_hours(now_utc, quiet, tz):
        return now_utc
    local = _local(now_utc, tz)
    end = quiet[1]
    candidate = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate = (local + timedelta(days=1)).replace(hour=end.hour, minute=end.minute,
                                                        second=0, microsecond=0)
    # Rebuild from the wall clock so a DST change overnight lands on the right instant.
    candidate = datetime(candidate.year, candidate.month, candidate.day, end.hour, end.minute,
                         tzinfo=ZoneInfo(tz))
    return candidate.astimezone(timezone.utc).replace(tzinfo=None)


def local_to_utc(local: datetime, tz: str) -> datetime:
    """A naive wall-clock time in the site's zone, as naive UTC."""
    return local.replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc).replace(tzinfo=None)


def utc_to_local(value: datetime, tz: str) -> datetime:
    """Naive UTC as a naive wall-clock time in the site's zone."""
    return _local(value, tz).replace(tzinfo=None)
