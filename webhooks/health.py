"""GET /healthz: 200 when the database answers, 503 when it does not."""
from flask import Blueprint, current_app, jsonify

from bot import health

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        return jsonify(health.check(current_app.extensions["townsquare"]))
    except Exception as exc:  # the point of a health check is to say so, not to crash
        current_app.logger.warning("health check failed: %s", type(exc).__name__)
        return jsonify(status="unavailable", database="unreachable"), 503
