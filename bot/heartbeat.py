"""Worker heartbeats: each worker says it is alive every few seconds, so rate caps can be shared."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select

from storage.models import WorkerBeat, utcnow

ALIVE_SECONDS = 8  # a worker silent this long (killed, or gone) no longer takes a share


def beat(runtime, worker_id: str) -> int:
    """Record that `worker_id` is alive; returns how many workers are."""
    now = utcnow()
    with runtime.uow() as uow:
        row = uow.session.get(WorkerBeat, worker_id)
        if row is None:
            uow.session.add(WorkerBeat(worker_id=worker_id, seen_at=now))
        else:
            row.seen_at = now
        uow.session.execute(delete(WorkerBeat).where(WorkerBeat.seen_at < now - timedelta(hours=1)))
        alive = uow.session.scalar(select(func.count()).where(
            WorkerBeat.seen_at >= now - timedelta(seconds=ALIVE_SECONDS))) or 1
        uow.commit()
    return alive


def leave(runtime, worker_id: str) -> None:
    """A worker stopping cleanly gives its share back at once."""
    with runtime.uow() as uow:
        uow.session.execute(delete(WorkerBeat).where(WorkerBeat.worker_id == worker_id))
        uow.commit()
