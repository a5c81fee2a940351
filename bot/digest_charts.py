"""Charts for the digest, drawn on the server (matplotlib Agg) as PNG so they show in any email client.

Charts are drawn from the published digest, so a count below 3 is never drawn as its value:
it shows as an empty bar marked "<3", or a gap in a trend line.
"""
from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

THIS_WEEK, LAST_WEEK, LINE = "#1f6f8b", "#a8c6d1", "#1f6f8b"
MAX_TRENDS = 9


def _value(count) -> float:
    return float(count) if isinstance(count, int) else 0.0


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def bars(scope: dict, themes: list[dict] | None = None) -> bytes | None:
    """Themes this week against last week, one pair of horizontal bars per theme."""
    themes = themes if themes is not None else scope["themes"]
    if not themes:
        return None
    labels = [t["label"] for t in themes][::-1]
    this = [_value(t["this_week"]) for t in themes][::-1]
    last = [_value(t["last_week"]) for t in themes][::-1]
    fig = Figure(figsize=(6.4, 0.45 * len(themes) + 1.0))
    ax = fig.add_subplot()
    ys = range(len(themes))
    ax.barh([y + 0.2 for y in ys], this, height=0.4, color=THIS_WEEK, label="this week")
    ax.barh([y - 0.2 for y in ys], last, height=0.4, color=LAST_WEEK, label="last week")
    for y, t in zip(ys, themes[::-1]):
        for offset, count in ((0.2, t["this_week"]), (-0.2, t["last_week"])):
            if not isinstance(count, int):
                ax.text(0.1, y + offset, "<3", va="center", fontsize=7, color="#555555")
    ax.set_yticks(list(ys), labels, fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title(f"{scope['name']}: messages per theme", fontsize=10, loc="left")
    height = fig.get_figheight()
    fig.subplots_adjust(left=0.26, right=0.97, top=1 - 0.4 / height, bottom=0.35 / height)
    return _png(fig)


def trends(scope: dict, weeks: list[str], themes: list[dict] | None = None) -> bytes | None:
    """A small trend line per theme over the weeks shown; weeks with fewer than 3 are gaps."""
    themes = (themes if themes is not None else scope["themes"])[:MAX_TRENDS]
    if not themes:
        return None
    columns = min(3, len(themes))
    rows = math.ceil(len(themes) / columns)
    fig = Figure(figsize=(2.2 * columns, 1.25 * rows + 0.3))
    short = [w.split("-")[-1] for w in weeks]
    for index, theme in enumerate(themes):
        ax = fig.add_subplot(rows, columns, index + 1)
        values = [float(v) if isinstance(v, int) else math.nan for v in theme["series"]]
        ax.plot(range(len(values)), values, color=LINE, marker="o", markersize=2.5, linewidth=1.4)
        ax.set_title(theme["label"], fontsize=8, loc="left")
        ax.set_xticks([0, len(values) - 1], [short[0], short[-1]], fontsize=6)
        ax.tick_params(axis="y", labelsize=6)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
        ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(left=0.07, right=0.98, top=1 - 0.3 / fig.get_figheight(), bottom=0.25 / fig.get_figheight(),
                        hspace=0.75, wspace=0.3)
    return _png(fig)


def charts_for(data: dict, themes_filter: set[str] | None = None) -> dict[str, bytes]:
    """Every chart of a digest (or of a partner's themes), named for cid: or data: references."""
    images: dict[str, bytes] = {}
    for scope in data["scopes"]:
        themes = [t for t in scope["themes"] if themes_filter is None or t["theme"] in themes_filter]
        for name, png in ((f"bars-{scope['key']}", bars(scope, themes)),
                          (f"trends-{scope['key']}", trends(scope, data["weeks"], themes))):
            if png:
                images[name] = png
    return images
