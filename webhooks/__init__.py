"""The Flask app: `create_app()`, one blueprint per entry point."""
from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

logger = logging.getLogger(__name__)


def create_app(test_config: dict | None = None, runtime=None) -> Flask:
    """Build the app; `test_config` may carry SETTINGS (a bot.config.Settings) and SITE."""
    from bot.config import load_settings
    from bot.runtime import build_runtime

    test_config = test_config or {}
    app = Flask(__name__, instance_relative_config=False)
    if runtime is None:
        settings = test_config.get("SETTINGS") or load_settings()
        runtime = build_runtime(settings, test_config.get("SITE"), migrate=test_config.get("MIGRATE", True))
    app.config.update(
        SECRET_KEY=runtime.settings.secret_key,
        MAX_CONTENT_LENGTH=runtime.settings.max_body_bytes,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.config.update({k: v for k, v in test_config.items() if k.isupper()})
    app.extensions["townsquare"] = runtime

    from . import health, sandbox, telegram, twilio
    app.register_blueprint(health.bp)
    app.register_blueprint(twilio.bp)
    app.register_blueprint(telegram.bp)
    app.register_blueprint(sandbox.bp)
    _register_optional(app)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if request.path.startswith("/webhooks") or request.path.startswith("/api"):
            return jsonify(error=exc.name, description=exc.description), exc.code
        return exc

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app


def _register_optional(app: Flask) -> None:
    """Blueprints of features that may not be built yet (dashboard, api)."""
    import importlib
    for name in ("dashboard", "api"):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.init_app(app) if hasattr(module, "init_app") else app.register_blueprint(module.bp)


def runtime_of(app: Flask):
    """The bot Runtime this app serves."""
    return app.extensions["townsquare"]
