"""The dashboard's pages through Flask's test client: inbox, corrections, urgent, themes, residents, model."""
import json
from datetime import timedelta

from sqlalchemy import select

from bot.trends import week_start
from storage.models import Correction, Message, OutboxMessage, OutboxStatus, Resident, utcnow

from .conftest import add_message, post_form, sign_in


def test_inbox_lists_and_filters(client, accounts, runtime):
    old = add_message(runtime, "fly-tipping behind the library", ["environment"],
                      received_at=utcnow() - timedelta(days=20))
    kingsmead = add_message(runtime, "lifts broken again in the tower block", ["housing"],
                            neighbourhood="kingsmead", needs_review=True)
    urgent = add_message(runtime, "a man is trying to break in right now", ["crime"], urgent=True)
    sign_in(client, accounts["cd"])

    def ids(query=""):
        page = client.get("/dashboard/messages" + query).get_data(as_text=True)
        return {i for i in (old, kingsmead, urgent) if f">Message {i}<" in page}

    assert ids() == {old, kingsmead, urgent}
    assert ids("?theme=housing") == {kingsmead}
    assert ids("?neighbourhood=kingsmead") == {kingsmead}
    assert ids("?review=1") == {kingsmead}
    assert ids("?urgent=1") == {urgent}
    since = (utcnow() - timedelta(days=2)).date().isoformat()
    assert ids(f"?since={since}") == {kingsmead, urgent}
    until = (utcnow() - timedelta(days=10)).date().isoformat()
    assert ids(f"?until={until}") == {old}
    assert ids("?since=not-a-date&page=x") == {old, kingsmead, urgent}


def test_correcting_themes_is_kept_for_retraining(client, accounts, runtime):
    message_id = add_message(runtime, "my neighbour Dave parks on the pavement", ["antisocial_behaviour"],
                             needs_review=True)
    sign_in(client, accounts["cd"])
    response = post_form(client, f"/dashboard/messages/{message_id}/themes",
                         {"theme": ["road_safety", "not_a_theme"], "back": "/dashboard/messages?review=1"})
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard/messages?review=1"
    with runtime.uow() as uow:
        message = uow.session.get(Message, message_id)
        assert message.themes == ["road_safety"] and not message.needs_review
        assert message.reviewed_by == accounts["cd"]
        correction = uow.session.scalars(select(Correction)).one()
        assert correction.previous_themes == ["antisocial_behaviour"]
    download = client.get("/dashboard/model/corrections.jsonl")
    assert download.headers["Content-Disposition"] == "attachment; filename=corrections.jsonl"
    [example] = [json.loads(line) for line in download.get_data(as_text=True).splitlines()]
    assert example["themes"] == ["road_safety"] and "Dave" not in example["text"]


def test_mark_reviewed(client, accounts, runtime):
    message_id = add_message(runtime, "no lights in the stairwell", ["housing"], needs_review=True)
    sign_in(client, accounts["cd"])
    assert "Needs review" in client.get(f"/dashboard/messages/{message_id}").get_data(as_text=True)
    post_form(client, f"/dashboard/messages/{message_id}/reviewed")
    with runtime.uow() as uow:
        message = uow.session.get(Message, message_id)
        assert not message.needs_review and message.themes == ["housing"] and message.reviewed_at


def test_urgent_banner_until_acknowledged_with_a_note(client, accounts, runtime):
    quiet = add_message(runtime, "bins overflowing", ["environment"])
    urgent = add_message(runtime, "he says he will hurt me tonight", ["crime"], urgent=True)
    sign_in(client, accounts["cd"])
    page = client.get(f"/dashboard/messages/{quiet}").get_data(as_text=True)
    assert "1 urgent message not yet acknowledged" in page and f"/dashboard/messages/{urgent}" in page
    no_note = post_form(client, f"/dashboard/messages/{urgent}/acknowledge", {"note": "  "})
    assert no_note.status_code == 302
    assert "not yet acknowledged" in client.get("/dashboard/themes").get_data(as_text=True)
    post_form(client, f"/dashboard/messages/{urgent}/acknowledge", {"note": "Rang 999 and the resident"})
    page = client.get(f"/dashboard/messages/{urgent}").get_data(as_text=True)
    assert "not yet acknowledged" not in page
    assert f"Acknowledged by {accounts['cd']}" in page and "Rang 999 and the resident" in page
    with runtime.uow() as uow:
        message = uow.session.get(Message, urgent)
        assert message.urgent_acknowledged_by == accounts["cd"] and message.urgent_acknowledged_at


def test_a_flag_from_the_classifier_alone_reads_as_a_possible_risk(client, accounts, runtime):
    from nlp import MODEL_ONLY

    plain = add_message(runtime, "he says he will hurt me tonight", ["crime"], urgent=True)
    unsure = add_message(runtime, "mum hasnt eaten since tuesday and wont get out of bed", ["health"], urgent=True)
    with runtime.uow() as uow:
        uow.session.get(Message, unsure).urgent_reason = MODEL_ONLY
        uow.commit()
    sign_in(client, accounts["cd"])
    banner = client.get("/dashboard/themes").get_data(as_text=True)
    assert f"Message {plain}: danger now" in banner
    assert f"Message {unsure}: possible risk (the classifier&#39;s reading" in banner
    card = client.get(f"/dashboard/messages/{unsure}").get_data(as_text=True)
    assert "Urgent: possible risk" in card and "other risk" not in card


def test_what_residents_wrote_is_escaped(client, accounts, runtime):
    add_message(runtime, "<script>alert('x')</script> bins <b>again</b>", ["environment"], urgent=True)
    for who in ("cd", "council"):
        sign_in(client, accounts[who])
        for path in ("/dashboard/messages", "/dashboard/messages?urgent=1"):
            page = client.get(path).get_data(as_text=True)
            assert "<script>alert" not in page and "<b>again" not in page
            assert "&lt;script&gt;alert(" in page
        post_form(client, "/dashboard/logout")


def test_partner_sees_only_redacted_text_of_their_themes(client, accounts, runtime):
    number = "+447700900123"
    road = add_message(runtime, "Cars race down Albion Road every night, ring me on 07700 900456",
                       ["road_safety"], number=number)
    crime = add_message(runtime, "Drug dealing outside the chip shop", ["crime", "antisocial_behaviour"])
    sign_in(client, accounts["council"])
    page = client.get("/dashboard/messages").get_data(as_text=True)
    assert f">Message {road}<" in page and f">Message {crime}<" not in page
    assert "ring me on [phone]" in page
    for secret in ("07700 900456", "07700900456", "900123", number, "+44 77", "Residents"):
        assert secret not in page
    detail = client.get(f"/dashboard/messages/{road}").get_data(as_text=True)
    assert "ring me on [phone]" in detail and "900456" not in detail and "Save themes" not in detail
    themes = client.get("/dashboard/themes").get_data(as_text=True)
    assert "road safety" in themes and "crime" not in themes
    assert "Drug dealing" not in client.get("/dashboard/messages?theme=crime").get_data(as_text=True)


def test_partner_never_sees_a_message_held_for_consent(client, accounts, runtime):
    held = add_message(runtime, "someone is setting fire to the bins on Albion Road", ["environment"], urgent=True)
    with runtime.uow() as uow:
        uow.session.get(Message, held).status = "held"  # an urgent first message, before YES
        uow.commit()
    sign_in(client, accounts["council"])
    assert client.get(f"/dashboard/messages/{held}").status_code == 404
    assert f">Message {held}<" not in client.get("/dashboard/messages").get_data(as_text=True)
    post_form(client, "/dashboard/logout")
    sign_in(client, accounts["cd"])
    assert client.get(f"/dashboard/messages/{held}").status_code == 200


def test_cd_worker_sees_the_raw_message(client, accounts, runtime):
    message_id = add_message(runtime, "Cars race down Albion Road, ring me on 07700 900456", ["road_safety"])
    sign_in(client, accounts["cd"])
    assert "ring me on 07700 900456" in client.get(f"/dashboard/messages/{message_id}").get_data(as_text=True)


def test_themes_this_week_and_trend(client, accounts, runtime):
    this_monday = week_start(utcnow().date())
    for days_ago in (0, 0, 7, 14):
        add_message(runtime, "speeding again", ["road_safety"],
                    received_at=utcnow() - timedelta(days=days_ago) if days_ago else utcnow())
    add_message(runtime, "damp in the flat", ["housing"], received_at=utcnow() - timedelta(days=7))
    sign_in(client, accounts["cd"])
    page = client.get("/dashboard/themes").get_data(as_text=True)
    assert page.count("<svg") >= 3 and 'role="img"' in page
    row = page.split(">road safety</a>")[1].split("</tr>")[0]
    this_week = 2 + (1 if (utcnow() - timedelta(days=7)).date() >= this_monday else 0)
    assert f"<td>{this_week}</td>" in row
    assert f"since={this_monday.isoformat()}" in page
    kingsmead = client.get("/dashboard/themes?neighbourhood=kingsmead&weeks=4").get_data(as_text=True)
    assert "0 theme mentions" in kingsmead


def test_residents_masked_and_forgotten(client, accounts, runtime, worker, fake_twilio):
    message_id = add_message(runtime, "the park gates are broken", ["community_facilities"], number="+447700900123")
    sign_in(client, accounts["cd"])
    page = client.get("/dashboard/residents").get_data(as_text=True)
    assert "+44 77** ***123" in page and "+447700900123" not in page and "7700900123" not in page
    with runtime.uow() as uow:
        resident_id = uow.session.get(Message, message_id).resident_id
    confirm = client.get(f"/dashboard/residents/{resident_id}/forget").get_data(as_text=True)
    assert "Forget resident +44 77** ***123?" in confirm
    unticked = post_form(client, f"/dashboard/residents/{resident_id}/forget", page="/dashboard/residents")
    assert unticked.status_code == 400
    response = post_form(client, f"/dashboard/residents/{resident_id}/forget", {"confirm": "yes"},
                         page="/dashboard/residents")
    assert response.status_code == 302
    with runtime.uow() as uow:
        assert uow.session.get(Resident, resident_id) is None
        assert uow.session.get(Message, message_id) is None
        goodbye = uow.session.scalars(select(OutboxMessage).where(
            OutboxMessage.idempotency_key == f"forget:dashboard:{resident_id}")).one()
        assert goodbye.status == OutboxStatus.QUEUED
    after = client.get("/dashboard/residents").get_data(as_text=True)
    assert "and their messages have been deleted" in after and 'mono">+44 77** ***123<' not in after


def test_forgetting_an_opted_out_resident_sends_nothing(client, accounts, runtime):
    message_id = add_message(runtime, "noise every night", ["antisocial_behaviour"])
    with runtime.uow() as uow:
        resident = uow.session.get(Resident, uow.session.get(Message, message_id).resident_id)
        resident.state, resident.opted_out_at, resident_id = "opted_out", utcnow(), resident.id
        uow.commit()
    sign_in(client, accounts["cd"])
    post_form(client, f"/dashboard/residents/{resident_id}/forget", {"confirm": "yes"}, page="/dashboard/residents")
    with runtime.uow() as uow:
        goodbye = uow.session.scalars(select(OutboxMessage).where(
            OutboxMessage.idempotency_key == f"forget:dashboard:{resident_id}")).one()
        assert goodbye.status == OutboxStatus.CANCELLED and goodbye.address_enc is None


def test_message_page_answers_urgent_alert_links(client, accounts, phone, runtime):
    phone("+447700900777").text("my husband is hitting me and I am scared to go home")
    with runtime.uow() as uow:
        urgent = uow.session.scalars(select(Message).where(Message.urgent.is_(True))).one()
    sign_in(client, accounts["cd"])
    page = client.get(f"/dashboard/messages/{urgent.id}").get_data(as_text=True)
    assert "scared to go home" in page and "Acknowledge" in page
    assert client.get("/dashboard/messages/999999").status_code == 404


def test_retrain_runs_in_the_background_with_the_corrections(client, accounts, runtime, app, tmp_path, monkeypatch):
    import shutil
    import time

    import nlp.training
    from nlp.classifier import MODEL_DIR

    seen = {}

    def fake_train(output, epochs, extra):  # the real one takes minutes; this one copies the shipped model
        seen.update(output=output, epochs=epochs, extra=extra)
        shutil.copytree(MODEL_DIR, output, dirs_exist_ok=True)
        return {"version": "test-retrained"}

    monkeypatch.setattr(nlp.training, "train", fake_train)
    app.config.update(DASHBOARD_MODEL_DIR=str(tmp_path / "model"), DASHBOARD_TRAIN_EPOCHS=2)
    message_id = add_message(runtime, "potholes everywhere", ["environment"])
    sign_in(client, accounts["cd"])
    post_form(client, f"/dashboard/messages/{message_id}/themes", {"theme": "road_safety"})
    assert "1 correction made" in client.get("/dashboard/model").get_data(as_text=True)
    assert post_form(client, "/dashboard/model/retrain", page="/dashboard/model").status_code == 302
    for _ in range(100):
        status = client.get("/dashboard/model/status").get_json()
        if status["state"] != "running":
            break
        time.sleep(0.05)
    assert status["state"] == "done", status
    assert status["corrections"] == 1 and status["started_by"] == accounts["cd"]
    assert seen["epochs"] == 2 and seen["extra"][0]["themes"] == ["road_safety"]
    assert "model test-retrained is now in use" in client.get("/dashboard/model").get_data(as_text=True)
    assert runtime.classifier.classify("cars speeding on my road").themes


def test_only_one_retraining_at_a_time_even_across_processes(runtime, accounts, tmp_path):
    from bot import retraining
    from bot.users import Viewer

    cd = Viewer(id=1, email="cd@example.org", role="cd_worker", organisation=None, themes=runtime.site.themes)
    held = retraining._lock_other_processes(tmp_path / "model")  # as another process would hold it
    try:
        assert retraining.start_retrain(runtime, cd, output=tmp_path / "model") is False
    finally:
        held.close()
