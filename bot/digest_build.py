"""Turn a week's raw counts into the published digest: every count below 3 suppressed, text redacted."""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from storage.models import utcnow

from . import digest_text as dt
from .digest_data import WEEKS_SHOWN, RawWeek

FEWER = "fewer than 3"
SUPPRESS_BELOW = 3
ALL = "all"


def shown(n: int | None):
    """A count as the partnership may see it: the number from 3 up, else 'fewer than 3'."""
    n = int(n or 0)
    return n if n >= SUPPRESS_BELOW else FEWER


def change_text(this: int, last: int) -> str:
    """'up 11', 'down 2', 'no change', 'up from fewer than 3' - never revealing a count below 3."""
    if this < SUPPRESS_BELOW and last < SUPPRESS_BELOW:
        return "fewer than 3 both weeks"
    if last < SUPPRESS_BELOW:
        return "up from fewer than 3"
    if this < SUPPRESS_BELOW:
        return f"down from {last} to fewer than 3"
    if this == last:
        return "no change"
    return f"up {this - last}" if this > last else f"down {last - this}"


def is_rising(series: list[int]) -> bool:
    """Unusually fast: at least 6 this week and at least double last week and the 4 weeks before."""
    this, last = series[-1], series[-2]
    before = series[-5:-1]
    baseline = max(last, sum(before) / len(before), 1)
    return this >= 6 and this >= 2 * baseline


def trend_word(series: list[int]) -> str:
    """'rising', 'falling' or 'steady' over the last four weeks."""
    recent = series[-4:]
    first, second = sum(recent[:2]), sum(recent[2:])
    if second >= max(first * 1.25, first + 3):
        return "rising"
    if first >= max(second * 1.25, second + 3):
        return "falling"
    return "steady"


class _Texts:
    """This week's quotable messages, grouped by (neighbourhood, theme), their phrases counted once."""

    def __init__(self, raw: RawWeek, place_words: set[str]):
        self.by_key: dict = defaultdict(list)
        for message_id, hood, themes, redacted, places in raw.messages:
            phrases = dt.message_phrases(redacted or "", place_words)
            for theme in themes or []:
                self.by_key[(hood, theme)].append((message_id, redacted, phrases, places or []))
        self.quotes: dict = {}  # message id -> its safe quote, worked out once per digest

    def rows(self, hoods: list[str], theme: str) -> list:
        return [row for hood in hoods for row in self.by_key.get((hood, theme), [])]


def _theme_entry(site, raw: RawWeek, texts: _Texts, hoods: list[str], theme: str) -> dict | None:
    series = [0] * WEEKS_SHOWN
    waiting, oldest = 0, None
    for hood in hoods:
        for i, n in enumerate(raw.counts.get((hood, theme), ())):
            series[i] += n
        count, first = raw.waiting.get((hood, theme), (0, None))
        waiting += count
        oldest = first if oldest is None or (first is not None and first < oldest) else oldest
    if not any(series):
        return None
    rows = texts.rows(hoods, theme)
    phrases = dt.top_phrases([r[2] for r in rows])
    this, last = series[-1], series[-2]
    # Fewer than 3 messages: quoting one could point at the resident who wrote it.
    quotes = dt.pick_quotes([(r[0], r[1], r[2]) for r in rows], phrases, raw.hidden, cache=texts.quotes) \
        if this >= SUPPRESS_BELOW else []
    return {
        "theme": theme, "label": site.theme_label(theme),
        "this_week": shown(this), "last_week": shown(last), "change": change_text(this, last),
        "series": [shown(n) for n in series], "trend": trend_word(series), "rising": is_rising(series),
        "phrases": [{"text": p, "count": shown(n)} for p, n in phrases],
        "hotspots": [{"place": p, "count": shown(n)} for p, n in dt.hotspots([r[3] for r in rows])],
        "quotes": quotes,
        "waiting": shown(waiting),
        "oldest_waiting_days": (raw.week.end - oldest).days if oldest is not None and waiting else None,
        "_order": (-this, -sum(series)),
    }


def _local_text(moment, tz: str) -> str:
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz)).strftime("%a %d %b %Y %H:%M")


def _scope(site, raw: RawWeek, texts: _Texts, key: str, name: str, hoods: list[str]) -> dict:
    themes = [e for e in (_theme_entry(site, raw, texts, hoods, t) for t in site.themes) if e]
    themes.sort(key=lambda e: e.pop("_order"))
    engagement = {k: shown(sum(raw.engagement.get(h, {}).get(k, 0) for h in hoods))
                  for k in ("residents", "new_residents", "opt_outs")}
    meetings = [{"title": m["title"], "when": _local_text(m["starts_at"], site.timezone),
                 "venue": m["venue"], "invited": shown(m["invited"]), "yes": shown(m["yes"]),
                 "maybe": shown(m["maybe"]), "no": shown(m["no"]), "attended": shown(m["attended"])}
                for m in raw.meetings
                if key == ALL or not m["neighbourhoods"] or key in m["neighbourhoods"]]
    actions = [{"theme": a["theme"], "label": site.theme_label(a["theme"]),
                "neighbourhood": _hood_name(site, a["neighbourhood"]), "description": a["description"],
                "partner": a["partner"], "date": _local_text(a["created_at"], site.timezone)[:15]}
               for a in raw.actions if key == ALL or a["neighbourhood"] == key]
    return {
        "key": key, "name": name,
        "messages": shown(sum(raw.totals.get(h, 0) for h in hoods)),
        "urgent": shown(sum(raw.urgent.get(h, 0) for h in hoods)),
        "engagement": engagement, "themes": themes,
        "rising": [f"{e['label']}: {e['this_week']}, up from {e['last_week']}" for e in themes if e["rising"]],
        "meetings": meetings, "actions": actions,
    }


def _hood_name(site, slug: str) -> str:
    hood = site.neighbourhood(slug)
    return hood.name if hood else slug


def publish(site, raw: RawWeek) -> dict:
    """The digest as the partnership sees it: the whole site, then each neighbourhood."""
    place_words = {w for place in site.places for w in place.lower().split()}
    texts = _Texts(raw, place_words)
    hoods = [n.slug for n in site.neighbourhoods]
    scopes = [_scope(site, raw, texts, ALL, "Whole site", hoods)] if len(hoods) > 1 else []
    scopes += [_scope(site, raw, texts, n.slug, n.name, [n.slug]) for n in site.neighbourhoods]
    last_day = raw.week.end - timedelta(seconds=1)
    return {
        "site": site.name, "week": raw.week.label,
        "period": {"from": _local_text(raw.week.start, site.timezone)[:15],
                   "to": _local_text(last_day, site.timezone)[:15], "timezone": site.timezone},
        "weeks": [w.label for w in raw.weeks],
        "generated_at": utcnow().isoformat(timespec="seconds") + "Z",
        "scopes": scopes,
        "partners": [{"name": p.name, "themes": list(p.themes),
                      "labels": [site.theme_label(t) for t in p.themes]} for p in site.partners],
    }
