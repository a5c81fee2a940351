"""`townsquare broadcast ...`: preview (--dry-run), send or schedule, list, cancel, stop."""
from __future__ import annotations

import click

from .cli_meetings import TIME_FORMATS, _runtime, _utc


def _audience(neighbourhoods, channels, theme, weeks, meeting_id, rsvp):
    from .broadcasts import Audience
    return Audience(neighbourhoods=tuple(neighbourhoods), channels=tuple(channels), theme=theme or None,
                    weeks=weeks, meeting_id=meeting_id, rsvp=tuple(rsvp))


def describe_preview(seen) -> list[str]:
    """The preview a CD worker reads before sending, line by line."""
    channels = ", ".join(f"{name} {count}" for name, count in sorted(seen.per_channel.items())) or "nobody"
    lines = [f"Residents: {seen.recipients} ({channels})",
             f"SMS: {seen.sms.segments} segment(s) per message, {seen.sms.encoding}, {seen.sms.units} "
             f"{'characters' if seen.sms.encoding == 'GSM-7' else 'UTF-16 units'}",
             f"Estimated cost: {seen.cost:.2f} (budget cap {seen.budget_cap:.2f})"]
    lines += [f"Note: {note}" for note in seen.notes]
    if seen.held_until:
        lines.append(f"Quiet hours: sending will start at {seen.held_until:%Y-%m-%d %H:%M} UTC")
    if seen.over_budget:
        lines.append("Over the budget cap: add --override-budget to send anyway.")
    return lines


@click.group("broadcast")
def broadcast() -> None:
    """Messages from the partnership to residents who agreed to hear from it."""


@broadcast.command("send")
@click.option("--body", required=True, help="The message.")
@click.option("--purpose", type=click.Choice(["updates", "meetings"]), default="updates", show_default=True,
              help="Which consent the audience must have given.")
@click.option("--neighbourhood", "neighbourhoods", multiple=True)
@click.option("--channel", "channels", multiple=True, type=click.Choice(["sms", "whatsapp", "telegram", "console"]))
@click.option("--theme", default=None, help="Residents who raised this theme ...")
@click.option("--weeks", type=int, default=4, show_default=True, help="... in the last N weeks.")
@click.option("--meeting", "meeting_id", type=int, default=None, help="Residents invited to this meeting ...")
@click.option("--rsvp", multiple=True, type=click.Choice(["yes", "no", "maybe", "none"]),
              help="... who answered this (repeat for several).")
@click.option("--at", "send_at", type=click.DateTime(TIME_FORMATS), help="Schedule (local time).")
@click.option("--dry-run", is_flag=True, help="Show who, segments and cost; send nothing.")
@click.option("--override-budget", is_flag=True, help="Send even though the cost is over the cap.")
def send(body, purpose, neighbourhoods, channels, theme, weeks, meeting_id, rsvp, send_at, dry_run,
         override_budget) -> None:
    """Preview, then send (or schedule) a broadcast."""
    from .broadcasts import BroadcastError, create_broadcast, preview
    rt = _runtime()
    audience = _audience(neighbourhoods, channels, theme, weeks, meeting_id, rsvp)
    when = _utc(rt, send_at)
    try:
        seen = preview(rt, body, audience, purpose, when)
    except BroadcastError as exc:
        raise click.ClickException(str(exc))
    for line in describe_preview(seen):
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing sent.")
        return
    if seen.recipients == 0:
        raise click.ClickException("nobody in this audience: nothing to send")
    try:
        broadcast_id = create_broadcast(rt, body, audience, purpose, when, created_by="cli",
                                        override_budget=override_budget)
    except BroadcastError as exc:
        raise click.ClickException(str(exc))
    state = f"scheduled for {send_at:%Y-%m-%d %H:%M}" if send_at else "queued"
    click.echo(f"Broadcast {broadcast_id} {state}. `townsquare broadcast list` shows its progress.")


@broadcast.command("list")
def list_() -> None:
    """Recent broadcasts with delivery totals."""
    from .broadcasts import list_broadcasts
    rows = list_broadcasts(_runtime())
    if not rows:
        click.echo("No broadcasts yet.")
    for b in rows:
        totals = ", ".join(f"{k} {v}" for k, v in sorted(b["totals"].items())) or "-"
        click.echo(f"{b['id']:>4}  {b['status']:<9} {b['recipients']:>6} residents  {totals}")
        click.echo(f"      {b['body'][:70]}")


@broadcast.command("cancel")
@click.argument("broadcast_id", type=int)
def cancel(broadcast_id) -> None:
    """Cancel a scheduled broadcast before it starts."""
    from .broadcasts import BroadcastError, cancel_broadcast
    try:
        cancel_broadcast(_runtime(), broadcast_id)
    except BroadcastError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Broadcast {broadcast_id} cancelled.")


@broadcast.command("stop")
@click.argument("broadcast_id", type=int)
def stop(broadcast_id) -> None:
    """Stop a broadcast in progress; what has not gone out stays unsent."""
    from .broadcasts import BroadcastError, stop_broadcast
    try:
        withheld = stop_broadcast(_runtime(), broadcast_id)
    except BroadcastError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Broadcast {broadcast_id} stopped; {withheld} message(s) will not be sent.")


commands = [broadcast]
