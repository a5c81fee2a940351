"""Retraining the classifier with CD workers' corrections, in a background thread, with its status."""
from __future__ import annotations

import json
import logging
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
    """Start training with the corrections in a background thread; False if one is already running."""
    if not viewer.sees_residents:
        raise PermissionError("only CD workers may retrain the model")
    key = id(runtime)
    with _lock:
        if _status.get(key, RetrainStatus()).state == "running":
            return False
        _status[key] = RetrainStatus(state="running", started_at=utcnow(), started_by=viewer.email)
    thread = threading.Thread(target=_run, args=(runtime, key, output, epochs), daemon=True, name="retrain")
    thread.start()
    logger.info("retraining started", extra={"user_id": viewer.id})
    return True


def _run(runtime, key: int, output, epochs: int) -> None:
    from nlp.classifier import MODEL_DIR, Classifier
    from nlp.training import train

    try:
        examples = training_examples(runtime)
        with _lock:
            _status[key] = replace(_status[key], corrections=len(examples))
        target = Path(output or MODEL_DIR)
        meta = train(output=target, epochs=epochs, extra=examples)
        classifier = Classifier(target, places=tuple(sorted(runtime.site.places)))
        with runtime._lock:  # this process classifies with the new model from now on
            runtime._classifier = classifier
        with _lock:
            _status[key] = replace(_status[key], state="done", finished_at=utcnow(),
                                   model_version=meta.get("version"))
        logger.info("retraining finished", extra={"model_version": meta.get("version")})
    except Exception as exc:  # shown on the page; the old model stays in use
        logger.exception("retraining failed")
        with _lock:
            _status[key] = replace(_status[key], state="failed", finished_at=utcnow(),
                                   error=f"{type(exc).__name__}: {exc}"[:500])
