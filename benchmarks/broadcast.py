"""A broadcast to 10,000 residents across SMS, WhatsApp and Telegram, sent by real `townsquare worker`
processes through the real SDKs to local fake Twilio and Telegram servers with a little latency;
one worker is killed with SIGKILL part-way and restarted.

Prints JSON: time to enqueue, messages/s per channel against its configured cap, duplicates and lost.
Usage: python benchmarks/broadcast.py [--residents 10000] [--workers 1] [--database-url URL]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from bot.broadcasts import Audience, create_broadcast  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.runtime import build_runtime  # noqa: E402
from storage.models import OutboxMessage, OutboxStatus  # noqa: E402
from tests.fakes import FakeTelegram, FakeTwilio  # noqa: E402
from tests.fakes.population import NO_QUIET_SITE_YAML, seed_residents, worker_environment  # noqa: E402

BODY = "Residents meeting Tue 7pm, Marsh Hill Library: speeding on Market St. Reply YES to come."
SHARES = {"sms": 0.4, "whatsapp": 0.3, "telegram": 0.3}


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def people(total: int) -> list[tuple[str, str, str]]:
    """Residents of the three channels, interleaved as they sign up in life (10 = 4 SMS, 3 WA, 3 TG)."""
    pattern = ["sms", "whatsapp", "telegram", "sms", "whatsapp", "telegram", "sms", "whatsapp", "telegram", "sms"]
    out = []
    for i in range(total):
        channel = pattern[i % len(pattern)]
        address = str(700000000 + i) if channel == "telegram" else f"+447{i:09d}"
        out.append((channel, address, "marsh-hill" if i % 2 else "kingsmead"))
    return out


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pending(runtime) -> int:
    with runtime.uow() as uow:
        return uow.session.scalar(select(func.count()).where(OutboxMessage.status.in_(OutboxStatus.PENDING)))


def channel_rate(times: list[float]) -> float:
    if len(times) < 2:
        return 0.0
    return (len(times) - 1) / (max(times) - min(times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--latency", type=float, default=0.02, help="Seconds each fake provider call takes.")
    parser.add_argument("--twilio-rate", type=float, default=10.0, help="Cap per Twilio sender (msg/s).")
    parser.add_argument("--telegram-rate", type=float, default=30.0, help="Telegram cap (msg/s).")
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="townsquare-broadcast-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    if url.startswith("postgresql"):
        reset_postgres(url)
    twilio, telegram = FakeTwilio(latency=args.latency).start(), FakeTelegram(latency=args.latency).start()
    settings = Settings(database_url=url, secret_key="bench-secret", twilio_account_sid="AC" + "2" * 32,
                        twilio_auth_token="bench-token", twilio_from="+447700900000",
                        twilio_api_base_url=twilio.base_url, telegram_bot_token="1:bench",
                        telegram_api_base_url=telegram.base_url, public_base_url="https://bench.example")
    from bot.site import load_site
    site_file = folder / "site.yaml"
    site_file.write_text(NO_QUIET_SITE_YAML)
    runtime = build_runtime(settings, load_site(str(site_file)), channels={})
    population = people(args.residents)
    seed_residents(runtime, population)

    started = time.perf_counter()
    create_broadcast(runtime, BODY, Audience(), override_budget=True)
    enqueue_seconds = time.perf_counter() - started

    env = worker_environment(settings, str(site_file), CLAIM_LEASE_SECONDS=5,
                             TWILIO_RATE_PER_SECOND=args.twilio_rate, TELEGRAM_RATE_PER_SECOND=args.telegram_rate,
                             SEND_CONCURRENCY=16, WORKER_POLL_SECONDS=0.02)
    workers = [start_worker(env) for _ in range(args.workers)]
    # Kill while every channel is still sending: within the shortest channel's expected run.
    caps = {"sms": args.twilio_rate, "whatsapp": args.twilio_rate, "telegram": args.telegram_rate}
    expected = min(len(population) * SHARES[c] / caps[c] for c in SHARES)
    killed_at = None
    t0 = time.time()
    if not args.no_kill:
        time.sleep(random.uniform(0.2, 0.8) * expected + 2)
        victim = workers.pop(0)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        killed_at = round(time.time() - t0, 1)
        workers.append(start_worker(env))
    deadline = time.time() + 1800
    while pending(runtime) and time.time() < deadline:
        time.sleep(0.5)
    for proc in workers:
        proc.send_signal(signal.SIGTERM)
    for proc in workers:
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()

    received = Counter()
    times: dict[str, list[float]] = {"sms": [], "whatsapp": [], "telegram": []}
    for m in twilio.messages:
        channel = "whatsapp" if (m["to"] or "").startswith("whatsapp:") else "sms"
        received[(channel, (m["to"] or "").removeprefix("whatsapp:"))] += 1
        times[channel].append(m["at"])
    for m in telegram.messages:
        received[("telegram", m["chat_id"])] += 1
        times["telegram"].append(m["at"])
    expected_keys = {(c, a) for c, a, _ in population}
    duplicates = {c: sum(n - 1 for (ch, _), n in received.items() if ch == c and n > 1) for c in SHARES}
    lost = {c: sum(1 for key in expected_keys if key[0] == c and received[key] == 0) for c in SHARES}
    rates = {c: round(channel_rate(times[c]), 1) for c in SHARES}
    print(json.dumps({
        "benchmark": "broadcast", "database": url.split(":")[0], "residents": len(population),
        "workers": args.workers, "provider_latency_ms": args.latency * 1000, "killed_at_seconds": killed_at,
        "enqueue_seconds": round(enqueue_seconds, 3),
        "messages_per_second": rates, "caps_per_second": caps,
        "ratio_to_cap": {c: round(rates[c] / caps[c], 3) for c in SHARES},
        "duplicates": duplicates, "lost": lost,
        "goals": {"ratio_to_cap_at_least": 0.9, "duplicates": 0, "lost": 0, "enqueue_seconds_under": 3},
    }, indent=1))
    twilio.stop()
    telegram.stop()
    runtime.close()


if __name__ == "__main__":
    main()
