"""Broadcasts: compose with a live audience preview, send or schedule, progress, stop (bot.broadcasts)."""
from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from bot import broadcasts, meetings
from bot.quiet_hours import local_to_utc

from . import bp, runtime
from .auth import cd_only, viewer

CHANNELS = ("sms", "whatsapp", "telegram")


def _int(name: str, default: int | None = None) -> int | None:
    raw = (request.form.get(name) or "").strip()
    return int(raw) if raw.isdigit() else default


def _compose() -> tuple[str, broadcasts.Audience, str, datetime | None]:
    """The compose form's fields: body, audience, purpose and (local) send time as naive UTC."""
    form = request.form
    audience = broadcasts.Audience(
        neighbourhoods=tuple(form.getlist("neighbourhood")), channels=tuple(c for c in form.getlist("channel")
                                                                           if c in CHANNELS),
        theme=form.get("theme") or None, weeks=_int("weeks", 4) or 4, meeting_id=_int("meeting"),
        rsvp=tuple(form.getlist("rsvp")) if _int("meeting") else ())
    raw_at = (form.get("send_at") or "").strip()
    try:
        send_at = local_to_utc(datetime.fromisoformat(raw_at), runtime().site.timezone) if raw_at else None
    except ValueError:
        raise broadcasts.BroadcastError("the send time is not a date and time")
    purpose = form.get("purpose") if form.get("purpose") in broadcasts.PURPOSES else "updates"
    return form.get("body", ""), audience, purpose, send_at


def _preview_dict(seen) -> dict:
    data = asdict(seen)
    data["held_until"] = seen.held_until.isoformat() if seen.held_until else None
    return data


@bp.route("/broadcasts", methods=["GET", "POST"])
@cd_only
def broadcasts_page():
    seen, error = None, None
    if request.method == "POST":
        try:
            body, audience, purpose, send_at = _compose()
            if request.form.get("action") == "send":
                broadcast_id = broadcasts.create_broadcast(
                    runtime(), body, audience, purpose, send_at, created_by=viewer().email,
                    override_budget=request.form.get("override_budget") == "1")
                flash("Broadcast scheduled." if send_at else "Broadcast is being sent.")
                return redirect(url_for("dashboard.broadcast_page", broadcast_id=broadcast_id))
            seen = broadcasts.preview(runtime(), body, audience, purpose, send_at)
        except broadcasts.BroadcastError as exc:
            error = str(exc)
    return render_template("dashboard/broadcasts.html", broadcasts=broadcasts.list_broadcasts(runtime()),
                           preview=seen, error=error, form=request.form, channels=CHANNELS,
                           meetings=meetings.list_meetings(runtime())), 400 if error else 200


@bp.post("/broadcasts/preview")
@cd_only
def broadcast_preview():
    """The live audience count as the CD worker composes (JSON for the page's script)."""
    try:
        body, audience, purpose, send_at = _compose()
        return jsonify(_preview_dict(broadcasts.preview(runtime(), body or " ", audience, purpose, send_at)))
    except broadcasts.BroadcastError as exc:
        return jsonify(error=str(exc)), 400


def _broadcast(broadcast_id: int) -> dict:
    found = next((b for b in broadcasts.list_broadcasts(runtime(), limit=500) if b["id"] == broadcast_id), None)
    if found is None:
        abort(404)
    return found


@bp.get("/broadcasts/<int:broadcast_id>")
@cd_only
def broadcast_page(broadcast_id: int):
    b = _broadcast(broadcast_id)
    totals = b["totals"]
    done = sum(totals.get(s, 0) for s in ("sent", "delivered", "undelivered", "failed", "skipped", "cancelled"))
    return render_template("dashboard/broadcast.html", b=b, done=done)


@bp.post("/broadcasts/<int:broadcast_id>/stop")
@cd_only
def broadcast_stop(broadcast_id: int):
    b = _broadcast(broadcast_id)
    try:
        if b["status"] == "scheduled":
            broadcasts.cancel_broadcast(runtime(), broadcast_id)
            flash("Broadcast cancelled: nothing was sent.")
        else:
            withheld = broadcasts.stop_broadcast(runtime(), broadcast_id)
            flash(f"Broadcast stopped: {withheld} message(s) will not be sent.")
    except broadcasts.BroadcastError as exc:
        flash(str(exc), "error")
    return redirect(url_for("dashboard.broadcast_page", broadcast_id=broadcast_id))
