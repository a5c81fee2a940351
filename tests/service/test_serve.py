"""`townsquare serve` with no configuration: migrations, a production server, the sandbox, a worker."""
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "TELEGRAM_", "DATABASE_URL",
                                                                   "SECRET_KEY", "TOWNSQUARE_"))}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--port", str(port)], cwd=tmp_path,
                            env={**env, "PYTHONPATH": os.getcwd()}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("serve did not start: " + (proc.stdout.read() if proc.stdout else ""))
    yield base, tmp_path
    proc.terminate()
    proc.wait(timeout=20)


def test_serve_runs_with_no_configuration_and_the_sandbox_answers(served):
    base, folder = served
    assert (folder / "townsquare.db").exists()
    assert (folder / "instance" / "secret_key").exists()
    with httpx.Client(base_url=base, timeout=10) as browser:
        page = browser.get("/sandbox")
        assert page.status_code == 200 and "Talk to" in page.text
        browser.post("/sandbox/send", json={"text": "hello"})
        replies = []
        for _ in range(50):
            replies = browser.get("/sandbox/replies").json()["replies"]
            if replies:
                break
            time.sleep(0.2)
        assert replies and "Reply YES to agree" in replies[0]["body"]
        assert browser.post("/sandbox/send", json={}).status_code == 400
