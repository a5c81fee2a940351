"""ISO weeks in the site's time zone, and when each closes."""
from datetime import datetime

import pytest

from bot.digest_weeks import closes_at, last_closed_week, parse_week, week_containing
from tests.digest.helpers import SITE


def test_week_bounds_follow_the_site_clock_across_summer_time():
    summer = parse_week("2026-W27", "Europe/London")
    assert (summer.start, summer.end) == (datetime(2026, 6, 28, 23), datetime(2026, 7, 5, 23))
    winter = parse_week("2026W47", "Europe/London")
    assert (winter.start, winter.end) == (datetime(2026, 11, 16), datetime(2026, 11, 23))
    assert parse_week("2026-W01", "Europe/London").start == datetime(2025, 12, 29)
    with pytest.raises(ValueError):
        parse_week("last week", "Europe/London")


def test_a_week_closes_on_the_configured_day_and_hour():
    w47 = parse_week("2026-W47", "Europe/London")
    assert closes_at(w47, "Europe/London", 0, 6) == datetime(2026, 11, 23, 6)
    assert last_closed_week(datetime(2026, 11, 23, 5, 59), SITE).label == "2026-W46"
    assert last_closed_week(datetime(2026, 11, 23, 6, 0), SITE).label == "2026-W47"
    assert week_containing(datetime(2026, 11, 22, 23, 59), "Europe/London").label == "2026-W47"
