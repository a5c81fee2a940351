"""The conversation on its own: a hand-written recording channel, an in-memory SQLite store."""
import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.inbound import Inbound, receive_message
from bot.runtime import build_runtime
from bot.site import DEFAULT_SITE, Neighbourhood
from bot.worker import Worker
from storage.models import Resident


class RecordingChannel:
    """Keeps what would have been sent, per address."""

    def __init__(self, name: str):
        self.name = name
        self.sent: list[tuple[str, str]] = []

    def send(self, message):
        from bot.channels import SendResult
        self.sent.append((message.address, message.body))
        return SendResult(provider_id=f"rec-{len(self.sent)}")

    def to(self, address: str) -> list[str]:
        return [body for a, body in self.sent if a == address]


@pytest.fixture
def one_area_runtime():
    site = DEFAULT_SITE.__class__(name="Well Street Residents", neighbourhoods=(
        Neighbourhood("well-street", "Well Street", ("E9",), ("Well Street",)),))
    channel = RecordingChannel("sms")
    rt = build_runtime(Settings(database_url="sqlite://", secret_key="unit"), site,
                       channels={"sms": channel})
    rt.recording = channel
    return rt


def say(rt, text, n=[0], address="+447700900900"):
    n[0] += 1
    receive_message(rt, Inbound(channel="sms", address=address, provider_id=f"u{n[0]}", text=text))
    Worker(rt, worker_id="unit").drain()
    return rt.recording.to(address)[-1] if rt.recording.to(address) else None


def test_single_neighbourhood_site_skips_the_area_question(one_area_runtime):
    rt = one_area_runtime
    assert "Well Street Residents" in say(rt, "hi there")
    assert "signed up for Well Street" in say(rt, "yes")
    with rt.uow() as uow:
        assert uow.session.scalar(select(Resident.neighbourhood)) == "well-street"


def test_no_at_the_consent_question_deletes_held_message_and_sends_nothing_more(one_area_runtime):
    rt = one_area_runtime
    say(rt, "kids smashing car windows on Well Street", address="+447700900901")
    assert "won't keep your messages" in say(rt, "no", address="+447700900901")
    from storage.models import Message
    with rt.uow() as uow:
        assert [m.body for m in uow.session.scalars(select(Message))] == ["no"]


def test_consent_reminders_do_not_nag(one_area_runtime):
    rt = one_area_runtime
    address = "+447700900902"
    for text in ["hello", "are you there", "hello??", "HELLO", "anyone"]:
        say(rt, text, address=address)
    assert len(rt.recording.to(address)) == 2  # the welcome and one reminder, nothing more


def test_forget_can_be_called_off(one_area_runtime):
    rt = one_area_runtime
    address = "+447700900903"
    say(rt, "hi", address=address)
    say(rt, "yes", address=address)
    assert "FORGET again" in say(rt, "forget", address=address)
    assert "kept everything" in say(rt, "no actually", address=address)
    with rt.uow() as uow:
        assert uow.session.scalar(select(Resident.state)) == "active"


def test_help_and_meetings_answer(one_area_runtime):
    rt = one_area_runtime
    address = "+447700900904"
    say(rt, "hi", address=address)
    say(rt, "yes", address=address)
    assert "STOP" in say(rt, "HELP", address=address)
    assert "No meetings are planned" in say(rt, "meetings", address=address)
