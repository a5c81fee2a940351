"""The week closes once even with two workers; the email arrives at a real SMTP server with HTML,
text and inline charts; the Telegram group gets a summary with a link; residents get 'you said'."""
import email
import threading
from email import policy

from sqlalchemy import func, select

from bot import periodic
from bot.digest_weeks import closes_at
from bot.runtime import build_runtime
from storage.models import Digest, OutboxMessage
from tests.conftest import daytime_worker
from tests.digest.helpers import SITE, many, resident, week

CLOSED = closes_at(week("2026-W45"), SITE.timezone, SITE.digest_close_weekday, SITE.digest_close_hour)


def fill(rt):
    with rt.uow() as uow:
        s = uow.session
        k = [resident(s, rt, "kingsmead", number=f"+4477009003{i:02d}") for i in range(12)]
        many(s, lambda i: k[i], 12, "cars speeding past the school gates every morning", ["road_safety"],
             "2026-W45", places=["Lea Bridge Road"])
        many(s, lambda i: k[i], 4, "youths fighting outside the chicken shop late", ["antisocial_behaviour"],
             "2026-W45")
        uow.commit()


def test_the_week_closes_once_with_two_workers(settings):
    runtimes = [build_runtime(settings, SITE) for _ in range(2)]
    fill(runtimes[0])
    barrier = threading.Barrier(2)

    def work(rt):
        barrier.wait()
        periodic.run_due(rt, CLOSED)

    threads = [threading.Thread(target=work, args=(rt,)) for rt in runtimes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    periodic.run_due(runtimes[1], CLOSED)  # and again later: nothing new
    with runtimes[0].uow() as uow:
        scopes = list(uow.session.scalars(select(Digest.scope).where(Digest.week == "2026-W45")))
        keys = list(uow.session.scalars(select(OutboxMessage.idempotency_key)
                                        .where(OutboxMessage.purpose == "digest")))
        updates = uow.session.scalar(select(func.count()).where(OutboxMessage.purpose == "update"))
    assert sorted(scopes) == ["all", "partner:Council", "partner:NHS", "partner:Police"]
    assert len(keys) == 3 and len(set(keys)) == 3  # partnership email, Telegram group, Police email
    assert updates == 12                           # each Kingsmead resident once
    for rt in runtimes:
        rt.close()


def test_email_telegram_and_residents_receive_the_digest(settings, smtp, fake_telegram, fake_twilio):
    rt = build_runtime(settings.with_overrides(smtp_url=smtp.url), SITE)
    fill(rt)
    periodic.run_due(rt, CLOSED)
    daytime_worker(rt).drain()   # residents' updates wait out quiet hours; the test runs at any hour
    with rt.uow() as uow:
        digest_id = uow.session.scalar(select(Digest.id).where(Digest.scope == "all"))
    by_address = {tuple(to): email.message_from_bytes(content, policy=policy.default) for to, content in smtp.messages}
    assert set(by_address) == {("partnership@example.org",), ("snt@example.org",)}

    mail = by_address[("partnership@example.org",)]
    assert mail["Subject"].endswith("weekly digest, 2026-W45")
    plain = mail.get_body(preferencelist=("plain",)).get_content()
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert "road safety: 12 this week" in plain and "Kingsmead" in html
    images = {part["Content-ID"].strip("<>"): part.get_content() for part in mail.walk()
              if part.get_content_type() == "image/png"}
    assert images and all(png.startswith(b"\x89PNG") for png in images.values())
    assert all(f"cid:{cid}" in html for cid in images)
    assert "cid:bars-kingsmead" in html and "cid:trends-kingsmead" in html

    police = by_address[("snt@example.org",)]
    police_text = police.get_body(preferencelist=("plain",)).get_content()
    assert "(Police)" in police["Subject"] and "antisocial behaviour" in police_text
    assert "road safety" not in police_text

    summary = fake_telegram.texts_to("-1009876543210")
    assert len(summary) == 1 and "road safety 12 (up from fewer than 3)" in summary[0]
    assert f"https://townsquare.example.org/dashboard/digests/{digest_id}" in summary[0]

    weekly = fake_twilio.bodies_to("+447700900300")
    assert len(weekly) == 1 and "this week in Kingsmead people raised road safety and antisocial" in weekly[0]
    assert len(weekly[0]) <= 306
    rt.close()
