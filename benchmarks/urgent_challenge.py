"""Urgency on messages written apart from the training data: recall and precision per kind of risk.

Each `benchmarks/data/urgent_challenge_*.jsonl` is 120 urgent messages (about 17 of each kind of
risk, some in other languages) and 120 calm look-alikes (set C: 140 and 100), written by a reader who was given only
the labelling guide (nlp/data/GUIDE.md): never the training data, the cue patterns or the model.
They are never trained on. Set A was written on 2026-11-23 before the cues were widened that day,
and the widening was checked against it, so A flatters what came after; sets B and C (C written
2026-11-24 by a reader who also never saw sets A and B) were written blind and are read only by
this script. Prints JSON per set: recall, precision, recall per kind, and the
same for the cue patterns alone (the keyword baseline).
Usage: python benchmarks/urgent_challenge.py
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp.urgency import cue  # noqa: E402

DATA = Path(__file__).parent / "data"


def measure(rows: list[dict], flagged: list[bool]) -> dict:
    """Recall, precision and recall per kind of risk."""
    urgent = [r["urgent"] for r in rows]
    tp = sum(f and u for f, u in zip(flagged, urgent))
    fp = sum(f and not u for f, u in zip(flagged, urgent))
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    caught = Counter(r["kind"] for r, f in zip(rows, flagged) if r["urgent"] and f)
    return {"recall": round(tp / max(sum(urgent), 1), 3), "precision": round(tp / max(tp + fp, 1), 3),
            "false_alarms": fp, "recall_by_kind": {k: round(caught[k] / n, 3) for k, n in sorted(kinds.items())}}


def main() -> None:
    classifier = nlp.load()
    report = {"benchmark": "urgent_challenge", "model_version": classifier.model_version, "sets": {}}
    for path in sorted(DATA.glob("urgent_challenge_*.jsonl")):
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        results = classifier.classify_many([r["text"] for r in rows])
        english = [i for i, c in enumerate(results) if c.lang == "en"]
        other = [i for i, c in enumerate(results) if c.lang != "en"]
        model = [c.urgent for c in results]
        report["sets"][path.stem] = {
            "messages": len(rows), "urgent": sum(r["urgent"] for r in rows),
            "model": measure(rows, model),
            "model_english": measure([rows[i] for i in english], [model[i] for i in english]),
            "model_other_languages": measure([rows[i] for i in other], [model[i] for i in other]),
            "cues_alone": measure(rows, [cue(r["text"]) is not None for r in rows]),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
