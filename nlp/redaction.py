"""Redaction: personal details replaced by tags before text reaches a partner or a digest."""
from __future__ import annotations

import re

import phonenumbers

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Full UK postcodes, with or without the space, any case ("E9 6PL", "e96pl", "SW1A 1AA").
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}\b", re.IGNORECASE)
# Current-style UK registrations ("AB12 CDE", "LR69XYZ") and older prefix style ("A123 BCD").
PLATE = re.compile(r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3})\b")
STREET_WORDS = (r"street|st|road|rd|lane|ln|avenue|ave|close|court|ct|way|drive|dr|place|pl|grove|"
                r"gardens|gdns|terrace|crescent|cres|square|sq|row|walk|hill|park|mews|estate|house|"
                r"parade|rise|green|view|high street")
# The lookaheads name the letters a match can start with: Python's re skips other positions at once.
ADDRESS = re.compile(
    rf"(?=[fau\d])\b(?:(?:flat|apt|apartment|unit)\s*\d+[a-z]?\s*,?\s*)?\d{{1,4}}[a-z]?\s*,?\s+"
    rf"(?:[A-Z][\w'-]*\s+){{1,3}}(?:{STREET_WORDS})\b",
    re.IGNORECASE)
FLAT_OR_NUMBER = re.compile(
    r"(?=[fauhn])\b(?:flat|apt|apartment|unit|no\.?|number|num|house)\s*#?\d+[a-z]?\b(?!\s*(?:%|pm|am|bus|times|weeks|days|years))",
    re.IGNORECASE)
TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+)?")
PEOPLE = ("neighbour neighbor landlord landlady son daughter husband wife partner mum mom dad friend carer "
          "brother sister nan gran grandson granddaughter boyfriend girlfriend ex uncle aunt cousin tenant "
          "housemate flatmate").split()
NAMING = ["called", "named", "name is", "name's", "i am", "i'm", "im", "this is", "it's", "its"]
CUE_NAME = re.compile(
    rf"\b((?:my|our|the|his|her|their)\s+(?:{'|'.join(PEOPLE)})s?\s+(?:is\s+)?|"
    rf"(?:{'|'.join(NAMING)})\s+)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)")
# What the text before a CUE_NAME name ends with, spaces aside: a person, people, "is", or a naming word.
_BEFORE_CUED_NAME = tuple(PEOPLE) + tuple(f"{word}s" for word in PEOPLE) + ("is", "am") + tuple(NAMING)
NOT_NAMES = {"The", "A", "An", "It", "This", "That", "He", "She", "They", "We", "I", "You", "Not", "So",
             "Very", "Really", "Always", "Never", "Still", "Just", "Being", "Going", "Doing", "Having",
             "Sorry", "Fine", "Ok", "OK", "Here", "There", "Worried", "Scared", "Tired", "Sick", "Ill",
             "Fed", "Disabled", "Pregnant", "Elderly", "Old", "New", "Back", "Out", "In", "On", "At",
             "Council", "Police", "NHS", "Market", "Street", "Road", "Lane", "Estate"}
DIGITS = re.compile(r"\d")
# Every match of the patterns below but the phone's holds a digit, and before its first digit only a
# keyword ("apartment", at most nine letters), a dot, a "#" and spaces (or one or two letters of a
# postcode or plate): none starts before the text's first digit less that, so none is searched for there.
_KEYWORD_BEFORE_DIGIT = 9
# A postcode or a plate has a letter just before a digit ("E9", "AB12"); 2% of texts with digits do.
LETTER_DIGIT = re.compile(r"[A-Z]\d", re.IGNORECASE)
# Every name pattern above has a space, then a capital, then a letter, hyphen or apostrophe.
NAME_START = re.compile(r"\s[A-Z][a-zA-Z'-]")


def _phones(text: str) -> list[tuple[int, int]]:
    if len(DIGITS.findall(text)) < 7:  # no phone number has fewer digits; skip the slow matcher
        return []
    spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)]
    # Numbers written with unusual spacing ("07700 900 123", "+44 (0)7700-900123") the matcher can miss.
    for m in re.finditer(r"(?<![\w])(?:\+?44\s?\(?0?\)?|0)(?:[\s-]?\d){9,10}(?!\d)", text):
        spans.append((m.start(), m.end()))
    return spans


def _names(text: str) -> list[tuple[int, int]]:
    # Every title starts with an "M" or a "D"; most texts have neither, and skip that scan.
    titled = "M" in text or "D" in text
    spans = [(m.start(), m.end()) for m in TITLE_NAME.finditer(text)] if titled else []
    # A cued name is a capitalised word (NAME_START finds each) after a cue: without one, no scan.
    if not any(text[:m.start() + 1].rstrip().endswith(_BEFORE_CUED_NAME) for m in NAME_START.finditer(text)):
        return spans
    for m in CUE_NAME.finditer(text):
        words = m.group(2).split()
        kept = []
        for word in words:
            if word in NOT_NAMES:
                break
            kept.append(word)
        if kept:
            start = m.start(2)
            spans.append((start, start + len(" ".join(kept))))
    return spans


def _search_from(text: str, first_digit: int) -> int:
    """Where a match of the digit patterns could start at the earliest (\\b still sees what is before)."""
    start = first_digit
    while start and (text[start - 1] in ".#" or text[start - 1].isspace()):
        start -= 1
    return max(0, start - _KEYWORD_BEFORE_DIGIT)


def find_personal_details(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) for each personal detail found, longest first where they overlap."""
    found: list[tuple[int, int, str]] = []
    # Cheap checks first: every pattern but the e-mail and names needs a digit, an e-mail needs
    # an "@", a name a capitalised word after a space; most messages have none and cost three scans.
    at, digit, name = "@" in text, DIGITS.search(text), NAME_START.search(text)
    if not (at or digit or name):
        return found
    checks = []
    if at:
        checks.append(("email", [(m.start(), m.end()) for m in EMAIL.finditer(text)]))
    if digit:
        start = _search_from(text, digit.start())
        coded = LETTER_DIGIT.search(text, start) is not None
        checks += [
            ("postcode", [(m.start(), m.end()) for m in POSTCODE.finditer(text, start)] if coded else []),
            ("phone", _phones(text)),
            ("address", [(m.start(), m.end()) for m in ADDRESS.finditer(text, start)]),
            ("address", [(m.start(), m.end()) for m in FLAT_OR_NUMBER.finditer(text, start)]),
            ("plate", [(m.start(), m.end()) for m in PLATE.finditer(text, start)] if coded else []),
        ]
    if name:
        checks.append(("name", _names(text)))
    for tag, spans in checks:
        found.extend((start, end, tag) for start, end in spans)
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    merged: list[tuple[int, int, str]] = []
    for start, end, tag in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            if end > last[1]:
                merged[-1] = (last[0], end, last[2])
            continue
        merged.append((start, end, tag))
    return merged


def redact(text: str) -> str:
    """The text with phone numbers, emails, postcodes, addresses, plates and names replaced by tags."""
    if not text:
        return text
    spans = find_personal_details(text)
    if not spans:
        return text
    out, cursor = [], 0
    for start, end, tag in spans:
        out.append(text[cursor:start])
        out.append(f"[{tag}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
