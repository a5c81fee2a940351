"""Shared fixtures: a database per test (SQLite always, PostgreSQL when TEST_DATABASE_URL is set),
the real app, the worker, and fake Twilio and Telegram servers the real SDKs send to."""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text

from bot.config import Settings
from bot.quiet_hours import next_allowed
from bot.runtime import build_runtime
from bot.worker import Worker
from storage.models import utcnow
from tests.fakes import FakeSMTP, FakeTelegram, FakeTwilio
from tests.fakes.updates import twilio_form, twilio_signature

PUBLIC_URL = "https://townsquare.example.org"
TWILIO_TOKEN = "twilio-test-auth-token"
TELEGRAM_SECRET = "telegram-test-secret"
TELEGRAM_TOKEN = "123456:TEST-token"


def pytest_addoption(parser):
    parser.addoption("--screenshots", action="store_true", default=False,
                     help="Save a PNG of each main dashboard page under tests/artifacts/.")


BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def reset_postgres(url: str) -> None:
    """An empty public schema, so each test starts from migrations."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"]
        reset_postgres(url)
        return url
    return f"sqlite:///{tmp_path / 'townsquare.db'}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'townsquare.db'}"


@pytest.fixture
def fake_twilio():
    with FakeTwilio() as server:
        yield server


@pytest.fixture
def smtp():
    """A local SMTP server recording what is sent to it (point SMTP_URL at smtp.url)."""
    with FakeSMTP() as server:
        yield server


@pytest.fixture
def fake_telegram():
    with FakeTelegram() as server:
        yield server


@pytest.fixture
def settings(database_url, fake_twilio, fake_telegram) -> Settings:
    return Settings(
        database_url=database_url, public_base_url=PUBLIC_URL, secret_key="test-secret-key",
        twilio_account_sid="AC" + "1" * 32, twilio_auth_token=TWILIO_TOKEN, twilio_from="+447700900000",
        twilio_api_base_url=fake_twilio.base_url, telegram_bot_token=TELEGRAM_TOKEN,
        telegram_webhook_secret=TELEGRAM_SECRET, telegram_api_base_url=fake_telegram.base_url,
        send_backoff_seconds=0.0, claim_lease_seconds=30.0, worker_poll_seconds=0.05)


@pytest.fixture
def runtime(settings):
    rt = build_runtime(settings)
    yield rt
    rt.close()


@pytest.fixture
def app(runtime):
    from webhooks import create_app
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": True}, runtime=runtime)
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def worker(runtime) -> Worker:
    return Worker(runtime, worker_id="test-worker")


def daytime_worker(runtime, worker_id: str = "daytime-worker") -> Worker:
    """A worker whose clock stands just after the site's quiet hours (now, if it is daytime).

    Updates to residents wait out quiet hours, so a test that expects them sent must not
    depend on the hour CI happens to run at."""
    site = runtime.site
    moment = next_allowed(utcnow(), site.quiet_hours, site.timezone) + timedelta(minutes=1)
    return Worker(runtime, worker_id=worker_id, clock=lambda: moment)


class Resident:
    """A resident on a phone: texts the app through a signed Twilio webhook."""

    def __init__(self, client, number: str, whatsapp: bool = False):
        self.client = client
        self.number = number
        self.sender = f"whatsapp:{number}" if whatsapp else number

    def text(self, body: str, sid: str | None = None, num_media: int = 0):
        form = twilio_form(self.sender, body, sid=sid, num_media=num_media)
        return post_twilio(self.client, "/webhooks/twilio/sms", form)


def post_twilio(client, path: str, form: dict, token: str = TWILIO_TOKEN, signature: str | None = None):
    """POST a form to a Twilio webhook, signed by twilio's RequestValidator for the public URL."""
    sig = signature if signature is not None else twilio_signature(token, PUBLIC_URL + path, form)
    return client.post(path, data=form, headers={"X-Twilio-Signature": sig})


def post_telegram(client, update: dict, secret: str | None = TELEGRAM_SECRET):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post("/webhooks/telegram", json=update, headers=headers)


@pytest.fixture
def phone(client):
    """A factory of residents texting by SMS (or WhatsApp)."""
    return lambda number, whatsapp=False: Resident(client, number, whatsapp)


@pytest.fixture
def model_dir(tmp_path):
    """A model folder published as training publishes it, at version "before"."""
    from tests.fakes.models import write_model  # here, not at the top: it imports spaCy, which most tests never need

    folder = tmp_path / "model"
    write_model(folder, "before")
    return folder
