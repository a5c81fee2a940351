"""How many SMS segments a message costs: GSM-7 when every character allows it, UCS-2 otherwise."""
from __future__ import annotations

from dataclasses import dataclass

# GSM 03.38 basic character set, and the extension table (each of those costs two septets).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

SINGLE = {"GSM-7": 160, "UCS-2": 70}
MULTIPART = {"GSM-7": 153, "UCS-2": 67}


@dataclass(frozen=True)
class SegmentCount:
    encoding: str   # "GSM-7" or "UCS-2"
    units: int      # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    # The characters that forced UCS-2 (an emoji, a curly quote), to show the CD worker.
    culprits: tuple[str, ...] = ()


def count_segments(body: str) -> SegmentCount:
    """Segments for `body` as a mobile network bills it."""
    culprits = tuple(dict.fromkeys(c for c in body if c not in GSM7_BASIC and c not in GSM7_EXTENDED))
    if culprits:
        encoding = "UCS-2"
        units = len(body.encode("utf-16-le")) // 2  # an emoji is two code units
    else:
        encoding = "GSM-7"
        units = sum(2 if c in GSM7_EXTENDED else 1 for c in body)
    if units <= SINGLE[encoding]:
        segments = 1 if units else 0
    else:
        segments = -(-units // MULTIPART[encoding])
    return SegmentCount(encoding, units, segments, culprits[:5])


def fit_segments(render, value: str, limit: int = 2) -> str:
    """`render(value)`, with `value` shortened (ending "...") until the result fits `limit` segments."""
    body = render(value)
    if count_segments(body).segments <= limit:
        return body
    words = value.split()
    while words:
        words.pop()
        body = render(" ".join(words).rstrip(",.;:") + "...")
        if count_segments(body).segments <= limit:
            return body
    return render("")
