"""townsquare's language pipeline: themes, urgency, places, redaction and language for residents' messages.

Imports nothing from bot, webhooks or storage. The trained model ships in nlp/model.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable

from .classifier import MODEL_DIR, Classification, Classifier
from .redaction import redact

DEFAULT_THEMES = ["antisocial_behaviour", "housing", "road_safety", "health", "environment", "crime",
                  "community_facilities", "transport", "other"]
CORE_THEMES = ["antisocial_behaviour", "housing", "road_safety", "health"]

_cache: dict[tuple, Classifier] = {}
_lock = threading.Lock()

__all__ = ["DEFAULT_THEMES", "CORE_THEMES", "Classification", "Classifier", "load", "redact",
           "correction_example"]


def load(places: Iterable[str] = (), model_path: Path | str | None = None) -> Classifier:
    """The shipped classifier (loaded once per set of places and model)."""
    key = (str(model_path or MODEL_DIR), tuple(sorted(places)))
    with _lock:
        if key not in _cache:
            _cache[key] = Classifier(model_path or MODEL_DIR, places=key[1])
        return _cache[key]


def correction_example(text: str, themes: list[str], urgent: bool | None = None) -> dict:
    """A CD worker's correction as a training example (the text is redacted first)."""
    return {"text": redact(text), "themes": sorted(dict.fromkeys(themes)), "urgent": bool(urgent),
            "source": "correction"}
