"""Telling the CD workers at once when a resident's message is urgent."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from storage.models import Message

from . import outbox

logger = logging.getLogger(__name__)


def alert_urgent(session: Session, runtime, message: Message) -> int:
    """Queue an alert to every urgent recipient in the site file; returns how many were queued."""
    site = runtime.site
    hood = site.neighbourhood(message.neighbourhood)
    where = hood.name if hood else "an unknown neighbourhood"
    link = runtime.settings.public_base_url.rstrip("/") + f"/dashboard/messages/{message.id}"
    reason = (message.urgent_reason or "urgent").replace("_", " ")
    body = (f"URGENT ({reason}) from a resident in {where}, via {message.channel}.\n"
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
                             subject=f"Urgent message from {where}")
        queued += row is not None
    logger.warning("urgent message received", extra={"message_id": message.id, "alerts": queued})
    return queued
