"""The labelled examples in nlp/data: loaded, de-duplicated, and split into train and dev by a stable hash."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable

DATA = Path(__file__).parent / "data"
DEV_SHARE = 5  # one example in five goes to dev, decided by the text alone, so it never moves


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def is_dev(text: str) -> bool:
    """Whether an example belongs to the dev split (stable across runs and machines)."""
    digest = hashlib.sha256(_key(text).encode()).digest()
    return digest[0] % DEV_SHARE == 0


def read_jsonl(path: Path | str) -> list[dict]:
    """Examples from one JSON-lines file; blank lines are skipped."""
    examples = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
            examples.append({"text": row["text"], "themes": list(row.get("themes", [])),
                             "urgent": bool(row.get("urgent", False))})
    return examples


def dedupe(examples: Iterable[dict]) -> list[dict]:
    seen, unique = set(), []
    for example in examples:
        key = _key(example["text"])
        if key and key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


def load_all(folder: Path = DATA) -> list[dict]:
    """Every example the project wrote (nlp/data/*.jsonl), de-duplicated."""
    examples: list[dict] = []
    for path in sorted(folder.glob("*.jsonl")):
        examples.extend(read_jsonl(path))
    return dedupe(examples)


def split(examples: list[dict]) -> tuple[list[dict], list[dict]]:
    """(train, dev)."""
    train = [e for e in examples if not is_dev(e["text"])]
    dev = [e for e in examples if is_dev(e["text"])]
    return train, dev
