"""Residents who have already signed up, written straight to the database (for load and crash tests,
where signing thousands up through the webhooks would only measure the webhooks)."""
from __future__ import annotations

from sqlalchemy import insert

from storage.models import Resident, ResidentState, utcnow


def seed_residents(runtime, people: list[tuple[str, str, str]], chunk: int = 2000) -> None:
    """`people` as (channel, address, neighbourhood): consented to everything, active, just heard from."""
    now = utcnow()
    cipher = runtime.cipher
    rows = [dict(channel=channel, address_hash=cipher.lookup_hash(channel, address),
                 address_enc=cipher.encrypt(address), state=ResidentState.ACTIVE, neighbourhood=hood,
                 consent_meetings=True, consent_updates=True, created_at=now, consented_at=now,
                 last_inbound_at=now)
            for channel, address, hood in people]
    with runtime.uow() as uow:
        for start in range(0, len(rows), chunk):
            uow.session.execute(insert(Resident), rows[start:start + chunk])
        uow.commit()


def worker_environment(settings, site_file: str, **extra) -> dict:
    """The environment a `townsquare worker` process needs to act as the test's runtime does."""
    import os
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key,
        "TWILIO_ACCOUNT_SID": settings.twilio_account_sid, "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
        "TWILIO_FROM": settings.twilio_from, "TWILIO_API_BASE_URL": settings.twilio_api_base_url,
        "TELEGRAM_BOT_TOKEN": settings.telegram_bot_token,
        "TELEGRAM_API_BASE_URL": settings.telegram_api_base_url,
        "PUBLIC_BASE_URL": settings.public_base_url, "TOWNSQUARE_SITE": site_file,
        "WORKER_POLL_SECONDS": "0.05", "SEND_BACKOFF_SECONDS": "0",
    })
    env.update({k: str(v) for k, v in extra.items()})
    return env


NO_QUIET_SITE_YAML = "name: Test partnership\nquiet_hours:\n  start: '00:00'\n  end: '00:00'\n"
