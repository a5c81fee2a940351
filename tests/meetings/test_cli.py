"""`townsquare meeting` and `townsquare broadcast` as a CD worker types them."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.fakes.population import seed_residents


@pytest.fixture
def cli_env(monkeypatch, runtime, tmp_path):
    site = tmp_path / "site.yaml"
    site.write_text("name: Test partnership\nquiet_hours:\n  start: '00:00'\n  end: '00:00'\n"
                    "neighbourhoods:\n  - {name: Marsh Hill, slug: marsh-hill}\n  - {name: Kingsmead, slug: kingsmead}\n"
                    "prices: {sms_segment: 0.05}\nbroadcast_budget_cap: 1.0\n")
    for key, value in {"DATABASE_URL": runtime.settings.database_url, "SECRET_KEY": runtime.settings.secret_key,
                       "TOWNSQUARE_SITE": str(site)}.items():
        monkeypatch.setenv(key, value)
    for key in ("TWILIO_ACCOUNT_SID", "TELEGRAM_BOT_TOKEN", "SMTP_URL"):
        monkeypatch.delenv(key, raising=False)
    return CliRunner()


def test_meeting_create_list_move_cancel(cli_env, runtime):
    seed_residents(runtime, [("sms", "+447700901001", "marsh-hill"), ("sms", "+447700901002", "kingsmead")])
    result = cli_env.invoke(main, ["meeting", "create", "--title", "Estate walkabout", "--start", "2099-12-02 18:30",
                                   "--neighbourhood", "marsh-hill", "--venue", "Marsh Hill Library"])
    assert result.exit_code == 0, result.output
    assert "Invitations queued: 1" in result.output and "Wed 2 Dec 6:30pm" in result.output
    listed = cli_env.invoke(main, ["meeting", "list"]).output
    assert "Estate walkabout" in listed and "invited 1" in listed
    moved = cli_env.invoke(main, ["meeting", "move", "1", "--start", "2099-12-09 18:30"])
    assert moved.exit_code == 0 and "moved" in moved.output
    cancelled = cli_env.invoke(main, ["meeting", "cancel", "1", "--yes"])
    assert cancelled.exit_code == 0 and "cancelled" in cancelled.output
    again = cli_env.invoke(main, ["meeting", "cancel", "1", "--yes"])
    assert again.exit_code != 0 and "cancelled" in again.output


def test_meeting_in_the_past_is_refused_clearly(cli_env):
    result = cli_env.invoke(main, ["meeting", "create", "--title", "Too late", "--start", "2001-01-01 10:00"])
    assert result.exit_code != 0 and "future" in result.output


BODY = "Litter pick Saturday 10am at Kingsmead Community Hall, gloves and bags provided. All welcome, bring a friend"


def test_broadcast_dry_run_previews_and_sends_nothing(cli_env, runtime):
    seed_residents(runtime, [("sms", f"+4477009020{i:02d}", "kingsmead") for i in range(15)]
                   + [("telegram", "990001", "kingsmead")])
    result = cli_env.invoke(main, ["broadcast", "send", "--body", BODY + " 😊", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Residents: 16 (sms 15, telegram 1)" in result.output
    assert "2 segment(s) per message, UCS-2" in result.output and "Estimated cost: 1.50" in result.output
    assert "Over the budget cap" in result.output and "Dry run" in result.output
    refused = cli_env.invoke(main, ["broadcast", "send", "--body", BODY + " 😊"])
    assert refused.exit_code != 0 and "budget cap" in refused.output
    assert "No broadcasts yet" in cli_env.invoke(main, ["broadcast", "list"]).output
    sent = cli_env.invoke(main, ["broadcast", "send", "--body", BODY])  # GSM-7: one segment, 0.75
    assert sent.exit_code == 0 and "Broadcast 1 queued" in sent.output, sent.output
    assert "16 residents" in cli_env.invoke(main, ["broadcast", "list"]).output
