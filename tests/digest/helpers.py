"""Known residents and messages written straight into the database, for digest tests."""
from __future__ import annotations

import itertools
from datetime import timedelta

from bot import residents as residents_service
from bot.concerns import set_themes
from bot.digest_weeks import parse_week
from bot.site import DEFAULT_SITE, Partner
from nlp import redact
from storage.models import Message, MessageStatus, ResidentState

TZ = "Europe/London"
_ids = itertools.count(1)

SITE = DEFAULT_SITE.__class__(
    **{**DEFAULT_SITE.__dict__,
       "digest_emails": ("partnership@example.org",),
       "digest_telegram_chat": "-1009876543210",
       "partners": (Partner("Police", ("antisocial_behaviour", "crime"), ("snt@example.org",)),
                    Partner("Council", ("environment", "road_safety", "housing")),
                    Partner("NHS", ("health",)))})


def week(label: str):
    return parse_week(label, TZ)


def at(label: str, day: int = 2, hour: int = 12):
    """A naive UTC moment inside ISO week `label` (day 0 = Monday)."""
    return week(label).start + timedelta(days=day, hours=hour)


def resident(session, runtime, hood: str, *, channel: str = "sms", number: str | None = None,
             consent_updates: bool = True, opted_out: bool = False, created_at=None):
    """A consented, active resident of `hood` (or opted out)."""
    number = number or f"+4477009{next(_ids):05d}"
    person, _ = residents_service.find_or_create(session, runtime.cipher, channel, number)
    person.state = ResidentState.OPTED_OUT if opted_out else ResidentState.ACTIVE
    person.neighbourhood = hood
    person.consented_at = created_at or at("2026-W30")
    person.created_at = created_at or at("2026-W30")
    person.consent_updates = consent_updates
    person.consent_meetings = True
    if opted_out:
        person.opted_out_at = person.created_at + timedelta(days=1)
    session.flush()
    return person


def message(session, person, text: str, themes: list[str], when, *, places=(), urgent: bool = False):
    """A processed concern with known themes (no classifier), redacted as inbound would."""
    row = Message(channel=person.channel, provider_id=f"test-{next(_ids)}", resident_id=person.id,
                  body=text, redacted=redact(text), received_at=when, neighbourhood=person.neighbourhood,
                  kind="concern", status=MessageStatus.PROCESSED, urgent=urgent, places=list(places))
    session.add(row)
    session.flush()
    set_themes(row, themes)
    session.flush()
    return row


def many(session, person_for, n: int, text: str, themes: list[str], label: str, places=()):
    """`n` messages in week `label`, each from `person_for(i)`."""
    return [message(session, person_for(i), f"{text} ({i})" if "{i}" not in text else text.format(i=i),
                    themes, at(label, day=i % 7, hour=9 + i % 8), places=places) for i in range(n)]
