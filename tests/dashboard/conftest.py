"""Dashboard fixtures: accounts for each role, signing in with CSRF, seeded messages, a live server, a browser."""
from __future__ import annotations

import itertools
import re
import shutil
import threading
from datetime import datetime
from pathlib import Path

import pytest
from werkzeug.serving import make_server

import nlp
from bot.concerns import set_themes
from bot.users import create_user
from storage.models import Message, Resident, ResidentState, utcnow

PASSWORD = "correct horse battery"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = "/usr/bin/chromium"
_numbers = itertools.count(1)


@pytest.fixture
def accounts(runtime) -> dict[str, str]:
    """One user per role: a CD worker, a Police partner, a Council partner, an admin."""
    made = {"cd": ("cd@example.org", "cd_worker", None), "police": ("snt@police.example", "partner", "Police"),
            "council": ("streets@council.example", "partner", "Council"), "admin": ("admin@example.org", "admin", None)}
    for email, role, org in made.values():
        create_user(runtime, email, PASSWORD, role, org)
    return {key: email for key, (email, _, _) in made.items()}


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, email: str, password: str = PASSWORD):
    """Sign in through the login form (with its CSRF token)."""
    token = csrf_from(client.get("/dashboard/login").get_data(as_text=True))
    return client.post("/dashboard/login", data={"email": email, "password": password, "csrf_token": token})


def post_form(client, path: str, data: dict | None = None, page: str = "/dashboard/messages"):
    """POST a dashboard form with the CSRF token read from `page`."""
    token = csrf_from(client.get(page).get_data(as_text=True))
    return client.post(path, data={**(data or {}), "csrf_token": token})


def add_message(runtime, body: str, themes: list[str], *, number: str | None = None, urgent: bool = False,
                needs_review: bool = False, neighbourhood: str = "marsh-hill", channel: str = "sms",
                received_at: datetime | None = None, lang: str = "en") -> int:
    """A filed concern from a consented resident, as the bot would have stored it; returns its id."""
    n = next(_numbers)
    number = number or f"+4477009{n:05d}"
    cipher = runtime.cipher
    with runtime.uow() as uow:
        s = uow.session
        resident = s.query(Resident).filter_by(address_hash=cipher.lookup_hash(channel, number)).one_or_none()
        if resident is None:
            resident = Resident(channel=channel, address_hash=cipher.lookup_hash(channel, number),
                                address_enc=cipher.encrypt(number), state=ResidentState.ACTIVE,
                                neighbourhood=neighbourhood, consented_at=utcnow(), consent_meetings=True,
                                consent_updates=True, last_inbound_at=received_at or utcnow())
            s.add(resident)
            s.flush()
        message = Message(channel=channel, provider_id=f"SMtest{n}", resident_id=resident.id, body=body,
                          redacted=nlp.redact(body), received_at=received_at or utcnow(), kind="concern",
                          neighbourhood=neighbourhood, scores={t: 0.9 for t in themes}, urgent=urgent,
                          urgent_reason="danger_now" if urgent else None, lang=lang,
                          needs_review=needs_review, model_version="test")
        s.add(message)
        s.flush()
        set_themes(message, themes)
        uow.commit()
        return message.id


@pytest.fixture
def live_server(app):
    """The app served over HTTP on a free port, in a thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless chromium through Playwright (skipped, saying why, when either is missing)."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh browser context (no cookies) pointed at the live server."""
    context = chromium.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """Save a full-page PNG under tests/artifacts/ when pytest runs with --screenshots."""
    enabled = request.config.getoption("--screenshots", default=False)

    def take(page, name: str) -> None:
        if enabled:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            backend = request.node.callspec.params.get("database_url", "") if hasattr(request.node, "callspec") else ""
            page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}{'-' + backend if backend else ''}.png"),
                            full_page=True)
    return take
