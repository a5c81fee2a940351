"""SMS and WhatsApp through twilio's own Client; Twilio's error codes mapped by a table."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from .base import Outgoing, PermanentSendError, SendResult, TransientSendError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorRule:
    kind: str            # "transient" | "permanent"
    opted_out: bool = False
    unreachable: bool = False
    skipped: bool = False


# https://www.twilio.com/docs/api/errors — the codes townsquare treats specially.
ERROR_CODES: dict[int, ErrorRule] = {
    21610: ErrorRule("permanent", opted_out=True),      # recipient replied STOP to the number
    21211: ErrorRule("permanent", unreachable=True),    # invalid 'To' number
    21614: ErrorRule("permanent", unreachable=True),    # not a mobile number
    21612: ErrorRule("permanent", unreachable=True),    # cannot route to this number
    21408: ErrorRule("permanent"),                      # region not enabled
    63016: ErrorRule("permanent", skipped=True),        # WhatsApp: outside the 24-hour window
    63024: ErrorRule("permanent", unreachable=True),    # WhatsApp: invalid recipient
    20429: ErrorRule("transient"),                      # too many requests
    20500: ErrorRule("transient"),                      # internal error
    20503: ErrorRule("transient"),                      # service unavailable
}
HTTP_STATUS: dict[int, str] = {429: "transient", 500: "transient", 502: "transient",
                               503: "transient", 504: "transient"}


class TwilioChannel:
    """Sends through `Client.messages.create`, with a status callback for delivery receipts."""

    def __init__(self, name: str, account_sid: str, auth_token: str, *, sender: str = "",
                 messaging_service_sid: str = "", status_callback: str = "",
                 api_base_url: str = "", whatsapp_template_sid: str = ""):
        self.name = name
        self._client = Client(account_sid, auth_token)
        if api_base_url:  # tests and benchmarks point the real SDK at a local fake
            self._client.api.base_url = api_base_url.rstrip("/")
        self._sender = sender
        self._service = messaging_service_sid
        self._status_callback = status_callback
        self._template_sid = whatsapp_template_sid

    def _to(self, address: str) -> str:
        if self.name == "whatsapp" and not address.startswith("whatsapp:"):
            return f"whatsapp:{address}"
        return address

    def _from(self) -> dict:
        if self._service:
            return {"messaging_service_sid": self._service}
        sender = self._sender
        if self.name == "whatsapp" and sender and not sender.startswith("whatsapp:"):
            sender = f"whatsapp:{sender}"
        return {"from_": sender}

    def send(self, message: Outgoing) -> SendResult:
        """Create the message at Twilio; map its errors to transient or permanent."""
        kwargs = {"to": self._to(message.address), **self._from()}
        if message.window_closed:
            if not self._template_sid:
                raise PermanentSendError("outside WhatsApp's 24-hour window and no approved template",
                                         "whatsapp-window", skipped=True)
            # The approved template carries the message as its one variable.
            kwargs.update(content_sid=self._template_sid, content_variables=json.dumps({"1": message.body}))
        else:
            kwargs["body"] = message.body
        if self._status_callback:
            kwargs["status_callback"] = self._status_callback
        try:
            created = self._client.messages.create(**kwargs)
        except TwilioRestException as exc:
            raise self._classify(exc) from exc
        except Exception as exc:  # connection refused, timeouts: the network, not the message
            raise TransientSendError(f"network: {type(exc).__name__}") from exc
        return SendResult(provider_id=created.sid, status=created.status or "queued")

    def find_sent(self, message: Outgoing, since: datetime) -> SendResult | None:
        """A message to this address with this body created since `since` (naive UTC), if Twilio has one."""
        try:
            recent = self._client.messages.list(to=self._to(message.address), limit=20)
        except Exception as exc:  # cannot tell: treat as not sent, the caller sends
            logger.warning("could not check Twilio for an earlier send", extra={"outbox_id": message.outbox_id,
                                                                                 "error": type(exc).__name__})
            return None
        cutoff = since.replace(tzinfo=timezone.utc) - timedelta(minutes=5)
        for sent in recent:
            created = sent.date_created
            if created is not None and created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
            if sent.body == message.body and (created is None or created >= cutoff):
                return SendResult(provider_id=sent.sid, status=sent.status or "sent")
        return None

    @staticmethod
    def _classify(exc: TwilioRestException):
        rule = ERROR_CODES.get(exc.code or 0)
        kind = rule.kind if rule else HTTP_STATUS.get(exc.status, "permanent")
        code = str(exc.code or exc.status)
        reason = f"twilio {code}: {exc.msg}"
        if kind == "transient":
            return TransientSendError(reason, code)
        rule = rule or ErrorRule("permanent")
        return PermanentSendError(reason, code, opted_out=rule.opted_out,
                                  unreachable=rule.unreachable, skipped=rule.skipped)
