"""All configuration, read from the environment (and a `.env` file) in one place."""
from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_DATABASE_URL = "sqlite:///townsquare.db"


def _load_dotenv() -> None:
    try:
        from dotenv import load_dotenv
    except ImportError:  # optional at run time
        return
    load_dotenv(override=False)


def normalise_database_url(url: str) -> str:
    """Accept Heroku-style `postgres://` URLs, which SQLAlchemy 2 no longer does."""
    if url.startswith("postgres://"):
        return "postgresql://" + url[len("postgres://"):]
    return url


def _instance_secret(folder: Path) -> str:
    """A secret kept in the working folder so a no-configuration install keeps its key across restarts."""
    path = folder / "instance" / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    logger.warning("SECRET_KEY is not set: generated one in %s (set SECRET_KEY in production)", path)
    return key


@dataclass(frozen=True)
class Settings:
    """Everything townsquare reads from its environment."""

    database_url: str = DEFAULT_DATABASE_URL
    public_base_url: str = "http://localhost:8000"
    secret_key: str = ""
    address_key: str = ""
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_from: str = ""
    twilio_messaging_service_sid: str = ""
    twilio_whatsapp_from: str = ""
    twilio_api_base_url: str = ""
    telegram_bot_token: str = ""
    telegram_webhook_secret: str = ""
    telegram_api_base_url: str = ""
    smtp_url: str = ""
    smtp_from: str = "townsquare@localhost"
    site_file: str = ""
    max_body_bytes: int = 64 * 1024
    worker_poll_seconds: float = 0.5
    worker_batch_size: int = 50
    send_max_attempts: int = 5
    send_backoff_seconds: float = 5.0
    claim_lease_seconds: float = 60.0
    held_message_days: int = 30
    twilio_rate_per_second: float = 10.0
    telegram_rate_per_second: float = 30.0
    telegram_per_chat_per_second: float = 1.0
    reminder_hours: tuple = (24, 2)
    send_concurrency: int = 8
    # How often each process looks (one stat) for a retrained model on disk; 0 turns the check off.
    model_check_seconds: float = 10.0
    # How often each process reads the site settings' version (one small query) for a dashboard edit.
    site_check_seconds: float = 5.0
    model_dir: str = ""  # the model folder every process uses and retraining replaces; "" = nlp/model
    extra: dict = field(default_factory=dict)

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token
                    and (self.twilio_from or self.twilio_messaging_service_sid))

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    def with_overrides(self, **changes) -> "Settings":
        """A copy with some fields changed (tests, CLI flags)."""
        return replace(self, **changes)


_ENV = {
    "database_url": "DATABASE_URL",
    "public_base_url": "PUBLIC_BASE_URL",
    "secret_key": "SECRET_KEY",
    "address_key": "ADDRESS_KEY",
    "twilio_account_sid": "TWILIO_ACCOUNT_SID",
    "twilio_auth_token": "TWILIO_AUTH_TOKEN",
    "twilio_from": "TWILIO_FROM",
    "twilio_messaging_service_sid": "TWILIO_MESSAGING_SERVICE_SID",
    "twilio_whatsapp_from": "TWILIO_WHATSAPP_FROM",
    "twilio_api_base_url": "TWILIO_API_BASE_URL",
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "smtp_url": "SMTP_URL",
    "smtp_from": "SMTP_FROM",
    "site_file": "TOWNSQUARE_SITE",
    "max_body_bytes": "MAX_BODY_BYTES",
    "worker_poll_seconds": "WORKER_POLL_SECONDS",
    "send_max_attempts": "SEND_MAX_ATTEMPTS",
    "send_backoff_seconds": "SEND_BACKOFF_SECONDS",
    "claim_lease_seconds": "CLAIM_LEASE_SECONDS",
    "twilio_rate_per_second": "TWILIO_RATE_PER_SECOND",
    "telegram_rate_per_second": "TELEGRAM_RATE_PER_SECOND",
    "telegram_per_chat_per_second": "TELEGRAM_PER_CHAT_PER_SECOND",
    "reminder_hours": "REMINDER_HOURS",
    "send_concurrency": "SEND_CONCURRENCY",
    "model_check_seconds": "MODEL_CHECK_SECONDS",
    "site_check_seconds": "SITE_CHECK_SECONDS",
}


def load_settings(environ: dict | None = None, folder: Path | None = None) -> Settings:
    """Build Settings from the environment; defaults work with no configuration at all."""
    if environ is None:
        _load_dotenv()
        environ = dict(os.environ)
    defaults = Settings()
    values: dict = {}
    for attr, name in _ENV.items():
        raw = environ.get(name)
        if raw is None or raw == "":
            continue
        kind = type(getattr(defaults, attr))
        if kind is tuple:  # "24,2"
            values[attr] = tuple(float(part) for part in raw.split(",") if part.strip())
        else:
            values[attr] = kind(raw)
    settings = replace(defaults, **values)
    settings = replace(settings, database_url=normalise_database_url(settings.database_url))
    if not settings.secret_key:
        settings = replace(settings, secret_key=_instance_secret(folder or Path.cwd()))
    return settings
