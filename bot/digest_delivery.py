"""The weekly close: whichever worker first sees a week has closed stores its digest, exactly once,
and queues it to the partnership (email with charts, a Telegram summary) and residents' updates."""
from __future__ import annotations

import logging
import os
import socket
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage.models import Digest, DigestScope, utcnow

from . import digest, digest_charts, digest_render, outbox
from .actions import queue_weekly_updates
from .channels.email import pack_rich
from .digest_weeks import Week, last_closed_week

logger = logging.getLogger(__name__)

TELEGRAM_LIMIT = 3500


def telegram_summary(data: dict, link: str) -> str:
    """A few lines for the partnership's group chat, with a link to the full digest."""
    lines = [digest_render.title(data)]
    for scope in data["scopes"]:
        top = [f"{t['label']} {t['this_week']} ({t['change']})" for t in scope["themes"][:3]]
        line = f"{scope['name']}: {scope['messages']} messages"
        if top:
            line += "; top: " + ", ".join(top)
        if scope["urgent"] != 0:
            line += f"; urgent: {scope['urgent']}"
        lines.append(line)
        if scope["rising"]:
            lines.append("  Rising fast: " + "; ".join(scope["rising"]))
    body = "\n".join(lines)
    if len(body) > TELEGRAM_LIMIT:
        body = body[:TELEGRAM_LIMIT].rsplit("\n", 1)[0]
    return f"{body}\nFull digest: {link}"


def _email(data: dict, images: dict[str, bytes], link: str) -> str:
    cids = {name: f"cid:{name}" for name in images}
    return pack_rich(digest_render.text(data, link), digest_render.html(data, cids, link), images)


def _slices(site, data: dict) -> list[tuple[str, dict, dict[str, bytes]]]:
    """(scope, digest, charts) for the whole site and each partner: drawn before any session opens."""
    slices = [(DigestScope.ALL, data, digest_charts.charts_for(data))]
    for partner in site.partners:
        part = digest.slice_for(data, partner=partner.name)
        slices.append((DigestScope.partner(partner.name), part, digest_charts.charts_for(part)))
    return slices


def _recipients(site, scope: str) -> list[tuple[str, str]]:
    """(channel, address) for a stored digest: the partnership's, or one partner's, from the site file."""
    if scope == DigestScope.ALL:
        recipients = [("email", address) for address in site.digest_emails]
        if site.digest_telegram_chat:
            recipients.append(("telegram", site.digest_telegram_chat))
        return recipients
    partner = next(p for p in site.partners if DigestScope.partner(p.name) == scope)
    return [("email", address) for address in partner.emails]


def close_week(runtime, now: datetime) -> int | None:
    """Periodic hook: store and send the last closed week's digest once; returns its id if we did."""
    site = runtime.site
    week = last_closed_week(now, site)
    with runtime.uow() as uow:
        if uow.session.scalar(select(Digest.id).where(Digest.week == week.label,
                                                      Digest.scope == DigestScope.ALL)) is not None:
            return None
        data = digest.build_in(uow.session, site, week)
    slices = _slices(site, data)  # charts drawn with no session open
    return _store_and_queue(runtime, week, slices, now)


def _store_and_queue(runtime, week: Week, slices: list, now: datetime) -> int | None:
    worker = f"{socket.gethostname()}:{os.getpid()}"[:100]
    with runtime.uow() as uow:
        session = uow.session
        stored = []
        try:
            for scope, data, images in slices:
                row = Digest(week=week.label, scope=scope, period_start=week.start, period_end=week.end,
                             data=data, created_by=worker)
                session.add(row)
                session.flush()  # the unique (week, scope) decides here which worker sends it
                stored.append((row, scope, data, images))
        except IntegrityError:
            uow.rollback()
            logger.info("digest already made by another worker", extra={"week": week.label})
            return None
        queued = 0
        for row, scope, data, images in stored:
            recipients = _recipients(runtime.site, scope)
            shown = digest.visible(session, data)
            link, subject = digest.link_for(runtime, row.id), digest_render.title(shown)
            for channel, address in recipients:
                body = _email(shown, images, link) if channel == "email" else telegram_summary(shown, link)
                key = f"digest:{row.id}:{channel}:{address}"
                queued += outbox.enqueue(session, key=key, body=body, channel=channel, address=address,
                                         cipher=runtime.cipher, purpose="digest", subject=subject) is not None
            row.recipients = len(recipients)
            row.delivered_at = utcnow()
        updates = queue_weekly_updates(session, runtime.site, slices[0][1], now)
        uow.commit()
    logger.info("weekly digest stored", extra={"week": week.label, "digest_id": stored[0][0].id,
                                               "queued": queued, "resident_updates": updates})
    return stored[0][0].id
