"""Telling the CD workers at once when a resident's message is urgent."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from nlp import MODEL_ONLY
from storage.models import Message

from . import outbox

logger = logging.getLogger(__name__)

# A flag from the classifier's reading alone, with no words of risk found, is often an everyday
# worry (it flags about one calm message in eight where urgent ones are rare): alerts and the
# dashboard say so, so that a CD worker with several to read opens the plain alarms first.
WHY_POSSIBLE = "the classifier's reading, no words of risk found"
POSSIBLE_RISK = f"possible risk ({WHY_POSSIBLE})"


def urgent_label(reason: str | None) -> str:
    """Why a message was flagged, as a CD worker reads it: "self harm", "fire gas", or possible risk."""
    return POSSIBLE_RISK if reason == MODEL_ONLY else (reason or "urgent").replace("_", " ")


def alert_urgent(session: Session, runtime, message: Message) -> int:
    """Queue an alert to every urgent recipient in the site file; returns how many were queued."""
    site = runtime.site
    hood = site.neighbourhood(message.neighbourhood)
    where = hood.name if hood else "an unknown neighbourhood"
    link = runtime.settings.public_base_url.rstrip("/") + f"/dashboard/messages/{message.id}"
    possible = message.urgent_reason == MODEL_ONLY
    headline = f"POSSIBLE RISK ({WHY_POSSIBLE})" if possible else f"URGENT ({urgent_label(message.urgent_reason)})"
    subject = "Possible risk" if possible else "Urgent message"
    body = (f"{headline} from a resident in {where}, via {message.channel}.\n"
            f"\"{message.redacted}\"\nOpen and acknowledge it: {link}")
    recipients = [("email", address) for address in site.urgent_emails]
    if site.urgent_telegram_chat:
        recipients.append(("telegram", site.urgent_telegram_chat))
    queued = 0
    for index, (channel, address) in enumerate(recipients):
        if channel not in runtime.channels:
            logger.warning("urgent alert channel is off", extra={"channel": channel, "message_id": message.id})
        row = outbox.enqueue(session, key=f"alert:{message.id}:{index}", body=body, channel=channel,
                             address=address, cipher=runtime.cipher, purpose="alert",
                             subject=f"{subject} from {where}")
        queued += row is not None
    logger.warning("urgent message received", extra={"message_id": message.id, "alerts": queued})
    return queued
