"""Digests (archive, any week, charts, hide a quote, downloads) and actions (bot.digest_pages)."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required

from bot import digest_pages

from . import bp, runtime
from .auth import cd_only, viewer


@bp.get("/digests")
@login_required
def digests_page():
    return render_template("dashboard/digests.html", digests=digest_pages.archive(runtime(), viewer()))


@bp.get("/digests/<int:digest_id>")
@login_required
def digest_page(digest_id: int):
    try:
        shown = digest_pages.stored_digest(runtime(), viewer(), digest_id)
    except LookupError:
        abort(404)
    return render_template("dashboard/digest.html", digest_id=digest_id, **shown)


@bp.get("/digests/week")
@login_required
def digest_week():
    label = request.args.get("week", "")
    try:
        shown = digest_pages.week_digest(runtime(), viewer(), label)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(url_for("dashboard.digests_page"))
    except LookupError:
        abort(404)
    return render_template("dashboard/digest.html", digest_id=None, **shown)


@bp.get("/digests/<int:digest_id>.<fmt>")
@login_required
def digest_download(digest_id: int, fmt: str):
    try:
        body, mimetype, filename = digest_pages.download(runtime(), viewer(), digest_id, fmt)
    except (LookupError, ValueError):
        abort(404)
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.post("/digests/quotes/<int:message_id>/hide")
@cd_only
def digest_hide_quote(message_id: int):
    try:
        hidden = digest_pages.hide_quote(runtime(), viewer(), message_id, request.form.get("reason", ""))
    except KeyError:
        abort(404)
    flash("The quote is hidden from every digest." if hidden else "That quote was already hidden.")
    back = request.form.get("back", "")
    return redirect(back if back.startswith("/dashboard/digests") else url_for("dashboard.digests_page"))


@bp.route("/actions", methods=["GET", "POST"])
@login_required
def actions_page():
    error = None
    if request.method == "POST":
        if not viewer().sees_residents:
            abort(403)
        try:
            notified = digest_pages.record_action(
                runtime(), viewer(), request.form.get("theme", ""), request.form.get("neighbourhood", ""),
                request.form.get("description", ""), partner=request.form.get("partner", ""))
        except ValueError as exc:
            error = str(exc)
        else:
            flash(f"Action recorded: the update is on its way to {notified} resident(s) who raised it.")
            return redirect(url_for("dashboard.actions_page"))
    rows = digest_pages.list_actions(runtime(), viewer(), theme=request.args.get("theme") or None)
    return render_template("dashboard/actions.html", actions=rows, error=error, form=request.form), \
        400 if error else 200
