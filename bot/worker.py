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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from storage.models import OutboxMessage, OutboxStatus, Resident, ResidentState, utcnow

from . import heartbeat
from .channels import Outgoing, PermanentSendError, TransientSendError
from .ratelimit import RateLimits
from .send_rules import decide

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claimed:
    outgoing: Outgoing | None
    skip_reason: str | None = None
    status: str = OutboxStatus.SKIPPED
    hold_until: datetime | None = None


class Worker:
    """Claims due outbox rows, sends each, and records what happened."""

    def __init__(self, runtime, worker_id: str | None = None, clock=utcnow, sleep=time.sleep):
        self.runtime = runtime
        self.settings = runtime.settings
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
        self.clock = clock
        self.sleep = sleep
        self._is_postgres = runtime.engine.dialect.name == "postgresql"
        self.limits = RateLimits(self.settings)
        # Rows taken over from a worker that died mid-send: it may have reached the provider.
        self._uncertain: dict[int, datetime] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._recipients: dict[int, int | None] = {}

    # -- claiming ---------------------------------------------------------------------------
    def _due(self, now: datetime):
        stale = now - timedelta(seconds=self.settings.claim_lease_seconds)
        return or_((OutboxMessage.status == OutboxStatus.QUEUED) & (OutboxMessage.not_before <= now),
                   (OutboxMessage.status == OutboxStatus.SENDING) & (OutboxMessage.claimed_at < stale))

    def claim(self, limit: int | None = None, channel: str | None = None,
              exclude: tuple[str, ...] = ()) -> list[int]:
        """Mark up to `limit` due rows (of one channel, if given) as ours, committed; return their ids."""
        now = self.clock()
        query = (select(OutboxMessage.id).where(self._due(now))
                 .order_by(OutboxMessage.not_before, OutboxMessage.id)
                 .limit(limit or self.settings.worker_batch_size))
        if channel is not None:
            query = query.where(OutboxMessage.channel == channel)
        if exclude:
            query = query.where(OutboxMessage.channel.not_in(exclude))
        if self._is_postgres:
            query = query.with_for_update(skip_locked=True)
        with self.runtime.uow() as uow:
            ids = list(uow.session.scalars(query))
            if ids:
                for row_id, resident_id, status, claimed_at in uow.session.execute(select(
                        OutboxMessage.id, OutboxMessage.resident_id, OutboxMessage.status,
                        OutboxMessage.claimed_at).where(OutboxMessage.id.in_(ids))):
                    self._recipients[row_id] = resident_id
                    if status == OutboxStatus.SENDING:
                        self._uncertain[row_id] = claimed_at
                uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids)).values(
                    status=OutboxStatus.SENDING, claimed_at=now, claimed_by=self.worker_id,
                    attempts=OutboxMessage.attempts + 1))
            uow.commit()
        return ids

    def _batch_for(self, channel: str) -> int:
        """About a second's worth of sends at this worker's share of the channel's cap."""
        rate = self.limits.rate(channel)
        if rate is None:
            return self.settings.worker_batch_size
        return max(1, min(self.settings.worker_batch_size, int(rate)))

    def claim_round(self) -> list[int]:
        """One claim per channel with due rows, so a slow channel never holds back a fast one."""
        with self.runtime.reader() as uow:
            channels = list(uow.session.scalars(select(OutboxMessage.channel).where(
                self._due(self.clock())).distinct()))
        ids: list[int] = []
        for channel in sorted(channels):
            ids += self.claim(limit=self._batch_for(channel), channel=channel)
        return ids

    def _prepare(self, outbox_id: int) -> Claimed:
        """Read what the channel needs, as plain values; decide if it must not be sent (yet)."""
        with self.runtime.reader() as uow:
            row = uow.session.get(OutboxMessage, outbox_id)
            if row is None or row.status != OutboxStatus.SENDING or row.claimed_by != self.worker_id:
                return Claimed(None, "claimed by another worker")
            resident = uow.session.get(Resident, row.resident_id) if row.resident_id is not None else None
            decision = decide(uow.session, row, resident, self.runtime.site, self.clock())
            if decision.hold_until is not None:
                return Claimed(None, "quiet hours", hold_until=decision.hold_until)
            if decision.withdraw_status is not None:
                return Claimed(None, decision.reason, status=decision.withdraw_status)
            encrypted = resident.address_enc if resident is not None else row.address_enc
            address = self.runtime.cipher.decrypt(encrypted) if encrypted else None
            if not address:
                return Claimed(None, "no address")
            return Claimed(Outgoing(outbox_id=row.id, channel=row.channel, address=address,
                                    body=row.body, purpose=row.purpose, subject=row.subject,
                                    buttons=list(row.buttons or []), segments=row.segments or 1,
                                    window_closed=decision.window_closed))

    # -- sending ----------------------------------------------------------------------------
    def send_one(self, outbox_id: int) -> str:
        """Send one claimed row; returns its new status."""
        claimed = self._prepare(outbox_id)
        uncertain_since = self._uncertain.pop(outbox_id, None)
        if claimed.outgoing is None:
            if claimed.skip_reason == "claimed by another worker":
                return "lost-claim"
            if claimed.hold_until is not None:
                return self._hold(outbox_id, claimed.hold_until)
            return self._finish(outbox_id, claimed.status, error=claimed.skip_reason)
        message = claimed.outgoing
        channel = self.runtime.channel(message.channel)
        if channel is None:
            return self._finish(outbox_id, OutboxStatus.FAILED, error=f"channel {message.channel} is off",
                                code="channel-off")
        if uncertain_since is not None and hasattr(channel, "find_sent"):
            earlier = channel.find_sent(message, uncertain_since)
            if earlier is not None:  # the dead worker's send did go out: record it, don't repeat it
                return self._finish(outbox_id, OutboxStatus.SENT, provider_id=earlier.provider_id)
        self.limits.acquire(message.channel, message.address, message.segments)
        try:
            result = channel.send(message)  # the network call: no session is open here
        except TransientSendError as exc:
            if exc.retry_after or exc.code in ("20429", "429", "RetryAfter"):
                self.limits.slow_down(message.channel, exc.retry_after or 1.0)
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

    def _hold(self, outbox_id: int, until: datetime) -> str:
        """Back to the queue until `until`, without counting an attempt."""
        with self.runtime.uow() as uow:
            uow.session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(
                status=OutboxStatus.QUEUED, not_before=until, claimed_at=None, claimed_by=None,
                attempts=OutboxMessage.attempts - 1))
            uow.commit()
        return OutboxStatus.QUEUED

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
        final = OutboxStatus.DELIVERED if provider_status == "delivered" else status
        values = dict(status=final, error=error, error_code=code, status_at=now,
                      address_enc=None)  # a non-resident address is kept no longer than needed
        if status == OutboxStatus.SENT:
            values.update(sent_at=now, provider_id=provider_id)
        with self.runtime.uow() as uow:
            session = uow.session
            session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(**values))
            if opted_out or unreachable:
                resident_id = session.scalar(select(OutboxMessage.resident_id).where(OutboxMessage.id == outbox_id))
                resident = session.get(Resident, resident_id) if resident_id else None
                if resident is not None and opted_out:
                    resident.state, resident.opted_out_at = ResidentState.OPTED_OUT, now
                if resident is not None and unreachable:
                    resident.unreachable_at = now
            uow.commit()
        if status == OutboxStatus.FAILED:
            logger.warning("send failed", extra={"outbox_id": outbox_id, "code": code})
        return final

    # -- loops ------------------------------------------------------------------------------
    def run_once(self) -> int:
        """Claim and send one round of every channel (tests, `worker --once`); returns how many."""
        ids = self.claim_round()
        self._send(ids)
        return len(ids)

    def _send(self, ids: list[int]) -> None:
        # One resident's messages go in order, one after another; different residents in parallel.
        by_recipient: dict[object, list[int]] = {}
        for outbox_id in ids:
            recipient = self._recipients.pop(outbox_id, None) or f"row:{outbox_id}"
            by_recipient.setdefault(recipient, []).append(outbox_id)
        groups = list(by_recipient.values())
        if len(groups) > 1 and self.settings.send_concurrency > 1:
            with self._lock:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.settings.send_concurrency, thread_name_prefix="send")
            list(self._pool.map(self._send_in_order, groups))
        else:
            for group in groups:
                self._send_in_order(group)

    def run_channel(self, stop: threading.Event, channel: str | None, exclude: tuple[str, ...] = ()) -> None:
        """Send one channel's rows until `stop`, at its own pace (None: rows of channels not set up)."""
        while not stop.is_set():
            try:
                ids = self.claim(limit=self._batch_for(channel) if channel else None, channel=channel,
                                 exclude=exclude)
                self._send(ids)
            except Exception:
                logger.exception("worker round failed; carrying on", extra={"channel": channel})
                ids = []
            if not ids:
                stop.wait(self.settings.worker_poll_seconds)

    def _send_in_order(self, outbox_ids: list[int]) -> None:
        for outbox_id in outbox_ids:
            self.send_one(outbox_id)

    def drain(self, max_rounds: int = 1000) -> int:
        """Send until nothing is due (tests, `townsquare worker --once`)."""
        total = 0
        for _ in range(max_rounds):
            handled = self.run_once()
            total += handled
            if not handled:
                break
        return total

    def close(self) -> None:
        """Wait for the sending threads to finish."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def heartbeat(self) -> int:
        """Say this worker is alive; share the rate caps with the others alive. Returns how many."""
        alive = heartbeat.beat(self.runtime, self.worker_id)
        self.limits.set_share(alive)
        return alive

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Send until `stop` is set: one loop per channel, heartbeats and periodic hooks beside them."""
        from .worker_process import run_forever

        run_forever(self, stop or threading.Event())
