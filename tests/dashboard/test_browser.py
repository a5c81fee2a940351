"""The dashboard in headless Chromium (Debian's), driven by Playwright, as each role uses it."""
import pytest
from sqlalchemy import select

from storage.models import Correction, Message

from .conftest import PASSWORD, add_message

pytestmark = pytest.mark.browser


def sign_in(page, email):
    page.goto("/dashboard/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/messages")


def watch_console(page) -> list[str]:
    """Errors the page logs (a CSP violation would show here)."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def test_cd_worker_corrects_acknowledges_and_forgets(browser_page, accounts, runtime, screenshot):
    page = browser_page
    errors = watch_console(page)
    wrong = add_message(runtime, "<script>alert(1)</script> cars speed past the school", ["environment"],
                        needs_review=True)
    urgent = add_message(runtime, "someone is being attacked outside right now", ["crime"], urgent=True,
                         number="+447700900123")
    sign_in(page, accounts["cd"])
    banner = page.get_by_role("alert")
    assert "1 urgent message not yet acknowledged" in banner.inner_text()
    card = page.locator("article", has=page.locator(f"#m{wrong}-h"))
    assert "<script>alert(1)</script> cars speed" in card.locator("blockquote").inner_text()
    screenshot(page, "inbox")

    # Correct the theme: untick one, tick another, save.
    card.get_by_label("environment").uncheck()
    card.get_by_label("road safety").check()
    with page.expect_navigation():
        card.get_by_role("button", name="Save themes").click()
    assert f"Themes saved for message {wrong}" in page.get_by_role("status").first.inner_text()
    with runtime.uow() as uow:
        assert uow.session.get(Message, wrong).themes == ["road_safety"]
        assert uow.session.scalars(select(Correction.themes)).one() == ["road_safety"]

    # The banner leads to the urgent message; acknowledge it with a note.
    page.get_by_role("alert").get_by_role("link").first.click()
    page.wait_for_url(f"**/dashboard/messages/{urgent}")
    screenshot(page, "message")
    page.get_by_label("What was done (required)").fill("Called 999; CD worker visiting tomorrow")
    page.get_by_role("button", name="Acknowledge").click()
    assert page.get_by_text(f"Acknowledged by {accounts['cd']}").is_visible()
    assert page.get_by_role("alert").count() == 0

    page.get_by_role("link", name="Themes").click()
    assert page.locator("svg.chart").count() == 2
    screenshot(page, "themes")

    page.get_by_role("link", name="Residents").click()
    row = page.locator("tr", has_text="+44 77** ***123")
    assert row.count() == 1
    assert "+447700900123" not in page.content()
    screenshot(page, "residents")
    row.get_by_role("link", name="Forget").click()
    page.get_by_label("Yes, delete this resident and their messages").check()
    page.get_by_role("button", name="Forget this resident").click()
    page.wait_for_url("**/dashboard/residents")
    assert page.locator("tr", has_text="+44 77** ***123").count() == 0

    page.get_by_role("link", name="Model").click()
    assert "1 correction made" in page.content()
    screenshot(page, "model")
    assert errors == []


def test_partner_sees_only_redacted_text_of_their_themes(browser_page, accounts, runtime, screenshot):
    page = browser_page
    errors = watch_console(page)
    add_message(runtime, "Cars race down Albion Road, ring me on 07700 900456", ["road_safety"],
                number="+447700900321")
    add_message(runtime, "Drug dealing by the garages on Marsh Lane", ["crime"])
    sign_in(page, accounts["council"])
    text = page.locator("main").inner_text()
    assert "ring me on [phone]" in text
    assert "900456" not in page.content() and "900321" not in page.content()
    assert "Drug dealing" not in page.content()
    nav = page.get_by_role("navigation", name="Dashboard")
    assert nav.get_by_role("link", name="Residents").count() == 0
    assert page.get_by_role("button", name="Save themes").count() == 0
    screenshot(page, "partner-messages")
    nav.get_by_role("link", name="Themes").click()
    assert "crime" not in page.locator("main").inner_text().lower()
    screenshot(page, "partner-themes")
    assert errors == []


def test_admin_adds_a_user(browser_page, accounts, runtime, screenshot):
    page = browser_page
    sign_in(page, accounts["admin"])
    page.get_by_role("link", name="Users").click()
    page.get_by_label("Email").fill("nurse@nhs.example")
    page.get_by_label("Role").select_option("partner")
    page.get_by_label("Organisation (partners only)").select_option("NHS")
    page.get_by_label("Password (at least 10 characters)").fill("a long password")
    page.get_by_role("button", name="Add user").click()
    assert page.get_by_text("Created partner nurse@nhs.example.").is_visible()
    screenshot(page, "users")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/dashboard/login")


def test_keyboard_and_phone(browser_page, accounts, runtime, screenshot):
    page = browser_page
    add_message(runtime, "The lifts in Tower Court have been broken for a week", ["housing"], needs_review=True)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/dashboard/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.type(accounts["cd"])
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/messages")
    screenshot(page, "inbox-phone")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    button = page.get_by_role("button", name="Themes are right: mark reviewed")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("marked reviewed").is_visible()
