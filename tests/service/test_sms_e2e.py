"""End to end over HTTP: signed Twilio webhooks in, real twilio SDK out to a local fake Twilio."""
import dataclasses

from sqlalchemy import func, select

from nlp import MODEL_ONLY
from storage.models import Message, MessageTheme, OutboxMessage, Resident
from tests.conftest import PUBLIC_URL, post_twilio
from tests.fakes.updates import twilio_form, twilio_signature

NUMBER = "+447700900101"


def sign_up(phone, worker, fake_twilio, number=NUMBER, first="hello"):
    resident = phone(number)
    resident.text(first)
    resident.text("YES")
    resident.text("1")
    worker.drain()
    return resident


def count(runtime, model, *where):
    with runtime.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def test_first_contact_welcomes_and_holds_until_yes(phone, worker, fake_twilio, runtime):
    resident = phone(NUMBER)
    assert resident.text("The bins on Marsh Lane havent been collected for 3 weeks, rats everywhere").status_code == 200
    worker.drain()
    replies = fake_twilio.bodies_to(NUMBER)
    assert len(replies) == 1
    assert "Marsh Hill & Kingsmead Partnership" in replies[0] and "YES" in replies[0] and "STOP" in replies[0]

    resident.text("yes")
    worker.drain()
    assert "Which area" in fake_twilio.bodies_to(NUMBER)[-1]

    resident.text("1")
    worker.drain()
    ack = fake_twilio.bodies_to(NUMBER)[-1]
    assert ack.startswith("Thanks, we've noted this under") and "environment" in ack
    with runtime.uow() as uow:
        message = uow.session.scalars(select(Message).order_by(Message.id)).first()
        assert message.status == "processed" and "environment" in message.themes
        assert message.neighbourhood == "marsh-hill"


def test_reply_is_empty_twiml_and_sent_with_status_callback(phone, worker, fake_twilio):
    response = phone(NUMBER).text("hi")
    assert response.mimetype == "text/xml" and b"<Response></Response>" in response.data
    worker.drain()
    sent = fake_twilio.messages[-1]
    assert sent["to"] == NUMBER and sent["from"] == "+447700900000"
    assert sent["status_callback"] == PUBLIC_URL + "/webhooks/twilio/status"


def test_addresses_are_encrypted_at_rest(phone, worker, runtime):
    phone(NUMBER).text("hello")
    with runtime.uow() as uow:
        resident = uow.session.scalar(select(Resident))
        assert NUMBER.encode() not in resident.address_enc
        assert NUMBER not in resident.address_hash
        assert runtime.cipher.decrypt(resident.address_enc) == NUMBER


def test_concern_acknowledged_with_neighbours_count(phone, worker, fake_twilio):
    for i in range(4):
        sign_up(phone, worker, fake_twilio, number=f"+44770090020{i}").text(
            "cars are speeding down Albion Road every night, someone will get killed crossing")
    worker.drain()
    last = fake_twilio.bodies_to("+447700900203")[-1]
    assert "road safety" in last
    assert "3 neighbours raised road safety in the last 30 days" in last
    first = fake_twilio.bodies_to("+447700900200")[-1]
    assert "neighbours" not in first  # fewer than 3 are not mentioned


def test_stop_then_nothing_more_is_ever_sent_until_start(phone, worker, fake_twilio, runtime):
    resident = sign_up(phone, worker, fake_twilio)
    resident.text("stop pls")
    worker.drain()
    assert "won't get any more messages" in fake_twilio.bodies_to(NUMBER)[-1]
    sent_before = len(fake_twilio.bodies_to(NUMBER))

    resident.text("the street lights on Well Street are out again")
    resident.text("STOP")  # a second STOP gets no second confirmation
    worker.drain()
    assert len(fake_twilio.bodies_to(NUMBER)) == sent_before

    resident.text("START")
    worker.drain()
    assert "Welcome back" in fake_twilio.bodies_to(NUMBER)[-1]
    resident.text("the lift in Tower Court is broken again, 3rd time this month")
    worker.drain()
    assert "housing" in fake_twilio.bodies_to(NUMBER)[-1]


def test_queued_message_is_not_sent_after_stop(phone, worker, fake_twilio, runtime):
    from bot import outbox
    resident = sign_up(phone, worker, fake_twilio)
    with runtime.uow() as uow:
        row = uow.session.scalar(select(Resident))
        outbox.enqueue(uow.session, key="test-update", body="A meeting reminder", resident=row,
                       purpose="broadcast")
        uow.commit()
    resident.text("STOP")
    worker.drain()
    assert "A meeting reminder" not in fake_twilio.bodies_to(NUMBER)


def test_forget_deletes_the_resident_and_their_messages(phone, worker, fake_twilio, runtime):
    resident = sign_up(phone, worker, fake_twilio, first="my neighbour Dave at no 14 Marsh Lane plays music all night")
    resident.text("forget")
    worker.drain()
    assert "FORGET again" in fake_twilio.bodies_to(NUMBER)[-1]
    resident.text("FORGET")
    worker.drain()
    assert "deleted your messages" in fake_twilio.bodies_to(NUMBER)[-1]
    assert count(runtime, Resident) == 0
    assert count(runtime, Message) == 0
    assert count(runtime, MessageTheme) == 0
    assert count(runtime, OutboxMessage, OutboxMessage.address_enc.is_not(None)) == 0


def test_a_late_retry_after_forget_does_not_bring_the_resident_back(phone, worker, fake_twilio, runtime):
    resident = sign_up(phone, worker, fake_twilio, first="cars speeding on Marsh Lane every night")
    resident.text("forget")
    resident.text("FORGET", sid="SM" + "f" * 32)
    worker.drain()
    sent = len(fake_twilio.bodies_to(NUMBER))
    # Twilio did not see our answer in time and sends the confirmation, and an earlier text, again.
    assert resident.text("FORGET", sid="SM" + "f" * 32).status_code == 200
    worker.drain()
    assert count(runtime, Resident) == 0 and count(runtime, Message) == 0
    assert len(fake_twilio.bodies_to(NUMBER)) == sent
    # A new text from the same number is a new conversation, as it should be.
    resident.text("hello again")
    worker.drain()
    assert count(runtime, Resident) == 1
    assert "YES" in fake_twilio.bodies_to(NUMBER)[-1]


def test_provider_retry_never_duplicates(client, worker, fake_twilio, runtime):
    form = twilio_form(NUMBER, "hello", sid="SM" + "a" * 32)
    for _ in range(3):
        assert post_twilio(client, "/webhooks/twilio/sms", form).status_code == 200
    worker.drain()
    assert count(runtime, Message) == 1
    assert len(fake_twilio.bodies_to(NUMBER)) == 1


def test_forged_or_missing_signature_is_refused_and_nothing_stored(client, runtime, fake_twilio):
    form = twilio_form(NUMBER, "hello")
    assert post_twilio(client, "/webhooks/twilio/sms", form, token="wrong-token").status_code == 403
    assert client.post("/webhooks/twilio/sms", data=form).status_code == 403
    tampered = post_twilio(client, "/webhooks/twilio/sms", form,
                           signature=twilio_signature("twilio-test-auth-token",
                                                      "http://localhost/webhooks/twilio/sms", form))
    assert tampered.status_code == 403  # signed for another URL than our public one
    assert count(runtime, Message) == 0


def test_malformed_and_oversized_bodies(client, runtime):
    form = twilio_form(NUMBER, "hello")
    del form["MessageSid"]
    assert post_twilio(client, "/webhooks/twilio/sms", form).status_code == 400
    huge = twilio_form(NUMBER, "x" * (70 * 1024))
    assert post_twilio(client, "/webhooks/twilio/sms", huge).status_code == 413
    assert count(runtime, Message) == 0


def test_emoji_non_latin_empty_media_and_long_messages(phone, worker, fake_twilio, runtime):
    resident = sign_up(phone, worker, fake_twilio)
    resident.text("🚗💨💨 speeding on Albion Rd AGAIN!! 😡")
    resident.text("পার্কে রাতে মাদক বিক্রি হচ্ছে, বাচ্চারা ভয় পায়")
    resident.text("")
    resident.text("", num_media=1)
    long_text = ("The damp in our flat on Marsh Lane is getting worse and the landlord ignores us. " * 20)[:1600]
    resident.text(long_text)
    worker.drain()
    with runtime.uow() as uow:
        bodies = [m.body for m in uow.session.scalars(select(Message).order_by(Message.id))]
    assert "🚗💨💨 speeding on Albion Rd AGAIN!! 😡" in bodies
    assert "পার্কে রাতে মাদক বিক্রি হচ্ছে, বাচ্চারা ভয় পায়" in bodies
    assert long_text in bodies
    replies = fake_twilio.bodies_to(NUMBER)
    assert any("road safety" in r for r in replies)
    assert any("only read text" in r for r in replies)
    assert any("housing" in r for r in replies[-1:])


def test_whatsapp_replies_go_to_the_whatsapp_address(phone, worker, fake_twilio, runtime):
    phone(NUMBER, whatsapp=True).text("hello")
    worker.drain()
    assert fake_twilio.messages[-1]["to"] == f"whatsapp:{NUMBER}"
    assert fake_twilio.messages[-1]["from"] == "whatsapp:+447700900000"
    with runtime.uow() as uow:
        assert uow.session.scalar(select(Resident.channel)) == "whatsapp"


def test_urgent_message_gets_signposting_and_alerts_cd_workers(client, phone, worker, fake_twilio,
                                                                fake_telegram, runtime):
    runtime.site = dataclasses.replace(runtime.site, urgent_telegram_chat="-100777")
    resident = sign_up(phone, worker, fake_twilio)
    resident.text("i dont see the point anymore, i just want it all to stop")
    worker.drain()
    reply = fake_twilio.bodies_to(NUMBER)[-1]
    assert "116 123" in reply and "999" in reply and "Thanks, we've noted" not in reply
    alert = fake_telegram.texts_to("-100777")
    assert len(alert) == 1 and alert[0].startswith("URGENT (self harm)")
    assert NUMBER not in alert[0]


def test_a_worry_only_the_model_flags_gets_plain_signposting_and_still_alerts(client, phone, worker, fake_twilio,
                                                                             fake_telegram, runtime):
    """No "we're worried about you" where no words of risk were found (often an everyday worry), but
    the numbers to call and a CD worker alerted all the same."""
    runtime.site = dataclasses.replace(runtime.site, urgent_telegram_chat="-100779")
    body = "mum hasnt eaten since tuesday and wont get out of bed, shes 88"
    assert runtime.models.loaded().classify(body).urgent_reason == MODEL_ONLY  # no cue knows these words
    resident = sign_up(phone, worker, fake_twilio)
    resident.text(body)
    worker.drain()
    reply = fake_twilio.bodies_to(NUMBER)[-1]
    assert "116 123" in reply and "999" in reply and "community worker will read" in reply
    assert "worried about you" not in reply
    alert = fake_telegram.texts_to("-100779")
    # The CD worker is told it is the classifier's reading, not a plain alarm.
    assert len(alert) == 1 and alert[0].startswith("POSSIBLE RISK") and "URGENT" not in alert[0]


def test_status_callback_marks_delivered(client, phone, worker, fake_twilio, runtime):
    phone(NUMBER).text("hello")
    worker.drain()
    sid = fake_twilio.messages[-1]["sid"]
    form = {"MessageSid": sid, "MessageStatus": "delivered", "AccountSid": "AC" + "1" * 32}
    assert post_twilio(client, "/webhooks/twilio/status", form).status_code == 204
    late = {"MessageSid": sid, "MessageStatus": "sent", "AccountSid": "AC" + "1" * 32}
    post_twilio(client, "/webhooks/twilio/status", late)  # out of order: must not go backwards
    with runtime.uow() as uow:
        assert uow.session.scalar(select(OutboxMessage.status).where(OutboxMessage.provider_id == sid)) == "delivered"
    assert client.post("/webhooks/twilio/status", data=form).status_code == 403


def test_health(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json()["database"] == "ok"


def test_urgent_first_message_is_signposted_before_consent(phone, worker, fake_twilio, fake_telegram, runtime):
    runtime.site = dataclasses.replace(runtime.site, urgent_telegram_chat="-100778")
    phone(NUMBER).text("i dont see the point anymore")
    worker.drain()
    replies = fake_twilio.bodies_to(NUMBER)
    assert len(replies) == 2
    assert "116 123" in replies[0] and "Reply YES to agree" in replies[1]
    assert len(fake_telegram.texts_to("-100778")) == 1
    phone(NUMBER).text("yes")
    phone(NUMBER).text("1")
    worker.drain()
    assert len(fake_telegram.texts_to("-100778")) == 1  # agreeing later does not alert twice
    assert "116 123" not in fake_twilio.bodies_to(NUMBER)[-1]
