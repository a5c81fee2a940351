"""`townsquare nlp classify | train | evaluate` (also `python -m nlp.cli ...`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import CORE_THEMES, DEFAULT_THEMES, load
from .classifier import MODEL_DIR


@click.group("nlp")
def nlp_group() -> None:
    """The language pipeline: classify messages, train the model, evaluate it."""


@nlp_group.command()
@click.option("--batch-size", default=512, show_default=True)
@click.option("--place", "places", multiple=True, help="A street or estate name to recognise (repeatable).")
def classify(batch_size: int, places: tuple[str, ...]) -> None:
    """Read JSON lines {"text": ...} on stdin; write one JSON line of results per input."""
    classifier = load(places=places)
    batch: list[str] = []

    def flush():
        for result in classifier.classify_many(batch):
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        batch.clear()

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            batch.append(str(json.loads(line)["text"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise click.ClickException(f"line {number}: expected a JSON object with a \"text\" field")
        if len(batch) >= batch_size:
            flush()
    flush()


@nlp_group.command()
@click.option("--seed", default=7, show_default=True, help="Same seed, same data: the same model.")
@click.option("--epochs", default=10, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=MODEL_DIR, show_default=True)
@click.option("--extra", type=click.Path(exists=True, path_type=Path), help="More examples (JSON lines).")
@click.option("--with-corrections", is_flag=True, help="Add CD workers' corrections from the database.")
@click.option("--theme", "themes", multiple=True, help="Train these themes instead of the defaults.")
@click.pass_context
def train(ctx: click.Context, seed: int, epochs: int, output: Path, extra: Path | None,
          with_corrections: bool, themes: tuple[str, ...]) -> None:
    """Train the classifier on nlp/data's training split (the dev split is never used)."""
    from tqdm import tqdm

    from .dataset import read_jsonl
    from .training import TUNING_FOLDS, train as run_training

    examples = read_jsonl(extra) if extra else []
    if with_corrections:
        loader = (ctx.obj or {}).get("load_corrections")
        if loader is None:
            raise click.ClickException("--with-corrections needs the townsquare command (a database)")
        examples += loader()
        click.echo(f"with {len(examples)} extra example(s) from corrections", err=True)
    with tqdm(total=epochs * (TUNING_FOLDS + 1), desc="training", unit="epoch", file=sys.stderr) as bar:
        meta = run_training(output=output, seed=seed, epochs=epochs, themes=list(themes) or None,
                            extra=examples, progress=bar.update)
    click.echo(json.dumps(meta, indent=2))


@nlp_group.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--limit", type=int, default=None, help="Only the first N labelled rows.")
def evaluate(source: str, as_json: bool, limit: int | None) -> None:
    """Evaluate on SOURCE: `dev`, a JSON-lines file, or FixMyStreet's reports.csv.gz."""
    from .dataset import load_all, read_jsonl, split
    from .evaluation import evaluate as run_evaluation
    from .fixmystreet import read_reports

    if source == "dev":
        rows = split(load_all())[1]
    elif source.endswith((".csv", ".csv.gz")):
        rows = read_reports(source, limit=limit)
    else:
        rows = read_jsonl(source)
    rows = rows[:limit] if limit else rows
    if not rows:
        raise click.ClickException("no labelled rows to evaluate")
    report = run_evaluation(load(), rows, DEFAULT_THEMES, CORE_THEMES)
    report["source"] = source
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"{report['examples']} messages from {source}, model {report['model_version']}")
    click.echo(f"{'theme':24} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
    for label, row in report["per_label"].items():
        click.echo(f"{label:24} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f} {row['support']:8d}")
    click.echo(f"macro-F1 (themes present): {report['macro_f1']:.3f}   core four: {report['macro_f1_core']:.3f}")
    u = report["urgent"]
    click.echo(f"urgent: recall {u['recall']:.3f} precision {u['precision']:.3f} (support {u['support']})")
    click.echo(f"speed: {report['messages_per_second']:.0f} messages/s")


if __name__ == "__main__":
    nlp_group()
