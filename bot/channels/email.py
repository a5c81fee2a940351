"""Email to CD workers and partners (urgent alerts, digests) over SMTP_URL."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from urllib.parse import unquote, urlparse

from .base import Outgoing, PermanentSendError, SendResult, TransientSendError


class EmailChannel:
    """Sends plain-text email (HTML with a text alternative when the body carries one)."""

    name = "email"

    def __init__(self, smtp_url: str, sender: str):
        self._url = urlparse(smtp_url)
        self._sender = sender

    def build(self, message: Outgoing) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self._sender
        email["To"] = message.address
        email["Subject"] = message.subject or "townsquare"
        email.set_content(message.body)
        return email

    def deliver(self, email: EmailMessage) -> None:
        """Hand an already-built message to the SMTP server (digests build their own)."""
        url = self._url
        port = url.port or (465 if url.scheme == "smtps" else 25)
        try:
            if url.scheme == "smtps":
                server = smtplib.SMTP_SSL(url.hostname, port, context=ssl.create_default_context(), timeout=10)
            else:
                server = smtplib.SMTP(url.hostname, port, timeout=10)
            with server:
                if url.scheme == "smtp+starttls":
                    server.starttls(context=ssl.create_default_context())
                if url.username:
                    server.login(unquote(url.username), unquote(url.password or ""))
                server.send_message(email)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentSendError(f"smtp refused recipient: {exc}", "smtp-recipient") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TransientSendError(f"smtp: {type(exc).__name__}") from exc

    def send(self, message: Outgoing) -> SendResult:
        email = self.build(message)
        self.deliver(email)
        return SendResult(provider_id=email.get("Message-ID"), status="sent")
