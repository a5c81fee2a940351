"""End to end: Telegram updates in (secret-token checked), python-telegram-bot out to a fake Bot API."""
from sqlalchemy import func, select

from storage.models import Message
from tests.conftest import post_telegram
from tests.fakes.updates import callback_update, edited_update, sticker_update, text_update

CHAT = 5550101


def messages(runtime) -> int:
    with runtime.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(Message))


def test_consent_and_concern_over_telegram(client, worker, fake_telegram):
    for update_id, text in enumerate(["/start", "YES", "2",
                                      "there's a massive pothole on Lea Bridge Road, my bike nearly went in"],
                                     start=100):
        assert post_telegram(client, text_update(update_id, CHAT, text)).status_code == 200
    worker.drain()
    texts = fake_telegram.texts_to(CHAT)
    assert "Reply YES to agree" in texts[0]
    assert "Which area" in texts[1]
    assert "Kingsmead" in texts[2]
    assert "road safety" in texts[-1]


def test_wrong_or_missing_secret_is_refused(client, runtime):
    assert post_telegram(client, text_update(1, CHAT, "hi"), secret="nope").status_code == 403
    assert post_telegram(client, text_update(1, CHAT, "hi"), secret=None).status_code == 403
    assert messages(runtime) == 0


def test_malformed_updates_are_400(client, runtime):
    headers = {"X-Telegram-Bot-Api-Secret-Token": "telegram-test-secret"}
    assert client.post("/webhooks/telegram", data="not json", headers=headers,
                       content_type="application/json").status_code == 400
    assert post_telegram(client, {"message": {"text": "no update id"}}).status_code == 400
    assert post_telegram(client, {"update_id": 5, "message": {"text": "no chat"}}).status_code == 400
    assert messages(runtime) == 0


def test_duplicate_update_id_is_one_message_one_reply(client, worker, fake_telegram, runtime):
    update = text_update(42, CHAT, "hello")
    for _ in range(3):
        assert post_telegram(client, update).status_code == 200
    worker.drain()
    assert messages(runtime) == 1
    assert len(fake_telegram.texts_to(CHAT)) == 1


def test_sticker_gets_a_polite_answer_edits_and_groups_are_ignored(client, worker, fake_telegram, runtime):
    for update_id, text in enumerate(["hi", "yes", "1"], start=1):
        post_telegram(client, text_update(update_id, CHAT, text))
    worker.drain()
    before = len(fake_telegram.texts_to(CHAT))
    assert post_telegram(client, sticker_update(10, CHAT)).status_code == 200
    assert post_telegram(client, edited_update(11, CHAT, "edited text")).status_code == 200
    assert post_telegram(client, text_update(12, CHAT, "hello group", chat_type="group")).status_code == 200
    channel_post = text_update(13, CHAT, "news from a channel")["message"]
    channel_post["chat"] = {"id": -100123, "type": "channel", "title": "Estate news"}
    assert post_telegram(client, {"update_id": 13, "channel_post": channel_post}).status_code == 200
    worker.drain()
    texts = fake_telegram.texts_to(CHAT)
    assert len(texts) == before + 1 and "only read text" in texts[-1]
    assert fake_telegram.texts_to(-CHAT) == []


def test_button_press_without_an_invitation_is_not_an_error(client, worker, fake_telegram):
    assert post_telegram(client, callback_update(20, CHAT, "rsvp:999:yes")).status_code == 200


def test_blocked_bot_marks_resident_unreachable(client, worker, fake_telegram, runtime):
    from storage.models import Resident
    fake_telegram.fail_for(str(CHAT), 403, fake_telegram.blocked())
    post_telegram(client, text_update(1, CHAT, "hi"))
    worker.drain()
    with runtime.uow() as uow:
        resident = uow.session.scalar(select(Resident))
        assert resident.unreachable_at is not None


def test_retry_after_is_honoured_then_sent(client, worker, fake_telegram, runtime):
    from storage.models import OutboxMessage
    fake_telegram.fail_for(str(CHAT), 429, fake_telegram.too_many(retry_after=30), times=1)
    post_telegram(client, text_update(1, CHAT, "hi"))
    worker.drain()
    with runtime.uow() as uow:
        row = uow.session.scalar(select(OutboxMessage))
        assert row.status == "queued" and row.not_before > row.created_at
    assert fake_telegram.texts_to(CHAT) == []


def test_oversized_update_is_413_and_not_stored(client, runtime):
    huge = text_update(77, CHAT, "x" * (70 * 1024))
    assert post_telegram(client, huge).status_code == 413
    assert messages(runtime) == 0


def test_emoji_and_non_latin_text_over_telegram(client, worker, fake_telegram, runtime):
    for update_id, text in enumerate(["hi", "yes", "1", "Ulica jest brudna, śmieci wszędzie 🗑️🐀"], start=300):
        post_telegram(client, text_update(update_id, CHAT, text))
    worker.drain()
    with runtime.uow() as uow:
        assert "Ulica jest brudna, śmieci wszędzie 🗑️🐀" in list(uow.session.scalars(select(Message.body)))
    assert fake_telegram.texts_to(CHAT)[-1].startswith("Thanks")
