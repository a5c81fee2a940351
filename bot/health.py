"""Is this process able to do its job: the database answers."""
from __future__ import annotations

from sqlalchemy import text


def check(runtime) -> dict:
    """{'database': 'ok'} or raises when the database is unreachable."""
    with runtime.uow() as uow:
        uow.session.execute(text("SELECT 1"))
    channels = sorted(name for name in runtime.channels)
    return {"status": "ok", "database": "ok", "channels": channels}
