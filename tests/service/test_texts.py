"""Every resident-facing text fits in two SMS segments once filled in."""
from bot.texts import TEXTS, text

LONG = "x" * 40  # a long site or neighbourhood name


def segments(body: str) -> int:
    gsm = all(ord(c) < 128 for c in body)
    single, multi = (160, 153) if gsm else (70, 67)
    return 1 if len(body) <= single else -(-len(body) // multi)


def test_every_text_fits_two_segments():
    values = dict(site=LONG, choices="1 Marsh Hill, 2 Kingsmead", neighbourhood=LONG,
                  themes="antisocial behaviour and road safety", count=12, theme="road safety",
                  meeting="Tue 2 Dec 6:30pm, Kingsmead Community Hall",
                  meetings="Residents meeting, Tue 2 Dec 6:30pm, Kingsmead Community Hall")
    for key, template in TEXTS.items():
        try:
            filled = text(key, **values)
        except KeyError:  # texts of other features take other values; they test their own
            continue
        assert segments(filled) <= 2, (key, len(filled))


def test_acknowledgement_with_neighbours_and_meeting_fits_two_segments():
    body = (text("ack_themes", themes="antisocial behaviour, crime and road safety")
            + text("ack_neighbours", count=14, theme="antisocial behaviour")
            + text("ack_meeting", meeting="Tue 12 Dec 6:30pm, Kingsmead Community Hall"))
    assert segments(body) <= 2
