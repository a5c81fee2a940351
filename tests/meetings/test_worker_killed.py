"""A worker killed with SIGKILL in the middle of a broadcast, then restarted: every resident gets
the broadcast exactly once (Twilio is asked about sends the dead worker may have made)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from bot.broadcasts import Audience, create_broadcast
from storage.models import OutboxMessage, OutboxStatus
from tests.fakes.population import NO_QUIET_SITE_YAML, seed_residents, worker_environment

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = ["+4477009100%02d" % i for i in range(60)]


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def pending(runtime) -> int:
    with runtime.uow() as uow:
        return uow.session.scalar(select(func.count()).where(OutboxMessage.status.in_(OutboxStatus.PENDING)))


def test_sigkill_mid_broadcast_then_restart_sends_each_exactly_once(runtime, fake_twilio, settings, tmp_path):
    fake_twilio.latency = 0.03  # so the kill lands with sends in flight
    seed_residents(runtime, [("sms", n, "marsh-hill") for n in NUMBERS])
    create_broadcast(runtime, "Community clean-up Saturday 10am, Market St", Audience())
    site = tmp_path / "site.yaml"
    site.write_text(NO_QUIET_SITE_YAML)
    env = worker_environment(settings, str(site), CLAIM_LEASE_SECONDS=2, TWILIO_RATE_PER_SECOND=1000)

    first = start_worker(env)
    try:
        assert wait_for(lambda: len(fake_twilio.messages) >= 15, 60), "the worker never got going"
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    sent_before_restart = len(fake_twilio.messages)
    assert sent_before_restart < len(NUMBERS)
    with runtime.uow() as uow:  # claimed by the dead worker: some in flight, some not yet tried
        orphaned = uow.session.scalar(select(func.count()).where(OutboxMessage.status == OutboxStatus.SENDING))
    assert orphaned > 0

    second = start_worker(env)
    try:
        assert wait_for(lambda: pending(runtime) == 0, 90), "the restarted worker did not finish"
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(10)
        except subprocess.TimeoutExpired:
            second.kill()
    counts = {n: fake_twilio.bodies_to(n).count("Community clean-up Saturday 10am, Market St") for n in NUMBERS}
    assert [n for n, c in counts.items() if c != 1] == []
    with runtime.uow() as uow:
        statuses = dict(uow.session.execute(select(OutboxMessage.status, func.count()).group_by(
            OutboxMessage.status)).all())
    assert statuses == {"sent": len(NUMBERS)}


def test_sigterm_finishes_the_sends_in_hand_so_telegram_gets_no_duplicates(runtime, fake_twilio, fake_telegram,
                                                                          settings, tmp_path):
    fake_twilio.latency = fake_telegram.latency = 0.03
    chats = [str(880000 + i) for i in range(40)]
    seed_residents(runtime, [("telegram", c, "marsh-hill") for c in chats]
                   + [("sms", n, "marsh-hill") for n in NUMBERS[:20]])
    create_broadcast(runtime, "Bulb planting Sunday 2pm", Audience())
    site = tmp_path / "site.yaml"
    site.write_text(NO_QUIET_SITE_YAML)
    env = worker_environment(settings, str(site), CLAIM_LEASE_SECONDS=60, TELEGRAM_RATE_PER_SECOND=20,
                             TWILIO_RATE_PER_SECOND=10)
    first = start_worker(env)
    try:
        assert wait_for(lambda: len(fake_telegram.messages) >= 10, 60)
        first.send_signal(signal.SIGTERM)       # a deploy restarting the worker
        first.wait(15)
    finally:
        if first.poll() is None:
            first.kill()
    with runtime.uow() as uow:
        in_doubt = uow.session.scalar(select(func.count()).where(OutboxMessage.status == OutboxStatus.SENDING))
    assert in_doubt == 0
    second = start_worker(env)
    try:
        assert wait_for(lambda: pending(runtime) == 0, 90)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(15)
    assert [c for c in chats if fake_telegram.texts_to(c).count("Bulb planting Sunday 2pm") != 1] == []
    assert [n for n in NUMBERS[:20] if fake_twilio.bodies_to(n).count("Bulb planting Sunday 2pm") != 1] == []
