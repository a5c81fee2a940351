"""Fast many-word matching for the lexicon and the urgency cues, with Python's re alone.

Trying a hundred alternatives at every character costs Python's re dearly; one scan with the words
folded into a trie, and a table of which keys each matched word stands for, costs one pass.
"""
from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the stdlib's own regex parser
from typing import Iterable

_BRANCH, _SUBPATTERN, _LITERAL = sre_parse.BRANCH, sre_parse.SUBPATTERN, sre_parse.LITERAL
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
_ZERO_WIDTH = (sre_parse.AT,)
# Words so common that a pattern's other strings filter better, whatever their length.
_COMMON = frozenset("a an the to my me him her his it in on of by not into from own go end take help "
                    "move now and is are was".split())


def _selectivity(text: str) -> int:
    words = text.split()
    return 1 if all(word in _COMMON for word in words) else len(text.strip())


def trie_pattern(words: Iterable[str]) -> str:
    """A regex that matches the same strings as `word1|word2|...`, longest first, shaped as a trie."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(char) + walk(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word that is a prefix of a longer one ends here, so the rest is optional.
        return f"(?:{body})?" if "" in node else body

    return walk(tree)


class WordIndex:
    """Which keys' words occur in a text: words -> keys, found in one scan of the text."""

    def __init__(self, words_by_key: dict[str, Iterable[str]], word_start: bool = True):
        owners: dict[str, set] = {}
        for key, words in words_by_key.items():
            for word in words:
                owners.setdefault(word, set()).add(key)
        # Only the longest word at each position is reported; the shorter words that match there
        # are its prefixes, so each word stands for its own keys and those of its prefixes.
        self.keys = {word: frozenset().union(*(owners[word[:n]] for n in range(1, len(word) + 1)
                                               if word[:n] in owners)) for word in owners}
        prefix = r"\b" if word_start else ""
        self.pattern = re.compile(f"{prefix}(?=({trie_pattern(owners)}))") if owners else None

    def find(self, text: str) -> set:
        """The keys whose words occur in `text`."""
        if self.pattern is None:
            return set()
        found: set = set()
        for word in self.pattern.findall(text):
            found |= self.keys[word]
        return found


def required_literals(pattern: str) -> set[str] | None:
    """Strings of which every match of `pattern` contains at least one, or None if none are known."""
    return _required(sre_parse.parse(pattern))


def _required(items) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []

    def close_run():
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # \b takes no characters: the literal run on either side stays contiguous
        close_run()
        found = None
        if op is _SUBPATTERN:
            found = _required(av[-1])
        elif op is _BRANCH:
            parts = [_required(branch) for branch in av[1]]
            found = set().union(*parts) if all(parts) else None
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        if found:
            candidates.append(found)
    close_run()
    if not candidates:
        return None
    # The most selective choice: the set whose least selective string is best, then the smallest set.
    return max(candidates, key=lambda c: (min(map(_selectivity, c)), -len(c)))
