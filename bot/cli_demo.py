"""`townsquare demo`: fill the database with a living demonstration neighbourhood."""
from __future__ import annotations

import click


@click.command("demo")
@click.option("--residents", type=int, default=300, show_default=True, help="How many made-up residents.")
@click.option("--weeks", type=int, default=8, show_default=True, help="Weeks of messages, up to the last closed week.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--force", is_flag=True, help="Run even with live SMS/Telegram/email credentials set.")
def demo(residents: int, weeks: int, seed: int, force: bool) -> None:
    """Fill the database with a demo site: residents, eight weeks of messages, meetings, an action."""
    from . import demo as demo_site
    from .cli import runtime

    rt = runtime(migrate=True)
    live = sorted(name for name in rt.channels if name != "console")
    if live and not force:
        raise click.UsageError(
            f"live channels are configured ({', '.join(live)}): the demo's made-up residents could be "
            "messaged. Use a database of its own without credentials, or pass --force.")
    if demo_site.already_filled(rt):
        click.echo("The demo site is already in this database.")
        return
    made = demo_site.fill(rt, residents=residents, weeks=weeks, seed=seed)
    click.echo(f"Made {made['residents']} residents and {made['messages']} messages over "
               f"{made['weeks'][0]} to {made['weeks'][-1]}, two meetings with RSVPs and an action.")
    click.echo(f"  Digest: townsquare digest --week {made['week']} --format html --output digest.html")
    click.echo("  Then: townsquare serve, and open http://localhost:8000/sandbox")


commands = [demo]
