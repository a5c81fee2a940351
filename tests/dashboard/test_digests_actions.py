"""Digests and "you said, we did" pages, over bot.digest and bot.actions."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.digest_delivery import close_week
from bot.digest_weeks import last_closed_week
from storage.models import Action, HiddenQuote, OutboxMessage, utcnow

from tests.conftest import daytime_worker

from .conftest import PASSWORD, add_message, post_form, sign_in

ROAD = ["Cars speed down Albion Road every night and nobody stops them",
        "The speeding on Albion Road is getting worse, someone will get hurt",
        "Speeding cars on Albion Road again, we need speed bumps please",
        "Drivers speed past the school on Albion Road at home time"]
CRIME = ["Someone broke into three sheds behind Marsh Lane last night",
         "Another shed break-in on Marsh Lane, the police never come",
         "Bikes stolen from the sheds on Marsh Lane this week"]


@pytest.fixture
def digest_id(runtime):
    """Last week's digest, stored as the worker stores it, with enough messages to quote."""
    week = last_closed_week(utcnow(), runtime.site)
    for i, body in enumerate(ROAD):
        add_message(runtime, body, ["road_safety"], received_at=week.start + timedelta(days=1, hours=i))
    for i, body in enumerate(CRIME):
        add_message(runtime, body, ["crime"], received_at=week.start + timedelta(days=2, hours=i))
    return close_week(runtime, utcnow())


def test_digest_archive_page_charts_and_downloads(client, accounts, runtime, digest_id):
    sign_in(client, accounts["cd"])
    archive = client.get("/dashboard/digests").get_data(as_text=True)
    assert f"/dashboard/digests/{digest_id}" in archive
    page = client.get(f"/dashboard/digests/{digest_id}").get_data(as_text=True)
    assert 'src="data:image/png;base64,' in page and "road safety" in page and "crime" in page
    assert "Hide this quote" in page
    for fmt, mime in (("csv", "text/csv"), ("json", "application/json"), ("html", "text/html")):
        response = client.get(f"/dashboard/digests/{digest_id}.{fmt}")
        assert response.status_code == 200 and response.mimetype == mime
        assert response.headers["Content-Disposition"].startswith("attachment; filename=digest-")
    assert client.get(f"/dashboard/digests/{digest_id}.exe").status_code == 404
    week = last_closed_week(utcnow(), runtime.site).label
    built = client.get(f"/dashboard/digests/week?week={week}").get_data(as_text=True)
    assert f"Digest {week}" in built
    bad = client.get("/dashboard/digests/week?week=last+tuesday", follow_redirects=True)
    assert "not an ISO week" in bad.get_data(as_text=True)


def test_hiding_a_quote(client, accounts, runtime, digest_id):
    sign_in(client, accounts["cd"])
    page = client.get(f"/dashboard/digests/{digest_id}").get_data(as_text=True)
    message_id = int(page.split("/dashboard/digests/quotes/")[1].split("/hide")[0])
    post_form(client, f"/dashboard/digests/quotes/{message_id}/hide",
              {"back": f"/dashboard/digests/{digest_id}"}, page="/dashboard/digests")
    with runtime.uow() as uow:
        assert uow.session.scalars(select(HiddenQuote.message_id)).one() == message_id
    after = client.get(f"/dashboard/digests/{digest_id}").get_data(as_text=True)
    assert f"/dashboard/digests/quotes/{message_id}/hide" not in after


def test_partner_sees_only_their_themes_of_a_digest(client, accounts, runtime, digest_id):
    sign_in(client, accounts["police"])
    page = client.get(f"/dashboard/digests/{digest_id}").get_data(as_text=True)
    assert "Digest " in page and "(Police)" in page
    assert "crime" in page and "road safety" not in page and "Albion Road" not in page
    assert "Hide this quote" not in page
    csv = client.get(f"/dashboard/digests/{digest_id}.csv").get_data(as_text=True)
    assert "road safety" not in csv.lower() and "-police.csv" in client.get(
        f"/dashboard/digests/{digest_id}.csv").headers["Content-Disposition"]
    assert post_form(client, "/dashboard/digests/quotes/1/hide", page="/dashboard/digests").status_code == 403


def test_recording_an_action_reaches_residents_who_raised_it(client, accounts, runtime, fake_twilio):
    add_message(runtime, "Potholes all along Albion Road", ["road_safety"], number="+447700900888")
    sign_in(client, accounts["cd"])
    response = post_form(client, "/dashboard/actions", {
        "theme": "road_safety", "neighbourhood": "marsh-hill", "partner": "Council",
        "description": "Potholes on Albion Road filled on 20 November"}, page="/dashboard/actions")
    assert response.status_code == 302
    page = client.get("/dashboard/actions").get_data(as_text=True)
    assert "update is on its way to 1 resident" in page
    assert "Potholes on Albion Road filled" in page and "1 resident: 0 sent, 1 waiting" in page
    daytime_worker(runtime).drain()   # updates wait out quiet hours; the test runs at any hour
    assert "Potholes on Albion Road filled" in fake_twilio.bodies_to("+447700900888")[-1]
    assert "1 resident: 1 sent" in client.get("/dashboard/actions").get_data(as_text=True)
    empty = post_form(client, "/dashboard/actions", {"theme": "road_safety", "neighbourhood": "marsh-hill",
                                                     "description": "  "}, page="/dashboard/actions")
    assert empty.status_code == 400 and "describe what was done" in empty.get_data(as_text=True)


def test_partner_reads_actions_of_their_themes_only(client, accounts, runtime):
    with runtime.uow() as uow:
        uow.session.add_all([Action(theme="crime", neighbourhood="marsh-hill", description="Patrols doubled"),
                             Action(theme="housing", neighbourhood="kingsmead", description="Lifts repaired")])
        uow.commit()
    sign_in(client, accounts["police"])
    page = client.get("/dashboard/actions").get_data(as_text=True)
    assert "Patrols doubled" in page and "Lifts repaired" not in page and "Record an action" not in page
    refused = post_form(client, "/dashboard/actions", {"theme": "crime", "neighbourhood": "marsh-hill",
                                                       "description": "x"}, page="/dashboard/actions")
    assert refused.status_code == 403


@pytest.mark.browser
def test_browser_digest_with_charts(browser_page, accounts, runtime, digest_id, screenshot):
    page = browser_page
    page.goto("/dashboard/login")
    page.get_by_label("Email").fill(accounts["cd"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Digests").click()
    screenshot(page, "digests")
    page.locator(f"a[href='/dashboard/digests/{digest_id}']").click()
    charts = page.locator("img.digest-chart")
    assert charts.count() >= 2
    assert all(charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0") for i in range(charts.count()))
    screenshot(page, "digest")
    page.get_by_role("link", name="Actions").click()
    screenshot(page, "actions")
