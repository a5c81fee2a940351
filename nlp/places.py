"""Places: the site's street and estate names found in a message, however they are abbreviated."""
from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher

# Each word and the spellings residents use for it.
VARIANTS = {
    "street": ["street", "st", "st."], "road": ["road", "rd", "rd."], "lane": ["lane", "ln"],
    "avenue": ["avenue", "ave", "av"], "close": ["close", "cl"], "court": ["court", "ct"],
    "gardens": ["gardens", "gdns"], "square": ["square", "sq"], "crescent": ["crescent", "cres"],
    "terrace": ["terrace", "ter", "terr"], "place": ["place", "pl"], "drive": ["drive", "dr"],
    "estate": ["estate", "est", ""], "high street": ["high street", "high st", "high st."],
}


def spellings(name: str) -> list[str]:
    """'Albion Road' -> ['albion road', 'albion rd', 'albion rd.']; 'Kingsmead Estate' also 'kingsmead'."""
    lowered = name.lower().strip()
    for full, options in VARIANTS.items():
        if lowered.endswith(" " + full):
            stem = lowered[: -len(full)].strip()
            return sorted({f"{stem} {o}".strip() for o in options})
    return [lowered]


class PlaceMatcher:
    """Case-insensitive PhraseMatcher over the gazetteer's spellings."""

    def __init__(self, nlp: Language, places: Iterable[str]):
        self.canonical: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = []
        for place in places:
            for spelling in spellings(place):
                key = re.sub(r"\s+", " ", spelling)
                self.canonical[key] = place
                patterns.append(nlp.make_doc(key))
        if patterns:
            self.matcher.add("PLACE", patterns)
        self.empty = not patterns

    def find(self, doc) -> list[str]:
        """Canonical names of the places mentioned in a tokenised doc, in order, once each."""
        if self.empty:
            return []
        found: list[str] = []
        for _, start, end in self.matcher(doc):
            key = re.sub(r"\s+", " ", doc[start:end].text.lower())
            place = self.canonical.get(key)
            if place and place not in found:
                found.append(place)
        return found
