"""Model folders for tests: the shipped model under another version, published as training publishes it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from nlp.classifier import MODEL_DIR
from nlp.modeldir import staged


def write_model(output: Path, version: str, theme_cut: float | None = None) -> None:
    """A "retrained" model at `output`: the shipped one with a new version and, if given, every theme's cut."""
    with staged(output) as folder:
        shutil.copytree(MODEL_DIR, folder, dirs_exist_ok=True)
        meta = json.loads((folder / "townsquare.json").read_text())
        meta["version"] = version
        if theme_cut is not None:
            meta["thresholds"]["per_theme"] = {theme: theme_cut for theme in meta["themes"]}
        (folder / "townsquare.json").write_text(json.dumps(meta))
