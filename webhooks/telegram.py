"""POST /webhooks/telegram: updates checked by secret token, parsed by python-telegram-bot."""
from __future__ import annotations

import hmac

from flask import Blueprint, abort, current_app, jsonify, request
from telegram import Update

from bot.inbound import Inbound, receive_message

bp = Blueprint("telegram", __name__, url_prefix="/webhooks")


def _verify() -> None:
    secret = current_app.extensions["townsquare"].settings.telegram_webhook_secret
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        abort(403, "bad or missing secret token")


def _parse() -> Update:
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        abort(400, "expected a Telegram Update object")
    try:
        return Update.de_json(data, None)
    except (KeyError, TypeError, ValueError):
        abort(400, "malformed Telegram Update")


def inbound_from(update: Update) -> Inbound | None:
    """What the bot should hear from this update; None for kinds it ignores."""
    provider_id = str(update.update_id)
    if update.callback_query is not None:
        query = update.callback_query
        if query.message is not None and query.message.chat.type != "private":
            return None
        return Inbound(channel="telegram", address=str(query.from_user.id), provider_id=provider_id,
                       callback_data=query.data or "", text="")
    message = update.message
    if message is None or message.chat.type != "private":
        return None  # edits, channel posts, group chats, polls...: nothing a resident asked us
    text = message.text or message.caption or ""
    has_media = bool(message.photo or message.sticker or message.document or message.voice
                     or message.video or message.audio or message.animation or message.location)
    return Inbound(channel="telegram", address=str(message.chat.id), provider_id=provider_id,
                   text=text, media_count=1 if has_media else 0)


@bp.post("/telegram")
def telegram_update():
    _verify()
    update = _parse()
    inbound = inbound_from(update)
    if inbound is not None:
        receive_message(current_app.extensions["townsquare"], inbound)
    if update.callback_query is not None:
        # Answering in the webhook's own response stops the button's spinner with no extra request.
        return jsonify(method="answerCallbackQuery", callback_query_id=update.callback_query.id)
    return jsonify(ok=True)
