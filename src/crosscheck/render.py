"""Reporters: `render(report) -> str`, looked up by format name. No filtering, no I/O."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from .report import Report

Renderer = Callable[[Report], str]
RENDERERS: dict[str, Renderer] = {}
EVIDENCE_WIDTH = 70


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under a format name."""

    def register(fn: Renderer) -> Renderer:
        RENDERERS[name] = fn
        return fn

    return register


@renderer("json")
def render_json(report: Report) -> str:
    """The versioned JSON contract, keys in a fixed order, one trailing newline."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _value_text(v: Any) -> str:
    return v if isinstance(v, str) else ", ".join(v)


def _clip(text: str, width: int = EVIDENCE_WIDTH) -> str:
    t = " ".join(text.split())
    return t if len(t) <= width else t[: width - 1].rstrip() + "…"


def _sections(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups = [("Discrepancies", "discrepancy"), ("Agreements", "agreement"), ("Unique claims", "unique")]
    return [(title, [f for f in data["findings"] if f["kind"] == kind]) for title, kind in groups]


def _header(data: dict[str, Any]) -> list[str]:
    lines = []
    for s in data["sources"]:
        extra = ", ".join(x for x in (s["outlet"], s["published"]) if x)
        lines.append(f"  {s['id']}: {s['path']}" + (f" ({extra})" if extra else ""))
    c = data["counts"]
    sev = c["discrepancies_by_severity"]
    lines.append(
        f"{c['by_kind']['discrepancy']} discrepancies ({sev['error']} error, {sev['warning']} warning, {sev['info']} info), "
        f"{c['by_kind']['agreement']} agreements, {c['by_kind']['unique']} unique claims"
    )
    return lines


@renderer("table")
def render_table(report: Report) -> str:
    """Terminal tables: discrepancies first, then agreements, then unique claims."""
    data = report.to_dict()
    out = ["crosscheck report", *_header(data)]
    if data.get("reference"):
        out.append(f"reference: {data['reference']}")
    for title, rows in _sections(data):
        out += ["", f"{title} ({len(rows)})"]
        if not rows:
            out.append("  none")
            continue
        table = []
        for f in rows:
            values = "\n".join(f"{v['source']}: {_clip(_value_text(v['value']), 40)}" for v in f["values"])
            evidence = "\n".join(f"{e['source']}@{e['start']}: {_clip(e['text'])}" for e in f["evidence"])
            table.append([f["severity"] if f["kind"] == "discrepancy" else "", f["category"], _clip(f["subject"], 30), values, evidence])
        out.append(tabulate(table, headers=["severity", "category", "subject", "values", "evidence"], tablefmt="simple_grid"))
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


@renderer("markdown")
def render_markdown(report: Report) -> str:
    """GitHub-flavoured Markdown: a heading per section, a pipe table per section."""
    data = report.to_dict()
    out = ["# crosscheck report", ""]
    out += [f"- {line.strip()}" for line in _header(data)[:-1]]
    out += ["", _header(data)[-1], ""]
    for title, rows in _sections(data):
        out += [f"## {title} ({len(rows)})", ""]
        if not rows:
            out += ["None.", ""]
            continue
        table = []
        for f in rows:
            values = "<br>".join(f"**{v['source']}**: {_md_cell(_value_text(v['value']))}" for v in f["values"])
            evidence = "<br>".join(f"{e['source']} @{e['start']}: {_md_cell(_clip(e['text'], 160))}" for e in f["evidence"])
            table.append([f["severity"] if f["kind"] == "discrepancy" else "", f["category"], _md_cell(f["subject"]), values, evidence])
        out.append(tabulate(table, headers=["severity", "category", "subject", "values", "evidence"], tablefmt="github"))
        out.append("")
    return "\n".join(out)
