"""What the dashboard shows of digests and "you said, we did" actions, per viewer (over bot.digest, bot.actions)."""
from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage.models import DigestScope, OutboxMessage

from . import actions, digest, digest_charts

logger = logging.getLogger(__name__)

MIME = {"html": "text/html", "csv": "text/csv", "json": "application/json", "text": "text/plain"}


def _for_viewer(runtime, viewer, data: dict) -> dict:
    """A partner sees only its own themes of a digest."""
    if viewer.is_partner:
        try:
            return digest.slice_for(data, partner=viewer.organisation or "")
        except KeyError:  # an organisation no longer in the site file sees nothing
            raise LookupError(viewer.organisation)
    return data


def archive(runtime, viewer) -> list[dict]:
    """Stored digests the viewer may open: the whole-site ones (a partner's view is sliced when opened)."""
    rows = digest.list_stored(runtime)
    return [r for r in rows if r["scope"] == DigestScope.ALL]


def _with_charts(data: dict) -> dict:
    pngs = digest_charts.charts_for(data)
    return {"data": data, "images": {name: "data:image/png;base64," + base64.b64encode(png).decode()
                                     for name, png in pngs.items()}}


def stored_digest(runtime, viewer, digest_id: int) -> dict:
    """A stored digest for the viewer, with its charts as data: URIs; LookupError when there is none."""
    data = digest.stored(runtime, digest_id)
    if data is None:
        raise LookupError(digest_id)
    return _with_charts(_for_viewer(runtime, viewer, data))


def week_digest(runtime, viewer, label: str) -> dict:
    """Any week's digest built now ('2026-W47'), for the viewer; ValueError for a label that is not a week."""
    try:
        data = digest.digest_for(runtime, week=label, partner=viewer.organisation if viewer.is_partner else None)
    except KeyError:
        raise LookupError(label)
    return _with_charts(data)


def download(runtime, viewer, digest_id: int, fmt: str) -> tuple[str, str, str]:
    """(body, mimetype, filename) of a stored digest in html, csv, json or text; LookupError/ValueError."""
    if fmt not in MIME:
        raise ValueError(f"unknown format {fmt!r}")
    data = digest.stored(runtime, digest_id)
    if data is None:
        raise LookupError(digest_id)
    data = _for_viewer(runtime, viewer, data)
    suffix = f"-{viewer.organisation.lower()}" if viewer.is_partner and viewer.organisation else ""
    extension = "txt" if fmt == "text" else fmt
    return digest.render(data, fmt, digest.link_for(runtime, digest_id)), MIME[fmt], \
        f"digest-{data['week']}{suffix}.{extension}"


def hide_quote(runtime, viewer, message_id: int, reason: str = "") -> bool:
    """A CD worker keeps a message out of every digest from now on."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers may hide quotes")
    return digest.hide_quote(runtime, message_id, hidden_by=viewer.email, reason=reason.strip()[:500])


@dataclass(frozen=True)
class ActionView:
    id: int
    theme: str
    neighbourhood: str
    description: str
    partner: str
    recorded_by: str
    created_at: datetime
    notified: int
    delivery: dict


def list_actions(runtime, viewer, theme: str | None = None, neighbourhood: str | None = None) -> list[ActionView]:
    """Recent actions in the viewer's themes, with how the updates to residents went (by outbox status)."""
    rows = [a for a in actions.list_actions(runtime, neighbourhood=neighbourhood, theme=theme)
            if a.theme in viewer.themes]
    delivery: dict[int, dict] = {a.id: {} for a in rows}
    if rows:
        with runtime.uow() as uow:
            for action in rows:
                statuses = uow.session.execute(
                    select(OutboxMessage.status, func.count())
                    .where(OutboxMessage.idempotency_key.like(f"action:{action.id}:%"))
                    .group_by(OutboxMessage.status)).all()
                delivery[action.id] = dict(statuses)
    site = runtime.site
    return [ActionView(a.id, site.theme_label(a.theme),
                       site.neighbourhood(a.neighbourhood).name if site.neighbourhood(a.neighbourhood) else a.neighbourhood,
                       a.description, a.partner, a.recorded_by if viewer.sees_residents else "",
                       a.created_at, a.notified, delivery[a.id]) for a in rows]


def record_action(runtime, viewer, theme: str, neighbourhood: str, description: str, partner: str = "") -> int:
    """Record what was done (CD workers); queues the update to residents who raised it. Returns how many."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers record actions")
    try:
        action = actions.record_action(runtime, theme, neighbourhood, description, partner=partner,
                                       recorded_by=viewer.email)
    except KeyError as exc:
        raise ValueError(str(exc).strip("'\""))
    logger.info("action recorded from the dashboard", extra={"action_id": action.id, "user_id": viewer.id})
    return action.notified
