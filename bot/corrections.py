"""CD workers' corrections of themes and urgency: stored, and turned into training examples by nlp."""
from __future__ import annotations

from sqlalchemy import select

import nlp
from storage.models import Correction, Message, utcnow

from .alerts import alert_urgent
from .concerns import set_themes

MARKED_URGENT = "marked_by_cd_worker"


def correct_themes(session, message_id: int, themes: list[str], corrected_by: str,
                   allowed: tuple[str, ...]) -> Correction:
    """Replace a message's themes with a CD worker's choice and keep it as a training example."""
    message = session.get(Message, message_id)
    if message is None:
        raise LookupError(f"no message {message_id}")
    themes = [t for t in dict.fromkeys(themes) if t in allowed]
    correction = Correction(message_id=message.id, previous_themes=list(message.themes or []),
                            themes=themes, corrected_by=corrected_by,
                            example=nlp.correction_example(message.body, themes, urgent=message.urgent))
    set_themes(message, themes)
    message.needs_review = False
    message.reviewed_at, message.reviewed_by = utcnow(), corrected_by
    session.add(correction)
    return correction


def correct_urgency(session, runtime, message_id: int, urgent: bool, corrected_by: str) -> Correction | None:
    """Mark a message urgent (alerting as the bot would) or a false alarm, kept as a training example.

    Returns None when the message already says so (a second click changes and alerts nothing)."""
    message = session.get(Message, message_id)
    if message is None:
        raise LookupError(f"no message {message_id}")
    urgent = bool(urgent)
    if bool(message.urgent) == urgent:
        return None
    themes = list(message.themes or [])
    correction = Correction(message_id=message.id, previous_themes=themes, themes=themes,
                            corrected_by=corrected_by,
                            example=nlp.correction_example(message.body, themes, urgent=urgent))
    message.urgent = urgent
    message.urgent_reason = MARKED_URGENT if urgent else None
    session.add(correction)
    session.flush()
    if urgent:  # the alert's outbox keys are per message: marking it again never alerts twice
        alert_urgent(session, runtime, message)
    return correction


def training_examples(runtime) -> list[dict]:
    """The latest correction of each message as an nlp training example (redacted text)."""
    with runtime.uow() as uow:
        latest = {}
        for c in uow.session.scalars(select(Correction).order_by(Correction.id)):
            latest[c.message_id if c.message_id is not None else f"c{c.id}"] = c.example
        return list(latest.values())
