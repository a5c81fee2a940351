"""Weekly digest at scale: 1,000,000 messages over 52 weeks in 10 neighbourhoods.

Generates the messages straight into the database (executemany on SQLite, COPY on PostgreSQL),
then prints JSON: seconds to build one week's digest for every neighbourhood and the whole site,
peak memory of that build, and in the same run the single SQL GROUP BY that counts themes per
neighbourhood for the week (the floor to compare with).
Usage: python benchmarks/digest.py [--messages 1000000] [--database-url postgresql://...] [--reuse]
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text  # noqa: E402

from bot import digest, digest_render  # noqa: E402
from bot.digest_weeks import parse_week  # noqa: E402
from bot.site import DEFAULT_THEMES, Neighbourhood, Site  # noqa: E402
from storage.db import make_engine, make_session_factory  # noqa: E402
from storage.migrate import upgrade_engine  # noqa: E402
from storage.models import Message, MessageTheme  # noqa: E402

TZ = "Europe/London"
LAST_WEEK = "2026-W47"
WEEKS = 52
HOODS = [f"hood-{i}" for i in range(10)]
STREETS = {h: [f"{name} {kind}" for name in ("Albion", "Market", "Chapel", "Mill", "Station")
               for kind in ("Road", "Street")][:6] for h in HOODS}
SITE = Site(name="Benchmark Partnership", timezone=TZ,
            neighbourhoods=tuple(Neighbourhood(h, f"Neighbourhood {i}", (), tuple(f"{s} {i}" for s in STREETS[h]))
                                 for i, h in enumerate(HOODS)))
TEMPLATES = {
    "road_safety": ["cars speeding on {p} every night", "the crossing on {p} needs a lollipop person",
                    "vans parking on the pavement on {p}"],
    "antisocial_behaviour": ["lads on bikes shouting outside the shops on {p}", "loud music all night on {p}"],
    "environment": ["fly tipping on {p} again, mattress dumped", "bins not collected on {p} for two weeks"],
    "housing": ["damp and mould in our flat, landlord wont fix it", "heating broken for three weeks"],
    "crime": ["car broken into on {p} last night", "drug dealing outside the shop on {p}"],
    "health": ["cant get a GP appointment for weeks", "no dentist taking NHS patients near here"],
    "community_facilities": ["the youth club closed, kids have nowhere to go", "playground on {p} is broken"],
    "transport": ["the bus never turns up on time on {p}", "no step free access at the station"],
    "other": ["when is the next meeting about {p}"],
}
THEMES = [t for t in DEFAULT_THEMES if t in TEMPLATES]
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


def generate(n: int, residents: int, seed: int = 7):
    """Rows for messages and message_themes, in chunks (never all in memory)."""
    rng = random.Random(seed)
    start = parse_week(LAST_WEEK, TZ).shifted(-(WEEKS - 1), TZ).start
    span = WEEKS * 7 * 86400
    hood_weights = [1.0 + i * 0.2 for i in range(len(HOODS))]
    messages, themes = [], []
    for i in range(1, n + 1):
        hood_index = rng.choices(range(len(HOODS)), hood_weights)[0]
        hood = HOODS[hood_index]
        received = start + timedelta(seconds=rng.random() * span)
        picked = [rng.choice(THEMES)]
        if rng.random() < 0.3:
            picked.append(rng.choice(THEMES))
        picked = list(dict.fromkeys(picked))
        place = rng.choice(SITE.neighbourhoods[hood_index].streets)
        body = rng.choice(TEMPLATES[picked[0]]).format(p=place)
        urgent = rng.random() < 0.01
        places = [place] if place in body else []
        resident = rng.randrange(1, residents + 1)
        messages.append((i, "sms", f"SM{i:032x}", resident, body, body, received, "processed", "concern",
                         hood, json.dumps(picked), urgent, json.dumps(places)))
        themes += [(i, t, resident, hood, received) for t in picked]
        if len(messages) >= 50_000:
            yield messages, themes
            messages, themes = [], []
    if messages:
        yield messages, themes


def insert(engine, n: int, residents: int) -> float:
    """Write residents, messages and theme rows as fast as each database allows; returns seconds."""
    began = time.perf_counter()
    pg = engine.dialect.name == "postgresql"
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if not pg:
            cur.execute("BEGIN")  # the engine's connections autocommit: one transaction for the load
        people = [(i, "sms", f"hash-{i}", b"x", "active", HOODS[i % len(HOODS)], False, True, "2025-01-01 00:00:00.000000")
                  for i in range(1, residents + 1)]
        cols = "id, channel, address_hash, address_enc, state, neighbourhood, consent_meetings, consent_updates, created_at"
        if pg:
            with cur.copy(f"COPY residents ({cols}) FROM STDIN") as copy:
                for row in people:
                    copy.write_row(row[:8] + ("2025-01-01",))
        else:
            cur.executemany(f"INSERT INTO residents ({cols}) VALUES (?,?,?,?,?,?,?,?,?)", people)
        mcols = ("id, channel, provider_id, resident_id, body, redacted, received_at, status, kind, "
                 "neighbourhood, themes, urgent, places, media_count, scores, needs_review")
        tcols = "message_id, theme, resident_id, neighbourhood, received_at"
        for messages, themes in generate(n, residents):
            if pg:
                with cur.copy(f"COPY messages ({mcols}) FROM STDIN") as copy:
                    for m in messages:
                        copy.write_row(m + (0, "{}", False))
                with cur.copy(f"COPY message_themes ({tcols}) FROM STDIN") as copy:
                    for t in themes:
                        copy.write_row(t)
            else:
                cur.executemany(f"INSERT INTO messages ({mcols}) VALUES ({','.join('?' * 16)})",
                                [m[:6] + (m[6].strftime(SQLITE_TIME),) + m[7:] + (0, "{}", False) for m in messages])
                cur.executemany(f"INSERT INTO message_themes ({tcols}) VALUES (?,?,?,?,?)",
                                [t[:4] + (t[4].strftime(SQLITE_TIME),) for t in themes])
        raw.commit()
        if pg:
            cur.execute("ANALYZE")
            raw.commit()
        else:
            cur.execute("ANALYZE")
    finally:
        raw.close()
    return time.perf_counter() - began


def floor_query(session, week):
    """The single GROUP BY: themes counted per neighbourhood for the week."""
    mt = MessageTheme
    return session.execute(select(mt.neighbourhood, mt.theme, func.count()).where(
        mt.neighbourhood.in_(HOODS), mt.received_at >= week.start, mt.received_at < week.end)
        .group_by(mt.neighbourhood, mt.theme)).all()


def best_of(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--database-url", default="sqlite:////tmp/townsquare-digest-bench.db")
    parser.add_argument("--reuse", action="store_true", help="Keep the data already there if the count matches.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    url = args.database_url
    if url.startswith("sqlite:///") and not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
    engine = make_engine(url)
    if engine.dialect.name == "postgresql" and not args.reuse:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_engine(engine)
    factory = make_session_factory(engine)
    with factory() as session:
        present = session.scalar(select(func.count()).select_from(Message))
    insert_seconds = None
    if present != args.messages:
        if present:
            sys.exit(f"the database holds {present} messages; run without --reuse")
        insert_seconds = insert(engine, args.messages, args.residents)

    week = parse_week(LAST_WEEK, TZ)
    with factory() as session:
        theme_rows = session.scalar(select(func.count()).select_from(MessageTheme))
        floor_seconds, groups = best_of(lambda: floor_query(session, week), args.repeat)
        build_seconds, data = best_of(lambda: digest.build_in(session, SITE, week), args.repeat)
        gc.collect()
        tracemalloc.start()
        digest.build_in(session, SITE, week)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    began = time.perf_counter()
    html = digest_render.render(data, "html")
    render_seconds = time.perf_counter() - began
    this_week = sum(t["this_week"] for t in data["scopes"][0]["themes"] if isinstance(t["this_week"], int))
    print(json.dumps({
        "database": engine.dialect.name, "messages": args.messages, "theme_rows": theme_rows,
        "weeks": WEEKS, "neighbourhoods": len(HOODS), "week": week.label,
        "week_theme_rows": this_week, "insert_seconds": round(insert_seconds, 1) if insert_seconds else None,
        "build_digest_seconds": round(build_seconds, 3),
        "sql_group_by_floor_seconds": round(floor_seconds, 4), "floor_groups": len(groups),
        "build_over_floor": round(build_seconds / floor_seconds, 1) if floor_seconds else None,
        "build_peak_python_memory_mb": round(peak / 2**20, 1),
        "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "render_html_with_charts_seconds": round(render_seconds, 2), "html_kb": len(html) // 1024,
        "goal": {"build_digest_seconds": 2.0, "memory_mb": 300},
    }, indent=2))


if __name__ == "__main__":
    main()
