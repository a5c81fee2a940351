"""Site settings: everyone signed in reads them; CD workers change the everyday ones or reset them."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import login_required

from bot import site_admin

from . import bp, runtime
from .auth import cd_only, viewer


def _page(form=None, errors=None):
    found = site_admin.page(runtime())
    return render_template("dashboard/site.html", page=found, form=form or found.form, errors=errors or {},
                           labels=site_admin.LABELS)


@bp.get("/site")
@login_required
def site_settings():
    return _page()


@bp.post("/site")
@cd_only
def site_settings_save():
    try:
        changed = site_admin.save(runtime(), viewer(), request.form.to_dict(flat=False))
    except site_admin.SettingsInvalid as exc:
        return _page(exc.form, exc.errors), 400
    flash(f"Saved: {', '.join(changed)}." if changed else "Nothing changed.")
    return redirect(url_for("dashboard.site_settings"))


@bp.post("/site/<key>/reset")
@cd_only
def site_setting_reset(key: str):
    try:
        done = site_admin.reset(runtime(), viewer(), key)
    except LookupError:
        abort(404)
    flash(f"{site_admin.LABELS[key]}: back to the site file's value." if done
          else f"{site_admin.LABELS[key]} already had the site file's value.")
    return redirect(url_for("dashboard.site_settings"))
