"""Signing in and out of the dashboard, and who the current user is."""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user

from bot import users

from . import bp, runtime

login_manager = LoginManager()
login_manager.login_view = "dashboard.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.session_protection = "strong"


class SessionUser(UserMixin):
    """The signed-in user, carrying what they may see (a bot.users.Viewer)."""

    def __init__(self, viewer: users.Viewer):
        self.viewer = viewer
        self.id = viewer.id

    def get_id(self) -> str:
        return f"{self.viewer.id}:{self.viewer.session_version}"


@login_manager.user_loader
def _load(session_id: str):
    """The user of a session, unless they were turned off since it began."""
    try:
        user_id, version = (int(part) for part in session_id.split(":"))
    except ValueError:
        return None
    user = users.get_user(runtime(), user_id)
    if user is None or user.session_version != version:
        return None
    return SessionUser(users.viewer_for(user, runtime().site))


def viewer() -> users.Viewer:
    """The current user's Viewer (only inside login_required views)."""
    return current_user.viewer


def cd_only(view):
    """Login required, and a CD worker or admin: partners get 403."""
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.viewer.sees_residents:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def admin_only(view):
    """Login required, and an admin."""
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.viewer.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def _safe_next(target: str | None) -> str:
    parts = urlsplit(target or "")
    if target and not parts.scheme and not parts.netloc and parts.path.startswith("/dashboard"):
        return target
    return url_for("dashboard.inbox")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.inbox"))
    if request.method == "GET":
        return render_template("dashboard/login.html", next=request.args.get("next", ""))
    email = request.form.get("email", "")
    try:
        user = users.authenticate(runtime(), email, request.form.get("password", ""),
                                  client=request.remote_addr or "")
    except users.RateLimited:
        return render_template("dashboard/login.html", next=request.form.get("next", ""), email=email,
                               error="Too many attempts. Please wait 15 minutes and try again."), 429
    if user is None:
        return render_template("dashboard/login.html", next=request.form.get("next", ""), email=email,
                               error="That email and password do not match."), 401
    session.clear()  # a fresh session for the new sign-in
    login_user(SessionUser(users.viewer_for(user, runtime().site)))
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    flash("You are signed out.")
    return redirect(url_for("dashboard.login"))
