"""Every resident-facing text in one place, ready for translation. Each fits two SMS segments."""
from __future__ import annotations

SIGNPOSTING = (
    "If anyone is in danger now call 999. NHS 111 for urgent health help. "
    "Samaritans 116 123 (free, any time). Domestic abuse: 0808 2000 247."
)

TEXTS = {
    "welcome": (
        "Hi, this is {site}. Tell us what matters where you live and we share it, "
        "without your number, with the local partnership. Reply YES to agree, STOP to stop."
    ),
    "consent_reminder": "Please reply YES to agree to us keeping your messages, or STOP to stop.",
    "consent_declined": "No problem, we won't keep your messages. Text YES any time if you change your mind.",
    "ask_neighbourhood": "Thanks! Which area do you live in? Reply with a number: {choices}",
    "neighbourhood_unknown": "Sorry, we didn't catch that. Reply with a number: {choices}",
    "ready": "Thanks, you're signed up for {neighbourhood}. Tell us anything about where you live.",
    "ack_themes": "Thanks, we've noted this under {themes}.",
    "ack_no_theme": "Thanks, we've noted your message and a community worker will read it.",
    "ack_neighbours": " {count} neighbours raised {theme} in the last 30 days.",
    "ack_meeting": " Next meeting: {meeting}.",
    "ack_nothing": "Thanks! Text us any time about where you live. HELP for options.",
    "urgent": "We're worried about you. " + SIGNPOSTING + " A community worker has been told.",
    # When only the model's score flagged the message (no words of risk it knows): many such are
    # everyday worries, so no "we're worried about you" over a bin, but help is one call away.
    "urgent_unsure": (
        "Thanks, a community worker will read your message today. If you or anyone is at risk now, "
        "call 999, or Samaritans free on 116 123, any time."
    ),
    "help": (
        "{site}: text us what matters where you live. MEETINGS: next meetings. "
        "STOP: no more messages. FORGET: delete your data."
    ),
    "stopped": "You won't get any more messages from {site}. Text START to join again.",
    "started": "Welcome back! You'll hear from {site} again. Text STOP to stop.",
    "forget_confirm": "Reply FORGET again to delete your messages and details for good, or anything else to keep them.",
    "forget_kept": "OK, we've kept everything as it was.",
    "forgotten": "Done. We've deleted your messages and details. Goodbye, and thank you.",
    "meetings_none": "No meetings are planned yet. We'll let you know when there is one.",
    "meetings_list": "Next meetings: {meetings}",
    "media_only": "Thanks! We can only read text for now. Please tell us in words.",
    "unsupported": "Sorry, we can only read text messages. Please tell us in words.",
    "edited_ignored": "We've kept your first message; please send a new one if something changed.",
    # Meetings (bot/meetings.py, bot/rsvp.py)
    "invitation": "You're invited: {title}, {when}. {description} Can you come? Reply YES, NO or MAYBE.",
    "reminder": "Reminder: {title}, {when}. See you there! Reply NO if you can't make it now.",
    "meeting_moved": "Change of plan: {title} is now {when}. Reply YES, NO or MAYBE to tell us if you can come.",
    "meeting_cancelled": "Sorry, {title} ({when}) is cancelled. We'll let you know when it's rearranged.",
    "meeting_notes": "From {title}: {notes}",
    "rsvp_yes": "Great, see you at {title}, {when}. We'll send a reminder.",
    "rsvp_no": "Thanks for letting us know. Hope to see you at the next one.",
    "rsvp_maybe": "Thanks, we've put you down as a maybe for {title}. We'll send a reminder.",
    "rsvp_closed": "Thanks, but {title} has already started or been cancelled.",
    # You said, we did (bot/actions.py); the action's own words are shortened to fit two segments.
    "action_update": "{site}: you told us about {theme} in {neighbourhood}. What has been done: {action}",
    "you_said_weekly": "{site}: this week in {neighbourhood} people raised {themes}.",
    "you_said_meeting": " Next meeting: {meeting}.",
    "you_said_action": " You said, we did: {action}",
}


def text(key: str, **values) -> str:
    """The resident-facing text `key`, filled in."""
    return TEXTS[key].format(**values)
