"""Small server-side SVG charts (no scripts, no inline styles: they pass the page's CSP)."""
from __future__ import annotations

from markupsafe import Markup, escape

BAR = "#1d70b8"
LINE = "#1d70b8"
INK = "#0b0c0c"
GRID = "#b1b4b6"


def bar_chart(rows: list[tuple[str, int]], title: str, width: int = 560) -> Markup:
    """Horizontal bars, one per (label, value), with the value written beside each bar."""
    label_w, row_h, pad = 190, 28, 8
    height = max(len(rows), 1) * row_h + pad * 2
    top = max((v for _, v in rows), default=0) or 1
    span = width - label_w - 60
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = pad + i * row_h
        w = round(span * value / top) if value else 0
        parts.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" font-size="14" fill="{INK}">'
                     f'{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{w}" height="{row_h - 10}" fill="{BAR}"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 19}" font-size="14" fill="{INK}">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def sparkline(values: tuple[int, ...], title: str, width: int = 160, height: int = 40) -> Markup:
    """A small line of weekly counts, the last week marked with a dot."""
    pad = 4
    top = max(values, default=0) or 1
    n = max(len(values) - 1, 1)
    points = [(pad + (width - 2 * pad) * i / n, height - pad - (height - 2 * pad) * v / top)
              for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1] if points else (0, 0)
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="{GRID}"/>'
        f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="3" fill="{LINE}"/></svg>')


def trend_chart(weeks: list[str], series: list[tuple[str, tuple[int, ...]]], title: str,
                width: int = 640, height: int = 260) -> Markup:
    """Weekly counts of several themes as lines, with week labels and a legend."""
    colours = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#912b88", "#28a197", "#505a5f", "#b58840"]
    left, right, top_pad, bottom = 36, 170, 12, 32
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max((max(v, default=0) for _, v in series), default=0) or 1
    n = max(len(weeks) - 1, 1)
    x = [left + plot_w * i / n for i in range(len(weeks))]
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" stroke="{GRID}"/>',
             f'<text x="{left - 6}" y="{top_pad + 10}" text-anchor="end" font-size="12" fill="{INK}">{top}</text>',
             f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end" font-size="12" fill="{INK}">0</text>']
    for i, week in enumerate(weeks):
        parts.append(f'<text x="{x[i]:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
                     f'fill="{INK}">{escape(week)}</text>')
    for k, (label, values) in enumerate(series):
        colour = colours[k % len(colours)]
        pts = " ".join(f"{x[i]:.1f},{top_pad + plot_h - plot_h * v / top:.1f}" for i, v in enumerate(values))
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        ly = top_pad + 14 + k * 20
        parts.append(f'<rect x="{width - right + 12}" y="{ly - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{width - right + 30}" y="{ly}" font-size="13" fill="{INK}">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
