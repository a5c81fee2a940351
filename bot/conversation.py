"""The conversation, one code path for every channel: consent, neighbourhood, commands, concerns."""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import func, select

from storage.models import MessageStatus, OutboxMessage, ResidentState, utcnow

from . import residents
from .agenda import describe_meeting, upcoming_meetings
from .alerts import alert_urgent
from .concerns import acknowledgement, file_message, handle_concern, urgent_reply
from .interceptors import intercept
from .texts import SIGNPOSTING, text
from .turn import Turn

logger = logging.getLogger(__name__)


def handle(turn: Turn) -> None:
    """Run one step of the conversation for the resident's message."""
    resident = turn.resident
    if turn.command == "stop":
        turn.message.kind = "command"
        if residents.opt_out(turn.session, resident):
            turn.say("stopped", purpose="stop")
        return
    if resident.state == ResidentState.OPTED_OUT:
        return _while_opted_out(turn)
    if turn.is_new:
        return _first_contact(turn)
    step = STEPS.get(resident.state, _active)
    step(turn)


def _first_contact(turn: Turn) -> None:
    """Welcome, ask for consent, and hold the message until they agree."""
    _hold(turn)
    if turn.classification is not None and turn.classification.urgent:
        # Someone may be at risk: signpost now and tell the CD workers, consent or not.
        file_message(turn.session, turn.runtime, turn.message, turn.classification)
        turn.message.status = MessageStatus.HELD
        turn.session.flush()
        alert_urgent(turn.session, turn.runtime, turn.message)
        turn.reply(urgent_reply(turn.message), purpose="consent")
    turn.say("welcome", purpose="consent")


def _hold(turn: Turn) -> None:
    message = turn.message
    if turn.command is not None or not message.body.strip():
        message.kind = "command" if turn.command else message.kind
        message.status = MessageStatus.IGNORED  # "/start", "hello?" and empty bodies are not concerns
        return
    message.kind = "concern"
    message.status = MessageStatus.HELD
    if turn.classification is not None:
        message.redacted = turn.classification.redacted


def _awaiting_consent(turn: Turn) -> None:
    if turn.command == "yes":
        turn.message.kind = "consent"
        residents.give_consent(turn.resident)
        if len(turn.site.neighbourhoods) > 1 and turn.resident.neighbourhood is None:
            turn.resident.state = ResidentState.AWAITING_NEIGHBOURHOOD
            turn.say("ask_neighbourhood", choices=_choices(turn.site))
            return
        turn.resident.neighbourhood = turn.resident.neighbourhood or turn.site.neighbourhoods[0].slug
        return _activate(turn)
    if turn.command == "no":
        turn.message.kind = "consent"
        turn.message.status = MessageStatus.IGNORED
        turn.resident.state = ResidentState.DECLINED
        for held in residents.release_held(turn.session, turn.resident):
            turn.session.delete(held)
        turn.say("consent_declined", purpose="consent")
        return
    if turn.command == "help":
        turn.message.kind = "command"
        turn.say("help", purpose="consent")
        return
    _hold(turn)
    if _recent_consent_questions(turn) < 2:
        turn.say("consent_reminder", purpose="consent")


def _recent_consent_questions(turn: Turn) -> int:
    """How many consent questions went to this resident in the last day (we never nag)."""
    since = utcnow() - timedelta(days=1)
    return turn.session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.resident_id == turn.resident.id, OutboxMessage.purpose == "consent",
        OutboxMessage.created_at >= since)) or 0


def _choices(site) -> str:
    return ", ".join(f"{i} {n.name}" for i, n in enumerate(site.neighbourhoods, start=1))


def _awaiting_neighbourhood(turn: Turn) -> None:
    if turn.command in ("help", "meetings", "forget"):
        return _active(turn)
    hood = turn.site.match_neighbourhood(turn.text)
    if hood is None:
        if len(turn.text.split()) > 4:  # a concern, not an answer: keep it for when we know the area
            _hold(turn)
        turn.say("neighbourhood_unknown", choices=_choices(turn.site))
        return
    turn.message.kind = "neighbourhood"
    turn.resident.neighbourhood = hood.slug
    _activate(turn)


def _activate(turn: Turn) -> None:
    """Consent (and area) known: release held messages as their first concerns."""
    resident = turn.resident
    resident.state = ResidentState.ACTIVE
    held = residents.release_held(turn.session, resident)
    hood = turn.site.neighbourhood(resident.neighbourhood)
    if not held:
        turn.say("ready", neighbourhood=hood.name if hood else turn.site.name)
        return
    already_urgent = {m.id for m in held if m.urgent}  # signposted and alerted on first contact
    for message in held:
        message.neighbourhood = resident.neighbourhood
        if message.id in already_urgent:
            message.status = MessageStatus.PROCESSED
            for row in message.theme_rows:
                row.neighbourhood = resident.neighbourhood
        else:
            handle_concern(turn, message, acknowledge=False)
    if any(m.urgent for m in held if m.id not in already_urgent):
        return  # handle_concern has queued the urgent reply
    turn.session.flush()
    first = next((m for m in held if m.themes), None)
    if first is None:  # "hi", "is this the council?": nothing to file yet
        turn.say("ready", neighbourhood=hood.name if hood else turn.site.name)
        return
    turn.reply(acknowledgement(turn.session, turn.runtime, first))


def _confirm_forget(turn: Turn) -> None:
    if turn.command in ("forget", "yes"):
        residents.forget(turn.session, turn.runtime.cipher, turn.resident,
                         goodbye_key=f"forget:{turn.message_id}", site_name=turn.site.name)
        return
    turn.resident.state = ResidentState.ACTIVE
    turn.say("forget_kept")


def _while_opted_out(turn: Turn) -> None:
    turn.message.status = MessageStatus.IGNORED
    if turn.command == "start":
        turn.message.kind = "command"
        residents.opt_in(turn.resident)
        turn.say("started", purpose="stop")


def _active(turn: Turn) -> None:
    command = turn.command
    if command in COMMANDS:
        turn.message.kind = "command"
        return COMMANDS[command](turn)
    if turn.callback_data is not None:  # a button press: only a feature can make sense of it
        turn.message.status = MessageStatus.IGNORED
        intercept(turn)
        return
    if turn.message.media_count and not turn.text.strip():
        turn.message.kind = "media"
        turn.message.status = MessageStatus.IGNORED
        turn.say("media_only")
        return
    if not turn.text.strip():
        turn.message.status = MessageStatus.IGNORED
        return
    if intercept(turn):
        return
    handle_concern(turn)


def _help(turn: Turn) -> None:
    turn.say("help")


def _meetings(turn: Turn) -> None:
    meetings = upcoming_meetings(turn.session, turn.resident.neighbourhood)
    if not meetings:
        turn.say("meetings_none")
        return
    listed = "; ".join(f"{m.title}, {describe_meeting(m, turn.site.timezone)}" for m in meetings)
    turn.say("meetings_list", meetings=listed)


def _forget(turn: Turn) -> None:
    turn.resident.state = ResidentState.CONFIRM_FORGET
    turn.say("forget_confirm")


def _start(turn: Turn) -> None:
    turn.say("started")


COMMANDS = {"help": _help, "meetings": _meetings, "forget": _forget, "start": _start}
STEPS = {
    ResidentState.AWAITING_CONSENT: _awaiting_consent,
    ResidentState.DECLINED: _awaiting_consent,
    ResidentState.AWAITING_NEIGHBOURHOOD: _awaiting_neighbourhood,
    ResidentState.CONFIRM_FORGET: _confirm_forget,
    ResidentState.ACTIVE: _active,
}
__all__ = ["handle", "SIGNPOSTING"]
