"""Themes, residents (FORGET), the model's corrections and retraining, and users (admins)."""
from __future__ import annotations

from dataclasses import asdict

from flask import Response, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import login_required

from bot import resident_admin, retraining, trends, users

from . import bp, charts, runtime
from .auth import admin_only, cd_only, viewer


@bp.get("/themes")
@login_required
def themes():
    hood = request.args.get("neighbourhood") or None
    try:
        weeks = int(request.args.get("weeks", 8))
    except ValueError:
        weeks = 8
    report = trends.theme_trends(runtime(), viewer(), weeks=weeks, neighbourhood=hood)
    labels = [f"{w:%d %b}" for w in report.weeks]
    this_week = charts.bar_chart([(t.label, t.this_week) for t in report.themes],
                                 f"Messages per theme in the week of {labels[-1]}")
    top = [t for t in report.themes if sum(t.counts)][:6]
    trend = charts.trend_chart(labels, [(t.label, t.counts) for t in top],
                               f"Weekly messages for the {len(top)} busiest themes, last {len(labels)} weeks")
    sparks = {t.theme: charts.sparkline(t.counts, f"{t.label}: {', '.join(map(str, t.counts))}")
              for t in report.themes}
    return render_template("dashboard/themes.html", report=report, labels=labels, this_week=this_week,
                           trend=trend, sparks=sparks, hood=hood, weeks=len(labels))


@bp.get("/residents")
@cd_only
def residents():
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        page = 1
    hood, state = request.args.get("neighbourhood") or None, request.args.get("state") or None
    rows, more = resident_admin.list_residents(runtime(), viewer(), neighbourhood=hood, state=state, page=page)
    return render_template("dashboard/residents.html", residents=rows, more=more, page=page, hood=hood,
                           state=state, states=["awaiting_consent", "awaiting_neighbourhood", "active",
                                                "confirm_forget", "opted_out", "declined"])


@bp.route("/residents/<int:resident_id>/forget", methods=["GET", "POST"])
@cd_only
def forget(resident_id: int):
    try:
        resident = resident_admin.get_resident(runtime(), viewer(), resident_id)
    except LookupError:
        abort(404)
    if request.method == "GET":
        return render_template("dashboard/forget.html", r=resident)
    if request.form.get("confirm") != "yes":
        flash("Tick the box to confirm, or go back.", "error")
        return render_template("dashboard/forget.html", r=resident), 400
    resident_admin.forget_resident(runtime(), viewer(), resident_id)
    flash(f"Resident {resident.masked_address} and their messages have been deleted.")
    return redirect(url_for("dashboard.residents"))


@bp.get("/model")
@cd_only
def model():
    status = retraining.status(runtime())
    count = len(retraining.corrections_jsonl(runtime()).splitlines())
    return render_template("dashboard/model.html", status=status, corrections=count,
                           check_seconds=runtime().settings.model_check_seconds)


@bp.get("/model/corrections.jsonl")
@cd_only
def corrections_download():
    body = retraining.corrections_jsonl(runtime())
    return Response(body, mimetype="application/x-ndjson",
                    headers={"Content-Disposition": "attachment; filename=corrections.jsonl"})


@bp.get("/model/status")
@cd_only
def model_status():
    status = asdict(retraining.status(runtime()))
    return jsonify({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in status.items()})


@bp.post("/model/retrain")
@cd_only
def retrain():
    started = retraining.start_retrain(runtime(), viewer(), output=current_app.config.get("DASHBOARD_MODEL_DIR"),
                                       epochs=int(current_app.config.get("DASHBOARD_TRAIN_EPOCHS", 10)))
    flash("Retraining started: this takes a few minutes." if started else "Retraining is already running.")
    return redirect(url_for("dashboard.model"))


@bp.route("/users", methods=["GET", "POST"])
@admin_only
def users_page():
    error = None
    if request.method == "POST":
        try:
            user = users.create_user(runtime(), request.form.get("email", ""), request.form.get("password", ""),
                                     request.form.get("role", ""), request.form.get("organisation") or None)
        except ValueError as exc:
            error = str(exc)
        else:
            flash(f"Created {user.role.replace('_', ' ')} {user.email}.")
            return redirect(url_for("dashboard.users_page"))
    return render_template("dashboard/users.html", users=users.list_users(runtime()), error=error,
                           form=request.form), 400 if error else 200


@bp.post("/users/<int:user_id>/access")
@admin_only
def user_access(user_id: int):
    try:
        user = users.set_active(runtime(), viewer(), user_id, request.form.get("active") == "1")
    except LookupError:
        abort(404)
    except ValueError as exc:
        flash(str(exc), "error")
    else:
        flash(f"{user.email} can {'now' if user.active else 'no longer'} sign in.")
    return redirect(url_for("dashboard.users_page"))

