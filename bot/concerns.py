"""A resident's concern: classified, filed under themes, acknowledged, and escalated when urgent."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp import MODEL_ONLY
from storage.models import Message, MessageStatus, MessageTheme, utcnow

from .agenda import describe_meeting, upcoming_meetings
from .alerts import alert_urgent
from .texts import text

NEIGHBOUR_WINDOW = timedelta(days=30)
NEIGHBOURS_SHOWN_FROM = 3


def file_message(session: Session, runtime, message: Message, classification) -> None:
    """Record what nlp said about a message, and its theme rows for counting."""
    site_themes = set(runtime.site.themes)
    message.themes = [t for t in classification.themes if t in site_themes]
    message.scores = {k: round(float(v), 4) for k, v in classification.scores.items()}
    message.urgent = bool(classification.urgent)
    message.urgent_reason = classification.urgent_reason
    message.lang = classification.lang
    message.places = list(classification.places)
    message.redacted = classification.redacted
    message.needs_review = bool(classification.needs_review)
    message.model_version = classification.model_version
    message.kind = "concern"
    message.status = MessageStatus.PROCESSED
    set_themes(message, message.themes)


def urgent_reply(message: Message) -> str:
    """Signposting for an urgent message: warm when words of risk were found, plainer when only the model's score was."""
    return text("urgent_unsure" if message.urgent_reason == MODEL_ONLY else "urgent")


def set_themes(message: Message, themes: list[str]) -> None:
    """Give a message its themes, and the one-row-per-theme copies that counting reads."""
    message.themes = list(themes)
    message.theme_rows = [MessageTheme(theme=t, resident_id=message.resident_id,
                                       neighbourhood=message.neighbourhood,
                                       received_at=message.received_at) for t in message.themes]


def neighbours_on_theme(session: Session, theme: str, neighbourhood: str | None, resident_id: int) -> int:
    """How many other residents of the neighbourhood raised `theme` in the last 30 days."""
    since = utcnow() - NEIGHBOUR_WINDOW
    query = select(func.count(func.distinct(MessageTheme.resident_id))).where(
        MessageTheme.theme == theme, MessageTheme.received_at >= since,
        MessageTheme.resident_id != resident_id)
    if neighbourhood:
        query = query.where(MessageTheme.neighbourhood == neighbourhood)
    return session.scalar(query) or 0


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def acknowledgement(session: Session, runtime, message: Message) -> str:
    """'Thanks, we've noted this under road safety.' plus neighbours and the next meeting."""
    site = runtime.site
    if not message.themes:
        reply = text("ack_no_theme")
    else:
        reply = text("ack_themes", themes=join_words([site.theme_label(t) for t in message.themes]))
        top = message.themes[0]
        count = neighbours_on_theme(session, top, message.neighbourhood, message.resident_id)
        if count >= NEIGHBOURS_SHOWN_FROM:
            reply += text("ack_neighbours", count=count, theme=site.theme_label(top))
    meetings = upcoming_meetings(session, message.neighbourhood, limit=1)
    if meetings:
        reply += text("ack_meeting", meeting=describe_meeting(meetings[0], site.timezone))
    return reply


def handle_concern(turn, message: Message | None = None, *, acknowledge: bool = True) -> None:
    """Classify (if not yet), file and reply to a concern; urgent ones get signposting and an alert."""
    message = message or turn.message
    runtime = turn.runtime
    classification = turn.classification if message is turn.message else None
    if classification is None:
        # Inside the transaction: the model in use, never a reload that would hold the database.
        classification = runtime.models.loaded().classify(message.body)
    message.neighbourhood = message.neighbourhood or turn.resident.neighbourhood
    file_message(turn.session, runtime, message, classification)
    turn.session.flush()
    if message.urgent:
        alert_urgent(turn.session, runtime, message)
        turn.reply(urgent_reply(message), purpose="urgent")
    elif acknowledge:
        if not message.themes and len(message.body.split()) <= 3:
            turn.say("ack_nothing")
        else:
            turn.reply(acknowledgement(turn.session, runtime, message))
