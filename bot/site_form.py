"""The dashboard's site settings form: its fields from a site, and the submitted fields checked."""
from __future__ import annotations

import math
import re

from .site import Site
from .site_overrides import to_json

EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")
TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
TELEGRAM_CHAT = re.compile(r"-?\d{1,20}|@[A-Za-z0-9_]{5,32}")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPARE_PARTNER_ROWS = 2
MAX_ITEMS = 50


class SettingsInvalid(ValueError):
    """What is wrong with a submitted form, by field; nothing was saved."""

    def __init__(self, errors: dict[str, str], form: dict):
        super().__init__("; ".join(errors.values()))
        self.errors, self.form = errors, form


def form_from_site(site: Site) -> dict:
    """The form's fields filled in from a site (with spare rows for new partners)."""
    partners = [{"name": p.name, "themes": list(p.themes), "emails": "\n".join(p.emails)} for p in site.partners]
    return {
        "venues": "\n".join(site.venues), "urgent_emails": "\n".join(site.urgent_emails),
        "urgent_telegram_chat": site.urgent_telegram_chat, "digest_emails": "\n".join(site.digest_emails),
        "digest_telegram_chat": site.digest_telegram_chat, "digest_close_weekday": str(site.digest_close_weekday),
        "digest_close_hour": str(site.digest_close_hour), "quiet_start": site.quiet_hours[0].strftime("%H:%M"),
        "quiet_end": site.quiet_hours[1].strftime("%H:%M"), "broadcast_budget_cap": f"{site.broadcast_budget_cap:g}",
        "partners": partners + [{"name": "", "themes": [], "emails": ""}] * SPARE_PARTNER_ROWS,
    }


def read_form(fields: dict[str, list[str]]) -> dict:
    """The submitted form (each field's list of values) in the shape form_from_site gives."""
    def one(name: str) -> str:
        return (fields.get(name) or [""])[0].strip()

    form = {name: one(name) for name in ("venues", "urgent_emails", "urgent_telegram_chat", "digest_emails",
                                         "digest_telegram_chat", "digest_close_weekday", "digest_close_hour",
                                         "quiet_start", "quiet_end", "broadcast_budget_cap", "version")}
    rows = sorted({int(m.group(1)) for name in fields if (m := re.fullmatch(r"partner-(\d{1,3})-name", name))})
    form["partners"] = [{"name": one(f"partner-{i}-name"), "themes": list(fields.get(f"partner-{i}-themes", [])),
                         "emails": one(f"partner-{i}-emails")} for i in rows]
    return form


def _lines(text: str, separators: str = r"\n") -> list[str]:
    """Items one a line (or split by `separators`), trimmed, blanks and repeats left out."""
    seen: dict[str, None] = {}
    for item in re.split(separators, text):
        if item.strip():
            seen.setdefault(item.strip(), None)
    return list(seen)


def _emails(text: str, what: str, errors: dict, field: str) -> list[str]:
    emails = list(dict.fromkeys(e.lower() for e in _lines(text, r"[\n,;\s]")))
    bad = [e for e in emails if not EMAIL.fullmatch(e) or len(e) > 254]
    if bad:
        errors[field] = f"{what}: '{bad[0]}' is not an email address."
    elif len(emails) > MAX_ITEMS:
        errors[field] = f"{what}: at most {MAX_ITEMS} addresses."
    return emails


def _chat(text: str, what: str, errors: dict, field: str) -> str:
    if text and not TELEGRAM_CHAT.fullmatch(text):
        errors[field] = f"{what}: a Telegram chat is a number like -1001234567890 or a @channel name."
    return text


def _int(text: str, low: int, high: int, message: str, errors: dict, field: str) -> int:
    if not re.fullmatch(r"\d{1,2}", text) or not low <= int(text) <= high:
        errors[field] = message
        return low
    return int(text)


def _time(text: str, label: str, errors: dict) -> str:
    match = TIME.fullmatch(text)
    if not match:
        errors["quiet_hours"] = (f"Quiet hours {label} must be a time like 21:00 "
                                 "(an end before the start runs past midnight).")
        return text
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _partners(rows: list[dict], site: Site, with_users: dict[str, int], errors: dict) -> list[dict]:
    partners, names = [], set()
    for row in rows:
        name, themes = row["name"], list(dict.fromkeys(row["themes"]))
        if not name:
            if themes or row["emails"]:
                errors.setdefault("partners", "Every partner needs a name (or clear its themes and emails).")
            continue
        if len(name) > 200 or name.lower() in names:
            errors.setdefault("partners", f"'{name[:40]}' is named twice or is too long.")
        names.add(name.lower())
        unknown = [t for t in themes if t not in site.themes]
        if unknown:
            errors.setdefault("partners", f"{name}: '{unknown[0]}' is not one of the site's themes "
                                          f"({', '.join(site.themes)}).")
        emails = _emails(row["emails"], f"{name}'s emails", errors, "partners")
        partners.append({"name": name, "themes": themes, "emails": emails})
    kept = {p["name"] for p in partners}
    for name, count in sorted(with_users.items()):
        if name not in kept:
            errors.setdefault("partners", f"{name} has {count} dashboard user{'s' if count != 1 else ''}: keep "
                                          "its name, or turn their access off on the Users page first.")
    return partners


def check(form: dict, site: Site, partners_with_users: dict[str, int]) -> dict:
    """Each editable setting's new value (as stored) from a read form; SettingsInvalid lists what is
    wrong. Themes are checked against `site`, the site file's."""
    errors: dict[str, str] = {}
    venues = _lines(form["venues"])
    if any(len(v) > 200 for v in venues) or len(venues) > MAX_ITEMS:
        errors["venues"] = f"Venues: at most {MAX_ITEMS}, each under 200 characters."
    quiet = [_time(form["quiet_start"], "start", errors), _time(form["quiet_end"], "end", errors)]
    try:
        cap = float(form["broadcast_budget_cap"].replace("£", "").replace(",", ""))
        if not math.isfinite(cap) or cap < 0:
            raise ValueError(cap)
    except ValueError:
        errors["broadcast_budget_cap"] = "The broadcast budget cap must be a number, like 100 or 75.50."
        cap = 0.0
    values = {
        "venues": venues,
        "urgent_emails": _emails(form["urgent_emails"], "Urgent alert emails", errors, "urgent_emails"),
        "urgent_telegram_chat": _chat(form["urgent_telegram_chat"], "Urgent alerts", errors, "urgent_telegram_chat"),
        "digest_emails": _emails(form["digest_emails"], "Digest emails", errors, "digest_emails"),
        "digest_telegram_chat": _chat(form["digest_telegram_chat"], "Digest", errors, "digest_telegram_chat"),
        "digest_close_weekday": _int(form["digest_close_weekday"], 0, 6, "Choose the day the digest week closes.",
                                     errors, "digest_close_weekday"),
        "digest_close_hour": _int(form["digest_close_hour"], 0, 23, "The digest closes at an hour from 0 to 23.",
                                  errors, "digest_close_hour"),
        "partners": _partners(form["partners"], site, partners_with_users, errors),
        "quiet_hours": quiet,
        "broadcast_budget_cap": cap,
    }
    if errors:
        raise SettingsInvalid(errors, form)
    return values


def changed(values: dict, site: Site) -> dict:
    """The settings whose new value differs from the site's."""
    return {key: value for key, value in values.items() if value != to_json(site, key)}
