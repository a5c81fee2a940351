"""The digest as HTML (with charts), plain text, JSON and CSV; all from the published digest."""
from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import digest_charts

TEMPLATES = Path(__file__).resolve().parent.parent / "webhooks" / "templates"
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)


def title(data: dict) -> str:
    """'Marsh Hill & Kingsmead Partnership: weekly digest, 2026-W47 (Police)'."""
    suffix = f" ({data['partner']})" if data.get("partner") else ""
    return f"{data['site']}: weekly digest, {data['week']}{suffix}"


def html(data: dict, images: dict[str, str] | None = None, link: str | None = None) -> str:
    """The digest page; `images` maps chart names to their src (cid: for email, data: for a file)."""
    return _env.get_template("digest/digest.html").render(
        data=data, images=images or {}, link=link, title=title(data), partner=data.get("partner"))


def html_with_data_uris(data: dict, link: str | None = None) -> str:
    """A self-contained HTML file: charts embedded as data: URIs."""
    pngs = digest_charts.charts_for(data)
    images = {name: "data:image/png;base64," + base64.b64encode(png).decode() for name, png in pngs.items()}
    return html(data, images, link)


def text(data: dict, link: str | None = None) -> str:
    """The digest as plain text (the email's text alternative, and `--format text`)."""
    out = [title(data), f"Week {data['week']}: {data['period']['from']} to {data['period']['to']}",
           "Counts below 3 show as 'fewer than 3'. Urgent messages are counted, never quoted."]
    if link:
        out.append(f"Full digest: {link}")
    for scope in data["scopes"]:
        eng = scope["engagement"]
        out += ["", "=" * 60, scope["name"].upper(), "=" * 60,
                f"Messages: {scope['messages']}   Urgent (count only): {scope['urgent']}",
                f"Residents who messaged: {eng['residents']}   New residents: {eng['new_residents']}"
                f"   Opted out: {eng['opt_outs']}"]
        if scope["rising"]:
            out.append("RISING FAST: " + "; ".join(scope["rising"]))
        for t in scope["themes"]:
            waiting = f"waiting for action: {t['waiting']}"
            if t["oldest_waiting_days"] is not None:
                waiting += f", oldest {t['oldest_waiting_days']} days"
            out += ["", f"{t['label']}: {t['this_week']} this week, {t['last_week']} last week ({t['change']});"
                    f" 4 weeks {t['trend']}: {', '.join(str(v) for v in t['series'][-4:])}; {waiting}"]
            if t["phrases"]:
                out.append("  What people say: " + ", ".join(f"\"{p['text']}\" ({p['count']})" for p in t["phrases"]))
            if t["hotspots"]:
                out.append("  Hotspots: " + ", ".join(f"{h['place']} ({h['count']})" for h in t["hotspots"]))
            out += [f"  > \"{q['text']}\"" for q in t["quotes"]]
        for m in scope["meetings"]:
            out.append(f"Meeting: {m['title']}, {m['when']}: invited {m['invited']}, yes {m['yes']}, "
                       f"maybe {m['maybe']}, no {m['no']}, attended {m['attended']}")
        out.append("You said, we did:" if scope["actions"] else "You said, we did: nothing recorded this week.")
        out += [f"  - {a['label']}, {a['neighbourhood']}: {a['description']} ({a['date']})" for a in scope["actions"]]
    return "\n".join(out) + "\n"


def as_json(data: dict) -> str:
    """The published digest as JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_csv(data: dict) -> str:
    """One row per figure: week, area, section, theme, name, value (easy to pivot in a spreadsheet)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["week", "area", "section", "theme", "name", "value"])
    week = data["week"]
    for scope in data["scopes"]:
        area = scope["name"]
        writer.writerow([week, area, "summary", "", "messages", scope["messages"]])
        writer.writerow([week, area, "summary", "", "urgent", scope["urgent"]])
        for key, value in scope["engagement"].items():
            writer.writerow([week, area, "engagement", "", key, value])
        for t in scope["themes"]:
            label = t["label"]
            for key in ("this_week", "last_week", "change", "trend", "rising", "waiting", "oldest_waiting_days"):
                writer.writerow([week, area, "theme", label, key, "" if t[key] is None else t[key]])
            for w, value in zip(data["weeks"], t["series"]):
                writer.writerow([week, area, "series", label, w, value])
            for p in t["phrases"]:
                writer.writerow([week, area, "phrase", label, p["text"], p["count"]])
            for h in t["hotspots"]:
                writer.writerow([week, area, "hotspot", label, h["place"], h["count"]])
            for q in t["quotes"]:
                writer.writerow([week, area, "quote", label, "", q["text"]])
        for a in scope["actions"]:
            writer.writerow([week, area, "action", a["label"], a["neighbourhood"], a["description"]])
    return buffer.getvalue()


def render(data: dict, fmt: str, link: str | None = None) -> str:
    """The digest in `fmt`: html (charts as data: URIs), text, json or csv."""
    if fmt == "html":
        return html_with_data_uris(data, link)
    if fmt == "text":
        return text(data, link)
    if fmt == "json":
        return as_json(data)
    if fmt == "csv":
        return as_csv(data)
    raise ValueError(f"unknown format {fmt!r}")
