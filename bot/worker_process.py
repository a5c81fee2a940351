"""A worker process's life: a sending loop per channel, heartbeats, periodic hooks, a clean exit."""
from __future__ import annotations

import logging
import threading
from datetime import datetime

from . import heartbeat, periodic

HEARTBEAT_SECONDS = 2
PERIODIC_SECONDS = 10

logger = logging.getLogger(__name__)


def _join(worker, stop: threading.Event) -> None:
    """Announce this worker; if others are sending, give them a beat to shrink their share first."""
    try:
        if worker.heartbeat() > 1:
            # The others learn of us at their next beat; starting now at our share while they still
            # send at theirs would take the channel over its cap for that moment.
            stop.wait(HEARTBEAT_SECONDS + 0.5)
            worker.heartbeat()
    except Exception:
        logger.exception("first heartbeat failed")


def _start_periodic(worker, now: datetime) -> threading.Thread:
    # Beside the sending loops: a weekly digest takes seconds to draw and must not hold back
    # replies to residents.
    thread = threading.Thread(target=periodic.run_due, args=(worker.runtime, now), name="periodic", daemon=True)
    thread.start()
    return thread


def run_forever(worker, stop: threading.Event) -> None:
    """Send until `stop` is set; then finish the sends in hand, leave, and return."""
    configured = tuple(worker.runtime.channels)
    loops = [threading.Thread(target=worker.run_channel, args=(stop, name), name=f"send-{name}", daemon=True)
             for name in configured]
    loops.append(threading.Thread(target=worker.run_channel, args=(stop, None, configured),
                                  name="send-other", daemon=True))
    logger.info("worker started", extra={"worker_id": worker.worker_id})
    _join(worker, stop)
    for loop in loops:
        loop.start()
    last_periodic: datetime | None = None
    periodic_thread: threading.Thread | None = None
    while not stop.is_set():
        try:
            now = worker.clock()
            due = last_periodic is None or (now - last_periodic).total_seconds() >= PERIODIC_SECONDS
            if due and (periodic_thread is None or not periodic_thread.is_alive()):
                last_periodic = now
                periodic_thread = _start_periodic(worker, now)
        except Exception:
            logger.exception("periodic round failed; carrying on")
        stop.wait(HEARTBEAT_SECONDS)
        if not stop.is_set():
            try:
                worker.heartbeat()
            except Exception:
                logger.exception("heartbeat failed; carrying on")
    for loop in loops:  # each finishes the sends in hand
        loop.join(timeout=60)
    try:
        heartbeat.leave(worker.runtime, worker.worker_id)
    except Exception:
        logger.debug("could not remove the heartbeat", exc_info=True)
    if periodic_thread is not None:
        periodic_thread.join(timeout=30)
    worker.close()
