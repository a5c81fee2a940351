"""Email to CD workers and partners (urgent alerts, digests) over SMTP_URL."""
from __future__ import annotations

import base64
import json
import smtplib
import ssl
from email.message import EmailMessage
from urllib.parse import unquote, urlparse

from .base import Outgoing, PermanentSendError, SendResult, TransientSendError

# A body starting with this carries a plain-text part, an HTML part and inline images (digests).
RICH_PREFIX = "townsquare-rich-email/1\n"


def pack_rich(text: str, html: str, images: dict[str, bytes] | None = None) -> str:
    """An outbox body for an HTML email with a text alternative; `images` are PNGs by Content-ID."""
    return RICH_PREFIX + json.dumps({"text": text, "html": html, "images": {
        cid: base64.b64encode(png).decode("ascii") for cid, png in (images or {}).items()}})


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
        if not message.body.startswith(RICH_PREFIX):
            email.set_content(message.body)
            return email
        rich = json.loads(message.body[len(RICH_PREFIX):])
        email.set_content(rich["text"])
        email.add_alternative(rich["html"], subtype="html")
        html_part = email.get_payload()[-1]
        for cid, data in rich.get("images", {}).items():
            html_part.add_related(base64.b64decode(data), maintype="image", subtype="png",
                                  cid=f"<{cid}>", filename=f"{cid}.png", disposition="inline")
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
