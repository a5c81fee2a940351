"""Scheduled work as data: each hook looks at the clock and the database and does what is due.

Every hook must be safe to run by several workers at once (unique keys, not locks in memory).
"""
from __future__ import annotations

import logging
from datetime import datetime

from . import broadcasts, residents
from .digest_delivery import close_week as close_digest_week

logger = logging.getLogger(__name__)

# Twilio and Telegram stop retrying a webhook within a day; a week is a wide margin.
FORGOTTEN_ID_DAYS = 7


def purge_held_messages(runtime, now: datetime) -> None:
    """Delete messages held for residents who never agreed, after the site's retention period."""
    with runtime.uow() as uow:
        purged = residents.purge_unconsented(uow.session, runtime.settings.held_message_days)
        residents.purge_forgotten_ids(uow.session, FORGOTTEN_ID_DAYS)
        uow.commit()
    if purged:
        logger.info("purged held messages", extra={"count": purged})


HOOKS = [purge_held_messages, broadcasts.run_scheduled]
HOOKS.append(close_digest_week)  # the weekly digest, made once by whichever worker sees the week close


def run_due(runtime, now: datetime) -> None:
    """Run every periodic hook once; one failing does not stop the others."""
    for hook in HOOKS:
        try:
            hook(runtime, now)
        except Exception:
            logger.exception("periodic hook failed", extra={"hook": hook.__name__})
