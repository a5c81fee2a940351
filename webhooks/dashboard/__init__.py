"""/dashboard: CD workers' and partners' web pages (Flask-Login sessions, CSRF on every form)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import Blueprint, Flask, abort, current_app, request
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf

from bot.alerts import urgent_label

STATIC = Path(__file__).resolve().parent.parent / "static" / "dashboard"

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard", static_folder=str(STATIC),
               static_url_path="/static")
bp.add_app_template_filter(urgent_label, "urgent_label")  # why a message was flagged, in a CD worker's words

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


# Other features' pages: (module here, the bot module it needs); mounted once that module exists.
OPTIONAL_PAGES = [("meetings", "bot.meetings"), ("broadcasts", "bot.broadcasts"), ("digests", "bot.digest_pages")]
# Shown in the navigation once registered: (label, endpoint, endpoints it covers by prefix,
# who may see it: "all" or "cd").
FEATURE_PAGES = [("Meetings", "dashboard.meetings_page", "dashboard.meeting", "cd"),
                 ("Broadcasts", "dashboard.broadcasts_page", "dashboard.broadcast", "cd"),
                 ("Digests", "dashboard.digests_page", "dashboard.digest", "all"),
                 ("Actions", "dashboard.actions_page", "dashboard.action", "all")]


def runtime():
    """The bot Runtime this app serves."""
    return current_app.extensions["townsquare"]


@bp.before_request
def _check_csrf():
    """Every state-changing request carries the session's CSRF token (form field or X-CSRFToken)."""
    if request.method in ("GET", "HEAD", "OPTIONS") or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    token = request.form.get("csrf_token") or request.headers.get("X-CSRFToken")
    try:
        validate_csrf(token)
    except Exception as exc:  # ValidationError: missing, expired or wrong
        raise CSRFError(str(exc) or "The CSRF token is missing or invalid.")


@bp.after_request
def _headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if not request.path.startswith("/dashboard/static"):
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_template_filter("local")
def _local(value: datetime | None, fmt: str = "%d %b %Y %H:%M") -> str:
    """A naive UTC datetime in the site's time zone."""
    if value is None:
        return ""
    zone = ZoneInfo(runtime().site.timezone)
    return value.replace(tzinfo=timezone.utc).astimezone(zone).strftime(fmt)


def feature_nav(viewer) -> list[dict]:
    """Navigation entries for the feature pages that exist and this viewer may open."""
    from flask import url_for
    return [{"label": label, "url": url_for(endpoint), "prefix": prefix}
            for label, endpoint, prefix, who in FEATURE_PAGES
            if endpoint in current_app.view_functions and (who == "all" or viewer.sees_residents)]


def init_app(app: Flask) -> None:
    """Mount the dashboard: sessions, the blueprint and its pages."""
    import importlib

    from . import auth, pages, settings, views  # noqa: F401  (registers routes on bp)
    for name, needs in OPTIONAL_PAGES:  # other features' pages, once their services exist
        try:
            importlib.import_module(needs)
        except ModuleNotFoundError as exc:
            if exc.name != needs:
                raise
            continue
        importlib.import_module(f"{__name__}.{name}")

    app.config.setdefault("WTF_CSRF_ENABLED", True)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)
    app.config.setdefault("SESSION_COOKIE_SECURE", runtime_url_is_https(app))
    auth.login_manager.init_app(app)
    app.jinja_env.globals["csrf_token"] = generate_csrf
    app.jinja_env.globals["feature_nav"] = feature_nav
    app.register_blueprint(bp)


def runtime_url_is_https(app: Flask) -> bool:
    """Secure cookies when the public URL is HTTPS (not on plain-HTTP localhost)."""
    rt = app.extensions.get("townsquare")
    return bool(rt and rt.settings.public_base_url.startswith("https://")) and not app.config.get("TESTING")


def require(condition: bool) -> None:
    """403 unless the current user may do this."""
    if not condition:
        abort(403)
