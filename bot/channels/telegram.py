"""Telegram through python-telegram-bot's Bot; its exceptions mapped by a table."""
from __future__ import annotations

import asyncio
import logging
import threading

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.request import HTTPXRequest

from .base import Outgoing, PermanentSendError, SendResult, TransientSendError

logger = logging.getLogger(__name__)

# Exception class -> (kind, flag). Checked in order: subclasses before their parents.
ERRORS: list[tuple[type[Exception], str, str]] = [
    (RetryAfter, "transient", "retry_after"),
    (Forbidden, "permanent", "unreachable"),       # the resident blocked the bot
    (ChatMigrated, "permanent", ""),
    (BadRequest, "permanent", ""),
    (TimedOut, "transient", ""),
    (NetworkError, "transient", ""),
    (TelegramError, "permanent", ""),
]


class TelegramChannel:
    """Sends with `Bot.send_message` on a private event loop (the worker is synchronous)."""

    name = "telegram"

    def __init__(self, token: str, api_base_url: str = ""):
        base = (api_base_url.rstrip("/") + "/bot") if api_base_url else "https://api.telegram.org/bot"
        self._bot = Bot(token, base_url=base,
                        request=HTTPXRequest(connection_pool_size=32, connect_timeout=5, read_timeout=10))
        # One event loop in its own thread: the worker's sending threads submit to it concurrently.
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="telegram-loop")
        self._thread.start()

    def _run(self, coroutine, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def send(self, message: Outgoing) -> SendResult:
        """Send a text (with inline buttons if any); map Telegram's errors."""
        markup = None
        if message.buttons:
            markup = InlineKeyboardMarkup([[InlineKeyboardButton(b["text"], callback_data=b["data"])
                                            for b in message.buttons]])
        try:
            sent = self._run(self._bot.send_message(chat_id=message.address, text=message.body,
                                                    reply_markup=markup))
        except Exception as exc:
            raise self._classify(exc) from exc
        return SendResult(provider_id=str(sent.message_id), status="sent")

    def answer_callback(self, callback_query_id: str, text: str = "") -> None:
        """Stop the button's spinner in the resident's app."""
        self._run(self._bot.answer_callback_query(callback_query_id, text=text or None))

    def close(self) -> None:
        """Release the HTTP connections and the private event loop."""
        if self._loop.is_closed():
            return
        try:
            self._run(self._bot.shutdown(), timeout=5)
        except Exception:  # closing anyway
            logger.debug("telegram shutdown failed", exc_info=True)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    @staticmethod
    def _classify(exc: Exception):
        for error_type, kind, flag in ERRORS:
            if isinstance(exc, error_type):
                reason = f"telegram {type(exc).__name__}: {exc}"
                if kind == "transient":
                    retry = getattr(exc, "retry_after", None)
                    seconds = retry.total_seconds() if hasattr(retry, "total_seconds") else retry
                    return TransientSendError(reason, type(exc).__name__, retry_after=seconds)
                return PermanentSendError(reason, type(exc).__name__, unreachable=flag == "unreachable")
        return TransientSendError(f"network: {type(exc).__name__}")
