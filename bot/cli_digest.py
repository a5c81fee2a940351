"""`townsquare digest` (weekly theme digests) and `townsquare action` (you said, we did)."""
from __future__ import annotations

import logging
from pathlib import Path

import click

from .digest import FORMATS

logger = logging.getLogger(__name__)


def _runtime():
    from .cli import runtime
    return runtime(migrate=True)


@click.group("digest", invoke_without_command=True)
@click.option("--week", default=None, help="ISO week, e.g. 2026-W47 (default: the last closed week).")
@click.option("--neighbourhood", default=None, help="One neighbourhood (slug or name) instead of all.")
@click.option("--partner", default=None, help="Only the themes this partner owns (e.g. Police).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.pass_context
def digest_group(ctx: click.Context, week: str | None, neighbourhood: str | None, partner: str | None,
                 fmt: str, output: Path | None) -> None:
    """The weekly theme digest for the partnership (small counts show as 'fewer than 3')."""
    if ctx.invoked_subcommand is not None:
        return
    from . import digest

    rt = _runtime()
    try:
        data = digest.digest_for(rt, week, neighbourhood, partner)
    except (KeyError, ValueError) as exc:
        raise click.UsageError(str(exc.args[0] if exc.args else exc)) from exc
    rendered = digest.render(data, fmt)
    if output is None:
        click.echo(rendered, nl=False)
        return
    output.write_text(rendered, encoding="utf-8")
    click.echo(f"wrote the {fmt} digest of {data['week']} to {output}", err=True)


@digest_group.command("hide")
@click.argument("message_id", type=int)
@click.option("--by", "hidden_by", default="", help="Who hid it.")
@click.option("--reason", default="")
def hide(message_id: int, hidden_by: str, reason: str) -> None:
    """Never quote MESSAGE_ID in a digest again (stored digests too)."""
    from . import digest

    try:
        changed = digest.hide_quote(_runtime(), message_id, hidden_by, reason)
    except KeyError as exc:
        raise click.UsageError(str(exc.args[0])) from exc
    click.echo("hidden" if changed else "already hidden")


@digest_group.command("list")
def list_digests() -> None:
    """Digests stored when each week closed."""
    from . import digest

    for row in digest.list_stored(_runtime()):
        click.echo(f"{row['id']:>5}  {row['week']}  {row['scope']:<30} {row['created_at']:%Y-%m-%d %H:%M}"
                   f"  to {row['recipients']} recipient(s)")


@digest_group.command("close")
def close() -> None:
    """Close the last finished week now, as the worker would (does nothing if it is already closed)."""
    from .digest_delivery import close_week
    from storage.models import utcnow

    digest_id = close_week(_runtime(), utcnow())
    click.echo(f"stored digest {digest_id}; the worker sends it" if digest_id else "already closed")


@click.group("action")
def action_group() -> None:
    """You said, we did: record what the partnership did about a theme."""


@action_group.command("record")
@click.option("--theme", required=True, help="Theme, e.g. road_safety.")
@click.option("--neighbourhood", required=True, help="Neighbourhood slug or name.")
@click.option("--partner", default="", help="Who did it (e.g. Council).")
@click.option("--by", "recorded_by", default="", help="Who is recording it.")
@click.argument("description", nargs=-1, required=True)
def record(theme: str, neighbourhood: str, partner: str, recorded_by: str, description: tuple[str, ...]) -> None:
    """Record DESCRIPTION; residents who raised the theme there in 8 weeks and agreed to updates hear of it."""
    from .actions import record_action

    try:
        action = record_action(_runtime(), theme, neighbourhood, " ".join(description),
                               partner=partner, recorded_by=recorded_by)
    except (KeyError, ValueError) as exc:
        raise click.UsageError(str(exc.args[0] if exc.args else exc)) from exc
    click.echo(f"recorded action {action.id}; update queued for {action.notified} resident(s)")


@action_group.command("list")
@click.option("--neighbourhood", default=None)
@click.option("--theme", default=None)
@click.option("--limit", type=int, default=50, show_default=True)
def list_actions_command(neighbourhood: str | None, theme: str | None, limit: int) -> None:
    """The newest actions."""
    from .actions import list_actions

    for a in list_actions(_runtime(), neighbourhood, theme, limit):
        partner = f" ({a.partner})" if a.partner else ""
        click.echo(f"{a.id:>5}  {a.created_at:%Y-%m-%d}  {a.neighbourhood:<14} {a.theme:<22}{partner} "
                   f"{a.description}  [told {a.notified}]")


commands = [digest_group, action_group]
