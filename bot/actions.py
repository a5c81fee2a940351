"""You said, we did: the partnership's actions, and the short updates residents get about them."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Action, MessageTheme, Resident, ResidentState, utcnow

from . import outbox
from .agenda import describe_meeting, upcoming_meetings
from .concerns import join_words
from .quiet_hours import next_allowed
from .texts import text

logger = logging.getLogger(__name__)

LOOKBACK = timedelta(weeks=8)   # residents who raised the theme this recently hear about the action
TWO_SEGMENTS = {True: 306, False: 134}  # characters in two SMS segments: GSM-7 text, or not


def two_segment_room(body: str) -> int:
    """How many characters two SMS segments hold for text like `body`."""
    return TWO_SEGMENTS[all(ord(c) < 128 for c in body)]


def shorten(words: str, room: int) -> str:
    """`words` cut at a word boundary to fit `room` characters, with '...' when cut."""
    words = " ".join(words.split())
    if len(words) <= room:
        return words
    cut = words[:max(room - 3, 0)].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "..."


def fill_to_fit(key: str, field: str, value: str, **values) -> str:
    """Text `key` with `field` shortened so the whole message fits two SMS segments."""
    empty = text(key, **{field: ""}, **values)
    room = two_segment_room(empty + value) - len(empty)
    return text(key, **{field: shorten(value, room)}, **values)


def resolve_neighbourhood(site, name: str) -> str:
    """A neighbourhood's slug from its slug or name; KeyError if the site has none such."""
    for hood in site.neighbourhoods:
        if name.lower() in (hood.slug, hood.name.lower()):
            return hood.slug
    raise KeyError(f"no neighbourhood {name!r}; the site has {', '.join(h.slug for h in site.neighbourhoods)}")


def recipients(session: Session, theme: str, neighbourhood: str, now: datetime) -> list[Resident]:
    """Residents who raised `theme` in `neighbourhood` in the last 8 weeks, agreed to updates, still with us."""
    raised = (select(MessageTheme.resident_id)
              .where(MessageTheme.theme == theme, MessageTheme.neighbourhood == neighbourhood,
                     MessageTheme.received_at >= now - LOOKBACK, MessageTheme.resident_id.is_not(None))
              .distinct())
    return list(session.scalars(select(Resident).where(
        Resident.id.in_(raised), Resident.consent_updates.is_(True), Resident.consented_at.is_not(None),
        Resident.opted_out_at.is_(None), Resident.unreachable_at.is_(None),
        Resident.state != ResidentState.OPTED_OUT).order_by(Resident.id)))


def record_action(runtime, theme: str, neighbourhood: str, description: str, *, partner: str = "",
                  recorded_by: str = "", now: datetime | None = None) -> Action:
    """Record an action and, in the same transaction, queue the update to the residents who raised it."""
    site = runtime.site
    if theme not in site.themes:
        raise KeyError(f"no theme {theme!r}; the site has {', '.join(site.themes)}")
    slug = resolve_neighbourhood(site, neighbourhood)
    description = " ".join(description.split())
    if not description:
        raise ValueError("describe what was done")
    now = now or utcnow()
    hood_name = site.neighbourhood(slug).name
    body = fill_to_fit("action_update", "action", description, site=site.name,
                       theme=site.theme_label(theme), neighbourhood=hood_name)
    not_before = next_allowed(now, site.quiet_hours, site.timezone)
    with runtime.uow() as uow:
        action = Action(theme=theme, neighbourhood=slug, description=description, partner=partner,
                        recorded_by=recorded_by, created_at=now)
        uow.session.add(action)
        uow.session.flush()
        queued = 0
        for resident in recipients(uow.session, theme, slug, now):
            row = outbox.enqueue(uow.session, key=f"action:{action.id}:{resident.id}", body=body,
                                 resident=resident, purpose="update", not_before=not_before,
                                 respect_quiet_hours=True)
            queued += row is not None
        action.notified = queued
        uow.commit()
    logger.info("action recorded", extra={"action_id": action.id, "notified": queued})
    return action


def list_actions(runtime, neighbourhood: str | None = None, theme: str | None = None,
                 limit: int = 50) -> list[Action]:
    """The newest actions, optionally for one neighbourhood and/or theme."""
    query = select(Action).order_by(Action.created_at.desc(), Action.id.desc()).limit(limit)
    if neighbourhood:
        query = query.where(Action.neighbourhood == resolve_neighbourhood(runtime.site, neighbourhood))
    if theme:
        query = query.where(Action.theme == theme)
    with runtime.uow() as uow:
        return list(uow.session.scalars(query))


def weekly_message(session: Session, site, scope: dict, now: datetime) -> str | None:
    """'This week in Kingsmead people raised ...' + next meeting + latest action, in two segments."""
    top = [t["label"] for t in scope["themes"] if isinstance(t["this_week"], int)][:3]
    if not top:
        return None  # nothing raised by 3 or more: nothing to say that would not single anyone out
    body = text("you_said_weekly", site=site.name, neighbourhood=scope["name"], themes=join_words(top))
    meetings = upcoming_meetings(session, scope["key"], limit=1, now=now)
    if meetings:
        extra = text("you_said_meeting", meeting=describe_meeting(meetings[0], site.timezone))
        if len(body + extra) <= two_segment_room(body + extra):
            body += extra
    latest = session.scalar(select(Action).where(
        Action.neighbourhood == scope["key"], Action.created_at >= now - LOOKBACK)
        .order_by(Action.created_at.desc(), Action.id.desc()).limit(1))
    if latest is not None:
        room = two_segment_room(body + latest.description) - len(body) - len(text("you_said_action", action=""))
        if room >= 20:
            body += text("you_said_action", action=shorten(latest.description, room))
    return body


def queue_weekly_updates(session: Session, site, data: dict, now: datetime) -> int:
    """The weekly 'you said' message to every resident who agreed to updates; keyed so it goes once."""
    not_before = next_allowed(now, site.quiet_hours, site.timezone)
    queued = 0
    for scope in data["scopes"]:
        if site.neighbourhood(scope["key"]) is None:
            continue
        body = weekly_message(session, site, scope, now)
        if body is None:
            continue
        residents = session.scalars(select(Resident).where(
            Resident.neighbourhood == scope["key"], Resident.consent_updates.is_(True),
            Resident.consented_at.is_not(None), Resident.opted_out_at.is_(None),
            Resident.unreachable_at.is_(None), Resident.state == ResidentState.ACTIVE))
        for resident in residents:
            row = outbox.enqueue(session, key=f"yousaid:{data['week']}:{resident.id}", body=body,
                                 resident=resident, purpose="update", not_before=not_before,
                                 respect_quiet_hours=True)
            queued += row is not None
    return queued
