"""The worker: retries end in a final status, provider opt-outs stick, a killed worker loses nothing."""
from datetime import timedelta

from sqlalchemy import select

from bot.worker import Worker
from storage.models import OutboxMessage, Resident, utcnow
from tests.fakes import FakeTwilio

NUMBER = "+447700900301"


def only_row(runtime) -> OutboxMessage:
    with runtime.uow() as uow:
        return uow.session.scalar(select(OutboxMessage))


def test_transient_errors_retry_then_succeed(phone, worker, fake_twilio, runtime):
    fake_twilio.fail_for(NUMBER, 500, FakeTwilio.error(20500, "internal error", 500), times=2)
    phone(NUMBER).text("hello")
    worker.drain()
    assert only_row(runtime).status == "sent"
    assert only_row(runtime).attempts == 3
    assert len(fake_twilio.bodies_to(NUMBER)) == 1


def test_retries_end_in_failed_with_the_reason(phone, fake_twilio, runtime):
    fake_twilio.fail_for(NUMBER, 503, FakeTwilio.error(20503, "unavailable", 503))
    phone(NUMBER).text("hello")
    Worker(runtime, worker_id="w").drain()
    row = only_row(runtime)
    assert row.status == "failed" and row.attempts == runtime.settings.send_max_attempts
    assert "20503" in row.error


def test_twilio_21610_marks_the_resident_opted_out(phone, worker, fake_twilio, runtime):
    fake_twilio.fail_for(NUMBER, 400, FakeTwilio.error(21610, "Attempt to send to unsubscribed recipient"))
    phone(NUMBER).text("hello")
    worker.drain()
    assert only_row(runtime).status == "failed" and only_row(runtime).error_code == "21610"
    with runtime.uow() as uow:
        resident = uow.session.scalar(select(Resident))
        assert resident.state == "opted_out" and resident.opted_out_at is not None


def test_worker_killed_between_claim_and_send_sends_exactly_once(phone, fake_twilio, runtime):
    phone(NUMBER).text("hello")
    crashed = Worker(runtime, worker_id="crashed")
    claimed = crashed.claim()  # the process dies here: claimed, never sent
    assert len(claimed) == 1 and fake_twilio.bodies_to(NUMBER) == []

    restarted = Worker(runtime, worker_id="restarted")
    assert restarted.drain() == 0  # the claim is still within its lease
    later = Worker(runtime, worker_id="restarted",
                   clock=lambda: utcnow() + timedelta(seconds=runtime.settings.claim_lease_seconds + 1))
    later.drain()
    later.drain()
    assert len(fake_twilio.bodies_to(NUMBER)) == 1
    assert only_row(runtime).status == "sent"
    crashed.send_one(claimed[0])  # the old worker waking up late must not send it again
    assert len(fake_twilio.bodies_to(NUMBER)) == 1


def test_unconsented_resident_only_gets_the_consent_question(phone, worker, fake_twilio, runtime):
    from bot import outbox
    phone(NUMBER).text("hello")
    with runtime.uow() as uow:
        outbox.enqueue(uow.session, key="news", body="Newsletter", resident=uow.session.scalar(select(Resident)),
                       purpose="broadcast")
        uow.commit()
    worker.drain()
    assert fake_twilio.bodies_to(NUMBER) == [fake_twilio.bodies_to(NUMBER)[0]]
    assert "Newsletter" not in fake_twilio.bodies_to(NUMBER)[0]


def test_held_messages_of_residents_who_never_agree_are_deleted_after_30_days(phone, runtime):
    from bot.periodic import purge_held_messages
    from storage.models import Message
    phone(NUMBER).text("my neighbour is dealing from flat 3")
    with runtime.uow() as uow:
        message = uow.session.scalar(select(Message))
        message.received_at = utcnow() - timedelta(days=31)
        uow.commit()
    phone("+447700900302").text("recent and still waiting")
    purge_held_messages(runtime, utcnow())
    with runtime.uow() as uow:
        bodies = list(uow.session.scalars(select(Message.body)))
    assert bodies == ["recent and still waiting"]


def test_the_ids_of_forgotten_messages_are_dropped_after_a_week(runtime):
    from bot import residents
    from bot.periodic import purge_held_messages
    from storage.models import ForgottenMessage
    with runtime.uow() as uow:
        for pid, age in (("SMold", 8), ("SMnew", 1)):
            uow.session.add(ForgottenMessage(channel="sms", forgotten_at=utcnow() - timedelta(days=age),
                                             provider_hash=residents.forgotten_hash(runtime.cipher, "sms", pid)))
        uow.commit()
    purge_held_messages(runtime, utcnow())
    with runtime.uow() as uow:
        assert not residents.was_forgotten(uow.session, runtime.cipher, "sms", "SMold")
        assert residents.was_forgotten(uow.session, runtime.cipher, "sms", "SMnew")
