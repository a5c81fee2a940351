"""`townsquare meeting ...`: create, list, move, cancel, record attendance and notes, send notes."""
from __future__ import annotations

from datetime import datetime, timedelta

import click

from .quiet_hours import local_to_utc

TIME_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]


def _runtime():
    from .cli import runtime
    return runtime(migrate=True)


def _utc(rt, value: datetime | None) -> datetime | None:
    return local_to_utc(value, rt.site.timezone) if value else None


def _fail(exc: Exception):
    raise click.ClickException(str(exc))


@click.group("meeting")
def meeting() -> None:
    """Meetings: invitations with YES/NO/MAYBE, reminders, moves, cancellations, notes."""


@meeting.command("create")
@click.option("--title", required=True)
@click.option("--start", "start", required=True, type=click.DateTime(TIME_FORMATS),
              help="Local time in the site's time zone, e.g. '2026-12-02 18:30'.")
@click.option("--end", "end", type=click.DateTime(TIME_FORMATS), help="Default: two hours after the start.")
@click.option("--venue", default="", help="A venue from the site file, or free text.")
@click.option("--neighbourhood", "neighbourhoods", multiple=True, help="Slug; repeat for several (default: all).")
@click.option("--description", default="")
@click.option("--no-invite", is_flag=True, help="Create it without sending invitations yet.")
def create(title, start, end, venue, neighbourhoods, description, no_invite) -> None:
    """Create a meeting and invite every resident of its neighbourhoods who agreed to meeting messages."""
    from .meetings import MeetingError, MeetingPlan, create_meeting
    rt = _runtime()
    if venue and rt.site.venues and venue not in rt.site.venues:
        click.echo(f"Note: '{venue}' is not one of the site's venues ({', '.join(rt.site.venues)}).")
    plan = MeetingPlan(title=title, starts_at=_utc(rt, start), ends_at=_utc(rt, end or start + timedelta(hours=2)),
                       venue=venue, neighbourhoods=tuple(neighbourhoods), description=description,
                       created_by="cli")
    try:
        meeting_id = create_meeting(rt, plan, invite=not no_invite)
    except MeetingError as exc:
        _fail(exc)
    shown = next(m for m in _list(rt, True) if m["id"] == meeting_id)
    click.echo(f"Meeting {meeting_id} created: {title}, {shown['when']}. Invitations queued: {shown['invited']}.")


def _list(rt, include_past):
    from .meetings import list_meetings
    return list_meetings(rt, include_past=include_past)


@meeting.command("list")
@click.option("--all", "include_past", is_flag=True, help="Include past meetings.")
def list_(include_past) -> None:
    """Meetings with their RSVPs."""
    rows = _list(_runtime(), include_past)
    if not rows:
        click.echo("No meetings.")
    for m in rows:
        click.echo(f"{m['id']:>4}  {m['status']:<9} {m['when']:<40} {m['title']}")
        click.echo(f"      invited {m['invited']}, yes {m['yes']}, maybe {m['maybe']}, no {m['no']}, "
                   f"no answer {m['no_answer']}" + (f", attended {m['attendance']}" if m["attendance"] else ""))


@meeting.command("invite")
@click.argument("meeting_id", type=int)
def invite(meeting_id) -> None:
    """Invite residents not yet invited (new sign-ups since the meeting was created)."""
    from .meetings import MeetingError, send_invitations
    try:
        click.echo(f"Invitations queued: {send_invitations(_runtime(), meeting_id)}")
    except MeetingError as exc:
        _fail(exc)


@meeting.command("move")
@click.argument("meeting_id", type=int)
@click.option("--start", required=True, type=click.DateTime(TIME_FORMATS))
@click.option("--end", type=click.DateTime(TIME_FORMATS))
@click.option("--venue", default=None)
def move(meeting_id, start, end, venue) -> None:
    """Move a meeting: the invited hear about it and reminders are re-planned."""
    from .meetings import MeetingError, move_meeting
    rt = _runtime()
    try:
        told = move_meeting(rt, meeting_id, _utc(rt, start), _utc(rt, end), venue)
    except MeetingError as exc:
        _fail(exc)
    click.echo(f"Meeting {meeting_id} moved; {told} resident(s) will be told.")


@meeting.command("cancel")
@click.argument("meeting_id", type=int)
@click.confirmation_option(prompt="Cancel this meeting and tell everyone invited?")
def cancel(meeting_id) -> None:
    """Cancel: the invited hear about it and no reminders go out."""
    from .meetings import MeetingError, cancel_meeting
    try:
        told = cancel_meeting(_runtime(), meeting_id)
    except MeetingError as exc:
        _fail(exc)
    click.echo(f"Meeting {meeting_id} cancelled; {told} resident(s) will be told.")


@meeting.command("held")
@click.argument("meeting_id", type=int)
@click.option("--attendance", type=int, help="How many people came.")
@click.option("--notes", default="", help="A few lines on what was agreed.")
def held(meeting_id, attendance, notes) -> None:
    """Record attendance and notes after the meeting."""
    from .meetings import MeetingError, record_attendance
    try:
        record_attendance(_runtime(), meeting_id, attendance, notes)
    except MeetingError as exc:
        _fail(exc)
    click.echo(f"Meeting {meeting_id} recorded as held.")


@meeting.command("send-notes")
@click.argument("meeting_id", type=int)
def send_notes_(meeting_id) -> None:
    """Send the meeting's notes to everyone who was invited."""
    from .meetings import MeetingError, send_notes
    try:
        click.echo(f"Notes queued for {send_notes(_runtime(), meeting_id)} resident(s).")
    except MeetingError as exc:
        _fail(exc)


commands = [meeting]
