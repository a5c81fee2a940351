"""The classifier: a trained spaCy textcat_multilabel, urgency cues, places, redaction, language."""
from __future__ import annotations

import gc
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import spacy
from spacy.attrs import ORTH

from . import language, urgency
from .bow import BowScorer
from .fastmatch import WordIndex
from .lexicon import THEME_WORDS
from .modeldir import META_FILE, ModelChanged, stamp
from .places import PlaceMatcher
from .redaction import redact
from .tokens import PieceTokens

MODEL_DIR = Path(__file__).parent / "model"
URGENT_LABEL = "URGENT"
# Next to a figure of speech the model alone must be surer than its everyday cut. 0.5 until the model
# learnt the quieter goodbyes, which taught it "can't see the point" as strongly as in "of the new bike
# lane"; on training rows no urgent message a look-alike matched scored between 0.5 and 0.6.
FIGURE_OF_SPEECH_URGENT = 0.6
# On a text of a few words ("maybe", "fair enough", "I'll be there") the model's urgency score is
# mostly its bias, not evidence; the cues still catch short alarms ("he's hitting me", "can't breathe").
MODEL_URGENT_MIN_WORDS = 4
_WORDS = WordIndex({**THEME_WORDS, **urgency.CUE_LITERALS})


# The reason given when no cue named a risk and the model's urgency score alone flagged the message.
MODEL_ONLY = "other_risk"


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
        self.path = model_path
        self.stamp = stamp(model_path)  # which model on disk this is (see nlp.modeldir)
        self.nlp = spacy.load(model_path)
        meta = json.loads((model_path / META_FILE).read_text())
        if stamp(model_path) != self.stamp:  # replaced while being read: parts may come from each model
            raise ModelChanged(f"{model_path} changed while it was loaded")
        self.model_version: str = meta["version"]
        self.themes: list[str] = meta["themes"]
        self.thresholds = Thresholds(**meta.get("thresholds", {}))
        self.places = PlaceMatcher(self.nlp, places)
        cuts = [self.thresholds.per_theme.get(theme, self.thresholds.theme) for theme in self.themes]
        self._cut_array = np.array(cuts, dtype=np.float64)
        self._bits = 1 << np.arange(len(self.themes), dtype=np.int64 if len(self.themes) < 63 else object)
        self._passing: dict[int, list[str]] = {}  # bits -> those themes, in the themes' order
        self._bow = BowScorer.for_pipeline(self.nlp)
        self._tokens = PieceTokens(self.nlp)
        self._labels = self._bow.labels if self._bow is not None else self.themes + [URGENT_LABEL]
        spare = len(self._labels)  # the column of zeros _decide adds for labels the model lacks
        self._columns = [self._labels.index(theme) if theme in self._labels else spare for theme in self.themes]
        self._urgent_column = self._labels.index(URGENT_LABEL) if URGENT_LABEL in self._labels else spare
        self._could_name_place = (lambda text, ids: False) if self.places.empty else self.places.could_match
        from .training import model_text  # training imports this module

        self._model_text = model_text

    def classify(self, text: str) -> Classification:
        """Themes, urgency, places, language and the redacted text of one message."""
        return self.classify_many([text])[0]

    def classify_many(self, texts: Iterable[str], batch_size: int = 1024) -> list[Classification]:
        """Classify a batch: cues, tokens, model scores and decisions worked out a batch at a time."""
        texts = [t or "" for t in texts]
        results: list[Classification] = []
        # A batch allocates many small objects that live until it returns; the cyclic collector
        # would walk them again and again for nothing (about a sixth of the time on a big batch).
        # Only the call that switched it off switches it back on, so overlapping calls are safe.
        paused = gc.isenabled()
        gc.disable()
        try:
            for start in range(0, len(texts), batch_size):
                results += self._classify_batch(texts[start:start + batch_size])
        finally:
            if paused:
                gc.enable()
        return results

    def _classify_batch(self, texts: list[str]) -> list[Classification]:
        lowered = [t.lower() for t in texts]  # once: the cues, the hints and the language test all read it
        found = [_WORDS.find(low) for low in lowered]  # one scan for the cues' strings and the themes' words
        reasons = [urgency.cue_lowered(low, words) for low, words in zip(lowered, found)]
        inputs = [self._model_text(low, reason, words) for low, reason, words in zip(lowered, reasons, found)]
        if self._bow is not None:
            ids = [self._tokens.ids(text) for text in inputs]
            # Docs only where they are needed: a place may be named, or the ids need the tokenizer.
            docs = [self.nlp.make_doc(text) if found is None or self._could_name_place(text, found) else None
                    for text, found in zip(inputs, ids)]
            ids = [doc.to_array(ORTH).tolist() if found is None else found for found, doc in zip(ids, docs)]
            raw = self._bow.scores(ids).astype(np.float64)
        else:  # a pipeline this module does not know how to score in bulk: spaCy's own way
            docs = list(self.nlp.pipe(inputs, batch_size=len(inputs)))
            raw = np.array([[doc.cats.get(label, 0.0) for label in self._labels] for doc in docs], dtype=np.float64)
        return self._decide(texts, lowered, docs, raw, reasons)

    def _decide(self, texts, lowered, docs, raw: np.ndarray, reasons) -> list[Classification]:
        t = self.thresholds
        n = len(texts)
        # A label the model lacks scores 0.0; one spare column of zeros stands for it.
        raw = np.hstack([raw.reshape(n, -1), np.zeros((n, 1))])
        scores = _round4(raw[:, self._columns])
        urgent_raw = raw[:, self._urgent_column]
        # Which themes pass their cut, as one bit each: a row's bits pick its themes from a table.
        passed = ((scores >= self._cut_array) @ self._bits).tolist()
        unsure = ((scores >= t.review_low) & (scores < t.review_high)).any(axis=1).tolist()
        top = (scores.max(axis=1) if self.themes else np.zeros(n)).tolist()
        long_enough = np.array([len(text.split()) >= MODEL_URGENT_MIN_WORDS for text in texts], dtype=bool)
        model_urgent = ((urgent_raw >= t.urgent_model) & long_enough).tolist()
        clear = (urgent_raw >= FIGURE_OF_SPEECH_URGENT).tolist()
        urgent_scores = _round4(urgent_raw).tolist()
        names, passing, find_places, detect = self.themes, self._passing, self.places.find, language.detect
        results = []
        for text, low, doc, row, bits, reason, model_says, clear_row, unsure_row, top_row, urgent_score in zip(
                texts, lowered, docs, scores.tolist(), passed, reasons, model_urgent, clear, unsure, top,
                urgent_scores):
            by_theme = dict(zip(names, row))
            # Highest score first; sorted() is stable, so ties keep the themes' own order.
            chosen = passing.get(bits)
            if chosen is None:
                chosen = passing[bits] = [theme for k, theme in enumerate(names) if bits >> k & 1]
            themes = sorted(chosen, key=by_theme.__getitem__, reverse=True)
            # Beside a figure of speech ("can't see the point of the new bike lane") the model's
            # urgency score alone must be a clear one, as the cues themselves are cancelled there.
            urgent = reason is not None or (model_says and (clear_row or not urgency.figure_of_speech(text, low)))
            if urgent and reason is None:
                reason = MODEL_ONLY
            lang = detect(text, low) if text.strip() else "en"
            needs_review = bool(unsure_row or lang != "en" or (urgent and not model_says)
                                or (not themes and top_row >= t.review_low))
            results.append(Classification(
                themes=themes, scores=by_theme, urgent=urgent, urgent_reason=reason, lang=lang,
                places=find_places(doc) if doc is not None else [], redacted=redact(text),
                needs_review=needs_review, model_version=self.model_version, urgent_score=urgent_score))
        return results


def _round4(values: np.ndarray) -> np.ndarray:
    """round(x, 4) of each score, as Python rounds it (the model's float32 scores times 10**4 are exact
    in float64 and never fall on a half, so rint then divide gives the same nearest double)."""
    return np.rint(values * 1e4) / 1e4
