"""You said, we did: an action reaches exactly the residents who raised the theme there in the last
8 weeks and agreed to updates, once, within two SMS segments."""
from datetime import timedelta

import pytest

from bot.actions import fill_to_fit, list_actions, record_action, recipients
from storage.models import utcnow
from tests.conftest import daytime_worker
from tests.digest.helpers import message, resident

NOW = utcnow()


def test_an_action_reaches_exactly_those_who_raised_it(runtime, fake_twilio, fake_telegram):
    rt = runtime
    with rt.uow() as uow:
        s = uow.session
        people = {
            "raised": resident(s, rt, "kingsmead", number="+447700900401"),
            "raised_twice": resident(s, rt, "kingsmead", number="+447700900402"),
            "on_telegram": resident(s, rt, "kingsmead", channel="telegram", number="555000111"),
            "other_hood": resident(s, rt, "marsh-hill", number="+447700900403"),
            "other_theme": resident(s, rt, "kingsmead", number="+447700900404"),
            "too_long_ago": resident(s, rt, "kingsmead", number="+447700900405"),
            "no_updates": resident(s, rt, "kingsmead", number="+447700900406", consent_updates=False),
            "opted_out": resident(s, rt, "kingsmead", number="+447700900407", opted_out=True),
        }
        recent = NOW - timedelta(days=10)
        for name in ("raised", "raised_twice", "on_telegram", "other_hood", "no_updates", "opted_out"):
            message(s, people[name], "cars speeding by the school", ["road_safety"], recent)
        message(s, people["raised_twice"], "still speeding", ["road_safety", "crime"], recent + timedelta(days=1))
        message(s, people["other_theme"], "bins not collected", ["environment"], recent)
        message(s, people["too_long_ago"], "speeding cars", ["road_safety"], NOW - timedelta(weeks=9))
        uow.commit()
        ids = {name: p.id for name, p in people.items()}

    with rt.uow() as uow:
        chosen = {p.id for p in recipients(uow.session, "road_safety", "kingsmead", NOW)}
    assert chosen == {ids["raised"], ids["raised_twice"], ids["on_telegram"]}

    action = record_action(rt, "road_safety", "Kingsmead", "Council installed two speed bumps on Lea Bridge Road",
                           partner="Council", recorded_by="cd worker", now=NOW)
    assert action.notified == 3
    record_action(rt, "road_safety", "kingsmead", "Police ran speed checks", now=NOW)
    daytime_worker(rt).drain()   # updates wait out quiet hours; the test runs at any hour
    update = ("Marsh Hill & Kingsmead Partnership: you told us about road safety in Kingsmead. "
              "What has been done: Council installed two speed bumps on Lea Bridge Road")
    for number in ("+447700900401", "+447700900402"):
        assert fake_twilio.bodies_to(number) == [update, update.split("What")[0] + "What has been done: "
                                                 "Police ran speed checks"]
    assert fake_telegram.texts_to("555000111")[0] == update
    for number in ("+447700900403", "+447700900404", "+447700900405", "+447700900406", "+447700900407"):
        assert fake_twilio.bodies_to(number) == []
    assert [a.description for a in list_actions(rt, neighbourhood="kingsmead")][0] == "Police ran speed checks"


def test_a_long_action_is_shortened_to_two_segments():
    long = "The council resurfaced the whole of Lea Bridge Road, " * 12
    body = fill_to_fit("action_update", "action", long, site="x" * 40, theme="antisocial behaviour",
                       neighbourhood="Kingsmead")
    assert len(body) <= 306 and body.endswith("...")
    accented = fill_to_fit("action_update", "action", "Café reopened " * 20, site="Site", theme="health",
                           neighbourhood="Kingsmead")
    assert len(accented) <= 134  # not GSM-7: two segments hold fewer characters


def test_unknown_theme_or_neighbourhood_is_refused(runtime):
    with pytest.raises(KeyError):
        record_action(runtime, "potholes", "kingsmead", "Fixed")
    with pytest.raises(KeyError):
        record_action(runtime, "road_safety", "Atlantis", "Fixed")
    with pytest.raises(ValueError):
        record_action(runtime, "road_safety", "kingsmead", "   ")
