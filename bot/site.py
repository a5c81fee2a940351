"""The partnership's site file (YAML or TOML): neighbourhoods, themes, venues, recipients, quiet hours."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

import yaml

DEFAULT_THEMES = [
    "antisocial_behaviour", "housing", "road_safety", "health", "environment",
    "crime", "community_facilities", "transport", "other",
]


@dataclass(frozen=True)
class Neighbourhood:
    """One neighbourhood of the partnership, known by a slug."""

    slug: str
    name: str
    postcode_districts: tuple[str, ...] = ()
    streets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partner:
    """An agency in the partnership and the themes it owns."""

    name: str
    themes: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """What one partnership looks like: read from TOWNSQUARE_SITE or the built-in default."""

    name: str
    neighbourhoods: tuple[Neighbourhood, ...]
    themes: tuple[str, ...] = tuple(DEFAULT_THEMES)
    theme_names: dict = field(default_factory=dict)
    venues: tuple[str, ...] = ()
    timezone: str = "Europe/London"
    quiet_hours: tuple[time, time] = (time(21, 0), time(8, 0))
    urgent_emails: tuple[str, ...] = ()
    urgent_telegram_chat: str = ""
    digest_emails: tuple[str, ...] = ()
    digest_telegram_chat: str = ""
    digest_close_weekday: int = 0  # Monday: the ISO week closes on the Monday after it
    digest_close_hour: int = 6
    partners: tuple[Partner, ...] = ()
    sms_segment_price: float = 0.04
    whatsapp_message_price: float = 0.01
    broadcast_budget_cap: float = 100.0
    whatsapp_template_sid: str = ""

    def theme_label(self, theme: str) -> str:
        """The plain-English name of a theme, as residents and partners read it."""
        return self.theme_names.get(theme) or theme.replace("_", " ")

    def neighbourhood(self, slug: str | None) -> Neighbourhood | None:
        return next((n for n in self.neighbourhoods if n.slug == slug), None)

    @property
    def places(self) -> list[str]:
        """Street and estate names across all neighbourhoods, for the nlp gazetteer."""
        return sorted({s for n in self.neighbourhoods for s in n.streets})

    def match_neighbourhood(self, text: str) -> Neighbourhood | None:
        """Find the neighbourhood a resident named by number, name or postcode district."""
        cleaned = re.sub(r"[^\w\s]", " ", text.lower()).strip()
        if not cleaned:
            return None
        number = re.fullmatch(r"(\d{1,2})", cleaned)
        if number:
            index = int(number.group(1)) - 1
            return self.neighbourhoods[index] if 0 <= index < len(self.neighbourhoods) else None
        for n in self.neighbourhoods:
            if n.name.lower() in cleaned or n.slug.replace("-", " ") in cleaned:
                return n
        compact = cleaned.replace(" ", "").upper()
        for n in self.neighbourhoods:
            for district in n.postcode_districts:
                if re.match(rf"{district.upper()}(\d[A-Z]{{2}})?$", compact) or re.search(
                        rf"\b{district.lower()}\b", cleaned):
                    return n
        for n in self.neighbourhoods:
            if any(street.lower() in cleaned for street in n.streets):
                return n
        return None


DEFAULT_SITE = Site(
    name="Marsh Hill & Kingsmead Partnership",
    neighbourhoods=(
        Neighbourhood("marsh-hill", "Marsh Hill", ("E9", "E5"),
                      ("Marsh Lane", "Market Street", "Albion Road", "Chatsworth Road",
                       "Well Street", "Tower Court", "Homerton High Street")),
        Neighbourhood("kingsmead", "Kingsmead", ("E10", "E15"),
                      ("Kingsmead Estate", "Victoria Park Road", "Kingsmead Way",
                       "Lea Bridge Road", "Clapton Square", "Millfields Road")),
    ),
    venues=("Kingsmead Community Hall", "Marsh Hill Library", "St Luke's Church Hall"),
    partners=(
        Partner("Police", ("antisocial_behaviour", "crime")),
        Partner("Council", ("environment", "road_safety", "housing", "transport",
                            "community_facilities")),
        Partner("NHS", ("health",)),
    ),
)


def _parse_time(value: str) -> time:
    hours, minutes = str(value).split(":")
    return time(int(hours), int(minutes))


def load_site(path: str | None) -> Site:
    """Read a site file (YAML or TOML); the built-in default when no path is given."""
    if not path:
        return DEFAULT_SITE
    raw_text = Path(path).read_text()
    data = tomllib.loads(raw_text) if path.endswith(".toml") else yaml.safe_load(raw_text)
    hoods = tuple(
        Neighbourhood(
            slug=h.get("slug") or re.sub(r"[^a-z0-9]+", "-", h["name"].lower()).strip("-"),
            name=h["name"],
            postcode_districts=tuple(h.get("postcode_districts", ())),
            streets=tuple(h.get("streets", ())),
        )
        for h in data.get("neighbourhoods", [])
    ) or DEFAULT_SITE.neighbourhoods
    themes = data.get("themes") or DEFAULT_THEMES
    theme_names = {}
    if isinstance(themes, dict):  # {slug: "Display name"}
        theme_names, themes = dict(themes), list(themes)
    quiet = data.get("quiet_hours", {})
    urgent = data.get("urgent_alerts", {})
    digest = data.get("digest", {})
    prices = data.get("prices", {})
    return Site(
        name=data.get("name", DEFAULT_SITE.name),
        neighbourhoods=hoods,
        themes=tuple(themes),
        theme_names=theme_names,
        venues=tuple(data.get("venues", ())),
        timezone=data.get("timezone", "Europe/London"),
        quiet_hours=(_parse_time(quiet.get("start", "21:00")), _parse_time(quiet.get("end", "08:00"))),
        urgent_emails=tuple(urgent.get("emails", ())),
        urgent_telegram_chat=str(urgent.get("telegram_chat", "")),
        digest_emails=tuple(digest.get("emails", ())),
        digest_telegram_chat=str(digest.get("telegram_chat", "")),
        digest_close_weekday=int(digest.get("close_weekday", 0)),
        digest_close_hour=int(digest.get("close_hour", 6)),
        partners=tuple(Partner(p["name"], tuple(p.get("themes", ())), tuple(p.get("emails", ())))
                       for p in data.get("partners", [])),
        sms_segment_price=float(prices.get("sms_segment", 0.04)),
        whatsapp_message_price=float(prices.get("whatsapp_message", 0.01)),
        broadcast_budget_cap=float(data.get("broadcast_budget_cap", 100.0)),
        whatsapp_template_sid=data.get("whatsapp_template_sid", ""),
    )
