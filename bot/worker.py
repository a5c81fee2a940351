"""The worker: drains the outbox through the channels, with retries, backoff and final statuses.

A claim is committed before the network call and the result recorded after it, so no database
session is ever held across a send. A claim older than the lease (a worker killed mid-send) is
taken over by any worker.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from storage.models import OutboxMessage, OutboxStatus, Resident, ResidentState, utcnow

from . import periodic
from .channels import Outgoing, PermanentSendError, TransientSendError
from .outbox import BEFORE_CONSENT

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claimed:
    outgoing: Outgoing | None
    skip_reason: str | None = None


class Worker:
    """Claims due outbox rows, sends each, and records what happened."""

    def __init__(self, runtime, worker_id: str | None = None, clock=utcnow, sleep=time.sleep):
        self.runtime = runtime
        self.settings = runtime.settings
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
        self.clock = clock
        self.sleep = sleep
        self._is_postgres = runtime.engine.dialect.name == "postgresql"

    # -- claiming ---------------------------------------------------------------------------
    def claim(self, limit: int | None = None) -> list[int]:
        """Mark up to `limit` due rows as ours, committed, and return their ids."""
        now = self.clock()
        stale = now - timedelta(seconds=self.settings.claim_lease_seconds)
        query = (select(OutboxMessage.id)
                 .where(or_(
                     (OutboxMessage.status == OutboxStatus.QUEUED) & (OutboxMessage.not_before <= now),
                     (OutboxMessage.status == OutboxStatus.SENDING) & (OutboxMessage.claimed_at < stale)))
                 .order_by(OutboxMessage.not_before, OutboxMessage.id)
                 .limit(limit or self.settings.worker_batch_size))
        if self._is_postgres:
            query = query.with_for_update(skip_locked=True)
        with self.runtime.uow() as uow:
            ids = list(uow.session.scalars(query))
            if ids:
                uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids)).values(
                    status=OutboxStatus.SENDING, claimed_at=now, claimed_by=self.worker_id,
                    attempts=OutboxMessage.attempts + 1))
            uow.commit()
        return ids

    def _prepare(self, outbox_id: int) -> Claimed:
        """Read what the channel needs, as plain values; decide if it must not be sent."""
        with self.runtime.uow() as uow:
            row = uow.session.get(OutboxMessage, outbox_id)
            if row is None or row.status != OutboxStatus.SENDING or row.claimed_by != self.worker_id:
                return Claimed(None, "claimed by another worker")
            address = None
            if row.resident_id is not None:
                resident = uow.session.get(Resident, row.resident_id)
                if resident is None:
                    return Claimed(None, "resident forgotten")
                if row.purpose not in BEFORE_CONSENT and not resident.reachable:
                    return Claimed(None, "resident has not consented or has opted out")
                if resident.state == ResidentState.OPTED_OUT and row.purpose != "stop":
                    return Claimed(None, "resident opted out")
                address = self.runtime.cipher.decrypt(resident.address_enc)
            elif row.address_enc:
                address = self.runtime.cipher.decrypt(row.address_enc)
            if not address:
                return Claimed(None, "no address")
            return Claimed(Outgoing(outbox_id=row.id, channel=row.channel, address=address,
                                    body=row.body, purpose=row.purpose, subject=row.subject,
                                    buttons=list(row.buttons or [])))

    # -- sending ----------------------------------------------------------------------------
    def send_one(self, outbox_id: int) -> str:
        """Send one claimed row; returns its new status."""
        claimed = self._prepare(outbox_id)
        if claimed.outgoing is None:
            if claimed.skip_reason == "claimed by another worker":
                return "lost-claim"
            return self._finish(outbox_id, OutboxStatus.SKIPPED, error=claimed.skip_reason)
        message = claimed.outgoing
        channel = self.runtime.channel(message.channel)
        if channel is None:
            return self._finish(outbox_id, OutboxStatus.FAILED, error=f"channel {message.channel} is off",
                                code="channel-off")
        try:
            result = channel.send(message)  # the network call: no session is open here
        except TransientSendError as exc:
            return self._retry(outbox_id, exc)
        except PermanentSendError as exc:
            status = OutboxStatus.SKIPPED if exc.skipped else OutboxStatus.FAILED
            return self._finish(outbox_id, status, error=exc.reason, code=exc.code,
                                opted_out=exc.opted_out, unreachable=exc.unreachable)
        except Exception as exc:  # a bug in a channel must not wedge the queue
            logger.exception("channel raised unexpectedly", extra={"outbox_id": outbox_id})
            return self._retry(outbox_id, TransientSendError(f"unexpected: {type(exc).__name__}"))
        return self._finish(outbox_id, OutboxStatus.SENT, provider_id=result.provider_id,
                            provider_status=result.status)

    def _retry(self, outbox_id: int, exc: TransientSendError) -> str:
        with self.runtime.uow() as uow:
            row = uow.session.get(OutboxMessage, outbox_id)
            attempts = row.attempts
            if attempts >= self.settings.send_max_attempts:
                uow.rollback()
                return self._finish(outbox_id, OutboxStatus.FAILED, code=exc.code,
                                    error=f"gave up after {attempts} attempts: {exc.reason}")
            delay = exc.retry_after or self.settings.send_backoff_seconds * (2 ** (attempts - 1))
            row.status = OutboxStatus.QUEUED
            row.not_before = self.clock() + timedelta(seconds=delay)
            row.error, row.error_code = exc.reason, exc.code
            row.claimed_at = row.claimed_by = None
            uow.commit()
        logger.info("send will be retried", extra={"outbox_id": outbox_id, "delay": delay})
        return OutboxStatus.QUEUED

    def _finish(self, outbox_id: int, status: str, *, error: str | None = None, code: str | None = None,
                provider_id: str | None = None, provider_status: str | None = None,
                opted_out: bool = False, unreachable: bool = False) -> str:
        now = self.clock()
        with self.runtime.uow() as uow:
            row = uow.session.get(OutboxMessage, outbox_id)
            if row is None:
                return status
            row.status = OutboxStatus.DELIVERED if provider_status == "delivered" else status
            row.error, row.error_code = error, code
            row.status_at = now
            if status == OutboxStatus.SENT:
                row.sent_at, row.provider_id = now, provider_id
            row.address_enc = None  # a non-resident address is kept no longer than needed
            resident = uow.session.get(Resident, row.resident_id) if row.resident_id else None
            if resident is not None and opted_out:
                resident.state, resident.opted_out_at = ResidentState.OPTED_OUT, now
            if resident is not None and unreachable:
                resident.unreachable_at = now
            uow.commit()
        if status == OutboxStatus.FAILED:
            logger.warning("send failed", extra={"outbox_id": outbox_id, "code": code})
        return row.status

    # -- loops ------------------------------------------------------------------------------
    def run_once(self) -> int:
        """Claim and send one batch; returns how many rows were handled."""
        ids = self.claim()
        for outbox_id in ids:
            self.send_one(outbox_id)
        return len(ids)

    def drain(self, max_rounds: int = 1000) -> int:
        """Send until nothing is due (tests, `townsquare worker --once`)."""
        total = 0
        for _ in range(max_rounds):
            handled = self.run_once()
            total += handled
            if not handled:
                break
        return total

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Poll the outbox until `stop` is set; runs periodic hooks every few seconds."""
        stop = stop or threading.Event()
        last_periodic: datetime | None = None
        logger.info("worker started", extra={"worker_id": self.worker_id})
        while not stop.is_set():
            try:
                now = self.clock()
                if last_periodic is None or (now - last_periodic).total_seconds() >= 10:
                    last_periodic = now
                    periodic.run_due(self.runtime, now)
                handled = self.run_once()
            except Exception:
                logger.exception("worker round failed; carrying on")
                handled = 0
            if not handled:
                stop.wait(self.settings.worker_poll_seconds)
