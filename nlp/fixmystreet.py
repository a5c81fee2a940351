"""Reading the FixMyStreet London reports (../shared/data) for evaluation only, never training.

Each council category is mapped to our themes by rules on the category's name, written here;
the data itself is read in place and never copied into the project.
"""
from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

# (pattern on the category name, theme). First match wins; unmatched categories are left out.
CATEGORY_RULES: list[tuple[str, str]] = [
    (r"graffiti|flypost|fly-post|fly post|illegal poster", "environment"),
    (r"fly.?tip|dumped|dumping|litter|rubbish|refuse|bin|recycl|waste|sweep|street clean|detritus|"
     r"dog foul|dog mess|dead animal|needle|sharps|leaf|leaves|weed|graffiti|tree|vegetation|hedge|grass|"
     r"parks?\b|drain|gully|gulley|flood|pollution|smell|odour|pest|rat|noise", "environment"),
    (r"pothole|road defect|damaged road|road surface|carriageway|pavement|footway|footpath|kerb|"
     r"street light|street lighting|lamp|light not working|lighting|traffic sign|road sign|"
     r"traffic light|signal|crossing|bollard|obstruct|highway|road marking|speed|grit|ice|snow|"
     r"manhole|abandoned.*(bike|scooter)|dockless|hire bike|lime", "road_safety"),
    (r"parking|parked|car park|bus stop|bus shelter|cycle|bike rack|ev charg|electric vehicle", "transport"),
    (r"abandoned (vehicle|car)|untaxed|nuisance vehicle", "environment"),
    (r"anti.?social|asb|nuisance|begging|street drinking|drug|noise", "antisocial_behaviour"),
    (r"housing|estate|council home|tenan|repair", "housing"),
    (r"crime|theft|vandal|criminal damage", "crime"),
    (r"playground|play area|toilet|bench|library|community|leisure|sport", "community_facilities"),
    (r"health|hospital|clinic", "health"),
]
_RULES = [(re.compile(rf"\b(?:{pattern})", re.IGNORECASE), theme) for pattern, theme in CATEGORY_RULES]


def theme_for(category: str) -> str | None:
    """Our theme for a FixMyStreet category name, or None when no rule fits (e.g. "Other")."""
    for pattern, theme in _RULES:
        if pattern.search(category or ""):
            return theme
    return None


def read_reports(path: Path | str, limit: int | None = None) -> list[dict]:
    """Labelled rows {"text", "themes", "urgent"} from reports.csv.gz (title + detail)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    rows: list[dict] = []
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            theme = theme_for(record.get("category", ""))
            if theme is None:
                continue
            text = f"{record.get('title', '').strip()}. {record.get('detail', '').strip()}".strip(". ")
            rows.append({"text": text[:1600], "themes": [theme], "urgent": False})
            if limit and len(rows) >= limit:
                break
    return rows
