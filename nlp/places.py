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
        # A match is a run of tokens whose lower cases are a pattern's, so a lower-cased text that
        # lacks one word of every pattern names no place, and needs no Doc to say so. Each
        # pattern's longest word is looked for first, as the least common.
        self.words: dict[str, set] = {}
        for pattern in patterns:
            words = sorted({token.lower_ for token in pattern}, key=len, reverse=True)
            self.words.setdefault(words[0], set()).add(tuple(words[1:]))
        # In lower-cased text a token's text is its own lower case, so its ORTH id is its LOWER id.
        self.ids = [frozenset(nlp.vocab.strings.add(token.lower_) for token in pattern) for pattern in patterns]

    def could_match(self, lowered: str, token_ids: list[int] | None = None) -> bool:
        """False when a lower-cased text (with its token ids, if known) surely names none of the places."""
        for word, others in self.words.items():
            if word in lowered and any(all(other in lowered for other in rest) for rest in others):
                break
        else:
            return False
        if token_ids is None:
            return True
        present = set(token_ids)
        return any(ids <= present for ids in self.ids)

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
