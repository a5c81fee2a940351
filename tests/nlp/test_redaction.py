"""Redaction: no phone number, email or postcode reaches a partner; addresses, plates and names go too."""
import pytest

from nlp import redact


@pytest.mark.parametrize("text, gone", [
    ("call me on 07700 900123 after 6", "07700 900123"),
    ("my number is +44 7700 900123", "+44 7700 900123"),
    ("ring 020 7946 0018 for the caretaker", "020 7946 0018"),
    ("text 07700900123 pls", "07700900123"),
    ("07700-900-123 is my mobile", "07700-900-123"),
    ("+44 (0)7700 900123", "7700 900123"),
])
def test_phone_numbers_in_every_format(text, gone):
    redacted = redact(text)
    assert gone not in redacted and "[phone]" in redacted
    assert not any(ch.isdigit() for ch in redacted.replace("[phone]", "").replace("6", ""))


@pytest.mark.parametrize("text", ["email me at jo.bloggs+estate@gmail.com thanks", "JO.BLOGGS@EXAMPLE.ORG.UK"])
def test_emails(text):
    assert "@" not in redact(text) and "[email]" in redact(text)


@pytest.mark.parametrize("text, gone", [("I live at E9 6PL", "E9 6PL"), ("postcode e96pl", "e96pl"),
                                        ("SW1A 1AA", "SW1A 1AA"), ("n16 7ud by the park", "n16 7ud")])
def test_postcodes(text, gone):
    assert gone not in redact(text) and "[postcode]" in redact(text)


@pytest.mark.parametrize("text, gone", [
    ("flat 3, 41 Marsh Lane is damp", "41 Marsh Lane"), ("kids at 12 Albion Road", "12 Albion Road"),
    ("the man at no 4 shouts", "no 4"), ("number 22 has rats", "number 22"),
])
def test_house_number_and_street(text, gone):
    assert gone not in redact(text) and "[address]" in redact(text)


@pytest.mark.parametrize("text", ["silver golf AB12 CDE parked on the pavement", "reg LR69XYZ again"])
def test_vehicle_registrations(text):
    assert "[plate]" in redact(text)
    assert "AB12" not in redact(text) and "LR69" not in redact(text)


@pytest.mark.parametrize("text, name", [
    ("my neighbour Dave plays music all night", "Dave"), ("Mrs Smith at no 4 fell over", "Smith"),
    ("Mr Khan from the shop", "Khan"), ("a man called Sarah's dad", "Sarah"), ("my landlord Tony Evans won't fix it", "Tony"),
])
def test_names_after_cues(text, name):
    assert name not in redact(text) and "[name]" in redact(text)


def test_ordinary_numbers_and_words_are_kept():
    text = "The 242 bus was 3 times late this week and the bins on Market Street stink"
    assert redact(text) == text


def _plain_details(text):
    """find_personal_details() the plain way: every pattern over the whole text, no shortcut."""
    from nlp import redaction as r

    found = [(m.start(), m.end(), "email") for m in r.EMAIL.finditer(text)]
    found += [(m.start(), m.end(), "postcode") for m in r.POSTCODE.finditer(text)]
    found += [(start, end, "phone") for start, end in r._phones(text)]
    found += [(m.start(), m.end(), "address") for m in r.ADDRESS.finditer(text)]
    found += [(m.start(), m.end(), "address") for m in r.FLAT_OR_NUMBER.finditer(text)]
    found += [(m.start(), m.end(), "plate") for m in r.PLATE.finditer(text)]
    found += [(m.start(), m.end(), "name") for m in r.TITLE_NAME.finditer(text)]
    for m in r.CUE_NAME.finditer(text):
        kept = []
        for word in m.group(2).split():
            if word in r.NOT_NAMES:
                break
            kept.append(word)
        if kept:
            found.append((m.start(2), m.start(2) + len(" ".join(kept)), "name"))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    merged = []
    for start, end, tag in found:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end, merged[-1][2])
            continue
        merged.append((start, end, tag))
    return merged


def test_the_shortcuts_find_what_every_pattern_over_the_whole_text_finds():
    # Texts built to trip the shortcuts: a keyword far before its number, odd spaces, letters that
    # match ASCII ones case-insensitively (Kelvin sign, long s), digits of other scripts, cues for names.
    import random

    from nlp.dataset import load_all
    from nlp.redaction import find_personal_details

    bits = ["flat", "Flat", "FLAT", "apt", "apartment", "unit", "no.", "No", "number", "num", "house", "#", " ",
            "  ", "\t", "\n", "\u00a0", ".", ",", "12", "4b", "E9 6PL", "e96pl", "SW1A 1AA", "AB12 CDE", "A123 BCD",
            "\u212a", "\u017f", "\u0131", "Albion Road", "Well St", "my neighbour Dave", "the landlords is Mr Smith",
            "called Amy", "i am Jo", "07700 900123", "+44 (0)7700-900123", "x", "word", "Mrs Okafor", "Dr. Who",
            "its Ben", "\u0663", "a@b.co"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(bits) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 12)))
             for _ in range(20000)]
    texts += [row["text"] for row in load_all()]
    expected = [_plain_details(text) for text in texts]
    assert sum(map(bool, expected)) > 15000
    assert [find_personal_details(text) for text in texts] == expected
