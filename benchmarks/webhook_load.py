"""Load on loopback: signed Twilio POSTs through the full path (validate, store, classify, outbox)
under gunicorn, against a bare Flask TwiML handler under the same gunicorn, in the same run.

Prints JSON: messages/s, p50 and p99 latency for both, and their ratio.
Usage: python benchmarks/webhook_load.py [--seconds 15] [--concurrency 8] [--database-url URL]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.updates import twilio_form, twilio_signature  # noqa: E402

TOKEN = "bench-auth-token"
PUBLIC = "https://bench.townsquare.test"
SAMPLES = [
    "cars speeding down Albion Road every night, someone will get hurt",
    "bins not collected on Marsh Lane for 2 weeks, rats everywhere",
    "damp and mould in my flat, landlord wont fix it, kids coughing",
    "can't get a GP appointment for love nor money",
    "kids on bikes intimidating people outside the shop on Well St",
    "yes", "the 242 bus never turns up on time",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(app: str, env: dict, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", app],
        cwd=ROOT, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{app} did not start")


def drive(port: int, seconds: float, concurrency: int, prefix: str) -> dict:
    """Send signed POSTs from `concurrency` threads for `seconds`; each resident a new number."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def run(worker: int):
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
        n = 0
        while time.perf_counter() < stop_at:
            n += 1
            form = twilio_form(f"+4477009{worker:02d}{n % 500:03d}", SAMPLES[n % len(SAMPLES)],
                               sid=f"SM{prefix}{worker:04d}{n:024d}")
            signature = twilio_signature(TOKEN, PUBLIC + "/webhooks/twilio/sms", form)
            started = time.perf_counter()
            response = client.post("/webhooks/twilio/sms", data=form, headers={"X-Twilio-Signature": signature})
            elapsed = time.perf_counter() - started
            with lock:
                if response.status_code == 200:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1
        client.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 100 else [float("nan")] * 99
    return {"requests": len(latencies), "errors": errors[0], "messages_per_second": round(len(latencies) / wall, 1),
            "p50_ms": round(q[49] * 1000, 2), "p99_ms": round(q[98] * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="townsquare-bench-")
    database_url = args.database_url or f"sqlite:///{folder}/bench.db"
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "bench-secret",
           "PUBLIC_BASE_URL": PUBLIC, "TWILIO_ACCOUNT_SID": "AC" + "2" * 32, "TWILIO_AUTH_TOKEN": TOKEN,
           "TWILIO_FROM": "+447700900000", "TWILIO_API_BASE_URL": "http://127.0.0.1:9"}
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    results = {}
    for name, app in (("bare_flask", "benchmarks.bare_twiml:app"), ("full_path", "webhooks.wsgi:app")):
        proc, port = start_gunicorn(app, env, args.workers, args.threads)
        try:
            drive(port, 2, args.concurrency, prefix=f"w{name[:1]}")  # warm up: imports, model load
            results[name] = drive(port, args.seconds, args.concurrency, prefix=name[:1])
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    ratio = results["full_path"]["messages_per_second"] / max(results["bare_flask"]["messages_per_second"], 1e-9)
    print(json.dumps({
        "benchmark": "webhook_load", "database": database_url.split(":")[0],
        "gunicorn": {"workers": args.workers, "threads": args.threads}, "concurrency": args.concurrency,
        "seconds": args.seconds, **results,
        "throughput_ratio_full_vs_bare": round(ratio, 3),
        "goals": {"ratio_at_least": 0.4, "full_path_p99_ms_under": 100},
    }, indent=2))


if __name__ == "__main__":
    main()
