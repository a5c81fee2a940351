"""`townsquare users create|list`: dashboard accounts for CD workers, partners and admins."""
from __future__ import annotations

import click

from storage.models import Role


@click.group()
def users() -> None:
    """Dashboard users."""


@users.command("create")
@click.option("--email", required=True, help="Their email address (they sign in with it).")
@click.option("--role", required=True, type=click.Choice(Role.ALL), help="What they may see and do.")
@click.option("--organisation", default=None, help="For a partner: the partner's name in the site file.")
@click.option("--password", default=None, help="Leave out to be asked (not echoed).")
def create(email: str, role: str, organisation: str | None, password: str | None) -> None:
    """Create a dashboard user (the password is stored only as an argon2 hash)."""
    from .cli import runtime
    from .users import create_user

    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    rt = runtime(migrate=True)
    try:
        user = create_user(rt, email, password, role, organisation)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    finally:
        rt.close()
    where = f" for {user.organisation}" if user.organisation else ""
    click.echo(f"created {user.role} {user.email}{where}")


@users.command("list")
def list_() -> None:
    """List dashboard users: email, role, organisation, last sign-in."""
    from .cli import runtime
    from .users import list_users

    rt = runtime(migrate=True)
    try:
        rows = list_users(rt)
    finally:
        rt.close()
    if not rows:
        click.echo("no users yet: townsquare users create --email you@example.org --role admin")
    for user in rows:
        last = f"{user.last_login_at:%Y-%m-%d %H:%M}" if user.last_login_at else "never"
        state = "" if user.active else " (deactivated)"
        click.echo(f"{user.email:40} {user.role:10} {user.organisation or '-':20} last sign-in {last}{state}")


commands = [users]
