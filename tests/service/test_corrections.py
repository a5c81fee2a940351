"""A CD worker's correction replaces a message's themes and becomes a redacted training example."""
from sqlalchemy import select

from bot.corrections import correct_themes, training_examples
from storage.models import Message, MessageTheme


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
