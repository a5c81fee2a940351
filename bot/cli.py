"""The `townsquare` command: the composition root (the one place in bot that imports webhooks)."""
from __future__ import annotations

import getpass
import importlib
import logging
import os
import signal
import sys
import threading

import click

from .config import load_settings

logger = logging.getLogger(__name__)

# Feature command modules, each exposing `commands` (a list of click commands or groups).
FEATURE_COMMANDS = ("bot.cli_meetings", "bot.cli_broadcast", "bot.cli_digest", "bot.cli_users",
                    "bot.cli_demo")


# Commands that run for a long time log what they do; one-shot commands print their own answer.
LOGGING_COMMANDS = ("serve", "worker", "db")


def _configure_logging(verbose: bool, command: str | None) -> None:
    quiet = not verbose and command not in LOGGING_COMMANDS
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if quiet:
        # Which channels are off matters to the processes that send, not to `digest` or `users`.
        logging.getLogger("bot.channels").setLevel(logging.ERROR)
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """townsquare: residents' concerns, themes, meetings and digests for a neighbourhood partnership."""
    _configure_logging(verbose, ctx.invoked_subcommand)
    ctx.ensure_object(dict)
    ctx.obj["load_corrections"] = _load_corrections


def runtime(migrate: bool = True):
    """Build the runtime from the environment (shared by commands)."""
    from .runtime import build_runtime
    return build_runtime(load_settings(), migrate=migrate)


@main.command()
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1, or 0.0.0.0 when $PORT is set).")
@click.option("--port", type=int, default=None, help="Port (default $PORT or 8000).")
@click.option("--threads", type=int, default=8, show_default=True)
@click.option("--no-worker", is_flag=True, help="Do not run the outbox worker in this process.")
def serve(host: str | None, port: int | None, threads: int, no_worker: bool) -> None:
    """Run the web app (waitress) and an in-process worker; applies migrations first."""
    from waitress import serve as waitress_serve

    from webhooks import create_app

    from .worker import Worker

    env_port = os.environ.get("PORT")
    port = port or int(env_port or 8000)
    host = host or ("0.0.0.0" if env_port else "127.0.0.1")
    rt = runtime(migrate=True)
    app = create_app(runtime=rt)
    stop = threading.Event()
    if not no_worker:
        threading.Thread(target=Worker(rt).run_forever, args=(stop,), daemon=True, name="worker").start()
    shown = "localhost" if host in ("0.0.0.0", "127.0.0.1") else host
    click.echo(f"townsquare is running for {rt.site.name}.")
    click.echo(f"  Sandbox (talk to the bot as a resident): http://{shown}:{port}/sandbox")
    click.echo(f"  Health: http://{shown}:{port}/healthz    Database: {rt.engine.url.render_as_string()}")
    try:
        waitress_serve(app, host=host, port=port, threads=threads, ident="townsquare")
    finally:
        stop.set()


@main.command()
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
def worker(once: bool) -> None:
    """Drain the outbox through the channels (run as many as you like on PostgreSQL)."""
    from .worker import Worker

    rt = runtime(migrate=False)
    w = Worker(rt)
    if once:
        click.echo(f"sent {w.drain()} message(s)")
        return
    stop = threading.Event()
    # A deploy or restart sends SIGTERM: finish the sends in hand, so none is left in doubt.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    w.run_forever(stop)
    rt.close()


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest."""
    from storage.migrate import upgrade

    settings = load_settings()
    upgrade(settings.database_url)
    click.echo("database is up to date")


@main.command()
@click.option("--as", "who", default=None, help="Sandbox resident name (default: your user name).")
def chat(who: str | None) -> None:
    """Talk to the bot in this terminal as a resident (the sandbox channel)."""
    from . import sandbox
    from .worker import Worker

    rt = runtime(migrate=True)
    address = f"terminal-{who or getpass.getuser()}"
    worker_ = Worker(rt)
    seen = max((r["id"] for r in sandbox.replies(rt, address)), default=0)
    click.echo(f"You are a resident texting {rt.site.name}. Ctrl-D to leave.")
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if not line.strip():
            continue
        sandbox.send(rt, address, line)
        worker_.drain()
        for reply in sandbox.replies(rt, address, seen):
            click.echo(f"bot> {reply['body']}")
            seen = reply["id"]


def _load_corrections() -> list[dict]:
    """CD workers' corrections as training examples, for `nlp train --with-corrections`."""
    from .corrections import training_examples

    rt = runtime(migrate=False)
    return training_examples(rt)


def _mount_features() -> None:
    from nlp.cli import nlp_group
    main.add_command(nlp_group, "nlp")
    for module_name in FEATURE_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        for command in module.commands:
            main.add_command(command)


_mount_features()

if __name__ == "__main__":
    sys.exit(main())
