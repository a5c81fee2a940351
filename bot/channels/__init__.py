"""Channels: the only code that talks to providers. `build_channels` turns settings into them."""
from __future__ import annotations

import logging

from ..config import Settings
from .base import Channel, Outgoing, PermanentSendError, SendError, SendResult, TransientSendError
from .console import ConsoleChannel

logger = logging.getLogger(__name__)

__all__ = ["Channel", "Outgoing", "SendResult", "SendError", "TransientSendError",
           "PermanentSendError", "ConsoleChannel", "build_channels"]


def build_channels(settings: Settings, whatsapp_template_sid: str = "") -> dict[str, Channel]:
    """Every channel whose credentials are present; each missing one is reported once."""
    channels: dict[str, Channel] = {"console": ConsoleChannel()}
    if settings.twilio_enabled:
        from .twilio_sms import TwilioChannel
        callback = settings.public_base_url.rstrip("/") + "/webhooks/twilio/status"
        common = dict(account_sid=settings.twilio_account_sid, auth_token=settings.twilio_auth_token,
                      messaging_service_sid=settings.twilio_messaging_service_sid,
                      status_callback=callback, api_base_url=settings.twilio_api_base_url)
        channels["sms"] = TwilioChannel("sms", sender=settings.twilio_from, **common)
        channels["whatsapp"] = TwilioChannel(
            "whatsapp", sender=settings.twilio_whatsapp_from or settings.twilio_from,
            whatsapp_template_sid=whatsapp_template_sid, **common)
    else:
        logger.warning("SMS and WhatsApp are off: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM")
    if settings.telegram_enabled:
        from .telegram import TelegramChannel
        channels["telegram"] = TelegramChannel(settings.telegram_bot_token, settings.telegram_api_base_url)
    else:
        logger.warning("Telegram is off: set TELEGRAM_BOT_TOKEN")
    if settings.smtp_url:
        from .email import EmailChannel
        channels["email"] = EmailChannel(settings.smtp_url, settings.smtp_from)
    else:
        logger.warning("Email is off: set SMTP_URL for urgent alerts and digests by email")
    return channels
