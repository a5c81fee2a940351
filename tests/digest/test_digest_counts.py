"""Known messages across weeks and neighbourhoods give known counts, trends, hotspots and phrases;
counts below 3 show as "fewer than 3" in every format."""
import csv
import io
import json

import pytest

from bot import digest
from bot.actions import record_action
from tests.digest.helpers import at, many, message, resident, week

COUNT_KEYS = {"this_week", "last_week", "waiting", "messages", "urgent", "count", "invited", "yes",
              "maybe", "no", "attended", "residents", "new_residents", "opt_outs"}


@pytest.fixture
def known(site_runtime):
    """Kingsmead road safety 3 -> 14 (rising), Marsh Hill environment 4,4,5,6, crime 2, one urgent."""
    rt = site_runtime
    with rt.uow() as uow:
        s = uow.session
        k = [resident(s, rt, "kingsmead") for _ in range(20)]
        m = [resident(s, rt, "marsh-hill") for _ in range(10)]
        many(s, lambda i: k[i], 3, "cars speeding near the school", ["road_safety"], "2026-W44")
        many(s, lambda i: k[i], 9, "cars speeding near the school again", ["road_safety"], "2026-W45")
        many(s, lambda i: k[10 + i], 5, "cars speeding on Lea Bridge Road by the bus stop", ["road_safety"],
             "2026-W45", places=["Lea Bridge Road"])
        for label, n in (("2026-W42", 4), ("2026-W43", 4), ("2026-W44", 5), ("2026-W45", 6)):
            many(s, lambda i: m[i], n, "fly tipping behind the garages", ["environment"], label)
        many(s, lambda i: m[i], 2, "my car was broken into overnight", ["crime"], "2026-W45")
        message(s, k[19], "he has a knife and says he will hurt me", ["crime"], at("2026-W45"), urgent=True)
        many(s, lambda i: k[i], 7, "cars speeding next week", ["road_safety"], "2026-W46")  # not this week
        uow.commit()
    return rt


def scope(data, key):
    return next(s for s in data["scopes"] if s["key"] == key)


def theme(data, key, name):
    return next(t for t in scope(data, key)["themes"] if t["theme"] == name)


def test_counts_trends_and_rising_themes(known):
    data = digest.digest_for(known, "2026-W45")
    road = theme(data, "kingsmead", "road_safety")
    assert (road["this_week"], road["last_week"], road["change"]) == (14, 3, "up 11")
    assert road["series"][-4:] == ["fewer than 3", "fewer than 3", 3, 14]
    assert road["rising"] and scope(data, "kingsmead")["rising"] == ["road safety: 14, up from 3"]
    env = theme(data, "marsh-hill", "environment")
    assert env["series"][-4:] == [4, 4, 5, 6] and env["change"] == "up 1" and not env["rising"]
    assert env["trend"] == "rising"
    assert theme(data, "all", "road_safety")["this_week"] == 14
    assert [t["theme"] for t in scope(data, "all")["themes"]][:2] == ["road_safety", "environment"]
    assert scope(data, "kingsmead")["messages"] == 15          # 14 + the urgent one, not next week's
    assert scope(data, "kingsmead")["engagement"]["residents"] == 15


def test_hotspots_and_phrases(known):
    data = digest.digest_for(known, "2026-W45")
    road = theme(data, "kingsmead", "road_safety")
    assert road["hotspots"] == [{"place": "Lea Bridge Road", "count": 5}]
    assert {"text": "cars speeding", "count": 14} in road["phrases"]
    assert {"text": "fly tipping", "count": 6} in theme(data, "marsh-hill", "environment")["phrases"]
    assert 1 <= len(road["quotes"]) <= 3


def test_small_counts_show_as_fewer_than_3(known):
    data = digest.digest_for(known, "2026-W45")
    crime = theme(data, "marsh-hill", "crime")
    assert crime["this_week"] == "fewer than 3" and crime["phrases"] == [] and crime["quotes"] == []
    assert scope(data, "kingsmead")["urgent"] == "fewer than 3"

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, k)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, key)
        else:
            yield key, node

    for key, value in walk(json.loads(digest.render(data, "json"))):
        if key in COUNT_KEYS or key == "series":
            assert value == "fewer than 3" or (isinstance(value, int) and value >= 3), (key, value)
    rows = list(csv.DictReader(io.StringIO(digest.render(data, "csv"))))
    counted = [r for r in rows if r["name"] in COUNT_KEYS or r["section"] in ("series", "phrase", "hotspot")]
    assert counted and all(r["value"] == "fewer than 3" or int(r["value"]) >= 3 for r in counted)
    assert "crime: fewer than 3 this week" in digest.render(data, "text")
    assert "fewer than 3" in digest.render(data, "html")


def test_action_stops_the_waiting_clock(known):
    before = theme(digest.digest_for(known, "2026-W45"), "kingsmead", "road_safety")
    assert before["waiting"] == 17 and before["oldest_waiting_days"] >= 7
    record_action(known, "road_safety", "kingsmead", "Speed bumps installed", now=at("2026-W45", day=6, hour=20))
    after = theme(digest.digest_for(known, "2026-W45"), "kingsmead", "road_safety")
    assert after["waiting"] == "fewer than 3" and after["oldest_waiting_days"] is None
    data = digest.digest_for(known, "2026-W45", neighbourhood="Kingsmead")
    assert [s["key"] for s in data["scopes"]] == ["kingsmead"]
    assert data["scopes"][0]["actions"][0]["description"] == "Speed bumps installed"


def test_partner_slice_has_only_its_themes(known):
    police = digest.digest_for(known, "2026-W45", partner="police")
    assert police["partner"] == "Police"
    assert {t["theme"] for s in police["scopes"] for t in s["themes"]} <= {"antisocial_behaviour", "crime"}
    assert scope(police, "kingsmead")["rising"] == []


def test_every_format_renders_with_charts(known):
    data = digest.digest_for(known, "2026-W45")
    page = digest.render(data, "html")
    assert page.count('src="data:image/png;base64,') == 6  # bars and trends for 3 scopes
    assert "Kingsmead" in page and "<script" not in page
    assert week("2026-W45").label in digest.render(data, "text")
    with pytest.raises(ValueError):
        digest.digest_for(known, "2026-W99")
