"""The SQL behind a digest: theme counts over eight weeks, waiting messages, engagement, this week's text."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from storage.models import (
    Action, HiddenQuote, Invitation, Meeting, MeetingStatus, Message, MessageStatus, MessageTheme,
    Resident, RsvpAnswer,
)

from .digest_weeks import Week

WEEKS_SHOWN = 8  # the trend line; also the "you said, we did" look-back


@dataclass
class RawWeek:
    """Everything a digest is built from, uncounted-for privacy: never published as it is."""

    week: Week
    weeks: list[Week]
    counts: dict = field(default_factory=lambda: defaultdict(lambda: [0] * WEEKS_SHOWN))
    waiting: dict = field(default_factory=dict)       # (hood, theme) -> (count, oldest naive UTC)
    messages: list = field(default_factory=list)      # this week's quotable messages
    hidden: set = field(default_factory=set)          # message ids CD workers hid
    totals: dict = field(default_factory=dict)        # hood -> concerns this week
    urgent: dict = field(default_factory=dict)        # hood -> urgent messages this week
    engagement: dict = field(default_factory=dict)    # hood -> {residents, new_residents, opt_outs}
    meetings: list = field(default_factory=list)
    actions: list = field(default_factory=list)


def _bucket(column, weeks: list[Week]):
    """0 for the oldest week shown ... WEEKS_SHOWN-1 for this week, in one CASE (portable SQL)."""
    whens = [(column < w.end, i) for i, w in enumerate(weeks[:-1])]
    return case(*whens, else_=literal(len(weeks) - 1))


def theme_counts(session: Session, weeks: list[Week], hoods: list[str], raw: RawWeek) -> None:
    """One GROUP BY over message_themes: counts per (neighbourhood, theme, week) and what still waits."""
    last_action = (select(Action.theme, Action.neighbourhood, func.max(Action.created_at).label("at"))
                   .where(Action.created_at < weeks[-1].end)
                   .group_by(Action.theme, Action.neighbourhood).subquery())
    mt = MessageTheme
    waits = or_(last_action.c.at.is_(None), mt.received_at > last_action.c.at)
    bucket = _bucket(mt.received_at, weeks).label("bucket")
    query = (select(mt.neighbourhood, mt.theme, bucket, func.count().label("n"),
                    func.sum(case((waits, 1), else_=0)).label("waiting"),
                    func.min(case((waits, mt.received_at), else_=None)).label("oldest"))
             .outerjoin(last_action, and_(last_action.c.theme == mt.theme,
                                          last_action.c.neighbourhood == mt.neighbourhood))
             .where(mt.neighbourhood.in_(hoods), mt.received_at >= weeks[0].start,
                    mt.received_at < weeks[-1].end)
             .group_by(mt.neighbourhood, mt.theme, bucket))
    waiting: dict = defaultdict(lambda: [0, None])
    for hood, theme, index, n, waits_n, oldest in session.execute(query):
        raw.counts[(hood, theme)][int(index)] = n
        slot = waiting[(hood, theme)]
        slot[0] += int(waits_n or 0)
        if oldest is not None:
            oldest = _as_datetime(oldest)
            slot[1] = oldest if slot[1] is None else min(slot[1], oldest)
    raw.waiting = {key: tuple(value) for key, value in waiting.items() if value[0]}


def _as_datetime(value) -> datetime:
    """MIN() over a CASE loses the column type on SQLite: parse its text back."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def week_messages(session: Session, week: Week, hoods: list[str], raw: RawWeek) -> None:
    """This week's concerns: totals and urgent counts, and the non-urgent ones' redacted text."""
    in_week = (Message.received_at >= week.start, Message.received_at < week.end,
               Message.neighbourhood.in_(hoods), Message.kind == "concern")
    for hood, urgent, n in session.execute(
            select(Message.neighbourhood, Message.urgent, func.count())
            .where(*in_week, Message.status.in_((MessageStatus.PROCESSED, MessageStatus.HELD)))
            .group_by(Message.neighbourhood, Message.urgent)):
        raw.totals[hood] = raw.totals.get(hood, 0) + n
        if urgent:
            raw.urgent[hood] = n
    # Urgent messages are counted, never read: their text stays out of phrases, places and quotes.
    raw.messages = session.execute(
        select(Message.id, Message.neighbourhood, Message.themes, Message.redacted, Message.places)
        .where(*in_week, Message.status == MessageStatus.PROCESSED, Message.urgent.is_(False))
        .order_by(Message.id)).all()
    raw.hidden = set(session.scalars(select(HiddenQuote.message_id).join(
        Message, Message.id == HiddenQuote.message_id).where(*in_week)))


def engagement(session: Session, week: Week, hoods: list[str], raw: RawWeek) -> None:
    """Residents who wrote, new residents and opt-outs, per neighbourhood."""
    stats: dict = defaultdict(lambda: {"residents": 0, "new_residents": 0, "opt_outs": 0})
    queries = {
        "residents": select(Message.neighbourhood, func.count(func.distinct(Message.resident_id)))
        .where(Message.received_at >= week.start, Message.received_at < week.end,
               Message.neighbourhood.in_(hoods)).group_by(Message.neighbourhood),
        "new_residents": select(Resident.neighbourhood, func.count())
        .where(Resident.created_at >= week.start, Resident.created_at < week.end,
               Resident.consented_at.is_not(None), Resident.neighbourhood.in_(hoods))
        .group_by(Resident.neighbourhood),
        "opt_outs": select(Resident.neighbourhood, func.count())
        .where(Resident.opted_out_at >= week.start, Resident.opted_out_at < week.end,
               Resident.neighbourhood.in_(hoods)).group_by(Resident.neighbourhood),
    }
    for name, query in queries.items():
        for hood, n in session.execute(query):
            stats[hood][name] = n
    raw.engagement = dict(stats)


def meetings(session: Session, week: Week, raw: RawWeek) -> None:
    """Meetings held this week with their RSVPs and attendance."""
    rows = session.scalars(select(Meeting).where(
        Meeting.starts_at >= week.start, Meeting.starts_at < week.end,
        Meeting.status != MeetingStatus.CANCELLED).order_by(Meeting.starts_at)).all()
    for meeting in rows:
        answers = dict(session.execute(
            select(Invitation.answer, func.count()).where(Invitation.meeting_id == meeting.id,
                                                          Invitation.answer.is_not(None))
            .group_by(Invitation.answer)).all())
        attended = session.scalar(select(func.count()).where(
            Invitation.meeting_id == meeting.id, Invitation.attended.is_(True))) or 0
        raw.meetings.append({
            "title": meeting.title, "starts_at": meeting.starts_at, "venue": meeting.venue,
            "neighbourhoods": list(meeting.neighbourhoods or []),
            "invited": session.scalar(select(func.count()).where(Invitation.meeting_id == meeting.id)) or 0,
            "yes": answers.get(RsvpAnswer.YES, 0), "maybe": answers.get(RsvpAnswer.MAYBE, 0),
            "no": answers.get(RsvpAnswer.NO, 0),
            "attended": meeting.attendance if meeting.attendance is not None else attended})


def week_actions(session: Session, week: Week, raw: RawWeek) -> None:
    """Actions recorded this week."""
    raw.actions = [{"id": a.id, "theme": a.theme, "neighbourhood": a.neighbourhood,
                    "description": a.description, "partner": a.partner, "created_at": a.created_at,
                    "notified": a.notified}
                   for a in session.scalars(select(Action).where(
                       Action.created_at >= week.start, Action.created_at < week.end)
                       .order_by(Action.created_at))]


def collect(session: Session, week: Week, hoods: list[str], tz: str) -> RawWeek:
    """Read everything the digest of `week` needs, for the neighbourhoods `hoods`."""
    weeks = [week.shifted(i - WEEKS_SHOWN + 1, tz) for i in range(WEEKS_SHOWN)]
    raw = RawWeek(week=week, weeks=weeks)
    theme_counts(session, weeks, hoods, raw)
    week_messages(session, week, hoods, raw)
    engagement(session, week, hoods, raw)
    meetings(session, week, raw)
    week_actions(session, week, raw)
    return raw
