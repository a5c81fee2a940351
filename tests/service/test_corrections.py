"""A CD worker's correction replaces a message's themes and becomes a redacted training example."""
import dataclasses

from sqlalchemy import select

from bot.corrections import correct_themes, correct_urgency, training_examples
from storage.models import Correction, Message, MessageTheme, OutboxMessage


def test_correction_replaces_themes_and_is_kept_for_training(phone, worker, runtime):
    resident = phone("+447700900555")
    for text in ["hi", "yes", "1", "my neighbour Dave at 12 Albion Road keeps his van on the pavement"]:
        resident.text(text)
    with runtime.uow() as uow:
        message = uow.session.scalars(select(Message).where(Message.body.like("my neighbour%"))).one()
        correct_themes(uow.session, message.id, ["road_safety", "antisocial_behaviour", "not_a_theme"],
                       corrected_by="cd@example.org", allowed=runtime.site.themes)
        uow.commit()
    with runtime.uow() as uow:
        message = uow.session.scalars(select(Message).where(Message.body.like("my neighbour%"))).one()
        assert message.themes == ["road_safety", "antisocial_behaviour"] and not message.needs_review
        rows = sorted(uow.session.scalars(select(MessageTheme.theme).where(MessageTheme.message_id == message.id)))
        assert rows == ["antisocial_behaviour", "road_safety"]
    [example] = training_examples(runtime)
    assert example["themes"] == ["antisocial_behaviour", "road_safety"]
    assert "Dave" not in example["text"] and "12 Albion Road" not in example["text"]


def test_urgency_correction_alerts_once_and_theme_corrections_keep_it(phone, worker, runtime):
    resident = phone("+447700900556")
    for text in ["hi", "yes", "1", "not seen my neighbour for a week, curtains shut, post piling up"]:
        resident.text(text)
    with runtime.uow() as uow:
        message = uow.session.scalars(select(Message).where(Message.body.like("not seen%"))).one()
        message.urgent, message.urgent_reason = False, None  # whatever the model said: it missed it
        uow.commit()
        message_id = message.id
    runtime.site = dataclasses.replace(runtime.site, urgent_telegram_chat="-100555")
    with runtime.uow() as uow:
        assert correct_urgency(uow.session, runtime, message_id, True, corrected_by="cd@example.org")
        assert correct_urgency(uow.session, runtime, message_id, True, corrected_by="cd@example.org") is None
        uow.commit()
    with runtime.uow() as uow:
        correct_themes(uow.session, message_id, ["health"], corrected_by="cd@example.org",
                       allowed=runtime.site.themes)
        uow.commit()
    with runtime.uow() as uow:
        alerts = uow.session.scalars(select(OutboxMessage).where(OutboxMessage.purpose == "alert")).all()
        assert [a.channel for a in alerts] == ["telegram"] and "marked by cd worker" in alerts[0].body
        assert [c.example["urgent"] for c in uow.session.scalars(select(Correction).order_by(Correction.id))] \
            == [True, True]
    assert [(e["urgent"], e["themes"]) for e in training_examples(runtime)] == [(True, ["health"])]
