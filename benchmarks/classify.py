"""Classifier quality and speed on the dev split, against a keyword-matching baseline in the same run.

Prints JSON: load time, batched messages/s on one core, single-message latency (p50, p99),
dev quality (macro-F1 all themes and the four core themes, urgent recall and precision), and the
same for the baseline (the guide's domain words alone for themes, the cue patterns alone for urgency).
Usage: python benchmarks/classify.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the goal is stated
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp.dataset import load_all, split  # noqa: E402
from nlp.evaluation import score  # noqa: E402
from nlp.lexicon import theme_hints  # noqa: E402
from nlp.redaction import redact  # noqa: E402
from nlp.urgency import cue  # noqa: E402


def keyword_baseline(text: str) -> dict:
    return {"themes": theme_hints(text.lower()), "urgent": cue(text) is not None, "redacted": redact(text)}


def timed(function, texts, repeat):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function(texts)
        best = min(best, time.perf_counter() - started)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    classifier = nlp.Classifier(places=["Albion Road", "Marsh Lane", "Well Street", "Kingsmead Estate"])
    load_seconds = time.perf_counter() - started
    train, dev = split(load_all())
    texts = [r["text"] for r in train + dev]
    english = [t for t in texts if t.isascii()]
    classifier.classify_many(texts[:50])  # warm: lingua loads its models on first use

    model_rate = timed(classifier.classify_many, english * 3, args.repeat)
    baseline_rate = timed(lambda batch: [keyword_baseline(t) for t in batch], english * 3, args.repeat)
    latencies = []
    for text in english[:1000]:
        t0 = time.perf_counter()
        classifier.classify(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    q = statistics.quantiles(latencies, n=100)

    model_pred = [{"themes": c.themes, "urgent": c.urgent} for c in classifier.classify_many([r["text"] for r in dev])]
    base_pred = [keyword_baseline(r["text"]) for r in dev]
    model_q = score(model_pred, dev, nlp.DEFAULT_THEMES, nlp.CORE_THEMES)
    base_q = score(base_pred, dev, nlp.DEFAULT_THEMES, nlp.CORE_THEMES)

    def summary(report):
        return {"macro_f1": report["macro_f1"], "macro_f1_core": report["macro_f1_core"],
                "urgent_recall": report["urgent"]["recall"], "urgent_precision": report["urgent"]["precision"],
                "exact_match": report["exact_match"]}

    print(json.dumps({
        "benchmark": "classify", "model_version": classifier.model_version,
        "dev_examples": len(dev), "train_examples": len(train),
        "load_seconds": round(load_seconds, 3),
        "model": {**summary(model_q), "messages_per_second_batched": round(model_rate),
                  "single_ms_p50": round(q[49], 3), "single_ms_p99": round(q[98], 3)},
        "keyword_baseline": {**summary(base_q), "messages_per_second": round(baseline_rate)},
        "ratios": {"macro_f1_model_vs_baseline": round(model_q["macro_f1"] / max(base_q["macro_f1"], 1e-9), 3),
                   "speed_model_vs_baseline": round(model_rate / baseline_rate, 3)},
        "goals": {"macro_f1_core": 0.85, "macro_f1": 0.75, "urgent_recall": 0.95, "urgent_precision": 0.6,
                  "messages_per_second_batched": 10000, "single_ms": 2, "load_seconds": 1},
    }, indent=2))


if __name__ == "__main__":
    main()
