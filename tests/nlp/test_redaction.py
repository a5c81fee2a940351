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
