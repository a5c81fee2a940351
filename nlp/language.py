"""Language detection offline with lingua (its models ship in the wheel), fast for plain English."""
from __future__ import annotations

import re
from functools import lru_cache

# Languages most spoken in London after English, per the 2021 census, plus a few neighbours.
LANGUAGES = ("ENGLISH", "POLISH", "ROMANIAN", "PORTUGUESE", "SPANISH", "TURKISH", "BENGALI", "URDU",
             "ARABIC", "SOMALI", "FRENCH", "ITALIAN", "LITHUANIAN", "PUNJABI", "TAMIL", "GUJARATI")
COMMON_ENGLISH = frozenset(
    "the a an and is are was were be been to of in on at for it its this that there they we i you he she "
    "my our your his her their me us them not no yes ok okay pls please thanks thank can cant can't "
    "dont don't wont won't have has had do does did will would should could get got so but if when "
    "what why how who all just very too up out about again still now here from with by or as im i'm "
    "u ur street road bins bus kids people car cars park flat house estate council police".split())
WORD = re.compile(r"[a-z']+")
ASCII_LETTERS = re.compile(r"^[\x00-\x7f\u2018\u2019\u201c\u201d\u2026\U0001F000-\U0001FAFF\u2600-\u27BF]*$")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    languages = [getattr(Language, name) for name in LANGUAGES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*languages).build()  # full accuracy: only non-English-looking text gets here


def looks_english(text: str) -> bool:
    """A cheap test that settles most messages: ASCII, and common English words among them."""
    if not ASCII_LETTERS.match(text):
        return False
    words = WORD.findall(text.lower())
    if not words:
        return True  # numbers, emoji, "?": nothing to tell; treat as English
    hits = sum(word in COMMON_ENGLISH for word in words)
    return hits >= max(1, len(words) // 5)


def detect(text: str) -> str:
    """ISO 639-1 code of the message's language; 'en' when unsure or too short to tell."""
    if looks_english(text):
        return "en"
    language = _detector().detect_language_of(text)
    if language is None:
        return "en"
    return language.iso_code_639_1.name.lower()
