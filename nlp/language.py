"""Language detection offline with lingua (its models ship in the wheel), fast for plain English."""
from __future__ import annotations

import re
from functools import lru_cache

# Languages most spoken in London after English, per the 2021 census, plus a few neighbours.
# Latin-script languages most spoken in London after English (2021 census); scripts of their own
# (Bengali, Urdu, Arabic, Punjabi, Gujarati, Tamil) are told apart by their Unicode blocks, which
# is instant and exact, so the detector only weighs these.
LANGUAGES = ("ENGLISH", "POLISH", "ROMANIAN", "PORTUGUESE", "SPANISH", "TURKISH", "SOMALI", "FRENCH",
             "ITALIAN", "LITHUANIAN")
SCRIPTS = [("bn", re.compile("[\u0980-\u09FF]")), ("pa", re.compile("[\u0A00-\u0A7F]")),
           ("gu", re.compile("[\u0A80-\u0AFF]")), ("ta", re.compile("[\u0B80-\u0BFF]")),
           ("ur", re.compile("[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]")),
           ("ar", re.compile("[\u0600-\u06FF]"))]
# Letters that, among LANGUAGES, only one language writes: a text that does not look English and
# holds one is settled without the detector (on the 14,903 training and dev lines they settle 45% of
# the texts that reach it, each as the detector would, at a fraction of its 0.7 ms).
LETTERS = [("ro", re.compile("[\u0103\u0102\u0219\u0218\u021b\u021a\u0163\u0162]")),  # ă ș ț ţ
           ("tr", re.compile("[\u011f\u011e\u0131\u0130\u015f\u015e]")),                # ğ ı İ ş
           ("pl", re.compile("[\u0142\u0141\u017c\u017b\u017a\u0179\u015b\u015a\u0107\u0106\u0144\u0143]")),  # ł ż ź ś ć ń
           ("lt", re.compile("[\u0117\u0116\u0173\u0172\u016b\u016a\u012f\u012e]")),  # ė ų ū į
           ("pt", re.compile("[\u00e3\u00c3\u00f5\u00d5]")),                              # ã õ
           ("es", re.compile("[\u00f1\u00d1\u00bf\u00a1]"))]                              # ñ ¿ ¡
# Words written often in a language the detector has no Latin-script model for (Urdu and Bengali in
# Latin letters, which it calls English or worse) or that it knows but need not be asked about
# (Somali), and in no other candidate language or English: written from knowledge of the languages,
# then a handful more after reading the romanised lines of nlp/data that still reached the detector.
# Words two of them share ("apni", "nai", "ki", "se", "ka") are left out.
FUNCTION_WORDS = {
    "ur": frozenset("hai hain nahi nahin mera meri mere mujhe mujhay humara hamara hamari humari hamare humare "
                    "bohat bohot bahut raha rahi rahe karo karna karte karti kya kuch aur gaya gayi gaye mein "
                    "wala wali wale abhi jaldi ammi abbu koi kyun kyon tha thi hoon hun bhi ghar aaj raat woh kisi "
                    "liye baad yahan wahan kaise kaun karein".split()),
    "bn": frozenset("ami amar amra amader ache achhe acche korche korchi kori korbe korle theke ekta keu kono "
                    "hobe jonno kichu khub onek diye ekhon ekhane shob amake tumi tomar bolte jani nei dekhini "
                    "geche hoye hoise thake kotha kintu hocche rekhe kache korbo dekhi mone ekjon shara chilo jabe "
                    "ghore".split()),
    "so": frozenset("waa ayaa iyo waxaa waxa waxay wuxuu fadlan kasta badan laakiin markii sida kale waan ayay "
                    "ayuu jira yahay yihiin ahay hadda xalay maalin guriga carruurta carruur dhallinyaro "
                    "aad oo waxaan ayaan inaan inay inuu wuu waad uma lama salaan toddobaad maalmood qofna "
                    "walba laba saddex habeen habeenkii dhakhtarka hooyaday aabahay deriskayga carruurtu "
                    "ilmaha baa ayey jiraa jiro doono karo karaa karno sii kadib".split()),
}
COMMON_ENGLISH = frozenset(
    "the a an and is are was were be been to of in on at for it its this that there they we i you he she "
    "my our your his her their me us them not no yes ok okay pls please thanks thank can cant can't "
    "dont don't wont won't have has had do does did will would should could get got so but if when "
    "what why how who all just very too up out about again still now here from with by or as im i'm "
    "u ur street road bins bus kids people car cars park flat house estate council police "
    "the an our some any more most very much many every never always again night day week weeks "
    "month months year years time times today tonight morning evening lot lots bit one two three "
    "been being over under after before into off down near next outside inside behind "
    "need needs want wants please help still really just also only even back there's it's "
    "broken not working fix fixed full dirty noise loud late never again every".split())
WORD = re.compile(r"[a-z']+")
# For ASCII text, WORD.findall() is the text with every other character made a space, split: str
# methods in C, without the regex engine's cost per character.
_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).islower() or chr(c) == "'")})
ASCII_LETTERS = re.compile(r"^[\x00-\x7f\u2018\u2019\u201c\u201d\u2026\U0001F000-\U0001FAFF\u2600-\u27BF]*$")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    languages = [getattr(Language, name) for name in LANGUAGES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*languages).build()  # full accuracy: only non-English-looking text gets here


def looks_english(text: str, lowered: str | None = None) -> bool:
    """A cheap test that settles most messages: ASCII, and common English words among them."""
    plain = text.isascii()
    if not (plain or ASCII_LETTERS.match(text)):
        return False
    lowered = text.lower() if lowered is None else lowered
    words = lowered.translate(_NOT_WORD).split() if plain else WORD.findall(lowered)
    if not words:
        return True  # numbers, emoji, "?": nothing to tell; treat as English
    hits = sum(map(COMMON_ENGLISH.__contains__, words))
    if hits >= max(1, len(words) // 5):
        return True
    # Short reports in plain English often have no function words ("fly tipping", "pothole"):
    # the guide's domain words settle them without the detector.
    # English words only: the other languages' theme words would make "mucegai in baie" English.
    from .lexicon import english_theme_hints
    return len(words) <= 4 and bool(english_theme_hints(lowered))


def detect(text: str, lowered: str | None = None) -> str:
    """ISO 639-1 code of the message's language; 'en' when unsure or too short to tell."""
    if looks_english(text, lowered):
        return "en"
    for code, block in SCRIPTS:
        if block.search(text):
            return code
    words = WORD.findall(text.lower() if lowered is None else lowered)
    if text.isascii() and len(words) <= 2:
        return "en"  # "hiya", "STOP", "kk": too short to tell, and almost always English here
    if not text.isascii():
        for code, letters in LETTERS:
            if letters.search(text):
                return code
    settled = _by_function_words(words)
    if settled:
        return settled
    language = _detector().detect_language_of(text)
    if language is None:
        return "en"
    return language.iso_code_639_1.name.lower()


def _by_function_words(words: list[str]) -> str | None:
    """The language whose common words make a quarter of the text (two different ones at least), else None."""
    counts = {code: sum(map(common.__contains__, words)) for code, common in FUNCTION_WORDS.items()}
    best = max(counts, key=counts.__getitem__)
    hits = counts[best]
    if hits < max(2, len(words) // 4) or sorted(counts.values())[-2] * 2 > hits:
        return None
    if len(FUNCTION_WORDS[best].intersection(words)) < 2:
        return None
    return best
