"""`townsquare digest`, `townsquare action` and `townsquare demo` as a CD worker runs them."""
import json

import pytest
from click.testing import CliRunner

from bot.cli import main
from storage.models import Invitation, Resident


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    for name in ("TWILIO_ACCOUNT_SID", "TELEGRAM_BOT_TOKEN", "SMTP_URL", "TOWNSQUARE_SITE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SECRET_KEY", "cli-secret")
    monkeypatch.chdir(tmp_path)
    return url


def test_demo_then_digest_in_every_format_and_an_action(env, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["demo", "--residents", "200"])
    assert result.exit_code == 0, result.output
    week = result.output.split("--week ")[1].split()[0]
    assert runner.invoke(main, ["demo"]).output.startswith("The demo site is already")

    from bot.cli import runtime
    rt = runtime()
    with rt.uow() as uow:
        channels = {r.channel for r in uow.session.query(Resident)}
        rsvps = uow.session.query(Invitation).filter(Invitation.answer.is_not(None)).count()
    assert channels == {"sms", "whatsapp", "telegram"} and rsvps > 20

    out = runner.invoke(main, ["digest", "--week", week, "--format", "json"])
    data = json.loads(out.output)
    kingsmead = next(s for s in data["scopes"] if s["key"] == "kingsmead")
    assert any(r.startswith("road safety:") for r in kingsmead["rising"])
    assert kingsmead["actions"] and kingsmead["meetings"][0]["attended"] != 0
    for fmt in ("html", "text", "csv"):
        target = tmp_path / f"digest.{fmt}"
        result = runner.invoke(main, ["digest", "--week", week, "--neighbourhood", "Kingsmead",
                                      "--format", fmt, "--output", str(target)])
        assert result.exit_code == 0, result.output
        text = target.read_text()
        assert "Kingsmead" in text and "Marsh Hill</h2>" not in text
        assert "07700" not in text and "@example" not in text

    result = runner.invoke(main, ["action", "record", "--theme", "environment", "--neighbourhood", "marsh-hill",
                                  "--partner", "Council", "Cleared", "the", "fly-tipping", "on", "Well", "Street"])
    assert result.exit_code == 0 and "recorded action" in result.output
    assert "Cleared the fly-tipping on Well Street" in runner.invoke(main, ["action", "list"]).output
    bad = runner.invoke(main, ["digest", "--week", "soon"])
    assert bad.exit_code == 2 and "ISO week" in bad.output
    rt.close()
