"""Reporters: `render(report) -> str`, looked up by format name. No filtering, no I/O."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

from tabulate import tabulate

from .report import Report

Renderer = Callable[[Report], str]
R = TypeVar("R", bound=Callable[..., str])
RENDERERS: dict[str, Renderer] = {}
EVIDENCE_WIDTH = 70


def renderer(name: str) -> Callable[[R], R]:
    """Register a renderer under a format name (keeping its own signature for direct callers)."""

    def register(fn: R) -> R:
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
    found = data["findings"]
    discrepancies = [f for f in found if f["kind"] == "discrepancy"]
    info = [f for f in discrepancies if f["severity"] == "info"]
    return [
        ("Discrepancies", [f for f in discrepancies if f["severity"] != "info"]),
        # Info discrepancies (leads, asked for with --leads, and what a reference does not support)
        # are looser matches readers mostly found to be two facts: listed apart, and only if any.
        *([("Leads to check (info)", info)] if info else []),
        ("Agreements", [f for f in found if f["kind"] == "agreement"]),
        ("Unique claims", [f for f in found if f["kind"] == "unique"]),
    ]


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


SUBJECT_WIDTH, VALUES_WIDTH = 30, 40
FIXED_WIDTH = len("severity") + 2 + len("list_membership") + 3 * 5 + 1
"""The severity and category columns (tabulate pads headers by two), the grid's borders and padding."""
ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "title": "\x1b[1m"}
ANSI_RESET = "\x1b[0m"


def column_widths(width: int | None) -> tuple[int, int, int]:
    """Widths of the subject, values and evidence columns for a terminal `width` columns wide.

    None gives the fixed layout used off a terminal (a file, a pipe): 30, 40 and 80 characters.
    Below about 80 columns the table overflows rather than shrink its cells to nothing.
    """
    if width is None:
        return SUBJECT_WIDTH, VALUES_WIDTH, EVIDENCE_WIDTH + 10
    room = max(width - FIXED_WIDTH, 39)
    subject = min(max(room // 5, 9), SUBJECT_WIDTH)
    values = min(max(room * 3 // 10, 12), VALUES_WIDTH)
    return subject, values, min(room - subject - values, 120)


def _wrap(text: str, width: int, indent: str = "  ") -> str:
    """Whitespace collapsed, wrapped to `width`; continuation lines indented."""
    lead = text[: len(text) - len(text.lstrip())]
    lines = textwrap.wrap(" ".join(text.split()), width, initial_indent=lead, subsequent_indent=indent, break_on_hyphens=False)
    return "\n".join(lines)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{ANSI[style]}{text}{ANSI_RESET}" if color and text else text


@renderer("table")
def render_table(report: Report, *, width: int | None = None, color: bool = False) -> str:
    """Terminal tables: discrepancies first, then agreements, then unique claims.

    `width` fits the table to a terminal that many columns wide (None: the fixed layout for files
    and pipes); long cells wrap, never clip. `color` paints severities with ANSI codes; the caller
    decides (a terminal, and NO_COLOR unset), so the renderer stays pure.
    """
    data = report.to_dict()
    sub_w, val_w, ev_w = column_widths(width)
    head = _header(data) if width is None else [_wrap(line, width, "    ") for line in _header(data)]
    out = [_paint("crosscheck report", "title", color), *head]
    if data.get("reference"):
        out.append(f"reference: {data['reference']}")
    for title, rows in _sections(data):
        out += ["", _paint(f"{title} ({len(rows)})", "title", color)]
        if not rows:
            out.append("  none")
            continue
        table = []
        for f in rows:
            values = "\n".join(_wrap(f"{v['source']}: {_value_text(v['value'])}", val_w) for v in f["values"])
            evidence = "\n".join(_wrap(f"{e['source']}@{e['start']}: {e['text']}", ev_w) for e in f["evidence"])
            severity = _paint(f["severity"], f["severity"], color) if f["kind"] == "discrepancy" else ""
            table.append([severity, f["category"], _wrap(f["subject"], sub_w), values, evidence])
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


from . import render_html  # noqa: E402, F401  registers "html"
