"""Theme counts for the dashboard: this week, and the weeks before, from the message_themes table."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from storage.models import MessageTheme, utcnow


@dataclass(frozen=True)
class ThemeTrend:
    """One theme's weekly counts, oldest week first."""

    theme: str
    label: str
    counts: tuple[int, ...]

    @property
    def this_week(self) -> int:
        return self.counts[-1]

    @property
    def last_week(self) -> int:
        return self.counts[-2] if len(self.counts) > 1 else 0

    @property
    def change(self) -> int:
        return self.this_week - self.last_week


@dataclass(frozen=True)
class TrendReport:
    weeks: tuple[date, ...]      # each week's Monday (UTC), oldest first
    themes: tuple[ThemeTrend, ...]
    neighbourhood: str | None

    @property
    def total_this_week(self) -> int:
        return sum(t.this_week for t in self.themes)


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def theme_trends(runtime, viewer, weeks: int = 8, neighbourhood: str | None = None,
                 today: date | None = None) -> TrendReport:
    """Messages per theme in each of the last `weeks` weeks (the current one last), in the viewer's themes."""
    weeks = min(max(weeks, 2), 52)
    first = week_start(today or utcnow().date()) - timedelta(weeks=weeks - 1)
    starts = tuple(first + timedelta(weeks=i) for i in range(weeks))
    themes = tuple(viewer.themes)
    counts = {theme: [0] * weeks for theme in themes}
    with runtime.uow() as uow:
        for index, start in enumerate(starts):
            begin = datetime.combine(start, time())
            query = (select(MessageTheme.theme, func.count(MessageTheme.message_id))
                     .where(MessageTheme.received_at >= begin,
                            MessageTheme.received_at < begin + timedelta(weeks=1),
                            MessageTheme.theme.in_(themes or ("",)))
                     .group_by(MessageTheme.theme))
            if neighbourhood:
                query = query.where(MessageTheme.neighbourhood == neighbourhood)
            for theme, count in uow.session.execute(query):
                counts[theme][index] = count
    site = runtime.site
    trends = sorted((ThemeTrend(t, site.theme_label(t), tuple(counts[t])) for t in themes),
                    key=lambda tr: (-tr.this_week, -sum(tr.counts), tr.theme))
    return TrendReport(weeks=starts, themes=tuple(trends), neighbourhood=neighbourhood)
