"""What residents say within a theme: frequent phrases, places named (hotspots) and quotes to show."""
from __future__ import annotations

import re
from collections import Counter
import heapq

from spacy.lang.en.stop_words import STOP_WORDS

from nlp import redact

SHOWN_FROM = 3          # a phrase, place or count seen fewer times is not shown
QUOTES_SHOWN = 3
QUOTE_CANDIDATES = 6    # kept so a quote hidden after the digest went out can be replaced
QUOTE_MIN, QUOTE_MAX = 25, 280
QUOTE_TRIES = 60        # best-scored candidates looked at; the rest are much the same

PLACEHOLDER = re.compile(r"\[[a-z_]+\]")
WORD = re.compile(r"[a-z][a-z']*")
# Anything that still looks like a phone number or an email address is never quoted.
LEAK = re.compile(r"@|(?:\d[\s\-().]*){6,}")
EXTRA_STOP = {"pls", "plz", "u", "ur", "im", "ive", "dont", "thanks", "thank", "hi", "hello", "hiya",
              "ok", "okay", "x", "xx", "lol", "yes", "no", "just", "really", "like", "got", "get",
              "getting", "know", "want", "need", "think", "people", "thing", "things", "lot", "bit",
              "again", "still", "every", "day", "days", "week", "time", "please", "near", "outside",
              "cant", "can't", "don't", "i'm", "it's", "there's", "i've", "won't", "isn't", "wont",
              "nearly", "needs", "keep", "keeps", "going", "getting", "worse", "sort"}
STOP = set(STOP_WORDS) | EXTRA_STOP


def _tokens(text: str) -> list[str | None]:
    """Lower-case words, with None where a placeholder or punctuation breaks a phrase."""
    out: list[str | None] = []
    for chunk in re.split(r"[.,;:!?\n()\"]|\[[a-z_]+\]", text.lower()):
        words = WORD.findall(chunk)
        out.extend(w.strip("'") for w in words)
        out.append(None)
    return out


def message_phrases(text: str, place_words: set[str]) -> set[str]:
    """The distinct one- and two-word phrases of a message worth counting."""
    tokens = _tokens(text)
    found: set[str] = set()
    for i, word in enumerate(tokens):
        if word is None or word in STOP or word in place_words or len(word) < 3:
            continue
        found.add(word)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt and nxt not in STOP and nxt not in place_words and len(nxt) >= 3:
            found.add(f"{word} {nxt}")
    return found


def top_phrases(phrase_sets: list[set[str]], limit: int = 5) -> list[tuple[str, int]]:
    """The most frequent phrases (by messages), two-word ones first, each seen at least 3 times."""
    counts = Counter(p for phrases in phrase_sets for p in phrases)
    pairs = [(p, n) for p, n in counts.most_common() if n >= SHOWN_FROM and " " in p]
    chosen = pairs[:limit]
    covered = {w for p, _ in chosen for w in p.split()}
    for phrase, n in counts.most_common():
        if len(chosen) >= limit or n < SHOWN_FROM:
            break
        if " " not in phrase and phrase not in covered:
            chosen.append((phrase, n))
    return sorted(chosen, key=lambda item: (-item[1], item[0]))[:limit]


def hotspots(place_lists: list[list[str]], limit: int = 5) -> list[tuple[str, int]]:
    """Places named in at least 3 messages, most named first."""
    counts = Counter(p for places in place_lists for p in set(places or []))
    return [(p, n) for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= SHOWN_FROM][:limit]


def safe_quote(redacted: str) -> str | None:
    """A redacted message fit to quote (redacted again, to be sure), or None."""
    text = " ".join(redact(redacted or "").split())
    if not (QUOTE_MIN <= len(text) <= QUOTE_MAX) or LEAK.search(PLACEHOLDER.sub("", text)):
        return None
    return text


def pick_quotes(candidates: list[tuple[int, str, set[str]]], phrases: list[tuple[str, int]],
                hidden: set[int], limit: int = QUOTE_CANDIDATES, cache: dict | None = None) -> list[dict]:
    """Representative quotes: messages that share the theme's frequent phrases, of a readable length."""
    weight = dict(phrases)
    scored = []
    for message_id, redacted, own in candidates:
        if message_id in hidden:
            continue
        score = sum(weight.get(p, 0) for p in own)
        length = len(redacted or "")
        scored.append((-score, abs(length - 110), message_id, redacted))
    cache = {} if cache is None else cache  # message id -> safe quote, shared across one digest
    quotes: list[dict] = []
    seen: list[set[str]] = []
    for _, _, message_id, redacted in heapq.nsmallest(QUOTE_TRIES, scored):
        if message_id not in cache:
            cache[message_id] = safe_quote(redacted or "")
        text = cache[message_id]
        if text is None:
            continue
        words = set(WORD.findall(text.lower()))
        if any(len(words & other) >= 0.6 * len(words | other) for other in seen):
            continue  # much the same words as a quote already chosen
        seen.append(words)
        quotes.append({"message_id": message_id, "text": text})
        if len(quotes) >= limit:
            break
    return quotes
