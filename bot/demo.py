"""A demonstration site: residents on three channels, eight weeks of messages, meetings, an action."""
from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from tqdm import tqdm

from storage.models import (
    Action, Invitation, Meeting, MeetingStatus, Message, MessageStatus, Resident, ResidentState, RsvpAnswer,
    utcnow,
)

from . import demo_data
from .concerns import file_message
from .digest_weeks import last_closed_week

logger = logging.getLogger(__name__)

CHANNELS = (("sms", 0.5), ("whatsapp", 0.3), ("telegram", 0.2))
MARKER = ("sms", "+447700900000")   # the first demo resident: its presence means the demo ran


def demo_address(channel: str, index: int) -> str:
    """Made-up addresses: Ofcom's drama range for phones, out-of-range ids for Telegram."""
    if channel == "telegram":
        return str(9_900_000_000 + index)
    return f"+447700900{(index if channel == 'sms' else 500 + index) % 1000:03d}"


def already_filled(runtime) -> bool:
    """True when the demo residents are already there."""
    key = runtime.cipher.lookup_hash(*MARKER)
    with runtime.uow() as uow:
        return uow.session.scalar(select(Resident.id).where(Resident.address_hash == key)) is not None


def _residents(session, runtime, rng, count: int, start: datetime, end: datetime) -> list[Resident]:
    site, people = runtime.site, []
    counters = {name: 0 for name, _ in CHANNELS}
    for i in tqdm(range(count), desc="residents", unit="resident"):
        channel = "sms" if i == 0 else rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        address = demo_address(channel, counters[channel])
        counters[channel] += 1
        joined = start + (end - start) * (0 if i < count // 2 else rng.random())
        hood = site.neighbourhoods[0 if rng.random() < 0.55 else -1]
        person = Resident(channel=channel, address_hash=runtime.cipher.lookup_hash(channel, address),
                          address_enc=runtime.cipher.encrypt(address), state=ResidentState.ACTIVE,
                          neighbourhood=hood.slug, lang="en", consent_meetings=True,
                          consent_updates=rng.random() < 0.85, created_at=joined, consented_at=joined,
                          last_inbound_at=joined)
        if rng.random() < 0.04:
            person.state, person.opted_out_at = ResidentState.OPTED_OUT, joined + (end - joined) * rng.random()
        people.append(person)
    session.add_all(people)
    session.flush()
    return people


def _this_week_so_far(rng, site, people: list[Resident], weeks: list, now: datetime) -> list:
    """Messages from Monday until now, at an ordinary week's pace, so the dashboard's "this week" lives."""
    # From the end of the last closed week, which may still be last week early on a Monday.
    current = replace(weeks[-1], start=weeks[-1].end, end=now)
    elapsed = max(0.0, (now - current.start) / (weeks[-1].end - weeks[-1].start))
    plan = []
    for h, hood in enumerate(site.neighbourhoods):
        local = [p for p in people if p.neighbourhood == hood.slug]
        for theme in demo_data.TEMPLATES:
            expected = demo_data.weekly_rate(theme, h, len(weeks) - 2, len(weeks)) * elapsed
            for _ in range(int(expected) + (rng.random() < expected % 1)):
                plan.append((rng.choice(local), demo_data.message_text(rng, theme, hood.streets), current))
    return plan


def _messages(session, runtime, rng, people: list[Resident], weeks: list, now: datetime) -> int:
    site = runtime.site
    plan = []  # (resident, text, received_at)
    for w, week in enumerate(weeks):
        for h, hood in enumerate(site.neighbourhoods):
            local = [p for p in people if p.neighbourhood == hood.slug and p.created_at < week.end]
            if not local:
                continue
            for theme in demo_data.TEMPLATES:
                for _ in range(demo_data.weekly_rate(theme, h, w, len(weeks))):
                    plan.append((rng.choice(local), demo_data.message_text(rng, theme, hood.streets), week))
            if rng.random() < 0.6:
                plan.append((rng.choice(local), demo_data.urgent_text(rng, hood.streets), week))
            plan.append((rng.choice(local), rng.choice(demo_data.SMALL_TALK), week))
    plan += _this_week_so_far(rng, site, people, weeks, now)
    texts = [text for _, text, _ in plan]
    results = []
    for start in tqdm(range(0, len(texts), 256), desc="classifying", unit="batch"):
        results += runtime.classifier.classify_many(texts[start:start + 256])
    for n, ((person, text, week), result) in enumerate(tqdm(list(zip(plan, results)), desc="messages",
                                                             unit="msg")):
        at = max(week.start, person.created_at) + timedelta(seconds=rng.random() * (
            week.end - max(week.start, person.created_at)).total_seconds() * 0.99)
        message = Message(channel=person.channel, provider_id=f"demo-{n}", resident_id=person.id, body=text,
                          received_at=at, neighbourhood=person.neighbourhood, redacted=result.redacted)
        if person.opted_out_at is not None and at > person.opted_out_at:
            continue
        person.last_inbound_at = max(person.last_inbound_at, at)
        session.add(message)
        if len(text.split()) <= 5 and not result.themes:
            message.kind, message.status = "chat", MessageStatus.PROCESSED
            continue
        file_message(session, runtime, message, result)
    session.flush()
    return len(plan)


def _meetings(session, runtime, rng, people: list[Resident], held_week, now: datetime) -> None:
    site = runtime.site
    reachable = [p for p in people if p.opted_out_at is None]
    held = Meeting(title="Kingsmead residents' meeting", venue=site.venues[0] if site.venues else "",
                   starts_at=held_week.start + timedelta(days=2, hours=18, minutes=30),
                   ends_at=held_week.start + timedelta(days=2, hours=20), neighbourhoods=[site.neighbourhoods[-1].slug],
                   status=MeetingStatus.HELD, description="Road safety and the youth club",
                   invited_at=held_week.start - timedelta(days=7), created_by="demo")
    upcoming_start = (now + timedelta(days=9)).replace(hour=18, minute=30, second=0, microsecond=0)
    upcoming = Meeting(title="Marsh Hill & Kingsmead partnership meeting", venue=site.venues[-1] if site.venues else "",
                       starts_at=upcoming_start, ends_at=upcoming_start + timedelta(hours=2),
                       neighbourhoods=[], status=MeetingStatus.PLANNED, created_by="demo",
                       description="What you told us, and what the partnership is doing", invited_at=now)
    session.add_all([held, upcoming])
    session.flush()
    for meeting, pool in ((held, [p for p in reachable if p.neighbourhood == site.neighbourhoods[-1].slug]),
                          (upcoming, reachable)):
        for person in rng.sample(pool, min(len(pool), 60 if meeting is held else 120)):
            answer = rng.choices([RsvpAnswer.YES, RsvpAnswer.MAYBE, RsvpAnswer.NO, None], [4, 2, 2, 3])[0]
            invite = Invitation(meeting_id=meeting.id, resident_id=person.id, invited_at=meeting.invited_at,
                                answer=answer, answered_at=meeting.invited_at + timedelta(hours=rng.random() * 48)
                                if answer else None)
            if meeting is held:
                invite.attended = answer == RsvpAnswer.YES and rng.random() < 0.8
            session.add(invite)


def fill(runtime, residents: int = 300, weeks: int = 8, seed: int = 7, now: datetime | None = None) -> dict:
    """Fill the database with the demonstration site; returns what it made."""
    rng = random.Random(seed)
    now = now or utcnow()
    last = last_closed_week(now, runtime.site)
    shown = [last.shifted(i - weeks + 1, runtime.site.timezone) for i in range(weeks)]
    with runtime.uow() as uow:
        session = uow.session
        people = _residents(session, runtime, rng, residents, shown[0].start, last.end)
        made = _messages(session, runtime, rng, people, shown, now)
        _meetings(session, runtime, rng, people, last, now)
        kingsmead = runtime.site.neighbourhoods[-1]
        street = kingsmead.streets[-3] if len(kingsmead.streets) >= 3 else kingsmead.name
        session.add(Action(theme="road_safety", neighbourhood=kingsmead.slug, partner="Council",
                           description=f"Council installed two speed bumps on {street} and police "
                                       "are running speed checks at school times.",
                           recorded_by="demo", created_at=last.start + timedelta(days=4, hours=10)))
        uow.commit()
    logger.info("demo site filled", extra={"residents": residents, "messages": made})
    return {"residents": residents, "messages": made, "weeks": [w.label for w in shown], "week": last.label}
