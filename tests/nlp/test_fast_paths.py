"""The classifier's shortcuts give exactly what the plain ways give: cues, token ids, scores, places."""
import re

import pytest

import nlp
from nlp import urgency
from nlp.classifier import URGENT_LABEL
from nlp.dataset import load_all
from nlp.fastmatch import WordIndex, word_start_literals
from nlp.training import normalise

PLACES = ["Albion Road", "Marsh Lane", "Kingsmead Estate", "Well Street", "Tower Court"]
# Texts written to trip the shortcuts: cues across hedges and punctuation, overlapping strings,
# special cases across spaces ("and / or", "he 's"), odd whitespace, places in odd spellings.
TRICKY = [
    "", " ", "  \n\t", "I want to die", "i want to die.", "I dont want to live anymore", "can't go on",
    "cannot take it any more", "whats the point of living", "what's the point in me", "can't see the point of the new bike lane",
    "the speeding is killing this street", "smoking & sparking", "sparking and smoking socket", "he hit me again",
    "she kicked her last night", "my ex threatened me at the door", "the kids are home alone at night in the flat",
    "Smoke alarm going off, fire on the 3rd floor", "smell of gas now!!", "gas leak last week",
    "there's a man in my house right now", "hit by a car just now, bleeding", "KNIFE", "kniv es", "suicidal",
    "self-harm again tonight", "selfharm worse", "hurting my self", "killing  myself", "kill\nmyself",
    "and / or", "and/or", "he 's here", "he's here", "it 's fine", "10 a.m. or 5p.m.", "e.g. this", "(bins)", ":) thanks",
    "we were at the Well St. meeting", "WELL STREET is flooded", "well, st john's is shut", "albion rd.", "Albion  Road",
    "Kingsmead est", "kingsmead", "the tower court lift", "Marsh\u00a0Lane", "fire\u2028on the stairs", "crème brûlée at the café",
    "İstanbul KNIFE", "ﬁre on the 2nd floor", "naïve person in the canal", "\u0645\u0631\u062d\u0628\u0627 fire now",
    "06:00 and the alarm is beeping", "co alarm going off", "my neighbour Dave 07700 900123 E9 6PL",
]


def _plain_cue(text: str):
    """The cue read the plain way: each kind's whole alternation, every match weighed."""
    lowered = text.lower()
    for reason, pattern in urgency._CUES.items():
        for match in pattern.finditer(lowered):
            window = lowered[max(0, match.start() - 40): match.end() + 40]
            if urgency._LOOK_ALIKE.search(window) and not urgency._strong(reason, lowered[match.start(): match.end() + 40]):
                continue
            return reason
    return None


@pytest.fixture(scope="module")
def texts():
    return TRICKY + [row["text"] for row in load_all()]


@pytest.fixture(scope="module")
def classifier():
    return nlp.load(places=PLACES)


def test_cue_agrees_with_the_plain_alternations(texts):
    assert [urgency.cue(t) for t in texts] == [_plain_cue(t) for t in texts]


def test_look_alikes_found_as_the_whole_alternation_finds_them(texts):
    # Windows cut from anywhere, mid-word too, as cue() cuts them around a match.
    lowered = [t.lower() for t in texts]
    pieces = lowered + [low[k:k + 90] for low in lowered if len(low) > 60 for k in (1, 17, 33)]
    expected = [urgency._LOOK_ALIKE.search(piece) is not None for piece in pieces]
    assert sum(expected) > 300
    assert [urgency.figure_of_speech(piece, piece) for piece in pieces] == expected


def test_a_cue_needs_every_set_of_its_strings(texts):
    # The pattern is skipped unless the text holds a string of each of its sets: none may be missing.
    for reason, patterns in urgency.CUES.items():
        for i, pattern in enumerate(patterns):
            compiled = re.compile(pattern)
            for text in texts:
                lowered = text.lower()
                if compiled.search(lowered):
                    for parts in urgency._ALSO[reason, i]:
                        assert any(part in lowered for part in parts), (pattern, text, parts)


def test_every_cue_match_holds_one_of_its_strings_at_a_word_start(texts):
    # The texts any cue pattern matches, and every pattern: the scan must name each that matches.
    cued = [t.lower() for t in texts if any(p.search(t.lower()) for p in urgency._CUES.values())]
    assert len(cued) > 100
    for patterns in urgency.CUES.values():
        for pattern in patterns:
            literals = word_start_literals(pattern)
            assert literals, pattern
            index, compiled = WordIndex({"cue": literals}), re.compile(pattern)
            for text in cued:
                if compiled.search(text):
                    assert index.find(text) == {"cue"}, (pattern, text)


def test_token_ids_are_the_tokenizers(classifier, texts):
    for text in texts:
        for model_text in (normalise(text), text):
            ids = classifier._tokens.ids(model_text)
            if ids is not None:
                assert ids == [token.orth for token in classifier.nlp.make_doc(model_text)], model_text


def test_special_cases_across_a_space_go_to_the_tokenizer(classifier):
    assert classifier._tokens.ids("and / or") is None or classifier._tokens.ids("and / or") == [
        t.orth for t in classifier.nlp.make_doc("and / or")]
    assert classifier._tokens.ids("two  spaces") is None
    assert classifier._tokens.ids("a\nnewline") is None


def test_scores_and_places_are_spacys_own(classifier, texts):
    results = classifier.classify_many(texts)
    docs = list(classifier.nlp.pipe([normalise(t) for t in texts]))
    for text, result, doc in zip(texts, results, docs):
        assert result.scores == {theme: round(doc.cats.get(theme, 0.0), 4) for theme in classifier.themes}, text
        assert result.urgent_score == round(doc.cats[URGENT_LABEL], 4)
        assert result.places == classifier.places.find(doc), text


def test_one_at_a_time_and_in_any_batch_size_agree(classifier):
    expected = [r.to_dict() for r in classifier.classify_many(TRICKY)]
    assert [classifier.classify(t).to_dict() for t in TRICKY] == expected
    assert [r.to_dict() for r in classifier.classify_many(TRICKY, batch_size=7)] == expected


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(classifier, monkeypatch):
    import gc

    assert gc.isenabled()
    classifier.classify_many(["bins not collected"] * 20)
    assert gc.isenabled()  # on again for the rest of the process
    gc.disable()
    try:
        classifier.classify_many(["bins not collected"] * 20)
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        gc.enable()
    monkeypatch.setattr(classifier, "_classify_batch", lambda texts: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        classifier.classify_many(["bins"])
    assert gc.isenabled()  # and on again after a failure
