"""The bag-of-words textcat's scores for a whole batch at once: the same numbers as nlp.pipe, found faster.

spaCy's extract_ngrams calls numpy.unique once per doc, and set_annotations writes doc.cats one float
at a time; on short messages those per-doc calls cost more than the model. Here the n-grams of a
batch are hashed in one call and counted in one sort, then fed to the model's own sparse-linear
and logistic layers, so the weights, the hashing and the summing order stay spaCy's.
"""
from __future__ import annotations

from itertools import chain

import numpy as np
from spacy.attrs import ORTH

# The layers of spaCy's TextCatBOW (v2 or v3) with its logistic output, as model.walk() names them.
_EXPECTED = ["with_cpu(extract_ngrams>>resizable(sparse_linear))>>with_cpu(logistic)",
             "with_cpu(extract_ngrams>>resizable(sparse_linear))", "with_cpu(logistic)",
             "extract_ngrams>>resizable(sparse_linear)", "logistic", "extract_ngrams",
             "resizable(sparse_linear)", "sparse_linear"]


class BowScorer:
    """Scores of a textcat_multilabel BOW pipe for docs given as their ORTH ids: (n_docs, n_labels) float32."""

    def __init__(self, textcat):
        layers = {layer.name: layer for layer in textcat.model.walk()}
        self.labels: list[str] = list(textcat.labels)
        self.ngram_size: int = layers["extract_ngrams"].attrs["ngram_size"]
        self.linear = layers["sparse_linear"]
        self.logistic = layers["logistic"]
        self.ngrams = textcat.model.ops.ngrams

    @classmethod
    def for_pipeline(cls, nlp) -> BowScorer | None:
        """A scorer for a pipeline that is one BOW textcat_multilabel on ORTH, else None (use nlp.pipe)."""
        if nlp.pipe_names != ["textcat_multilabel"]:
            return None
        textcat = nlp.get_pipe("textcat_multilabel")
        names = [layer.name for layer in textcat.model.walk()]
        if names != _EXPECTED or next(l for l in textcat.model.walk() if l.name == "extract_ngrams").attrs["attr"] != ORTH:
            return None
        return cls(textcat)

    def scores(self, token_ids: list) -> np.ndarray:
        """What TextCategorizer.predict gives for docs with these ORTH ids: a row per doc, a column per label."""
        sizes = np.fromiter(map(len, token_ids), dtype=np.int64, count=len(token_ids))
        if not sizes.any():
            return np.zeros((len(token_ids), len(self.labels)), dtype=np.float32)  # as spaCy does for empty docs
        unigrams = np.fromiter(chain.from_iterable(token_ids), dtype=np.uint64, count=int(sizes.sum()))
        owner = np.repeat(np.arange(len(token_ids)), sizes)
        keys, owners = [unigrams], [owner]
        for n in range(2, self.ngram_size + 1):
            if len(unigrams) < n:
                break
            grams = self.ngrams(n, unigrams)
            # An n-gram hashed across the end of one doc and the start of the next is not a feature.
            inside = owner[: len(grams)] == owner[n - 1:]
            keys.append(grams[inside])
            owners.append(owner[: len(grams)][inside])
        keys, owner = np.concatenate(keys), np.concatenate(owners)
        # Per doc, its distinct keys in ascending order and their counts: what numpy.unique gives per doc.
        # (np.lexsort does the same, slower: a sort of the keys, then a stable radix sort by doc.)
        by_key = np.argsort(keys)
        keys, owner = keys[by_key], owner[by_key]
        by_doc = np.argsort(owner.astype(np.int16 if len(token_ids) < 2 ** 15 else np.int64), kind="stable")
        keys, owner = keys[by_doc], owner[by_doc]
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        first[1:] = (keys[1:] != keys[:-1]) | (owner[1:] != owner[:-1])
        starts = np.flatnonzero(first)
        counts = np.diff(np.append(starts, len(keys))).astype(np.float32)
        lengths = np.bincount(owner[starts], minlength=len(token_ids)).astype(np.int32)
        linear = self.linear.predict((np.ascontiguousarray(keys[starts]), counts, lengths))
        return np.asarray(self.logistic.predict(linear))
