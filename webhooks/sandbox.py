"""/sandbox: a small web chat page to talk to the bot as a resident."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, session

from bot import sandbox

bp = Blueprint("sandbox", __name__, url_prefix="/sandbox")


def _address() -> str:
    if "sandbox_address" not in session:
        session["sandbox_address"] = sandbox.new_address()
    return session["sandbox_address"]


@bp.get("")
def page():
    _address()
    return render_template("sandbox.html", site=current_app.extensions["townsquare"].site)


@bp.post("/send")
def send():
    data = request.get_json(silent=True) or {}
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        abort(400, "text is required")
    sandbox.send(current_app.extensions["townsquare"], _address(), text[:1600])
    return jsonify(ok=True)


@bp.get("/replies")
def replies():
    try:
        after = int(request.args.get("after", 0))
    except ValueError:
        abort(400, "after must be a number")
    return jsonify(replies=sandbox.replies(current_app.extensions["townsquare"], _address(), after))


@bp.post("/reset")
def reset():
    session.pop("sandbox_address", None)
    return jsonify(ok=True)
