"""RSVPs: "yes", "Y", "yeah see u there", "no cant make it", "maybe", or a Telegram button,
bound to the invitation the resident most recently received."""
from __future__ import annotations

import re

from sqlalchemy import select

from storage.models import Invitation, Meeting, MeetingStatus, RsvpAnswer, utcnow

from .agenda import describe_meeting
from .commands import normalise
from .meetings import cancel_queued, plan_reminders

_YES = (r"y|ye|yes+|yeah|yea|yep|yup|yh|ya|aye|sure|ok|okay|definitely|deffo|defo|absolutely|of course"
        r"|count me in|i ll be there|ill be there|i will be there|i will come|i ll come|ill come"
        r"|see (you|u|ya) there|will do|i m coming|im coming|coming|going|attending")
_NO = (r"n|no+|nope|nah|naw|no thanks|no thank you|cant|can t|cannot|can not|won t|wont"
       r"|not coming|not going|unable|sorry no|sorry")
_MAYBE = r"maybe|perhaps|possibly|might|not sure|unsure|probably|hopefully|depends|idk|dunno|may do|mayb|mby"
ANSWERS = [(RsvpAnswer.YES, re.compile(r"^(cant|can t|cannot) wait\b")),
           (RsvpAnswer.MAYBE, re.compile(rf"^({_MAYBE})\b")),
           (RsvpAnswer.NO, re.compile(rf"^({_NO})\b")),
           (RsvpAnswer.YES, re.compile(rf"^({_YES})\b"))]
# A short reply reads as an answer; a long one that happens to start with "yes" is a concern.
MAX_WORDS = 10
CONCERN_HINTS = re.compile(r"\b(but|problem|issue|broken|again|still|report|complain|about the)\b")


def parse_rsvp(raw: str) -> str | None:
    """yes / no / maybe when the text reads as an answer to an invitation, else None."""
    cleaned = normalise(raw)
    if not cleaned or len(cleaned.split()) > MAX_WORDS or CONCERN_HINTS.search(cleaned):
        return None
    for answer, pattern in ANSWERS:
        if pattern.match(cleaned):
            return answer
    return None


def parse_button(data: str | None) -> tuple[int, str] | None:
    """(meeting id, answer) from a button's callback data "rsvp:12:yes"."""
    match = re.fullmatch(r"rsvp:(\d+):(yes|no|maybe)", data or "")
    return (int(match.group(1)), match.group(2)) if match else None


def latest_open_invitation(session, resident_id: int, meeting_id: int | None = None):
    """The invitation this resident most recently received for a meeting still to come."""
    query = (select(Invitation, Meeting).join(Meeting, Meeting.id == Invitation.meeting_id)
             .where(Invitation.resident_id == resident_id))
    if meeting_id is not None:
        query = query.where(Invitation.meeting_id == meeting_id)
    row = session.execute(query.order_by(Invitation.invited_at.desc(), Invitation.id.desc()).limit(1)).first()
    return row if row is not None else (None, None)


def record_answer(turn, invitation: Invitation, meeting: Meeting, answer: str) -> None:
    """Store (or change) the answer, re-plan reminders, and confirm in one short line."""
    session, runtime = turn.session, turn.runtime
    if meeting.status not in MeetingStatus.UPCOMING or meeting.starts_at <= utcnow():
        turn.say("rsvp_closed", title=meeting.title)
        return
    previous = invitation.answer
    invitation.answer, invitation.answered_at = answer, utcnow()
    if answer in RsvpAnswer.COMING and previous not in RsvpAnswer.COMING:
        plan_reminders(session, runtime, meeting, [invitation.resident_id])
    elif answer == RsvpAnswer.NO:
        cancel_queued(session, meeting.id, ("reminder",), resident_id=invitation.resident_id,
                      reason="resident said no")
    turn.say(f"rsvp_{answer}", title=meeting.title, when=describe_meeting(meeting, turn.site.timezone))


def rsvp_interceptor(turn) -> bool:
    """Claim the message when it answers an open invitation (by button or by text)."""
    button = parse_button(turn.callback_data)
    if turn.callback_data is not None and button is None:
        turn.message.kind = "button"
        return True  # a stale or foreign button: nothing to file as a concern
    meeting_id, answer = button if button else (None, parse_rsvp(turn.text))
    if answer is None:
        return False
    invitation, meeting = latest_open_invitation(turn.session, turn.resident.id, meeting_id)
    if invitation is None:
        if button:
            turn.message.kind = "button"
            return True
        return False  # "yes" with no invitation open: an ordinary message
    if not button and (meeting.status not in MeetingStatus.UPCOMING or meeting.starts_at <= utcnow()):
        return False  # the latest invitation is over, so this "yes" is about something else
    turn.message.kind = "rsvp"
    record_answer(turn, invitation, meeting, answer)
    return True
