"""Domain words for each theme, written from the labelling guide (not from any evaluation set).

They become extra tokens the model learns from ("kw_housing"), so a message with a word the
training data never used, but the guide names, still points the model the right way.
"""
from __future__ import annotations

from .fastmatch import WordIndex
from .lexicon_languages import WORDS as OTHER_LANGUAGE_WORDS

ENGLISH_WORDS: dict[str, list[str]] = {
    "antisocial_behaviour": [
        "noise", "noisy", "loud", "music", "party", "parties", "shout", "scream", "swear", "abusive",
        "intimidat", "harass", "nuisance", "antisocial", "anti social", "anti-social", "asb", "yob",
        "youths", "gang", "lads", "hanging about", "hanging around", "loiter", "drinking", "drunk",
        "street drink", "weed", "cannabis", "laughing gas", "nitrous", "nos canister", "balloons",
        "firework", "banging", "barking", "bark", "dog fight", "off lead", "moped", "dirt bike",
        "motorbike", "quad bike", "wheelie", "revving", "racing", "beg", "urinat", "spit", "egg",
        "knock down ginger", "ding dong", "bass", "karaoke", "speaker", "rowdy", "yelling", "neighbour from hell",
        "vandal", "graffit", "throwing stones", "throwing bottles", "kicking", "aggro", "bother", "smok",
    ],
    "housing": [
        "damp", "mould", "mold", "condensation", "leak", "ceiling", "roof", "landlord", "landlady",
        "letting agent", "tenant", "tenancy", "evict", "section 21", "rent", "deposit", "repair",
        "boiler", "heating", "radiator", "hot water", "lift", "stairwell", "block", "flat", "housing",
        "council house", "housing association", "waiting list", "bidding", "overcrowd", "bedroom",
        "homeless", "rough sleep", "sofa surf", "temporary accommodation", "temp accom", "b&b", "hostel",
        "window", "door entry", "intercom", "caretaker", "service charge", "leaseholder", "cladding",
        "asbestos", "regeneration", "demolish", "rehous", "transfer", "mice", "cockroach", "bed bug",
        "pest", "sewage", "toilet", "kitchen", "bathroom", "plumbing", "electric", "fuse", "wall",
    ],
    "road_safety": [
        "speed", "speeding", "20mph", "too fast", "racing", "crossing", "zebra", "pelican", "junction",
        "roundabout", "pothole", "pot hole", "pavement", "kerb", "curb", "road", "traffic", "driver",
        "driving", "car", "lorry", "lorries", "hgv", "van", "parked", "parking on", "zigzag", "zig zag",
        "double yellow", "school run", "lollipop", "speed bump", "speed hump", "traffic calming",
        "camera", "near miss", "run over", "knocked down", "hit by a car", "accident", "crash",
        "street light", "streetlight", "lamp post", "dark", "visibility", "cycle lane", "cyclist",
        "pedestrian", "footpath", "trip", "tripped", "uneven", "gritt", "ice", "icy", "bollard",
    ],
    "health": [
        "gp", "doctor", "surgery", "appointment", "nhs", "hospital", "a&e", "a and e", "ambulance",
        "pharmacy", "chemist", "prescription", "medic", "dentist", "dental", "nurse", "clinic",
        "mental health", "anxiety", "depress", "stress", "lonely", "loneliness", "isolat", "grief",
        "bereave", "counsell", "camhs", "therapy", "carer", "caring for", "dementia", "disab",
        "wheelchair", "asthma", "cough", "breath", "ill", "sick", "illness", "pain", "diabet",
        "cancer", "heart", "stroke", "health", "wellbeing", "suicid", "self harm", "overdose",
        "alcohol", "addict", "drug use", "food bank", "hungry", "hunger", "vaccin", "jab", "physio",
    ],
    "environment": [
        "rubbish", "litter", "fly tip", "flytip", "fly-tip", "dump", "bin", "bins", "recycl",
        "collection", "waste", "dog mess", "dog poo", "dog fouling", "fouling", "poo", "graffiti",
        "park", "green space", "tree", "hedge", "verge", "grass", "weeds", "overgrown", "leaves",
        "pollution", "air quality", "fumes", "smell", "stink", "rats", "rat ", "foxes", "pigeon",
        "pest", "drain", "flood", "sewage", "canal", "river", "mattress", "fridge", "sofa",
        "sweep", "street clean", "dirty", "filthy", "mess", "needles", "broken glass", "dust",
        "bonfire", "burning rubbish", "wildlife", "plant", "allotment", "skip",
    ],
    "crime": [
        "stolen", "steal", "stole", "theft", "thief", "thieves", "burglar", "broke into", "broken into",
        "break in", "break-in", "robbed", "robbery", "mugged", "mugging", "snatch", "pickpocket",
        "drug deal", "dealer", "dealing", "county lines", "cuckoo", "knife", "knives", "stab",
        "gun", "shot", "shooting", "violence", "assault", "attack", "scam", "fraud", "con ",
        "police", "crime", "criminal", "cctv", "catalytic", "vandal", "smashed", "arson",
        "hate crime", "racist", "exposed himself", "grooming", "spiked", "weapon",
    ],
    "community_facilities": [
        "youth club", "youth centre", "youth center", "library", "libraries", "community centre",
        "community center", "community hall", "church hall", "hall", "playground", "play area",
        "swings", "slide", "splash", "paddling pool", "pool", "leisure centre", "gym", "sports",
        "football pitch", "basketball", "court", "skate", "club", "lunch club", "coffee morning",
        "activities", "things to do", "nothing to do", "classes", "class", "esol", "toddler group",
        "play scheme", "holiday club", "after school", "bench", "benches", "toilets", "allotment",
        "community garden", "cafe", "events", "fun day", "event", "volunteer", "warm space", "nursery",
    ],
    "transport": [
        "bus", "buses", "bus stop", "route", "timetable", "overground", "tube", "train", "station",
        "rail", "step free", "step-free", "lift at the station", "cycle hire", "bike hire", "lime bike",
        "e-scooter", "e scooter", "cycle parking", "bike hangar", "bike rack", "cycle route",
        "parking permit", "permit", "parking space", "car park", "ev charg", "charging point",
        "taxi", "cab", "dial a ride", "community transport", "minibus", "fare", "oyster", "ulez",
        "low traffic", "ltn", "commute", "night bus", "terminus", "driver",
    ],
    "other": [
        "council tax", "benefit", "universal credit", "pip ", "pension", "broadband", "internet",
        "wifi", "signal", "post office", "bank", "cash machine", "cashpoint", "atm", "cost of living",
        "energy bill", "gas bill", "electric bill", "debt", "job", "jobs", "work", "apprentice",
        "school place", "admission", "childcare", "uniform", "form", "letter", "website", "advice",
        "citizens advice", "solicitor", "immigration", "refugee", "translate", "newsletter", "shops",
        "high street", "market", "business", "councillor", "mp ", "vote", "election", "grant",
    ],
}


# The same themes' words in the other languages residents text in (nlp/lexicon_languages.py), so a
# Polish or Bengali message about mould gets the kw_housing hint an English one gets.
THEME_WORDS: dict[str, list[str]] = {theme: words + [w for w in OTHER_LANGUAGE_WORDS.get(theme, []) if w not in words]
                                     for theme, words in ENGLISH_WORDS.items()}

# One scan over the text for all the themes' words (each matched at a word start; a word ending
# in a space must be followed by one).
_INDEX = WordIndex(THEME_WORDS)
_ENGLISH_INDEX = WordIndex(ENGLISH_WORDS)


def theme_hints(lowered: str, found: set | None = None) -> list[str]:
    """Themes whose domain words appear in the (lower-cased) text; `found`: a WordIndex scan of it with THEME_WORDS."""
    found = _INDEX.find(lowered) if found is None else found
    return [theme for theme in THEME_WORDS if theme in found]


def english_theme_hints(lowered: str) -> list[str]:
    """theme_hints() from the English words alone: what language detection may take as a sign of English."""
    found = _ENGLISH_INDEX.find(lowered)
    return [theme for theme in ENGLISH_WORDS if theme in found]
