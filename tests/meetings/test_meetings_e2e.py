"""Invitation -> RSVP by text and by button -> reminders at the right times -> move -> cancel,
end to end through the webhooks, the worker and the real SDKs against the fake providers."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.meetings import (MeetingPlan, cancel_meeting, create_meeting, move_meeting, record_attendance,
                          send_notes)
from bot.worker import Worker
from storage.models import Invitation, Message
from tests.meetings.conftest import at, in_days

ANA, BEN, CAT, DEV = "+447700900501", "+447700900502", "+447700900503", "+447700900504"
CHAT = 7770001


def plan(starts, **kw) -> MeetingPlan:
    values = dict(title="Marsh Hill residents meeting", starts_at=starts, ends_at=starts + timedelta(hours=2),
                  venue="Marsh Hill Library", neighbourhoods=("marsh-hill",),
                  description="Speeding on Market St and the empty shop units.")
    values.update(kw)
    return MeetingPlan(**values)


def test_invitation_reaches_only_consenting_residents_of_the_neighbourhood(people, runtime, worker, fake_twilio,
                                                                           fake_telegram):
    people.sms(ANA)                      # Marsh Hill
    people.telegram(CHAT)                # Marsh Hill, on Telegram
    people.sms(BEN, area="2")            # Kingsmead: not invited
    people.sms(CAT).text("STOP")         # opted out
    people.phone(DEV).text("hello")      # never said yes
    worker.drain()
    create_meeting(runtime, plan(in_days(3)))
    worker.drain()

    invitation = fake_twilio.bodies_to(ANA)[-1]
    assert "Marsh Hill residents meeting" in invitation and "Reply YES, NO or MAYBE" in invitation
    assert "Marsh Hill Library" in invitation
    sent = [m for m in fake_telegram.messages if m["chat_id"] == str(CHAT)][-1]
    buttons = [b["callback_data"] for b in sent["reply_markup"]["inline_keyboard"][0]]
    assert "Marsh Hill residents meeting" in sent["text"] and len(buttons) == 3
    for number in (BEN, CAT, DEV):
        assert not any("residents meeting" in body for body in fake_twilio.bodies_to(number))


def test_rsvp_by_text_and_by_button_then_reminders_at_the_right_times(people, runtime, worker, fake_twilio,
                                                                     fake_telegram):
    ana = people.sms(ANA)
    people.telegram(CHAT)
    starts = in_days(3)
    meeting_id = create_meeting(runtime, plan(starts))
    worker.drain()

    ana.text("yes ill be there")
    response = people.press(CHAT, f"rsvp:{meeting_id}:maybe")
    assert response.get_json() == {"method": "answerCallbackQuery", "callback_query_id": response.get_json()[
        "callback_query_id"]}
    worker.drain()
    assert "see you" in fake_twilio.bodies_to(ANA)[-1].lower()
    assert "maybe" in fake_telegram.texts_to(CHAT)[-1]
    with runtime.uow() as uow:
        answers = sorted(uow.session.scalars(select(Invitation.answer)))
        assert answers == ["maybe", "yes"]
        assert uow.session.scalar(select(Message).where(Message.body == "yes ill be there")).themes == []

    before = len(fake_twilio.bodies_to(ANA))
    Worker(runtime, clock=at(starts - timedelta(hours=24, minutes=1))).drain()
    assert len(fake_twilio.bodies_to(ANA)) == before           # not yet
    Worker(runtime, clock=at(starts - timedelta(hours=23, minutes=59))).drain()
    assert fake_twilio.bodies_to(ANA)[-1].startswith("Reminder")
    assert fake_telegram.texts_to(CHAT)[-1].startswith("Reminder")
    Worker(runtime, clock=at(starts - timedelta(hours=1, minutes=59))).drain()
    reminders = [b for b in fake_twilio.bodies_to(ANA) if b.startswith("Reminder")]
    assert len(reminders) == 2
    Worker(runtime, clock=at(starts - timedelta(minutes=5))).drain()
    assert len([b for b in fake_twilio.bodies_to(ANA) if b.startswith("Reminder")]) == 2  # never twice


def test_changing_the_answer_to_no_withdraws_the_reminders(people, runtime, worker, fake_twilio):
    ana = people.sms(ANA)
    starts = in_days(3)
    create_meeting(runtime, plan(starts))
    worker.drain()
    ana.text("Y")
    ana.text("no cant make it now sorry")
    worker.drain()
    assert "Thanks for letting us know" in fake_twilio.bodies_to(ANA)[-1]
    Worker(runtime, clock=at(starts - timedelta(minutes=30))).drain()
    assert not any(b.startswith("Reminder") for b in fake_twilio.bodies_to(ANA))


def test_yes_with_no_open_invitation_is_an_ordinary_message(people, worker, fake_twilio, runtime):
    ana = people.sms(ANA)
    ana.text("yes")
    worker.drain()
    assert "Great, see you" not in fake_twilio.bodies_to(ANA)[-1]
    with runtime.uow() as uow:
        assert uow.session.scalar(select(Message.kind).where(Message.body == "yes")) != "rsvp"


def test_a_long_message_starting_with_yes_is_still_a_concern(people, runtime, worker, fake_twilio):
    ana = people.sms(ANA)
    create_meeting(runtime, plan(in_days(3)))
    worker.drain()
    ana.text("yes but the bins on Marsh Lane still havent been collected and there are rats everywhere")
    worker.drain()
    with runtime.uow() as uow:
        assert list(uow.session.scalars(select(Invitation.answer))) == [None]


def test_moving_tells_the_invited_and_replans_reminders(people, runtime, worker, fake_twilio):
    ana, ben = people.sms(ANA), people.sms(BEN)
    starts = in_days(3)
    meeting_id = create_meeting(runtime, plan(starts))
    worker.drain()
    ana.text("yes")
    ben.text("no")
    worker.drain()
    moved_to = starts + timedelta(days=7)
    assert move_meeting(runtime, meeting_id, moved_to) == 1
    worker.drain()
    assert fake_twilio.bodies_to(ANA)[-1].startswith("Change of plan")
    assert not any(b.startswith("Change of plan") for b in fake_twilio.bodies_to(BEN))
    # The old reminder times pass with nothing sent; the new ones arrive.
    Worker(runtime, clock=at(starts - timedelta(hours=1))).drain()
    assert not any(b.startswith("Reminder") for b in fake_twilio.bodies_to(ANA))
    Worker(runtime, clock=at(moved_to - timedelta(hours=1))).drain()
    assert len([b for b in fake_twilio.bodies_to(ANA) if b.startswith("Reminder")]) == 2


def test_cancelling_sends_a_cancellation_and_none_of_the_reminders(people, runtime, worker, fake_twilio,
                                                                  fake_telegram):
    ana = people.sms(ANA)
    people.telegram(CHAT)
    starts = in_days(3)
    meeting_id = create_meeting(runtime, plan(starts))
    worker.drain()
    ana.text("yes")
    people.press(CHAT, f"rsvp:{meeting_id}:yes")
    worker.drain()
    cancel_meeting(runtime, meeting_id)
    worker.drain()
    assert "is cancelled" in fake_twilio.bodies_to(ANA)[-1]
    assert "is cancelled" in fake_telegram.texts_to(CHAT)[-1]
    Worker(runtime, clock=at(starts - timedelta(minutes=10))).drain()
    assert not any(b.startswith("Reminder") for b in fake_twilio.bodies_to(ANA))
    ana.text("yes")  # too late to say yes: no RSVP recorded
    worker.drain()
    with runtime.uow() as uow:
        assert uow.session.scalar(select(Invitation.answer).where(Invitation.resident_id == people.resident_id(
            "sms", ANA))) == "yes"


def test_attendance_and_notes_reach_everyone_invited(people, runtime, worker, fake_twilio):
    ana, ben = people.sms(ANA), people.sms(BEN)
    meeting_id = create_meeting(runtime, plan(in_days(1)))
    worker.drain()
    ana.text("yes")
    worker.drain()
    record_attendance(runtime, meeting_id, 23, "Council agreed to survey Market St for a crossing.")
    assert send_notes(runtime, meeting_id) == 2
    worker.drain()
    for number in (ANA, BEN):
        assert "survey Market St" in fake_twilio.bodies_to(number)[-1]


def test_meetings_command_lists_the_next_meeting(people, runtime, worker, fake_twilio):
    ana = people.sms(ANA)
    create_meeting(runtime, plan(in_days(5)), invite=False)
    ana.text("MEETINGS")
    worker.drain()
    assert "Marsh Hill residents meeting" in fake_twilio.bodies_to(ANA)[-1]
