"""The classifier: a trained spaCy textcat_multilabel, urgency cues, places, redaction, language."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import spacy

from . import language, urgency
from .places import PlaceMatcher
from .redaction import redact

MODEL_DIR = Path(__file__).parent / "model"
URGENT_LABEL = "URGENT"
FIGURE_OF_SPEECH_URGENT = 0.5


@dataclass
class Classification:
    """What townsquare needs to know about one message."""

    themes: list[str]
    scores: dict[str, float]
    urgent: bool
    urgent_reason: str | None
    lang: str
    places: list[str]
    redacted: str
    needs_review: bool
    model_version: str
    urgent_score: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Thresholds:
    """Decision thresholds, chosen on the training data and stored with the model."""

    theme: float = 0.5
    urgent_model: float = 0.5
    review_low: float = 0.35
    review_high: float = 0.65
    per_theme: dict = field(default_factory=dict)


class Classifier:
    """Loaded once per process; classify() for one message, classify_many() for batches."""

    def __init__(self, model_path: Path | str = MODEL_DIR, places: Iterable[str] = ()):
        model_path = Path(model_path)
        self.nlp = spacy.load(model_path)
        meta = json.loads((model_path / "townsquare.json").read_text())
        self.model_version: str = meta["version"]
        self.themes: list[str] = meta["themes"]
        self.thresholds = Thresholds(**meta.get("thresholds", {}))
        self.places = PlaceMatcher(self.nlp, places)
        self._cuts = [(theme, self.thresholds.per_theme.get(theme, self.thresholds.theme)) for theme in self.themes]

    def classify(self, text: str) -> Classification:
        """Themes, urgency, places, language and the redacted text of one message."""
        return self.classify_many([text])[0]

    def classify_many(self, texts: Iterable[str], batch_size: int = 256) -> list[Classification]:
        """Classify a batch through nlp.pipe (much faster per message than one at a time)."""
        from .training import normalise

        texts = [t or "" for t in texts]
        reasons = [urgency.cue(t) for t in texts]
        docs = self.nlp.pipe([normalise(t, r or "") for t, r in zip(texts, reasons)], batch_size=batch_size)
        return [self._decide(text, doc, reason) for text, doc, reason in zip(texts, docs, reasons)]

    def _decide(self, text: str, doc, reason: str | None) -> Classification:
        cats = doc.cats
        t = self.thresholds
        scores = {theme: round(cats.get(theme, 0.0), 4) for theme in self.themes}
        # Highest score first; sorted() is stable, so ties keep the themes' own order.
        themes = sorted((theme for theme, cut in self._cuts if scores[theme] >= cut),
                        key=scores.__getitem__, reverse=True)
        urgent_score = cats.get(URGENT_LABEL, 0.0)
        # Beside a figure of speech ("can't see the point of the new bike lane") the model's
        # urgency score alone must be a clear one, as the cues themselves are cancelled there.
        urgent = reason is not None or (urgent_score >= t.urgent_model and (
            urgent_score >= FIGURE_OF_SPEECH_URGENT or not urgency.figure_of_speech(text)))
        if urgent and reason is None:
            reason = "other_risk"
        lang = language.detect(text) if text.strip() else "en"
        values = scores.values()
        unsure = any(t.review_low <= s < t.review_high for s in values)
        needs_review = bool(unsure or lang != "en" or (urgent and urgent_score < t.urgent_model)
                            or (not themes and max(values, default=0.0) >= t.review_low))
        return Classification(themes=themes, scores=scores, urgent=urgent, urgent_reason=reason,
                              lang=lang, places=self.places.find(doc), redacted=redact(text),
                              needs_review=needs_review, model_version=self.model_version,
                              urgent_score=round(urgent_score, 4))
