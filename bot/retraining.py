"""Retraining the classifier with CD workers' corrections, in a background thread, with its status."""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import tempfile
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from storage.models import utcnow

from .corrections import training_examples

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrainStatus:
    """Where the last retraining in this process is."""

    state: str = "idle"              # idle | running | done | failed
    started_at: datetime | None = None
    finished_at: datetime | None = None
    started_by: str | None = None
    corrections: int = 0
    model_version: str | None = None
    error: str | None = None


_lock = threading.Lock()
_status: dict[int, RetrainStatus] = {}


def status(runtime) -> RetrainStatus:
    """The retraining status for this runtime's process."""
    with _lock:
        return _status.get(id(runtime), RetrainStatus())


def corrections_jsonl(runtime) -> str:
    """Every correction as JSON lines (redacted text and themes), as `nlp train --extra` reads them."""
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in training_examples(runtime))


def start_retrain(runtime, viewer, output: Path | str | None = None, epochs: int = 10) -> bool:
    """Start training with the corrections in a background thread; False if one is already running.

    By default it replaces the runtime's model folder, which every process follows (bot.model_watch)."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers may retrain the model")
    key = id(runtime)
    target = Path(output or runtime.models.path)
    with _lock:
        if _status.get(key, RetrainStatus()).state == "running":
            return False
        lock_file = _lock_other_processes(target)
        if lock_file is None:  # another web process is training into the same folder
            return False
        _status[key] = RetrainStatus(state="running", started_at=utcnow(), started_by=viewer.email)
    thread = threading.Thread(target=_run, args=(runtime, key, target, epochs, lock_file), daemon=True,
                              name="retrain")
    thread.start()
    logger.info("retraining started", extra={"user_id": viewer.id})
    return True


def _lock_other_processes(target: Path):
    """An exclusive lock for this model folder across processes (in the temp folder), or None if it is held."""
    name = hashlib.sha256(str(target.resolve()).encode()).hexdigest()[:16]
    handle = open(Path(tempfile.gettempdir()) / f"townsquare-retrain-{name}.lock", "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def _run(runtime, key: int, target: Path, epochs: int, lock_file) -> None:
    from nlp.training import train

    try:
        examples = training_examples(runtime)
        with _lock:
            _status[key] = replace(_status[key], corrections=len(examples))
        meta = train(output=target, epochs=epochs, extra=examples)  # swapped into place whole
        runtime.models.use(target)  # this process at once; the others at their next check
        with _lock:
            _status[key] = replace(_status[key], state="done", finished_at=utcnow(),
                                   model_version=meta.get("version"))
        logger.info("retraining finished", extra={"model_version": meta.get("version")})
    except Exception as exc:  # shown on the page; the old model stays in use
        logger.exception("retraining failed")
        with _lock:
            _status[key] = replace(_status[key], state="failed", finished_at=utcnow(),
                                   error=f"{type(exc).__name__}: {exc}"[:500])
    finally:
        lock_file.close()  # releases the lock
