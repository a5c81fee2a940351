"""Measuring the classifier: per-label precision, recall and F1, macro-F1, urgency, speed."""
from __future__ import annotations

import time
from typing import Iterable


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "support": tp + fn}


def score(predicted: list[dict], gold: list[dict], labels: Iterable[str], core: Iterable[str]) -> dict:
    """Compare predictions with gold rows ({"themes": [...], "urgent": bool})."""
    labels, core = list(labels), list(core)
    per_label = {}
    for label in labels:
        tp = sum(label in p["themes"] and label in g["themes"] for p, g in zip(predicted, gold))
        fp = sum(label in p["themes"] and label not in g["themes"] for p, g in zip(predicted, gold))
        fn = sum(label not in p["themes"] and label in g["themes"] for p, g in zip(predicted, gold))
        per_label[label] = _prf(tp, fp, fn)
    present = [l for l in labels if per_label[l]["support"]]
    macro = sum(per_label[l]["f1"] for l in present) / len(present) if present else 0.0
    core_present = [l for l in core if per_label[l]["support"]]
    macro_core = sum(per_label[l]["f1"] for l in core_present) / len(core_present) if core_present else 0.0
    utp = sum(p["urgent"] and g["urgent"] for p, g in zip(predicted, gold))
    ufp = sum(p["urgent"] and not g["urgent"] for p, g in zip(predicted, gold))
    ufn = sum(g["urgent"] and not p["urgent"] for p, g in zip(predicted, gold))
    exact = sum(set(p["themes"]) == set(g["themes"]) for p, g in zip(predicted, gold))
    return {"examples": len(gold), "per_label": per_label, "macro_f1": round(macro, 3),
            "macro_f1_core": round(macro_core, 3), "urgent": _prf(utp, ufp, ufn),
            "exact_match": round(exact / len(gold), 3) if gold else 0.0}


def evaluate(classifier, rows: list[dict], labels: Iterable[str], core: Iterable[str]) -> dict:
    """Classify `rows` in batches and score them; includes messages per second."""
    texts = [r["text"] for r in rows]
    started = time.perf_counter()
    results = classifier.classify_many(texts)
    elapsed = time.perf_counter() - started
    predicted = [{"themes": r.themes, "urgent": r.urgent} for r in results]
    report = score(predicted, rows, labels, core)
    report["messages_per_second"] = round(len(rows) / elapsed, 1) if elapsed else None
    report["model_version"] = classifier.model_version
    return report
