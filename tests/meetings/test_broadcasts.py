"""Broadcasts: who they reach, what they cost, quiet hours, stopping, the WhatsApp window, rate caps."""
from __future__ import annotations

import dataclasses
import threading
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from bot.broadcasts import (Audience, BroadcastError, cancel_broadcast, create_broadcast, preview,
                            stop_broadcast, totals)
from bot.meetings import MeetingPlan, create_meeting
from bot.quiet_hours import local_to_utc
from bot.segments import count_segments
from bot.worker import Worker
from storage.models import Broadcast, OutboxMessage, Resident
from tests.meetings.conftest import NO_QUIET_HOURS, at, in_days

MARSH = ["+4477009006%02d" % i for i in range(1, 6)]
KINGS = ["+4477009007%02d" % i for i in range(1, 4)]


@pytest.mark.parametrize("body, encoding, segments", [
    ("Meeting tonight 7pm at the library", "GSM-7", 1),
    ("x" * 160, "GSM-7", 1),
    ("x" * 161, "GSM-7", 2),                    # 153 per part once split
    ("x" * 306, "GSM-7", 2),
    ("x" * 307, "GSM-7", 3),
    ("Price: €5 [cash]" + "x" * 144, "GSM-7", 2),  # € and [ ] cost two septets each: 166
    ("See you there 😊", "UCS-2", 1),
    ("It’s on Tuesday", "UCS-2", 1),            # a curly apostrophe forces UCS-2
    ("x" * 69 + "😊", "UCS-2", 2),               # an emoji is two UTF-16 units: 71 > 70
    ("é" * 70, "GSM-7", 1),                     # é is in GSM-7's basic set
    ("ć" * 70, "UCS-2", 1),
    ("ć" * 71, "UCS-2", 2),
])
def test_segment_counting(body, encoding, segments):
    counted = count_segments(body)
    assert (counted.encoding, counted.segments) == (encoding, segments)


def test_the_audience_leaves_out_opted_out_and_non_consenting_residents(people, runtime, worker, fake_twilio):
    for number in MARSH[:3]:
        people.sms(number)
    people.sms(MARSH[3]).text("STOP")
    people.phone(MARSH[4]).text("hello")   # never agreed
    for number in KINGS:
        people.sms(number, area="2")
    worker.drain()
    seen = preview(runtime, "Litter pick Saturday 10am", Audience(neighbourhoods=("marsh-hill",)))
    assert seen.recipients == 3 and seen.per_channel == {"sms": 3}
    everyone = preview(runtime, "Litter pick Saturday 10am", Audience())
    assert everyone.recipients == 6
    create_broadcast(runtime, "Litter pick Saturday 10am", Audience(neighbourhoods=("marsh-hill",)))
    worker.drain()
    got = [n for n in MARSH + KINGS if "Litter pick Saturday 10am" in fake_twilio.bodies_to(n)]
    assert got == MARSH[:3]


def test_theme_channel_and_rsvp_narrow_the_audience_together(people, runtime, worker, fake_twilio):
    speeding = people.sms(MARSH[0])
    speeding.text("cars race down Market Street every night, someone will get killed crossing")
    people.sms(MARSH[1]).text("the bins on Marsh Lane havent been emptied in weeks")
    people.telegram(880001)
    worker.drain()
    road = preview(runtime, "x", Audience(theme="road_safety", weeks=4))
    assert road.recipients == 1
    assert preview(runtime, "x", Audience(channels=("telegram",))).per_channel == {"telegram": 1}
    meeting_id = create_meeting(runtime, MeetingPlan("Road safety walk", in_days(2), in_days(2) + timedelta(hours=1),
                                                     neighbourhoods=("marsh-hill",)))
    worker.drain()
    speeding.text("yes")
    worker.drain()
    assert preview(runtime, "x", Audience(meeting_id=meeting_id, rsvp=("yes",))).recipients == 1
    assert preview(runtime, "x", Audience(meeting_id=meeting_id, rsvp=("none",))).recipients == 2
    assert preview(runtime, "x", Audience(meeting_id=meeting_id, rsvp=("yes",),
                                          channels=("telegram",))).recipients == 0


def test_cost_estimate_and_the_budget_cap(people, runtime, worker):
    for number in MARSH[:3]:
        people.sms(number)
    runtime.site = dataclasses.replace(runtime.site, sms_segment_price=0.05, broadcast_budget_cap=0.2)
    plain = preview(runtime, "x" * 200, Audience())          # 2 segments x 3 residents x 0.05
    assert plain.sms.segments == 2 and plain.cost == pytest.approx(0.30) and plain.over_budget
    with pytest.raises(BroadcastError, match="budget cap"):
        create_broadcast(runtime, "x" * 200, Audience())
    broadcast_id = create_broadcast(runtime, "x" * 200, Audience(), override_budget=True)
    with runtime.uow() as uow:
        assert uow.session.get(Broadcast, broadcast_id).budget_override is True
    emoji = preview(runtime, "Thanks all 🙏", Audience())
    assert emoji.sms.encoding == "UCS-2" and "🙏" in emoji.notes[0]


def test_quiet_hours_hold_a_broadcast_until_morning(people, runtime, worker, fake_twilio):
    people.sms(MARSH[0])
    runtime.site = dataclasses.replace(NO_QUIET_HOURS, quiet_hours=(time(21, 0), time(8, 0)))
    tomorrow = (datetime.utcnow() + timedelta(days=1)).date()
    late = local_to_utc(datetime.combine(tomorrow, time(22, 30)), "Europe/London")
    morning = local_to_utc(datetime.combine(tomorrow + timedelta(days=1), time(8, 0)), "Europe/London")
    seen = preview(runtime, "Bin day moved", Audience(), send_at=late)
    assert seen.held_until == morning
    broadcast_id = create_broadcast(runtime, "Bin day moved", Audience(), send_at=late)
    Worker(runtime, clock=at(late + timedelta(minutes=1))).drain()   # the worker starts due broadcasts
    from bot.broadcasts import run_scheduled
    run_scheduled(runtime, late + timedelta(minutes=1))
    Worker(runtime, clock=at(late + timedelta(minutes=2))).drain()
    assert "Bin day moved" not in fake_twilio.bodies_to(MARSH[0])
    Worker(runtime, clock=at(morning + timedelta(minutes=1))).drain()
    assert "Bin day moved" in fake_twilio.bodies_to(MARSH[0])
    with runtime.uow() as uow:
        assert totals(uow.session, broadcast_id) == {"sent": 1}


def test_a_running_late_broadcast_pauses_at_quiet_hours(people, runtime, worker, fake_twilio):
    people.sms(MARSH[0])
    runtime.site = dataclasses.replace(NO_QUIET_HOURS, quiet_hours=(time(21, 0), time(8, 0)))
    with runtime.uow() as uow:  # queued in the evening, still waiting when quiet hours begin
        from bot import outbox
        outbox.enqueue(uow.session, key="late", body="Evening news", purpose="broadcast",
                       resident=uow.session.scalar(select(Resident)), respect_quiet_hours=True)
        uow.commit()
    tomorrow = (datetime.utcnow() + timedelta(days=1)).date()
    Worker(runtime, clock=at(local_to_utc(datetime.combine(tomorrow, time(23, 0)), "Europe/London"))).drain()
    assert "Evening news" not in fake_twilio.bodies_to(MARSH[0])
    Worker(runtime, clock=at(local_to_utc(datetime.combine(tomorrow + timedelta(days=1), time(8, 5)),
                                          "Europe/London"))).drain()
    assert "Evening news" in fake_twilio.bodies_to(MARSH[0])


def test_scheduled_broadcast_can_be_cancelled_and_a_running_one_stopped(people, runtime, worker, fake_twilio):
    for number in MARSH[:3]:
        people.sms(number)
    later = create_broadcast(runtime, "Later news", Audience(), send_at=in_days(1))
    cancel_broadcast(runtime, later)
    running = create_broadcast(runtime, "Now news", Audience())
    worker.send_one(worker.claim(limit=1)[0])          # one goes out...
    assert stop_broadcast(runtime, running) == 2       # ...then the CD worker stops it
    worker.drain()
    from bot.broadcasts import run_scheduled
    run_scheduled(runtime, in_days(2))
    sent = [n for n in MARSH[:3] if "Now news" in fake_twilio.bodies_to(n)]
    assert len(sent) == 1
    assert not any("Later news" in fake_twilio.bodies_to(n) for n in MARSH[:3])
    with runtime.uow() as uow:
        assert totals(uow.session, running) == {"sent": 1, "cancelled": 2}
        assert uow.session.get(Broadcast, later).status == "cancelled"


def test_whatsapp_outside_the_window_uses_the_template_or_is_skipped(people, runtime, worker, fake_twilio):
    number = MARSH[0]
    people.sms(number, whatsapp=True)
    with runtime.uow() as uow:
        uow.session.execute(update(Resident).values(last_inbound_at=datetime.utcnow() - timedelta(days=2)))
        uow.commit()
    create_broadcast(runtime, "Skip me", Audience())
    worker.drain()
    with runtime.uow() as uow:
        row = uow.session.scalar(select(OutboxMessage).where(OutboxMessage.body == "Skip me"))
        assert row.status == "skipped" and "24-hour window" in row.error
    runtime.site = dataclasses.replace(runtime.site, whatsapp_template_sid="HX" + "a" * 32)
    runtime.channels["whatsapp"]._template_sid = runtime.site.whatsapp_template_sid
    create_broadcast(runtime, "Template me", Audience())
    worker.drain()
    sent = fake_twilio.messages[-1]
    assert sent["content_sid"] == "HX" + "a" * 32 and sent["body"] == "Template me"


def test_the_sms_rate_cap_is_kept(people, runtime, fake_twilio):
    for i in range(12):
        people.sms("+4477009008%02d" % i)
    fake_twilio.messages.clear()
    rt_settings = runtime.settings.with_overrides(twilio_rate_per_second=4.0)
    capped = Worker(dataclasses.replace(runtime, settings=rt_settings), worker_id="capped")
    create_broadcast(runtime, "Rate capped", Audience())
    capped.drain()
    times = sorted(m["at"] for m in fake_twilio.messages if m["body"] == "Rate capped")
    assert len(times) == 12
    # 4 a second with a burst of 4: the 12th can go no sooner than 2 seconds after the first.
    assert times[-1] - times[0] >= 1.9


def test_two_workers_never_send_the_same_row(people, runtime, fake_twilio, database_url):
    numbers = ["+4477009009%02d" % i for i in range(30)]
    for number in numbers:
        people.sms(number)
    create_broadcast(runtime, "Shared work", Audience())
    workers = [Worker(runtime, worker_id=f"w{i}") for i in range(2)]
    threads = [threading.Thread(target=w.drain) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = [fake_twilio.bodies_to(n).count("Shared work") for n in numbers]
    assert counts == [1] * len(numbers)
