"""Inbox, one message, theme and urgency corrections, reviews and urgent acknowledgements."""
from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bot import inbox as inbox_service

from . import bp, runtime
from .auth import _safe_next, cd_only, viewer


@bp.context_processor
def _page_context():
    """The urgent banner (CD workers) and the navigation, on every dashboard page."""
    if not current_user.is_authenticated:
        return {}
    items, total = inbox_service.unacknowledged_urgent(runtime(), viewer())
    return {"urgent_items": items, "urgent_total": total, "me": viewer(), "site": runtime().site}


def _date(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, "")) if request.args.get(name) else None
    except ValueError:
        return None


def _filters() -> inbox_service.MessageFilters:
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        page = 1
    return inbox_service.MessageFilters(
        theme=request.args.get("theme") or None, neighbourhood=request.args.get("neighbourhood") or None,
        since=_date("since"), until=_date("until"), urgent=request.args.get("urgent") == "1",
        needs_review=request.args.get("review") == "1", page=page)


@bp.get("/")
@login_required
def inbox_page():
    return redirect(url_for("dashboard.inbox"))


@bp.get("/messages")
@login_required
def inbox():
    filters = _filters()
    messages, more = inbox_service.list_messages(runtime(), viewer(), filters)
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template("dashboard/inbox.html", messages=messages, more=more, filters=filters,
                           args=args, back=request.full_path)



@bp.get("/messages/<int:message_id>")
@login_required
def message(message_id: int):
    try:
        found = inbox_service.get_message(runtime(), viewer(), message_id)
    except LookupError:
        abort(404)
    return render_template("dashboard/message.html", m=found, back=request.path)


def _back(message_id: int):
    return redirect(_safe_next(request.form.get("back")) if request.form.get("back")
                    else url_for("dashboard.message", message_id=message_id))


@bp.post("/messages/<int:message_id>/themes")
@cd_only
def correct(message_id: int):
    try:
        inbox_service.correct(runtime(), viewer(), message_id, request.form.getlist("theme"))
    except LookupError:
        abort(404)
    flash(f"Themes saved for message {message_id}.")
    return _back(message_id)


@bp.post("/messages/<int:message_id>/reviewed")
@cd_only
def reviewed(message_id: int):
    try:
        inbox_service.mark_reviewed(runtime(), viewer(), message_id)
    except LookupError:
        abort(404)
    flash(f"Message {message_id} marked reviewed.")
    return _back(message_id)


@bp.post("/messages/<int:message_id>/urgency")
@cd_only
def urgency(message_id: int):
    urgent = request.form.get("urgent") == "1"
    try:
        marked = inbox_service.mark_urgency(runtime(), viewer(), message_id, urgent)
    except LookupError:
        abort(404)
    if marked.changed:
        flash(f"Message {message_id} marked {'urgent: the CD workers are alerted' if urgent else 'not urgent'}.")
    if not marked.shown:  # held for the resident's consent: it leaves the inbox until they agree
        flash(f"Message {message_id} is held until the resident agrees to share it, so it leaves the inbox.")
        return redirect(url_for("dashboard.inbox"))
    return _back(message_id)


@bp.post("/messages/<int:message_id>/acknowledge")
@cd_only
def acknowledge(message_id: int):
    try:
        inbox_service.acknowledge_urgent(runtime(), viewer(), message_id, request.form.get("note", ""))
    except LookupError:
        abort(404)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(url_for("dashboard.message", message_id=message_id))
    flash(f"Urgent message {message_id} acknowledged.")
    return redirect(url_for("dashboard.message", message_id=message_id))
