"""The one-scan word matching behind the lexicon hints and the urgency cues' pre-check."""
import re

import pytest

from nlp.fastmatch import WordIndex, required_literals, trie_pattern
from nlp.lexicon import THEME_WORDS, theme_hints
from nlp.urgency import CUES


def test_trie_matches_the_same_strings_as_the_plain_alternation():
    words = ["park", "parked", "parking on", "pest", "rat ", "rats", "bin", "bins"]
    trie = re.compile(rf"\b(?:{trie_pattern(words)})")
    plain = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
    for text in ["parking on the kerb", "the rat ran", "rats everywhere", "binbags", "parkland", "a pesto jar"]:
        assert bool(trie.search(text)) == bool(plain.search(text))


def test_word_index_reports_the_keys_of_shorter_words_at_the_same_place():
    index = WordIndex({"environment": ["park"], "road_safety": ["parking on"]})
    assert index.find("cars parking on the pavement") == {"environment", "road_safety"}
    assert index.find("nothing here") == set()


def test_theme_hints_match_the_plain_word_lists():
    plain = {theme: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")")
             for theme, words in THEME_WORDS.items()}
    for text in ["damp in the flat and the kids cough", "parking on the zigzags by the school",
                 "rat in the bin store", "the 242 bus and the lift at the station"]:
        assert theme_hints(text) == [t for t, p in plain.items() if p.search(text)]


@pytest.mark.parametrize("pattern", [p for patterns in CUES.values() for p in patterns])
def test_every_cue_has_plain_strings_its_matches_contain(pattern):
    literals = required_literals(pattern)
    assert literals, pattern
    # Each string the cue matches in these probes holds one of its literals.
    for text in ["i want to die", "he hit me again", "smell of gas now", "took all my pills",
                 "my kid is alone at night in the flat", "she hasn't been seen for days"]:
        match = re.search(pattern, text)
        if match:
            assert any(literal in match.group(0) for literal in literals)
