"""CD workers' corrections of themes: stored, and turned into training examples by nlp."""
from __future__ import annotations

from sqlalchemy import select

import nlp
from storage.models import Correction, Message, utcnow

from .concerns import set_themes


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


def training_examples(runtime) -> list[dict]:
    """Every stored correction as an nlp training example (redacted text)."""
    with runtime.uow() as uow:
        return [c.example for c in uow.session.scalars(select(Correction).order_by(Correction.id))]
