"""How far the classifier is from a careful human reader, on the dev split.

`benchmarks/data/dev_second_reading.jsonl` is a blind second reading of every dev line: four
readers, each given only the labelling guide (nlp/data/GUIDE.md) and the texts, never the labels
or the model, labelled the lines again (2026-11-23). Lines are named by a hash of their text, so
the file holds no message text. Prints JSON: the second reading scored against the dev labels (how
much two careful readings agree, a ceiling for any model), the model against both, and the model
on the lines where the two readings agree.
Usage: python benchmarks/agreement.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp.dataset import _key, load_all, split  # noqa: E402
from nlp.evaluation import score  # noqa: E402

SECOND_READING = Path(__file__).parent / "data" / "dev_second_reading.jsonl"


def line_key(text: str) -> str:
    """The name of a line in the second reading: a hash of its normalised text."""
    return hashlib.sha256(_key(text).encode()).hexdigest()[:16]


def summary(report: dict) -> dict:
    return {"macro_f1_core": report["macro_f1_core"], "macro_f1": report["macro_f1"],
            "urgent_recall": report["urgent"]["recall"], "urgent_precision": report["urgent"]["precision"],
            "per_label_f1": {label: v["f1"] for label, v in report["per_label"].items()}}


def main() -> None:
    second = {}
    for line in SECOND_READING.read_text().splitlines():
        row = json.loads(line)
        second[row["key"]] = row
    _, dev = split(load_all())
    rows = [r for r in dev if line_key(r["text"]) in second]
    reading = [second[line_key(r["text"])] for r in rows]
    classifier = nlp.load()
    results = classifier.classify_many([r["text"] for r in rows])
    model = [{"themes": c.themes, "urgent": c.urgent} for c in results]
    agreed = [i for i, (g, s) in enumerate(zip(rows, reading)) if set(g["themes"]) == set(s["themes"])]

    def scored(predicted, gold):
        return summary(score(predicted, gold, nlp.DEFAULT_THEMES, nlp.CORE_THEMES))

    print(json.dumps({
        "benchmark": "agreement", "model_version": classifier.model_version,
        "dev_lines": len(dev), "lines_read_twice": len(rows), "lines_where_readings_agree": len(agreed),
        "second_reading_vs_dev_labels": scored(reading, rows),
        "model_vs_dev_labels": scored(model, rows),
        "model_vs_second_reading": scored(model, reading),
        "model_where_readings_agree": scored([model[i] for i in agreed], [rows[i] for i in agreed]),
    }, indent=2))


if __name__ == "__main__":
    main()
