"""Meetings: create (with invitations), move, cancel, RSVPs, attendance and notes (bot.meetings)."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import abort, flash, redirect, render_template, request, url_for

from bot import meetings
from bot.quiet_hours import local_to_utc

from . import bp, runtime
from .auth import cd_only, viewer


def _when(name: str, required: bool = True) -> datetime | None:
    """A datetime-local field (the site's wall-clock time) as naive UTC; MeetingError when unreadable."""
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if required:
            raise meetings.MeetingError(f"the {name} time is required")
        return None
    try:
        return local_to_utc(datetime.fromisoformat(raw), runtime().site.timezone)
    except ValueError:
        raise meetings.MeetingError(f"the {name} time is not a date and time")


def _meeting(meeting_id: int) -> dict:
    found = next((m for m in meetings.list_meetings(runtime(), include_past=True) if m["id"] == meeting_id), None)
    if found is None:
        abort(404)
    return found


@bp.route("/meetings", methods=["GET", "POST"])
@cd_only
def meetings_page():
    error = None
    if request.method == "POST":
        try:
            starts = _when("start")
            plan = meetings.MeetingPlan(
                title=request.form.get("title", "").strip() or "Residents' meeting", starts_at=starts,
                ends_at=_when("end", required=False) or starts + timedelta(hours=2),
                venue=request.form.get("venue", ""), neighbourhoods=tuple(request.form.getlist("neighbourhood")),
                description=request.form.get("description", ""), created_by=viewer().email)
            meeting_id = meetings.create_meeting(runtime(), plan, invite=request.form.get("invite") == "1")
        except meetings.MeetingError as exc:
            error = str(exc)
        else:
            flash("Meeting created" + (": invitations are on their way." if request.form.get("invite") == "1" else "."))
            return redirect(url_for("dashboard.meeting_page", meeting_id=meeting_id))
    show_past = request.args.get("past") == "1"
    return render_template("dashboard/meetings.html", meetings=meetings.list_meetings(runtime(), include_past=show_past),
                           error=error, form=request.form, show_past=show_past), 400 if error else 200


@bp.get("/meetings/<int:meeting_id>")
@cd_only
def meeting_page(meeting_id: int):
    return render_template("dashboard/meeting.html", m=_meeting(meeting_id))


def _act(meeting_id: int, action, done: str):
    try:
        result = action()
    except meetings.MeetingError as exc:
        flash(str(exc), "error")
    else:
        flash(done.format(n=result))
    return redirect(url_for("dashboard.meeting_page", meeting_id=meeting_id))


@bp.post("/meetings/<int:meeting_id>/move")
@cd_only
def meeting_move(meeting_id: int):
    _meeting(meeting_id)
    return _act(meeting_id, lambda: meetings.move_meeting(
        runtime(), meeting_id, _when("start"), _when("end", required=False), request.form.get("venue") or None),
        "Meeting moved: {n} resident(s) will be told.")


@bp.post("/meetings/<int:meeting_id>/cancel")
@cd_only
def meeting_cancel(meeting_id: int):
    _meeting(meeting_id)
    if request.form.get("confirm") != "yes":
        flash("Tick the box to confirm the cancellation.", "error")
        return redirect(url_for("dashboard.meeting_page", meeting_id=meeting_id))
    return _act(meeting_id, lambda: meetings.cancel_meeting(runtime(), meeting_id),
                "Meeting cancelled: {n} resident(s) will be told.")


@bp.post("/meetings/<int:meeting_id>/invite")
@cd_only
def meeting_invite(meeting_id: int):
    _meeting(meeting_id)
    return _act(meeting_id, lambda: meetings.send_invitations(runtime(), meeting_id),
                "{n} new invitation(s) on their way.")


@bp.post("/meetings/<int:meeting_id>/attendance")
@cd_only
def meeting_attendance(meeting_id: int):
    _meeting(meeting_id)
    raw = (request.form.get("attendance") or "").strip()
    if raw and not raw.isdigit():
        flash("Attendance is a number of people.", "error")
        return redirect(url_for("dashboard.meeting_page", meeting_id=meeting_id))
    return _act(meeting_id, lambda: meetings.record_attendance(
        runtime(), meeting_id, int(raw) if raw else None, request.form.get("notes", "")),
        "Attendance and notes saved.")


@bp.post("/meetings/<int:meeting_id>/notes")
@cd_only
def meeting_send_notes(meeting_id: int):
    _meeting(meeting_id)
    return _act(meeting_id, lambda: meetings.send_notes(runtime(), meeting_id),
                "Notes on their way to {n} resident(s).")
