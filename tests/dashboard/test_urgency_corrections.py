"""A CD worker corrects a message's urgency: a missed one alerts the others once, a false alarm leaves the
banner, and both are kept as training examples for retraining."""
import dataclasses
import json

from sqlalchemy import func, select

from bot import retraining
from storage.models import Correction, Message, OutboxMessage

from .conftest import add_message, post_form, sign_in


def _alerts(runtime, message_id: int) -> int:
    with runtime.uow() as uow:
        return uow.session.scalar(select(func.count(OutboxMessage.id)).where(
            OutboxMessage.purpose == "alert", OutboxMessage.idempotency_key.like(f"alert:{message_id}:%")))


def test_marking_a_missed_message_urgent_alerts_once_and_is_kept_for_retraining(client, accounts, runtime):
    runtime.site = dataclasses.replace(runtime.site, urgent_emails=("duty@example.org",),
                                       urgent_telegram_chat="-100999")
    missed = add_message(runtime, "my neighbour Dave has not come out for days and I can hear him crying",
                         ["health"])
    sign_in(client, accounts["cd"])
    page = client.get(f"/dashboard/messages/{missed}").get_data(as_text=True)
    assert "Mark urgent" in page and "not yet acknowledged" not in page
    response = post_form(client, f"/dashboard/messages/{missed}/urgency", {"urgent": "1"})
    assert response.status_code == 302
    assert _alerts(runtime, missed) == 2
    post_form(client, f"/dashboard/messages/{missed}/urgency", {"urgent": "1"})  # a second click
    assert _alerts(runtime, missed) == 2
    with runtime.uow() as uow:
        message = uow.session.get(Message, missed)
        assert message.urgent and message.urgent_reason == "marked_by_cd_worker"
        [correction] = uow.session.scalars(select(Correction)).all()
        assert correction.example["urgent"] is True and correction.example["themes"] == ["health"]
        assert correction.corrected_by == accounts["cd"]
    page = client.get(f"/dashboard/messages/{missed}").get_data(as_text=True)
    assert "1 urgent message not yet acknowledged" in page and "Not urgent" in page
    # A later theme correction keeps the CD worker's urgency, and retraining reads the latest of each message.
    post_form(client, f"/dashboard/messages/{missed}/themes", {"theme": ["health", "antisocial_behaviour"]})
    [example] = [json.loads(line) for line in retraining.corrections_jsonl(runtime).splitlines()]
    assert example["urgent"] is True and example["themes"] == ["antisocial_behaviour", "health"]
    assert "Dave" not in example["text"]


def test_marking_a_false_alarm_not_urgent_takes_it_off_the_banner(client, accounts, runtime):
    alarm = add_message(runtime, "this pothole is killing me, every single morning", ["road_safety"], urgent=True)
    sign_in(client, accounts["cd"])
    assert "1 urgent message not yet acknowledged" in client.get("/dashboard/themes").get_data(as_text=True)
    post_form(client, f"/dashboard/messages/{alarm}/urgency", {"urgent": "0"})
    page = client.get(f"/dashboard/messages/{alarm}").get_data(as_text=True)
    assert "not yet acknowledged" not in page and "Mark urgent" in page
    assert _alerts(runtime, alarm) == 0
    with runtime.uow() as uow:
        message = uow.session.get(Message, alarm)
        assert not message.urgent and message.urgent_reason is None
    [example] = [json.loads(line) for line in retraining.corrections_jsonl(runtime).splitlines()]
    assert example["urgent"] is False and example["themes"] == ["road_safety"]


def test_partners_cannot_correct_urgency(client, accounts, runtime):
    message_id = add_message(runtime, "cars racing down Albion Road at night", ["road_safety"])
    sign_in(client, accounts["council"])
    assert "Mark urgent" not in client.get(f"/dashboard/messages/{message_id}").get_data(as_text=True)
    response = post_form(client, f"/dashboard/messages/{message_id}/urgency", {"urgent": "1"})
    assert response.status_code == 403
    assert _alerts(runtime, message_id) == 0
    with runtime.uow() as uow:
        assert not uow.session.get(Message, message_id).urgent
        assert uow.session.scalar(select(func.count(Correction.id))) == 0


def test_an_unknown_message_is_404(client, accounts):
    sign_in(client, accounts["cd"])
    assert post_form(client, "/dashboard/messages/99999/urgency", {"urgent": "1"}).status_code == 404


def test_a_held_false_alarm_marked_not_urgent_goes_back_to_the_inbox(client, accounts, runtime):
    """A message still held for consent is shown only while urgent: after "Not urgent" the CD worker
    lands on the inbox with a note, not on a page that no longer exists."""
    from storage.models import MessageStatus

    alarm = add_message(runtime, "the smoke from the bbq is killing me lol", ["environment"], urgent=True)
    with runtime.uow() as uow:
        uow.session.get(Message, alarm).status = MessageStatus.HELD
        uow.commit()
    sign_in(client, accounts["cd"])
    assert client.get(f"/dashboard/messages/{alarm}").status_code == 200
    response = post_form(client, f"/dashboard/messages/{alarm}/urgency", {"urgent": "0"})
    assert response.status_code == 302 and f"/messages/{alarm}" not in response.headers["Location"]
    landed = client.get(response.headers["Location"])
    assert landed.status_code == 200
    assert "held until the resident agrees" in landed.get_data(as_text=True)
    with runtime.uow() as uow:
        assert not uow.session.get(Message, alarm).urgent
