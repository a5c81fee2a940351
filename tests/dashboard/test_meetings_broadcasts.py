"""Meetings and Broadcasts pages, over bot.meetings and bot.broadcasts: the test client and the browser."""
import dataclasses
from datetime import time, timedelta

import pytest
from sqlalchemy import select

from bot.quiet_hours import utc_to_local
from bot.runtime import build_runtime
from bot.site import DEFAULT_SITE
from storage.models import Broadcast, Meeting, utcnow

from .conftest import PASSWORD, post_form, sign_in

ANA, BEN = "+447700900601", "+447700900602"


@pytest.fixture
def runtime(settings):
    """Quiet hours off, so the tests give the same answers at any hour."""
    rt = build_runtime(settings, dataclasses.replace(DEFAULT_SITE, quiet_hours=(time(0, 0), time(0, 0))))
    yield rt
    rt.close()


@pytest.fixture
def residents(phone, worker):
    """Ana in Marsh Hill and Ben in Kingsmead, both signed up by SMS."""
    for number, area in ((ANA, "1"), (BEN, "2")):
        resident = phone(number)
        for body in ("hello", "YES", area):
            resident.text(body)
    worker.drain()
    return {"ana": phone(ANA), "ben": phone(BEN)}


def local_input(days: float) -> str:
    """A datetime-local value `days` from now, in the site's time zone."""
    moment = (utcnow() + timedelta(days=days)).replace(second=0, microsecond=0)
    return utc_to_local(moment, DEFAULT_SITE.timezone).strftime("%Y-%m-%dT%H:%M")


def test_meeting_created_invites_and_counts_rsvps(client, accounts, runtime, residents, worker, fake_twilio):
    sign_in(client, accounts["cd"])
    response = post_form(client, "/dashboard/meetings", {
        "title": "Marsh Hill residents' meeting", "start": local_input(3), "venue": "Marsh Hill Library",
        "neighbourhood": "marsh-hill", "description": "Speeding on Market Street", "invite": "1"},
        page="/dashboard/meetings")
    assert response.status_code == 302
    meeting_path = response.headers["Location"]
    worker.drain()
    assert "Marsh Hill residents' meeting" in fake_twilio.bodies_to(ANA)[-1]
    assert not any("residents' meeting" in b for b in fake_twilio.bodies_to(BEN))
    residents["ana"].text("yes see you there")
    page = client.get(meeting_path).get_data(as_text=True)
    rsvps = page.split('id="rsvps"')[1].split("</dl>")[0]
    assert "<dt>Invited</dt><dd>1</dd>" in rsvps and "<dt>Yes</dt><dd>1</dd>" in rsvps
    moved = post_form(client, meeting_path + "/move", {"start": local_input(4)}, page=meeting_path)
    assert moved.status_code == 302
    assert "1 resident(s) will be told" in client.get(meeting_path).get_data(as_text=True)
    post_form(client, meeting_path + "/cancel", {"confirm": "yes"}, page=meeting_path)
    with runtime.uow() as uow:
        assert uow.session.scalars(select(Meeting.status)).one() == "cancelled"


def test_meeting_form_errors_are_shown(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    past = post_form(client, "/dashboard/meetings", {"title": "Too late", "start": local_input(-1)},
                     page="/dashboard/meetings")
    assert past.status_code == 400 and "must start in the future" in past.get_data(as_text=True)
    garbled = post_form(client, "/dashboard/meetings", {"title": "x", "start": "next tuesday"},
                        page="/dashboard/meetings")
    assert garbled.status_code == 400 and "not a date and time" in garbled.get_data(as_text=True)


def test_broadcast_preview_send_and_totals(client, accounts, runtime, residents, worker, fake_twilio):
    sign_in(client, accounts["cd"])
    token_page = "/dashboard/broadcasts"
    preview = post_form(client, "/dashboard/broadcasts/preview",
                        {"body": "Litter pick on Saturday 10am", "neighbourhood": "marsh-hill"}, page=token_page)
    assert preview.get_json()["recipients"] == 1 and preview.get_json()["per_channel"] == {"sms": 1}
    shown = post_form(client, "/dashboard/broadcasts", {"body": "Litter pick on Saturday 10am", "action": "preview"},
                      page=token_page).get_data(as_text=True)
    assert "2 residents" in shown and "sms 2" in shown
    sent = post_form(client, "/dashboard/broadcasts", {"body": "Litter pick on Saturday 10am",
                                                        "neighbourhood": "marsh-hill", "action": "send"},
                     page=token_page)
    assert sent.status_code == 302
    worker.drain()
    assert fake_twilio.bodies_to(ANA)[-1] == "Litter pick on Saturday 10am"
    assert "Litter pick" not in "".join(fake_twilio.bodies_to(BEN))
    page = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "<dt>sent</dt><dd>1</dd>" in page and "1 of 1 finished" in page


def test_scheduled_broadcast_can_be_cancelled(client, accounts, runtime, residents):
    sign_in(client, accounts["cd"])
    sent = post_form(client, "/dashboard/broadcasts", {"body": "Meeting next week", "action": "send",
                                                        "send_at": local_input(2)}, page="/dashboard/broadcasts")
    path = sent.headers["Location"]
    assert "Status: <strong>scheduled</strong>" in client.get(path).get_data(as_text=True)
    post_form(client, path + "/stop", page=path)
    with runtime.uow() as uow:
        assert uow.session.scalars(select(Broadcast.status)).one() == "cancelled"


def test_partners_cannot_open_meetings_or_broadcasts(client, accounts, runtime):
    sign_in(client, accounts["police"])
    for path in ("/dashboard/meetings", "/dashboard/broadcasts", "/dashboard/broadcasts/1"):
        assert client.get(path).status_code == 403
    nav = client.get("/dashboard/messages").get_data(as_text=True)
    assert ">Meetings<" not in nav and ">Broadcasts<" not in nav


@pytest.mark.browser
def test_browser_meeting_rsvp_and_broadcast(browser_page, accounts, runtime, residents, worker, fake_twilio,
                                            screenshot):
    page = browser_page
    page.goto("/dashboard/login")
    page.get_by_label("Email").fill(accounts["cd"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Meetings").click()
    page.get_by_label("Title").fill("Kingsmead summer fair planning")
    page.get_by_label("Starts (Europe/London time)").fill(local_input(5))
    page.get_by_label("Venue").fill("Kingsmead Community Hall")
    page.get_by_label("Kingsmead").check()
    page.get_by_role("button", name="Create meeting").click()
    assert page.get_by_text("invitations are on their way").is_visible()
    worker.drain()
    residents["ben"].text("maybe")
    page.reload()
    assert page.locator("#rsvps div", has_text="Maybe").locator("dd").inner_text() == "1"
    screenshot(page, "meeting")

    page.get_by_role("link", name="Broadcasts").click()
    page.get_by_label("Message").fill("Free bike repairs at the library on Sunday")
    page.get_by_label("Marsh Hill").check()
    live = page.locator("#live-preview")
    live.get_by_text("1 resident: sms 1").wait_for()
    assert "1 segment each" in live.inner_text()
    screenshot(page, "broadcasts")
    page.get_by_role("button", name="Send or schedule").click()
    page.wait_for_url("**/dashboard/broadcasts/*")
    worker.drain()
    page.reload()
    assert page.locator("#totals div", has_text="sent").first.locator("dd").inner_text() == "1"
    assert fake_twilio.bodies_to(ANA)[-1] == "Free bike repairs at the library on Sunday"
    screenshot(page, "broadcast")
