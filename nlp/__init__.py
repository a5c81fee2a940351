"""townsquare's language pipeline: themes, urgency, places, redaction and language for residents' messages.

Imports nothing from bot, webhooks or storage. The trained model ships in nlp/model.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable

from .classifier import MODEL_DIR, MODEL_ONLY, Classification, Classifier
from .modeldir import stamp
from .redaction import redact

DEFAULT_THEMES = ["antisocial_behaviour", "housing", "road_safety", "health", "environment", "crime",
                  "community_facilities", "transport", "other"]
CORE_THEMES = ["antisocial_behaviour", "housing", "road_safety", "health"]

_cache: dict[tuple, Classifier] = {}
_lock = threading.Lock()

__all__ = ["DEFAULT_THEMES", "CORE_THEMES", "MODEL_ONLY", "Classification", "Classifier", "load", "redact",
           "correction_example"]


def load(places: Iterable[str] = (), model_path: Path | str | None = None) -> Classifier:
    """The classifier of a model folder, loaded once per set of places and again when the folder changes."""
    path = Path(model_path or MODEL_DIR)
    key = (str(path), tuple(sorted(places)))
    with _lock:
        cached = _cache.get(key)
    if cached is not None and cached.stamp == stamp(path):
        return cached
    # Loaded outside the lock: it takes a second, and other callers may be using other models.
    # Two threads may both load the same new model; the second one to finish is kept.
    classifier = Classifier(path, places=key[1])
    with _lock:
        _cache[key] = classifier
    return classifier


def correction_example(text: str, themes: list[str], urgent: bool | None = None) -> dict:
    """A CD worker's correction as a training example (the text is redacted first)."""
    return {"text": redact(text), "themes": sorted(dict.fromkeys(themes)), "urgent": bool(urgent),
            "source": "correction"}
