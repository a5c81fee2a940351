"""Deleting the newest rows never costs the next resident an answer: ids (and the outbox keys built
from them, like reply:{message id}:0) are never handed out twice, on SQLite as on PostgreSQL."""
import dataclasses
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import delete, insert, select, update

from bot import periodic
from bot.resident_admin import forget_resident
from bot.runtime import build_runtime
from bot.worker import Worker
from storage.db import make_engine
from storage.migrate import upgrade
from storage.models import Message, MessageStatus, MessageTheme, OutboxMessage, Resident, utcnow
from tests.conftest import Resident as Phone
from tests.service.test_sms_e2e import sign_up

FIRST, SECOND = "+447700900301", "+447700900302"
CD_WORKER = SimpleNamespace(id=1, sees_residents=True)


def age_held_messages(runtime, days: int) -> None:
    with runtime.uow() as uow:
        uow.session.execute(update(Message).where(Message.status == MessageStatus.HELD)
                            .values(received_at=utcnow() - timedelta(days=days)))
        uow.commit()


def test_the_next_resident_is_answered_after_the_newest_message_is_purged(phone, worker, fake_twilio, runtime):
    phone(FIRST).text("hello is this the council")  # never agrees: held, then purged
    worker.drain()
    age_held_messages(runtime, runtime.settings.held_message_days + 1)
    periodic.purge_held_messages(runtime, utcnow())
    phone(SECOND).text("hello")
    worker.drain()
    assert "YES" in fake_twilio.bodies_to(SECOND)[-1]


def test_cd_workers_are_alerted_after_the_newest_urgent_message_is_purged(phone, worker, fake_twilio,
                                                                           fake_telegram, runtime):
    runtime.site = dataclasses.replace(runtime.site, urgent_telegram_chat="-100779")
    phone(FIRST).text("i dont see the point anymore")
    worker.drain()
    age_held_messages(runtime, runtime.settings.held_message_days + 1)
    periodic.purge_held_messages(runtime, utcnow())
    phone(SECOND).text("i dont see the point anymore")
    worker.drain()
    assert "116 123" in fake_twilio.bodies_to(SECOND)[0]
    assert len(fake_telegram.texts_to("-100779")) == 2


def test_a_resident_who_comes_back_and_forgets_again_is_told_again(phone, worker, fake_twilio):
    for _ in range(2):
        resident = sign_up(phone, worker, fake_twilio, number=FIRST)
        resident.text("forget")
        resident.text("FORGET")
        worker.drain()
    goodbyes = [body for body in fake_twilio.bodies_to(FIRST) if "deleted your messages" in body]
    assert len(goodbyes) == 2


def test_residents_forgotten_from_the_dashboard_are_each_told(phone, worker, fake_twilio, runtime):
    for number in (FIRST, SECOND):
        sign_up(phone, worker, fake_twilio, number=number)
        with runtime.uow() as uow:
            newest = uow.session.scalar(select(Resident.id).order_by(Resident.id.desc()))
        forget_resident(runtime, CD_WORKER, newest)
        worker.drain()
        assert "deleted your messages" in fake_twilio.bodies_to(number)[-1]


def test_a_database_that_already_lost_its_newest_message_upgrades_and_answers(settings, fake_twilio):
    # Before ids were kept unique: message 2 was purged, and its consent question's key stayed behind.
    for head in ("0002", "0003", "0005", "0006"):
        upgrade(settings.database_url, head)
    engine = make_engine(settings.database_url)
    with engine.begin() as conn:
        resident = conn.execute(insert(Resident).values(channel="sms", address_hash="h", address_enc=b"x")
                                .returning(Resident.id)).scalar_one()
        kept, purged = (conn.execute(insert(Message).values(channel="sms", provider_id=sid, resident_id=resident)
                                     .returning(Message.id)).scalar_one() for sid in ("SM1", "SM2"))
        conn.execute(insert(OutboxMessage), [{"idempotency_key": f"reply:{message}:0", "resident_id": resident,
                                              "channel": "sms", "body": "Reply YES to agree", "status": "sent"}
                                             for message in (kept, purged)])
        conn.execute(insert(MessageTheme).values(message_id=kept, theme="housing", resident_id=resident))
        conn.execute(delete(Message).where(Message.id == purged))
    engine.dispose()
    runtime = build_runtime(settings)
    try:
        from webhooks import create_app
        Phone(create_app({"TESTING": True}, runtime=runtime).test_client(), SECOND).text("hello")
        Worker(runtime, worker_id="test-worker").drain()
        assert "YES" in fake_twilio.bodies_to(SECOND)[-1]
        with runtime.uow() as uow:
            assert uow.session.scalar(select(Message.provider_id).where(Message.id == kept)) == "SM1"
            assert uow.session.get(Resident, resident) is not None
            # Rebuilding a table must not cascade into the rows that reference it.
            assert uow.session.scalar(select(MessageTheme.theme).where(MessageTheme.message_id == kept)) == "housing"
    finally:
        runtime.close()
