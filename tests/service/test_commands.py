"""Commands are recognised however residents type them, and concerns are never mistaken for them."""
import pytest

from bot.commands import parse_command
from bot.site import DEFAULT_SITE


@pytest.mark.parametrize("typed, command", [
    ("STOP", "stop"), ("stop pls", "stop"), ("Stop.", "stop"), (" stop ", "stop"), ("STOPALL", "stop"),
    ("unsubscribe", "stop"), ("Cancel", "stop"), ("end", "stop"), ("QUIT", "stop"), ("revoke", "stop"),
    ("optout", "stop"), ("opt out", "stop"), ("stop texting me please", "stop"), ("/stop", "stop"),
    ("START", "start"), ("unstop", "start"), ("/start", "start"), ("/start@townsquare_bot", "start"),
    ("help", "help"), ("INFO", "help"), ("/help", "help"), ("Help!", "help"),
    ("forget", "forget"), ("FORGET ME", "forget"), ("meetings", "meetings"), ("Meetings?", "meetings"),
    ("yes", "yes"), ("YES I agree", "yes"), ("y", "yes"), ("Yes please 👍", "yes"), ("no", "no"),
])
def test_commands_are_recognised_forgivingly(typed, command):
    assert parse_command(typed) == command


@pytest.mark.parametrize("concern", [
    "stop the speeding on market st", "The kids wont stop shouting", "please stop the fly tipping",
    "the bus stop on albion rd is smashed", "help the lift is broken again", "when will it end",
    "", "ok",
])
def test_concerns_are_not_commands(concern):
    assert parse_command(concern) is None


@pytest.mark.parametrize("answer, slug", [
    ("1", "marsh-hill"), ("2", "kingsmead"), ("Kingsmead", "kingsmead"), ("marsh hill pls", "marsh-hill"),
    ("E10", "kingsmead"), ("e9 6pl", "marsh-hill"), ("I live on Lea Bridge Road", "kingsmead"),
])
def test_neighbourhood_by_number_name_or_postcode(answer, slug):
    assert DEFAULT_SITE.match_neighbourhood(answer).slug == slug


def test_unknown_neighbourhood_is_none():
    assert DEFAULT_SITE.match_neighbourhood("3") is None
    assert DEFAULT_SITE.match_neighbourhood("somewhere else") is None
