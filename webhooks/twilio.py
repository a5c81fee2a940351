"""POST /webhooks/twilio/sms and /status: verified with twilio's RequestValidator."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request
from twilio.request_validator import RequestValidator

from bot import delivery
from bot.inbound import Inbound, receive_message

bp = Blueprint("twilio", __name__, url_prefix="/webhooks/twilio")
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _runtime():
    return current_app.extensions["townsquare"]


def _verify() -> dict:
    """The form fields, if Twilio signed them for our public URL; otherwise 403."""
    settings = _runtime().settings
    form = request.form.to_dict()  # reading the form enforces MAX_CONTENT_LENGTH (413)
    signature = request.headers.get("X-Twilio-Signature", "")
    if not settings.twilio_auth_token or not signature:
        abort(403, "missing Twilio signature")
    # Behind a proxy the URL Twilio signed is the public one, not the one we were called on.
    url = settings.public_base_url.rstrip("/") + request.full_path.rstrip("?")
    if not RequestValidator(settings.twilio_auth_token).validate(url, form, signature):
        abort(403, "bad Twilio signature")
    return form


@bp.post("/sms")
def inbound_sms():
    form = _verify()
    sid, sender = form.get("MessageSid") or form.get("SmsSid"), form.get("From", "")
    if not sid or not sender:
        abort(400, "MessageSid and From are required")
    try:
        media = int(form.get("NumMedia") or 0)
    except ValueError:
        abort(400, "NumMedia must be a number")
    channel = "whatsapp" if sender.startswith("whatsapp:") else "sms"
    address = sender.removeprefix("whatsapp:")
    receive_message(_runtime(), Inbound(channel=channel, address=address, provider_id=sid,
                                        text=form.get("Body", ""), media_count=media))
    return Response(EMPTY_TWIML, mimetype="text/xml")


@bp.post("/status")
def status_callback():
    form = _verify()
    sid, status = form.get("MessageSid"), form.get("MessageStatus")
    if not sid or not status:
        abort(400, "MessageSid and MessageStatus are required")
    delivery.record_status(_runtime(), sid, status, form.get("ErrorCode") or None)
    return Response("", status=204)
