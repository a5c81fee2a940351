"""Signing in, roles, CSRF, rate limits, security headers and the `users` CLI."""
from click.testing import CliRunner
from sqlalchemy import select

from bot.users import authenticate, create_user
from storage.models import User

from .conftest import PASSWORD, add_message, csrf_from, post_form, sign_in


def test_pages_need_a_signed_in_user(client, accounts):
    response = client.get("/dashboard/messages/1")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dashboard/login?next=")


def test_sign_in_and_out(client, accounts, runtime):
    assert sign_in(client, accounts["cd"], "wrong password").status_code == 401
    response = sign_in(client, accounts["cd"])
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard/messages"
    assert "Inbox" in client.get("/dashboard/messages").get_data(as_text=True)
    with runtime.uow() as uow:
        user = uow.session.scalars(select(User).where(User.email == accounts["cd"])).one()
        assert user.last_login_at is not None and user.password_hash.startswith("$argon2")
    assert post_form(client, "/dashboard/logout").status_code == 302
    assert client.get("/dashboard/messages").status_code == 302


def test_sign_in_goes_only_to_dashboard_pages(client, accounts):
    token = csrf_from(client.get("/dashboard/login").get_data(as_text=True))
    response = client.post("/dashboard/login", data={"email": accounts["cd"], "password": PASSWORD,
                                                     "csrf_token": token, "next": "https://evil.example/x"})
    assert response.headers["Location"] == "/dashboard/messages"


def test_forms_without_a_csrf_token_are_refused(client, accounts, runtime):
    message_id = add_message(runtime, "bins not collected on Marsh Lane", ["environment"])
    login = client.post("/dashboard/login", data={"email": accounts["cd"], "password": PASSWORD})
    assert login.status_code == 400
    sign_in(client, accounts["cd"])
    response = client.post(f"/dashboard/messages/{message_id}/themes", data={"theme": ["housing"]})
    assert response.status_code == 400
    forged = client.post(f"/dashboard/messages/{message_id}/reviewed", data={"csrf_token": "forged"})
    assert forged.status_code == 400
    with runtime.uow() as uow:
        from storage.models import Message
        assert uow.session.get(Message, message_id).themes == ["environment"]


def test_sign_in_is_rate_limited(client, accounts, runtime):
    for _ in range(5):
        assert sign_in(client, accounts["cd"], "guess").status_code == 401
    response = sign_in(client, accounts["cd"])  # even the right password, for a while
    assert response.status_code == 429 and "Too many attempts" in response.get_data(as_text=True)
    assert authenticate(runtime, accounts["police"], PASSWORD, client="10.0.0.9") is not None


def test_partner_pages_are_limited(client, accounts, runtime):
    police = add_message(runtime, "drug dealing by the garages", ["crime"])
    council = add_message(runtime, "potholes on Albion Road", ["road_safety"])
    sign_in(client, accounts["police"])
    for path in ("/dashboard/residents", "/dashboard/model", "/dashboard/users",
                 "/dashboard/model/corrections.jsonl", "/dashboard/residents/1/forget"):
        assert client.get(path).status_code == 403, path
    assert client.get(f"/dashboard/messages/{police}").status_code == 200
    assert client.get(f"/dashboard/messages/{council}").status_code == 404
    assert post_form(client, f"/dashboard/messages/{police}/themes", {"theme": "housing"}).status_code == 403
    assert post_form(client, "/dashboard/model/retrain").status_code == 403


def test_admin_adds_users(client, accounts, runtime):
    sign_in(client, accounts["cd"])
    assert client.get("/dashboard/users").status_code == 403
    post_form(client, "/dashboard/logout")
    sign_in(client, accounts["admin"])
    page = client.get("/dashboard/users").get_data(as_text=True)
    assert accounts["police"] in page
    bad = post_form(client, "/dashboard/users", {"email": "nhs@example.org", "role": "partner",
                                                  "password": "long enough pw"}, page="/dashboard/users")
    assert bad.status_code == 400 and "needs an organisation" in bad.get_data(as_text=True)
    ok = post_form(client, "/dashboard/users", {"email": "nhs@example.org", "role": "partner", "organisation": "NHS",
                                                 "password": "long enough pw"}, page="/dashboard/users")
    assert ok.status_code == 302
    assert authenticate(runtime, "NHS@example.org", "long enough pw").organisation == "NHS"


def test_security_headers(client, accounts):
    response = client.get("/dashboard/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "HttpOnly" in sign_in(client, accounts["cd"]).headers["Set-Cookie"]


def test_users_cli(runtime, settings, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", settings.secret_key)
    from bot.cli import main
    runner = CliRunner()
    result = runner.invoke(main, ["users", "create", "--email", "Worker@Example.org", "--role", "cd_worker"],
                           input="a long password\na long password\n")
    assert result.exit_code == 0, result.output
    assert "created cd_worker worker@example.org" in result.output
    assert "a long password" not in result.output.split("Repeat")[-1].split("\n", 1)[-1]
    duplicate = runner.invoke(main, ["users", "create", "--email", "worker@example.org", "--role", "admin",
                                     "--password", "another password"])
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output
    listed = runner.invoke(main, ["users", "list"])
    assert "worker@example.org" in listed.output and "never" in listed.output
    assert authenticate(runtime, "worker@example.org", "a long password") is not None


def test_create_user_refuses_bad_input(runtime):
    import pytest
    for kwargs in ({"email": "nobody", "password": "long enough pw", "role": "cd_worker"},
                   {"email": "a@b.org", "password": "short", "role": "cd_worker"},
                   {"email": "a@b.org", "password": "long enough pw", "role": "boss"},
                   {"email": "a@b.org", "password": "long enough pw", "role": "partner", "organisation": "Cafe"}):
        with pytest.raises(ValueError):
            create_user(runtime, **kwargs)


def test_admin_turns_a_user_off_and_they_are_signed_out(app, accounts, runtime):
    worker, admin = app.test_client(), app.test_client()
    sign_in(worker, accounts["cd"])
    assert worker.get("/dashboard/messages").status_code == 200
    sign_in(admin, accounts["admin"])
    with runtime.uow() as uow:
        cd_id = uow.session.scalars(select(User.id).where(User.email == accounts["cd"])).one()
        admin_id = uow.session.scalars(select(User.id).where(User.email == accounts["admin"])).one()
    post_form(admin, f"/dashboard/users/{cd_id}/access", {"active": "0"}, page="/dashboard/users")
    assert worker.get("/dashboard/messages").status_code == 302
    assert sign_in(worker, accounts["cd"]).status_code == 401
    own = post_form(admin, f"/dashboard/users/{admin_id}/access", {"active": "0"}, page="/dashboard/users")
    assert "cannot turn off your own access" in admin.get(own.headers["Location"]).get_data(as_text=True)
    post_form(admin, f"/dashboard/users/{cd_id}/access", {"active": "1"}, page="/dashboard/users")
    assert sign_in(worker, accounts["cd"]).status_code == 302
    site = admin.get("/dashboard/site").get_data(as_text=True)
    assert "Marsh Hill" in site and "Police" in site
    assert worker.get("/dashboard/site").status_code == 200  # CD workers change the everyday settings
