"""Weekly theme digests for the partnership: build, slice, hide quotes, render, read stored ones.

The pieces: digest_weeks (ISO weeks, closing time), digest_data (SQL), digest_text (phrases,
hotspots, quotes), digest_build (suppression of small counts), digest_charts (PNG),
digest_render (html/text/json/csv) and digest_delivery (the weekly close and its outbox rows).
"""
from __future__ import annotations

import copy
import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Digest, HiddenQuote, Message, utcnow

from . import digest_render
from .digest_build import ALL, publish
from .digest_data import collect
from .digest_text import QUOTES_SHOWN
from .digest_weeks import Week, last_closed_week, parse_week

logger = logging.getLogger(__name__)

FORMATS = ("html", "text", "json", "csv")


def build_in(session: Session, site, week: Week) -> dict:
    """The published digest of `week` for the whole site and each neighbourhood (all quote candidates)."""
    raw = collect(session, week, [n.slug for n in site.neighbourhoods], site.timezone)
    return publish(site, raw)


def resolve_week(site, label: str | None, now=None) -> Week:
    """The week named like '2026-W47', or the last closed week when none is named."""
    return parse_week(label, site.timezone) if label else last_closed_week(now or utcnow(), site)


def slice_for(data: dict, neighbourhood: str | None = None, partner: str | None = None, site=None) -> dict:
    """One neighbourhood's part of a digest, and/or one partner's themes only."""
    data = copy.deepcopy(data)
    if neighbourhood:
        wanted = neighbourhood.lower()
        scopes = [s for s in data["scopes"] if wanted in (s["key"], s["name"].lower())]
        if not scopes:
            raise KeyError(f"no neighbourhood {neighbourhood!r} in this digest")
        data["scopes"] = scopes
    if partner:
        match = next((p for p in data["partners"] if p["name"].lower() == partner.lower()), None)
        if match is None:
            raise KeyError(f"no partner {partner!r} in the site file")
        owned = set(match["themes"])
        for scope in data["scopes"]:
            scope["themes"] = [t for t in scope["themes"] if t["theme"] in owned]
            labels = {t["label"] for t in scope["themes"]}
            scope["rising"] = [r for r in scope["rising"] if r.split(":")[0] in labels]
            scope["actions"] = [a for a in scope["actions"] if a["theme"] in owned]
        data["partner"] = match["name"]
        data["partners"] = [match]
    return data


def visible(session: Session, data: dict) -> dict:
    """The digest as it may be shown now: hidden quotes and forgotten residents' messages left out."""
    data = copy.deepcopy(data)
    ids = {q["message_id"] for s in data["scopes"] for t in s["themes"] for q in t["quotes"]}
    hidden, existing = set(), set()
    if ids:
        hidden = set(session.scalars(select(HiddenQuote.message_id).where(HiddenQuote.message_id.in_(ids))))
        existing = set(session.scalars(select(Message.id).where(Message.id.in_(ids))))
    for scope in data["scopes"]:
        for theme in scope["themes"]:
            theme["quotes"] = [q for q in theme["quotes"]
                               if q["message_id"] in existing and q["message_id"] not in hidden][:QUOTES_SHOWN]
    return data


def digest_for(runtime, week: str | None = None, neighbourhood: str | None = None,
               partner: str | None = None) -> dict:
    """Build the digest of a week now (the CLI), sliced as asked, ready to render."""
    week_ = resolve_week(runtime.site, week)
    with runtime.uow() as uow:
        data = build_in(uow.session, runtime.site, week_)
        data = visible(uow.session, data)
    return slice_for(data, neighbourhood, partner)


def render(data: dict, fmt: str, link: str | None = None) -> str:
    """The digest in one of FORMATS."""
    return digest_render.render(data, fmt, link)


def link_for(runtime, digest_id: int) -> str:
    """Where the dashboard shows a stored digest."""
    return runtime.settings.public_base_url.rstrip("/") + f"/dashboard/digests/{digest_id}"


def stored(runtime, digest_id: int, neighbourhood: str | None = None) -> dict | None:
    """A stored digest as it may be shown now (for the dashboard), or None."""
    with runtime.uow() as uow:
        row = uow.session.get(Digest, digest_id)
        if row is None:
            return None
        data = visible(uow.session, row.data)
    data["id"] = digest_id
    return slice_for(data, neighbourhood)


def list_stored(runtime, limit: int = 52) -> list[dict]:
    """The newest stored digests: id, week, scope, when it was made."""
    with runtime.uow() as uow:
        rows = uow.session.execute(select(Digest.id, Digest.week, Digest.scope, Digest.created_at,
                                          Digest.recipients)
                                   .order_by(Digest.period_start.desc(), Digest.id).limit(limit)).all()
    return [{"id": r.id, "week": r.week, "scope": r.scope, "created_at": r.created_at,
             "recipients": r.recipients} for r in rows]


def hide_quote(runtime, message_id: int, hidden_by: str = "", reason: str = "") -> bool:
    """Never quote this message again, in any digest (stored ones too); False if already hidden."""
    with runtime.uow() as uow:
        if uow.session.get(Message, message_id) is None:
            raise KeyError(f"no message {message_id}")
        if uow.session.scalar(select(HiddenQuote.id).where(HiddenQuote.message_id == message_id)):
            return False
        uow.session.add(HiddenQuote(message_id=message_id, hidden_by=hidden_by, reason=reason))
        try:
            uow.commit()
        except IntegrityError:
            return False
    logger.info("quote hidden", extra={"message_id": message_id})
    return True


__all__ = ["ALL", "FORMATS", "build_in", "resolve_week", "slice_for", "visible", "digest_for", "render",
           "link_for", "stored", "list_stored", "hide_quote"]
