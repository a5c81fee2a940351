"""Site settings on the dashboard: CD workers change the everyday ones (stored over the site file,
audited), partners only read them, bad input is refused whole, and every process uses a change."""
import dataclasses
import re

import pytest
from sqlalchemy import func, select

from bot.runtime import build_runtime
from bot.site import DEFAULT_SITE
from bot.site_form import form_from_site
from bot.worker import Worker
from storage.models import SiteSetting, SiteSettingChange

from .conftest import csrf_from, sign_in

FILE_SITE = dataclasses.replace(DEFAULT_SITE, urgent_emails=("cd-team@example.org",),
                                digest_emails=("partnership@example.org",))
URGENT = "i dont see the point anymore, i just want it all to stop"


@pytest.fixture
def settings(settings, smtp):
    return settings.with_overrides(smtp_url=smtp.url)


@pytest.fixture
def runtime(settings):
    rt = build_runtime(settings, FILE_SITE)
    yield rt
    rt.close()


def fields(site, **changes) -> dict:
    """The settings form as the page fills it in, with some fields changed (partners flattened)."""
    form = {**form_from_site(site), **changes}
    data = {k: v for k, v in form.items() if k != "partners"}
    for i, p in enumerate(form["partners"]):
        data.update({f"partner-{i}-name": p["name"], f"partner-{i}-themes": p["themes"],
                     f"partner-{i}-emails": p["emails"]})
    return data


def opened(client) -> dict:
    """The hidden fields of the settings form as the page gave them (CSRF token, settings version)."""
    html = client.get("/dashboard/site").get_data(as_text=True)
    return {"csrf_token": csrf_from(html), "version": re.search(r'name="version" value="([^"]*)"', html).group(1)}


def save(client, runtime, page: dict | None = None, **changes):
    return client.post("/dashboard/site", data={**fields(runtime.site, **changes), **(page or opened(client))})


def stored(runtime) -> tuple[int, int]:
    with runtime.uow() as uow:
        return (uow.session.scalar(select(func.count()).select_from(SiteSetting)),
                uow.session.scalar(select(func.count()).select_from(SiteSettingChange)))


def test_cd_worker_changes_venues_and_the_next_urgent_alert_goes_to_the_new_address(
        client, accounts, runtime, phone, worker, smtp):
    sign_in(client, accounts["cd"])
    response = save(client, runtime, venues="Marsh Hill Library\nThe Hub, 1 Well Street",
                    urgent_emails="duty@example.org, Night-Duty@example.org")
    assert response.status_code == 302
    page = client.get("/dashboard/site").get_data(as_text=True)
    assert "Saved: Venues, Urgent alert emails." in page and "changed on the dashboard by cd@example.org" in page
    assert runtime.site.venues == ("Marsh Hill Library", "The Hub, 1 Well Street")
    assert "The Hub, 1 Well Street" in client.get("/dashboard/meetings").get_data(as_text=True)
    phone("+447700900111").text(URGENT)
    worker.drain()
    assert sorted(smtp.recipients()) == ["duty@example.org", "night-duty@example.org"]
    assert runtime.site.themes == FILE_SITE.themes and runtime.sites.base == FILE_SITE  # file untouched


def test_each_change_is_audited_and_can_go_back_to_the_site_file(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    save(client, runtime, quiet_start="22:30", quiet_end="7:00", broadcast_budget_cap="250.50")
    with runtime.uow() as uow:
        changes = {c.key: c for c in uow.session.scalars(select(SiteSettingChange))}
    assert set(changes) == {"quiet_hours", "broadcast_budget_cap"}
    assert all(c.changed_by_email == accounts["cd"] and c.changed_by_id for c in changes.values())
    assert changes["quiet_hours"].old_value is None and changes["quiet_hours"].new_value == {"value": ["22:30", "07:00"]}
    assert runtime.site.broadcast_budget_cap == 250.5 and runtime.site.quiet_hours[0].hour == 22
    token = csrf_from(client.get("/dashboard/site").get_data(as_text=True))
    client.post("/dashboard/site/broadcast_budget_cap/reset", data={"csrf_token": token})
    assert runtime.site.broadcast_budget_cap == FILE_SITE.broadcast_budget_cap
    assert stored(runtime) == (1, 3)
    page = client.get("/dashboard/site").get_data(as_text=True)
    assert "back to the site file" in page and "Broadcast budget cap" in page and "250.5" in page
    assert client.post("/dashboard/site/themes/reset", data={"csrf_token": token}).status_code == 404


def test_a_partner_reads_the_settings_but_cannot_change_them(client, accounts, runtime):
    sign_in(client, accounts["police"])
    page = client.get("/dashboard/site")
    assert page.status_code == 200 and "Kingsmead Community Hall" in page.get_data(as_text=True)
    assert "Save settings" not in page.get_data(as_text=True)
    token = csrf_from(page.get_data(as_text=True))
    forged = {**fields(runtime.site, urgent_emails="me@police.example"), "csrf_token": token}
    assert client.post("/dashboard/site", data=forged).status_code == 403
    assert client.post("/dashboard/site/venues/reset", data={"csrf_token": token}).status_code == 403
    assert stored(runtime) == (0, 0) and runtime.site.urgent_emails == FILE_SITE.urgent_emails


def test_a_form_without_its_csrf_token_is_refused(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    assert client.post("/dashboard/site", data=fields(runtime.site, venues="Anywhere")).status_code == 400
    assert stored(runtime) == (0, 0)


@pytest.mark.parametrize("changes, message", [
    ({"urgent_emails": "duty@example.org\nnot-an-email"}, "Urgent alert emails: &#39;not-an-email&#39; is not an email"),
    ({"digest_close_hour": "24"}, "The digest closes at an hour from 0 to 23."),
    ({"broadcast_budget_cap": "lots"}, "The broadcast budget cap must be a number"),
    ({"quiet_start": "9pm"}, "Quiet hours start must be a time like 21:00"),
    ({"urgent_telegram_chat": "my group"}, "a Telegram chat is a number"),
    ({"partners": [{"name": "Police", "themes": ["crime", "parking"], "emails": ""}]},
     "Police: &#39;parking&#39; is not one of the site&#39;s themes"),
])
def test_invalid_settings_are_refused_with_the_reason_and_nothing_is_stored(client, accounts, runtime, changes,
                                                                             message):
    sign_in(client, accounts["cd"])
    response = save(client, runtime, venues="A new hall", **changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page and "Nothing was saved" in page
    assert "A new hall" in page  # what was typed is kept for correcting
    assert stored(runtime) == (0, 0) and runtime.site.venues == FILE_SITE.venues


def test_a_save_from_a_page_opened_before_someone_else_saved_is_refused(app, accounts, runtime):
    first, second = app.test_client(), app.test_client()
    sign_in(first, accounts["cd"])
    sign_in(second, accounts["admin"])
    stale = opened(first)
    assert save(second, runtime, venues="The Hub").status_code == 302
    response = save(first, runtime, stale, venues="Marsh Hill Library", broadcast_budget_cap="5")
    assert response.status_code == 400 and "Someone changed the settings" in response.get_data(as_text=True)
    assert runtime.site.venues == ("The Hub",) and runtime.site.broadcast_budget_cap == 100.0
    assert stored(runtime) == (1, 1)


def test_quiet_hours_may_end_before_they_start(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    assert save(client, runtime, quiet_start="23:00", quiet_end="06:30").status_code == 302
    assert [t.strftime("%H:%M") for t in runtime.site.quiet_hours] == ["23:00", "06:30"]


def test_a_partner_with_users_keeps_its_name_and_partner_themes_change_what_it_sees(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    partners = form_from_site(runtime.site)["partners"]
    renamed = [{**p, "name": "Met Police"} if p["name"] == "Police" else p for p in partners]
    response = save(client, runtime, partners=renamed)
    assert response.status_code == 400 and "Police has 1 dashboard user" in response.get_data(as_text=True)
    police = client.application.test_client()
    sign_in(police, accounts["police"])
    assert "housing" not in police.get("/dashboard/themes").get_data(as_text=True).lower()
    more = [{**p, "themes": p["themes"] + ["housing"]} if p["name"] == "Police" else p for p in partners]
    assert save(client, runtime, partners=more).status_code == 302
    assert "housing" in police.get("/dashboard/themes").get_data(as_text=True).lower()  # its next request
    assert dict((p.name, p.themes) for p in runtime.site.partners)["Police"] == ("antisocial_behaviour", "crime",
                                                                                 "housing")


def test_the_worker_process_uses_a_change_within_its_check_interval(client, accounts, runtime, settings, smtp,
                                                                    phone):
    other = build_runtime(settings, FILE_SITE)  # the worker: its own runtime and connections
    now = [1000.0]
    other.sites.clock = lambda: now[0]
    assert other.site.urgent_emails == ("cd-team@example.org",)
    sign_in(client, accounts["cd"])
    save(client, runtime, urgent_emails="duty@example.org", digest_emails="new-digest@example.org")
    assert other.site.digest_emails == ("partnership@example.org",)  # not looked yet
    now[0] += settings.site_check_seconds + 0.1
    assert other.site.digest_emails == ("new-digest@example.org",)
    assert other.site.urgent_emails == ("duty@example.org",)
    phone("+447700900112").text(URGENT)
    Worker(other, worker_id="other").drain()
    assert smtp.recipients() == ["duty@example.org"]
    assert build_runtime(settings, FILE_SITE).site.digest_emails == ("new-digest@example.org",)  # a new process
    other.close()
