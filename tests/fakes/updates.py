"""Telegram updates shaped as Telegram sends them, and Twilio webhook forms signed as Twilio signs them."""
from __future__ import annotations

import itertools
import time

from twilio.request_validator import RequestValidator

_sids = itertools.count(1)


def _user(chat_id: int) -> dict:
    return {"id": chat_id, "is_bot": False, "first_name": "Resident", "language_code": "en"}


def _chat(chat_id: int, kind: str = "private") -> dict:
    chat = {"id": chat_id, "type": kind}
    if kind == "private":
        chat["first_name"] = "Resident"
    else:
        chat["title"] = "Estate group"
    return chat


def text_update(update_id: int, chat_id: int, text: str, chat_type: str = "private") -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "from": _user(chat_id),
        "chat": _chat(chat_id if chat_type == "private" else -chat_id, chat_type), "text": text}}


def sticker_update(update_id: int, chat_id: int) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "from": _user(chat_id), "chat": _chat(chat_id),
        "sticker": {"file_id": "CAACAgIAAxkBAAE", "file_unique_id": "AgADAQAD", "type": "regular",
                    "width": 512, "height": 512, "is_animated": False, "is_video": False, "emoji": "👍"}}}


def edited_update(update_id: int, chat_id: int, text: str) -> dict:
    return {"update_id": update_id, "edited_message": {
        "message_id": 1, "date": int(time.time()) - 60, "edit_date": int(time.time()),
        "from": _user(chat_id), "chat": _chat(chat_id), "text": text}}


def callback_update(update_id: int, chat_id: int, data: str, message_id: int = 1) -> dict:
    return {"update_id": update_id, "callback_query": {
        "id": f"cb{update_id}", "from": _user(chat_id), "chat_instance": "42", "data": data,
        "message": {"message_id": message_id, "date": int(time.time()), "chat": _chat(chat_id),
                    "from": {"id": 1, "is_bot": True, "first_name": "townsquare"}, "text": "Invitation"}}}


def twilio_form(sender: str, body: str, sid: str | None = None, to: str = "+447700900000",
                num_media: int = 0) -> dict:
    form = {"MessageSid": sid or f"SM{next(_sids):032x}", "AccountSid": "AC" + "1" * 32,
            "From": sender, "To": to, "Body": body, "NumMedia": str(num_media), "NumSegments": "1"}
    for i in range(num_media):
        form[f"MediaUrl{i}"] = f"https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME{i}"
        form[f"MediaContentType{i}"] = "image/jpeg"
    return form


def twilio_signature(auth_token: str, url: str, form: dict) -> str:
    """Sign as Twilio does, with twilio's own RequestValidator."""
    return RequestValidator(auth_token).compute_signature(url, form)
