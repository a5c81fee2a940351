"""The dashboard's inbox: residents' messages by role, themes corrected, reviews and urgent acknowledgements."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from storage.models import Message, MessageStatus, MessageTheme, utcnow

from .alerts import urgent_label
from .corrections import correct_themes, correct_urgency

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


@dataclass(frozen=True)
class MessageFilters:
    """What the inbox is narrowed to; empty fields do not filter."""

    theme: str | None = None
    neighbourhood: str | None = None
    since: date | None = None
    until: date | None = None
    urgent: bool = False
    needs_review: bool = False
    page: int = 1


@dataclass(frozen=True)
class MessageView:
    """A message as a viewer may see it: partners get the redacted text and nothing of the resident."""

    id: int
    received_at: datetime
    channel: str
    neighbourhood: str | None
    themes: tuple[str, ...]
    lang: str | None
    confidence: float | None
    text: str
    redacted: bool
    urgent: bool
    urgent_reason: str | None
    needs_review: bool
    reviewed_at: datetime | None
    reviewed_by: str | None
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    urgent_note: str | None
    resident_id: int | None


def _visible(viewer):
    """Concerns that were filed (or urgent ones still held for consent) in the viewer's themes."""
    condition = (Message.kind == "concern") & (
        (Message.status == MessageStatus.PROCESSED) | Message.urgent.is_(True))
    if viewer.is_partner:  # and only from residents who agreed: never a message still held for consent
        condition = condition & (Message.status == MessageStatus.PROCESSED) & Message.id.in_(
            select(MessageTheme.message_id).where(MessageTheme.theme.in_(viewer.themes or ("",))))
    return condition


def _view(message: Message, viewer, site) -> MessageView:
    themes = tuple(message.themes or ())
    if viewer.is_partner:
        themes = tuple(t for t in themes if t in viewer.themes)
    scores = message.scores or {}
    picked = [scores[t] for t in themes if t in scores] or list(scores.values())
    hood = site.neighbourhood(message.neighbourhood)
    partner = not viewer.sees_residents
    return MessageView(
        id=message.id, received_at=message.received_at, channel=message.channel,
        neighbourhood=hood.name if hood else None, themes=themes, lang=message.lang,
        confidence=round(max(picked), 2) if picked else None,
        text=message.redacted if partner else message.body, redacted=partner,
        urgent=message.urgent, urgent_reason=message.urgent_reason, needs_review=message.needs_review,
        reviewed_at=message.reviewed_at, reviewed_by=None if partner else message.reviewed_by,
        acknowledged_at=message.urgent_acknowledged_at,
        acknowledged_by=None if partner else message.urgent_acknowledged_by,
        urgent_note=None if partner else message.urgent_note,
        resident_id=None if partner else message.resident_id)


def list_messages(runtime, viewer, filters: MessageFilters) -> tuple[list[MessageView], bool]:
    """One page of messages, newest first, and whether there are older ones."""
    query = select(Message).where(_visible(viewer))
    if filters.theme and filters.theme in viewer.themes:
        query = query.where(Message.id.in_(
            select(MessageTheme.message_id).where(MessageTheme.theme == filters.theme)))
    if filters.neighbourhood:
        query = query.where(Message.neighbourhood == filters.neighbourhood)
    if filters.since:
        query = query.where(Message.received_at >= datetime.combine(filters.since, time()))
    if filters.until:
        query = query.where(Message.received_at < datetime.combine(filters.until + timedelta(days=1), time()))
    if filters.urgent:
        query = query.where(Message.urgent.is_(True))
    if filters.needs_review:
        query = query.where(Message.needs_review.is_(True))
    page = max(filters.page, 1)
    query = query.order_by(Message.received_at.desc(), Message.id.desc())
    query = query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)
    with runtime.uow() as uow:
        rows = list(uow.session.scalars(query))
        return [_view(m, viewer, runtime.site) for m in rows[:PAGE_SIZE]], len(rows) > PAGE_SIZE


def get_message(runtime, viewer, message_id: int) -> MessageView:
    """One message the viewer may see; LookupError otherwise (a partner cannot tell the difference)."""
    with runtime.uow() as uow:
        message = uow.session.scalar(select(Message).where(Message.id == message_id, _visible(viewer)))
        if message is None:
            raise LookupError(message_id)
        return _view(message, viewer, runtime.site)


def _require_cd(viewer) -> None:
    if not viewer.sees_residents:
        raise PermissionError("only CD workers may change messages")


def correct(runtime, viewer, message_id: int, themes: list[str]) -> MessageView:
    """Replace a message's themes (kept as a correction for retraining) and mark it reviewed."""
    _require_cd(viewer)
    with runtime.uow() as uow:
        correct_themes(uow.session, message_id, themes, corrected_by=viewer.email,
                       allowed=tuple(runtime.site.themes))
        uow.commit()
    logger.info("themes corrected", extra={"message_id": message_id, "user_id": viewer.id})
    return get_message(runtime, viewer, message_id)


@dataclass(frozen=True)
class UrgencyMarked:
    changed: bool   # False: the message already said so
    shown: bool     # False: a message held for consent leaves the inbox once it is not urgent


def mark_urgency(runtime, viewer, message_id: int, urgent: bool) -> UrgencyMarked:
    """A CD worker marks a missed message urgent (alerting the others) or a false alarm not urgent."""
    _require_cd(viewer)
    with runtime.uow() as uow:
        changed = correct_urgency(uow.session, runtime, message_id, urgent, corrected_by=viewer.email)
        uow.commit()
        shown = uow.session.scalar(select(Message.id).where(Message.id == message_id, _visible(viewer))) is not None
    logger.info("urgency corrected", extra={"message_id": message_id, "user_id": viewer.id,
                                            "urgent": bool(urgent), "changed": changed is not None})
    return UrgencyMarked(changed=changed is not None, shown=shown)


def mark_reviewed(runtime, viewer, message_id: int) -> None:
    """The CD worker agrees with what the bot filed."""
    _require_cd(viewer)
    with runtime.uow() as uow:
        message = uow.session.get(Message, message_id)
        if message is None:
            raise LookupError(message_id)
        message.needs_review = False
        message.reviewed_at, message.reviewed_by = utcnow(), viewer.email
        uow.commit()
    logger.info("message reviewed", extra={"message_id": message_id, "user_id": viewer.id})


def acknowledge_urgent(runtime, viewer, message_id: int, note: str) -> None:
    """Record who dealt with an urgent message, when, and what they did; ValueError without a note."""
    _require_cd(viewer)
    note = (note or "").strip()
    if not note:
        raise ValueError("say what was done: a note is required")
    with runtime.uow() as uow:
        message = uow.session.get(Message, message_id)
        if message is None or not message.urgent:
            raise LookupError(message_id)
        if message.urgent_acknowledged_at is None:
            message.urgent_acknowledged_at = utcnow()
            message.urgent_acknowledged_by = viewer.email
            message.urgent_note = note[:2000]
            uow.commit()
    logger.info("urgent message acknowledged", extra={"message_id": message_id, "user_id": viewer.id})


@dataclass(frozen=True)
class UrgentItem:
    id: int
    received_at: datetime
    neighbourhood: str | None
    reason: str


def unacknowledged_urgent(runtime, viewer, limit: int = 5) -> tuple[list[UrgentItem], int]:
    """Urgent messages nobody has acknowledged yet (for CD workers' banner), newest first, and how many."""
    if not viewer.sees_residents:
        return [], 0
    where = (Message.urgent.is_(True), Message.urgent_acknowledged_at.is_(None))
    with runtime.uow() as uow:
        total = uow.session.scalar(select(func.count(Message.id)).where(*where)) or 0
        rows = list(uow.session.execute(select(Message.id, Message.received_at, Message.neighbourhood,
                                               Message.urgent_reason).where(*where)
                                        .order_by(Message.received_at.desc()).limit(limit)))
    site = runtime.site
    items = [UrgentItem(i, at, (site.neighbourhood(h).name if site.neighbourhood(h) else None),
                        urgent_label(reason)) for i, at, h, reason in rows]
    return items, total
