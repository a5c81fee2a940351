"""Fast many-word matching for the lexicon and the urgency cues, with Python's re alone.

Trying a hundred alternatives at every character costs Python's re dearly; one scan with the words
folded into a trie, and a table of which keys each matched word stands for, costs one pass.
"""
from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the stdlib's own regex parser
from typing import Iterable

_BRANCH, _SUBPATTERN, _LITERAL = sre_parse.BRANCH, sre_parse.SUBPATTERN, sre_parse.LITERAL
_AT, _AT_BOUNDARY = sre_parse.AT, sre_parse.AT_BOUNDARY
_IN, _SPACE = sre_parse.IN, [(sre_parse.CATEGORY, sre_parse.CATEGORY_SPACE)]
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

    def walk(node: dict, root: bool = False) -> str:
        children = [(char, child) for char, child in sorted(node.items()) if char]
        branches = [re.escape(char) + walk(child) for char, child in children]
        others = [branch for (char, _), branch in zip(children, branches) if not char.isascii()]
        if root and len(others) > 1:
            # Every word start tries the first letters one by one: those of other scripts and accented
            # ones wait behind a single test that the letter is not ASCII, which English text fails.
            branches = [b for (char, _), b in zip(children, branches) if char.isascii()]
            branches.append(r"(?=[^\x00-\x7f])(?:" + "|".join(others) + ")")
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word that is a prefix of a longer one ends here, so the rest is optional.
        return f"(?:{body})?" if "" in node else body

    return walk(tree, root=True)


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
        return set().union(*map(self.keys.__getitem__, self.pattern.findall(text)))


def shortest_forms(strings: set[str]) -> tuple[str, ...]:
    """The strings that hold no other of the set: a text holds one of the set iff it holds one of these."""
    return tuple(sorted(s for s in strings if not any(o != s and o in s for o in strings)))


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


def word_start_literals(pattern: str) -> set[str] | None:
    """Strings of which every match of `pattern` holds one that starts at a word boundary (so that
    WordIndex(word_start=True) finds it), or None if none are known."""
    return _anchored(sre_parse.parse(pattern), False)


def _filters(strings: set[str]) -> bool:
    """Whether a set of strings passes few texts: none is a lone common word or under three letters."""
    return all(len(s.strip()) >= 3 and s.strip() not in _COMMON for s in strings)


def word_start_literal_sets(pattern: str, most: int = 3) -> list[set[str]]:
    """Up to `most` sets of strings, the most selective first, such that every match of `pattern`
    holds a string of each set at a word boundary: a text that lacks one set cannot match."""
    sets = _anchored_sets(sre_parse.parse(pattern), False)
    ranked = sorted(sets, key=lambda c: (min(map(_selectivity, c)), -len(c)), reverse=True)
    best = _best(sets)
    chosen = [best] if best else []
    for found in ranked:
        if len(chosen) < most and found not in chosen and _filters(found):
            chosen.append(found)
    return chosen


_MAX_SPELLINGS = 64  # "(can'?t|cant|cannot)" spelt out is 4 strings; a product past this stops helping
_LONG_ENOUGH = 8  # a run's strings this selective need no more letters


def _spellings(items) -> list[str] | None:
    """Every string a run of literals, sets of letters, optional literals and groups of plain alternatives matches."""
    spelt = [""]
    for op, av in items:
        if op is _LITERAL:
            options = [chr(av)]
        elif op is _SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            options = _spellings(av[-1])
        elif op is _IN and all(kind is _LITERAL for kind, _ in av):  # "[ąa]": a letter with or without its accent
            options = [chr(code) for _, code in av]
        elif op is _BRANCH:
            options = [s for branch in av[1] for s in (_spellings(branch) or [None])]
            options = None if None in options else options
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:
            inner = _spellings(av[2])
            options = None if inner is None else [""] + inner
        else:
            options = None
        if options is None or len(spelt) * len(options) > _MAX_SPELLINGS:
            return None
        spelt = [a + b for a in spelt for b in options]
    return spelt


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \b takes for a word character


def _from_boundary(text: str, before: bool | str) -> str | None:
    """The part of a matched string sure to start at a word boundary: all of it after a \b (or after
    a space, if it starts with a word character), else from its first change between word and
    non-word characters; None if there is no such part."""
    if before is True or (before == "space" and text and _is_word(text[0])):
        return text or None
    for k in range(1, len(text)):
        if _is_word(text[k - 1]) != _is_word(text[k]):
            return text[k:]
    return None


def _is_space(op, av) -> bool:
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        op, av = av[2][0]
    return op is _IN and av == _SPACE


def _best(candidates: list[set[str]]) -> set[str] | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(_selectivity, c)), -len(c)))


def _anchored(items, before: bool | str) -> set[str] | None:
    return _best(_anchored_sets(items, before))


def _anchored_sets(items, before: bool | str) -> list[set[str]]:
    """Every set of strings found such that each match of `items` holds one of the set at a word start."""
    # `before` says what precedes the current item: True a \b, "space" a \s, False anything.
    candidates: list[set[str]] = []
    spelt: list[str] = []  # the strings the current run of literal items can match
    run_before: bool | str = False

    def close_run():
        found = {_from_boundary(s, run_before) for s in spelt}
        if spelt and None not in found:
            candidates.append(found)
        spelt.clear()

    for op, av in items:
        options = _spellings([(op, av)])
        if options is not None:
            if spelt and len(spelt) * len(options) > _MAX_SPELLINGS:
                # What follows starts a word if every spelling so far ends in a space ("got a |with ").
                after_space = all(text[-1:] == " " for text in spelt)
                close_run()
                before = "space" if after_space else False
            if not spelt:
                spelt.append("")
                run_before = before
            spelt[:] = [a + b for a in spelt for b in options]
            before = False
            if run_before is True and len(spelt) > 1 and min(map(_selectivity, spelt)) >= _LONG_ENOUGH:
                close_run()  # each spelling filters well already; more letters would only multiply them ("[ąa]")
            continue
        if op is _AT:  # takes no characters: a run goes on across it
            before = before if spelt else av is _AT_BOUNDARY
            continue
        close_run()
        if _is_space(op, av):
            before = "space"
            continue
        if op is _SUBPATTERN:
            candidates += _anchored_sets(av[-1], before)  # a group in sequence: each of its sets holds
        elif op is _BRANCH:
            parts = [_anchored(branch, before) for branch in av[1]]
            if all(parts):
                candidates.append(set().union(*parts))
        elif op in _REPEATS and av[0] >= 1:
            candidates += _anchored_sets(av[2], before)  # every match holds the first time round
        before = False
    close_run()
    return candidates
