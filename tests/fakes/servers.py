"""Fake Twilio and Telegram APIs on loopback: the real SDKs talk to them in tests and benchmarks.

Each records every request it accepts, can be told to fail for a given recipient (an error code,
a rate limit, a block), and can add latency to every answer.
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


@dataclass
class Failure:
    """How the fake answers sends to one recipient: `times` failures (None = forever)."""

    status: int
    body: dict
    times: int | None = None


class _FakeServer:
    def __init__(self, latency: float = 0.0):
        self.latency = latency
        self.lock = threading.Lock()
        self.failures: dict[str, Failure] = {}
        self._ids = itertools.count(1)
        self._server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def fail_for(self, recipient: str, status: int, body: dict, times: int | None = None) -> None:
        """Answer sends to `recipient` with an error, `times` times (None: always)."""
        with self.lock:
            self.failures[recipient] = Failure(status, body, times)

    def _failure(self, recipient: str) -> Failure | None:
        with self.lock:
            failure = self.failures.get(recipient)
            if failure is None:
                return None
            if failure.times is not None:
                failure.times -= 1
                if failure.times <= 0:
                    del self.failures[recipient]
            return failure

    def _wsgi(self, environ, start_response):
        request = Request(environ)
        if self.latency:
            time.sleep(self.latency)
        response = self.handle(request)
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:  # pragma: no cover - overridden
        raise NotImplementedError


class FakeTwilio(_FakeServer):
    """POST /2010-04-01/Accounts/{sid}/Messages.json as Twilio answers it."""

    def __init__(self, latency: float = 0.0):
        super().__init__(latency)
        self.messages: list[dict] = []

    def handle(self, request: Request) -> Response:
        if request.method == "GET" and request.path.endswith("/Messages.json"):
            return self._list(request)
        if not (request.method == "POST" and request.path.endswith("/Messages.json")):
            return Response(json.dumps({"code": 20404, "message": "not found", "status": 404}), 404,
                            mimetype="application/json")
        form = request.form.to_dict()
        failure = self._failure(form.get("To", ""))
        if failure is not None:
            return Response(json.dumps(failure.body), failure.status, mimetype="application/json")
        sid = f"SM{next(self._ids):032x}"
        record = {"sid": sid, "to": form.get("To"), "from": form.get("From"),
                  "messaging_service_sid": form.get("MessagingServiceSid"), "body": form.get("Body") or json.loads(form.get("ContentVariables") or "{}").get("1"),
                  "status_callback": form.get("StatusCallback"), "at": time.time(),
                  "content_sid": form.get("ContentSid"), "content_variables": form.get("ContentVariables"),
                  "auth": request.authorization.username if request.authorization else None}
        with self.lock:
            self.messages.append(record)
        account = request.path.split("/")[3]
        return Response(json.dumps({
            "sid": sid, "account_sid": account, "to": record["to"], "from": record["from"],
            "body": record["body"], "status": "queued", "num_segments": "1", "direction": "outbound-api",
            "date_created": "Mon, 23 Nov 2026 10:00:00 +0000", "uri": f"{request.path[:-5]}/{sid}.json",
        }), 201, mimetype="application/json")

    def _list(self, request: Request) -> Response:
        """GET Messages.json?To=...: the newest first, as Twilio pages them."""
        to = request.args.get("To")
        with self.lock:
            found = [m for m in reversed(self.messages) if to is None or m["to"] == to]
        page_size = int(request.args.get("PageSize", 50))
        account = request.path.split("/")[3]
        return Response(json.dumps({
            "messages": [self._resource(m, account) for m in found[:page_size]],
            "next_page_uri": None, "page": 0, "page_size": page_size, "uri": request.path,
            "first_page_uri": request.path, "previous_page_uri": None, "start": 0, "end": page_size,
        }), 200, mimetype="application/json")

    @staticmethod
    def _resource(record: dict, account: str) -> dict:
        created = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(record["at"]))
        return {"sid": record["sid"], "account_sid": account, "to": record["to"], "from": record["from"],
                "body": record["body"], "status": "sent", "date_created": created, "num_segments": "1",
                "direction": "outbound-api"}

    @staticmethod
    def error(code: int, message: str, status: int = 400) -> dict:
        """A Twilio error body (e.g. 21610: the recipient replied STOP)."""
        return {"code": code, "message": message, "status": status,
                "more_info": f"https://www.twilio.com/docs/errors/{code}"}

    def bodies_to(self, to: str) -> list[str]:
        with self.lock:
            return [m["body"] for m in self.messages if m["to"] == to]


class FakeTelegram(_FakeServer):
    """The Bot API methods townsquare calls: sendMessage, answerCallbackQuery, getMe, setWebhook."""

    def __init__(self, latency: float = 0.0):
        super().__init__(latency)
        self.messages: list[dict] = []
        self.calls: list[tuple[str, dict]] = []

    @staticmethod
    def _params(request: Request) -> dict:
        if request.is_json:
            return request.get_json() or {}
        params = request.form.to_dict()
        for key, value in list(params.items()):
            if key == "reply_markup":
                params[key] = json.loads(value)
        return params

    def handle(self, request: Request) -> Response:
        method = request.path.rsplit("/", 1)[-1]
        params = self._params(request)
        with self.lock:
            self.calls.append((method, params))
        if method == "sendMessage":
            chat_id = str(params.get("chat_id"))
            failure = self._failure(chat_id)
            if failure is not None:
                return Response(json.dumps(failure.body), failure.status, mimetype="application/json")
            message_id = next(self._ids)
            with self.lock:
                self.messages.append({"chat_id": chat_id, "text": params.get("text"),
                                      "reply_markup": params.get("reply_markup"), "at": time.time()})
            result = {"message_id": message_id, "date": int(time.time()),
                      "chat": {"id": int(chat_id), "type": "private"}, "text": params.get("text")}
            return self._ok(result)
        if method == "getMe":
            return self._ok({"id": 1, "is_bot": True, "first_name": "townsquare", "username": "townsquare_bot"})
        if method in ("answerCallbackQuery", "setWebhook", "deleteWebhook"):
            return self._ok(True)
        return Response(json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}), 404,
                        mimetype="application/json")

    @staticmethod
    def _ok(result) -> Response:
        return Response(json.dumps({"ok": True, "result": result}), mimetype="application/json")

    @staticmethod
    def blocked() -> dict:
        return {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}

    @staticmethod
    def too_many(retry_after: int = 1) -> dict:
        return {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after}}

    def texts_to(self, chat_id) -> list[str]:
        with self.lock:
            return [m["text"] for m in self.messages if m["chat_id"] == str(chat_id)]
