"""Renderers for the CI gate's result: `render(result) -> str`, looked up by format name.

All of them read `GateResult.to_dict()`, so a finding's location, status and fingerprint are
decided once; no renderer filters, judges or writes files. Formats: a terminal `table`, GitHub
workflow commands (`github`), SARIF 2.1.0 (`sarif`), JUnit XML (`junit`), JSON Lines (`jsonl`)
and `markdown` for a pull-request comment or the job summary.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tabulate import tabulate

from .findings import CODES
from .model import Category

if TYPE_CHECKING:  # the gate imports the whole pipeline; `crosscheck --help` should not
    from .gate import GateResult

Renderer = Callable[["GateResult"], str]
CI_RENDERERS: dict[str, Renderer] = {}
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "crosscheckFingerprint/v1"
DESCRIPTIONS: dict[Category, str] = {
    Category.NAME_SPELLING: "A person's name is spelt differently within or across articles.",
    Category.ROLE: "A person is given different roles or titles.",
    Category.NUMBER: "The same quantity is reported with different numbers.",
    Category.DATE: "The same event is given different dates.",
    Category.LIST_MEMBERSHIP: "A list of participants or items differs.",
    Category.QUOTE_WORDING: "The same quote is worded differently.",
    Category.QUOTE_SPEAKER: "The same quoted words are attributed to different people.",
    Category.STATEMENT: "A statement is contradicted.",
}


def ci_renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register a gate renderer under a format name."""

    def register(fn: Renderer) -> Renderer:
        CI_RENDERERS[name] = fn
        return fn

    return register


def _new(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for ev in data["events"] for f in ev["findings"] if f["status"] == "new"]


def _where(loc: dict[str, Any]) -> str:
    return f"{loc['path']}:{loc['line']}" + (f":{loc['column']}" if loc["column"] else "")


def _verdict(data: dict[str, Any]) -> str:
    failing = sum(f["fails"] for f in _new(data))
    if data["failed"]:
        return f"failed: {plural(failing, 'new discrepancy')} at or above {data['fail_on']}"
    return "passed" + (f" (failing on {data['fail_on']})" if data["fail_on"] != "never" else " (never failing)")


def plural(n: int, word: str) -> str:
    """'1 event', '2 events', '2 discrepancies'."""
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def _one_line(text: str, width: int = 0) -> str:
    t = " ".join(text.split())
    return t if not width or len(t) <= width else t[: width - 1].rstrip() + "…"


_COUNT_HEADERS = ["event", "articles", "discrepancies", "new", "failing", "baselined", "waived"]


def _count_rows(data: dict[str, Any], strong: Callable[[str], str] = str) -> list[list[Any]]:
    keys = _COUNT_HEADERS[1:]
    rows = [[ev["name"], *(ev["counts"][k] for k in keys)] for ev in data["events"]]
    rows.append([strong("total"), *(data["totals"].get(k, 0) for k in keys)])
    return rows


@ci_renderer("table")
def render_table(result: GateResult) -> str:
    """Terminal summary: counts per event and overall, new discrepancies, stale baseline entries."""
    data = result.to_dict()
    t = data["totals"]
    out = [f"crosscheck check: {plural(t['events'], 'event')}, {plural(t.get('articles', 0), 'article')}: {_verdict(data)}", ""]
    out.append(tabulate(_count_rows(data), headers=_COUNT_HEADERS, tablefmt="simple"))
    new = _new(data)
    out += ["", f"New discrepancies ({len(new)})" + (":" if new else ": none")]
    for f in new:
        mark = "FAIL " if f["fails"] else ""
        what = f"{f['severity']} {f['code']} {f['category']} [{f['event']}]"
        out.append(f"  {mark}{_where(f['evidence'][0])}: {what} {_one_line(f['summary'])}")
        for e in f["evidence"]:
            out.append(f"      {e['source']} ({_where(e)}): {_one_line(e['text'], 100)}")
    if data["stale"]:
        prune = f"crosscheck baseline PATH -o {data['baseline']}" if data["baseline"] else "crosscheck baseline"
        out += ["", f"Stale baseline entries ({len(data['stale'])}): no longer found; prune them with `{prune}`"]
        out += [f"  {e['event']} {e['category']} {e['fingerprint'][:12]}: {_one_line(e['summary'], 100)}" for e in data["stale"]]
    if data["stale_waivers"]:
        out += ["", f"Unused waivers ({len(data['stale_waivers'])}): they match no discrepancy"]
        out += [f"  {w['where']}: {w['waiver']}" for w in data["stale_waivers"]]
    return "\n".join(out) + "\n"


def _escape(text: str, prop: bool = False) -> str:
    t = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return t.replace(":", "%3A").replace(",", "%2C") if prop else t


@ci_renderer("github")
def render_github(result: GateResult) -> str:
    """GitHub Actions workflow commands: an annotation per new discrepancy at its evidence."""
    data = result.to_dict()
    out = []
    for f in _new(data):
        level = "error" if f["fails"] else {"error": "warning", "warning": "warning"}.get(f["severity"], "notice")
        loc = f["evidence"][0]
        props = [f"file={_escape(loc['path'], True)}", f"line={loc['line']}"]
        if loc["column"]:
            props.append(f"col={loc['column']}")
        title = f"{f['code']} {f['category']} ({f['event']})"
        props.append(f"title={_escape(title, True)}")
        lines = [f["summary"]] + [f"{e['source']} ({_where(e)}): {_one_line(e['text'])}" for e in f["evidence"]]
        out.append(f"::{level} {','.join(props)}::{_escape(chr(10).join(lines))}")
    for e in data["stale"]:
        where = f"file={_escape(data['baseline'], True)}," if data["baseline"] else ""
        msg = f"stale baseline entry {e['fingerprint'][:12]} ({e['event']}, {e['category']}) no longer occurs: {e['summary']}"
        out.append(f"::notice {where}title=crosscheck stale baseline entry::{_escape(msg)}")
    for w in data["stale_waivers"]:
        msg = f"{w['where']}: waiver {w['waiver']} matches no discrepancy"
        out.append(f"::notice title=crosscheck unused waiver::{_escape(msg)}")
    t = data["totals"]
    counts = f"{plural(t['events'], 'event')}, {plural(t.get('new', 0), 'new discrepancy')}, {t.get('failing', 0)} failing"
    out.append(f"crosscheck: {counts}: {_verdict(data)}")
    return "\n".join(out) + "\n"


def _uri(path: str) -> str:
    p = PurePath(path)
    return Path(path).as_uri() if p.is_absolute() else quote(p.as_posix())


def _sarif_location(e: dict[str, Any]) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": e["line"]}
    if e["column"]:
        region.update(startColumn=e["column"], endLine=e["end_line"], endColumn=e["end_column"], snippet={"text": e["text"]})
    return {
        "physicalLocation": {"artifactLocation": {"uri": _uri(e["path"])}, "region": region},
        "message": {"text": f"{e['source']}: {_one_line(e['text'], 200)}"},
    }


@ci_renderer("sarif")
def render_sarif(result: GateResult) -> str:
    """SARIF 2.1.0: a rule per category code; every discrepancy, baselined ones suppressed."""
    data = result.to_dict()
    rule_ids = [CODES[c] for c in Category]
    rules = [
        {"id": CODES[c], "name": str(c), "shortDescription": {"text": DESCRIPTIONS[c]}, "properties": {"category": str(c)}}
        for c in Category
    ]
    results = []
    for ev in data["events"]:
        for f in ev["findings"]:
            item: dict[str, Any] = {
                "ruleId": f["code"],
                "ruleIndex": rule_ids.index(f["code"]),
                "level": {"error": "error", "warning": "warning"}.get(f["severity"], "note"),
                "message": {"text": f"{f['summary']} [{f['event']}]"},
                "locations": [_sarif_location(f["evidence"][0])],
                "partialFingerprints": {FINGERPRINT_KEY: f["fingerprint"]},
                "baselineState": "new" if f["status"] == "new" else "unchanged",
                "properties": {
                    "event": f["event"],
                    "findingId": f["id"],
                    "severity": f["severity"],
                    "status": f["status"],
                    "fails": f["fails"],
                },
            }
            related = [dict(_sarif_location(e), id=n) for n, e in enumerate(f["evidence"][1:], 1)]
            if related:
                item["relatedLocations"] = related
            if f["status"] != "new":
                kind = "external" if f["status"] == "baselined" else "inSource"
                item["suppressions"] = [
                    {"kind": kind, "status": "accepted", **({"justification": f["reason"]} if f["reason"] else {})}
                ]
            results.append(item)
    notes = [
        {
            "level": "note",
            "message": {"text": f"stale baseline entry {e['fingerprint'][:12]} ({e['event']}, {e['category']}): {e['summary']}"},
        }
        for e in data["stale"]
    ] + [
        {"level": "note", "message": {"text": f"{w['where']}: waiver {w['waiver']} matches no discrepancy"}}
        for w in data["stale_waivers"]
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "crosscheck", "version": data["tool"]["version"], "rules": rules}},
        "invocations": [{"executionSuccessful": True, **({"toolExecutionNotifications": notes} if notes else {})}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


@ci_renderer("junit")
def render_junit(result: GateResult) -> str:
    """JUnit XML: one test case per event, failed when a new discrepancy fails the gate."""
    data = result.to_dict()
    total, failed = data["totals"]["events"], data["totals"]["failed_events"]
    counts = {"tests": str(total), "failures": str(failed), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": "crosscheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "crosscheck", **counts})
    for ev in data["events"]:
        case = ET.SubElement(suite, "testcase", {"classname": "crosscheck", "name": ev["name"]})
        new = [f for f in ev["findings"] if f["status"] == "new"]
        lines = [
            f"{f['severity']} {f['code']} {f['category']}: {_one_line(f['summary'])} ({_where(f['evidence'][0])})"
            for f in new
            if f["fails"]
        ]
        if lines:
            n = len(lines)
            message = f"{plural(n, 'new discrepancy')} at or above {data['fail_on']}"
            failure = ET.SubElement(case, "failure", {"message": message, "type": "discrepancy"})
            failure.text = "\n".join(lines)
        c = ev["counts"]
        others = [f"{f['severity']} {f['code']}: {_one_line(f['summary'])}" for f in new if not f["fails"]]
        counted = f"{c['new']} new, {c['baselined']} baselined, {c['waived']} waived"
        ET.SubElement(case, "system-out").text = "\n".join(
            [
                f"{plural(c['articles'], 'article')}, {plural(c['discrepancies'], 'discrepancy')}: {counted}",
                *others,
            ]
        )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


@ci_renderer("jsonl")
def render_jsonl(result: GateResult) -> str:
    """JSON Lines: one discrepancy per line with its event, then stale baseline entries and waivers."""
    data = result.to_dict()
    lines = [{"type": "finding", **f} for ev in data["events"] for f in ev["findings"]]
    lines += [{"type": "stale_baseline_entry", **e} for e in data["stale"]]
    lines += [{"type": "unused_waiver", **w} for w in data["stale_waivers"]]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@ci_renderer("markdown")
def render_markdown(result: GateResult) -> str:
    """Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`: counts, then what is new."""
    data = result.to_dict()
    out = [f"## crosscheck: {_verdict(data)}", ""]
    out += [tabulate(_count_rows(data, lambda s: f"**{s}**"), headers=_COUNT_HEADERS, tablefmt="github"), ""]
    new = _new(data)
    out += [f"### New discrepancies ({len(new)})", ""]
    if new:
        rows = [
            [
                ("**" + f["severity"] + "**") if f["fails"] else f["severity"],
                _md(f["event"]),
                f"{f['category']} ({f['code']})",
                _md(f["summary"]),
                "<br>".join(f"`{_md(_where(e))}` {_md(_one_line(e['text'], 120))}" for e in f["evidence"]),
            ]
            for f in new
        ]
        out += [tabulate(rows, headers=["severity", "event", "category", "summary", "evidence"], tablefmt="github"), ""]
    else:
        out += ["None.", ""]
    if data["stale"]:
        out += [f"<details><summary>Stale baseline entries ({len(data['stale'])}): no longer found, can be pruned</summary>", ""]
        out += [f"- `{e['fingerprint'][:12]}` {_md(e['event'])}, {e['category']}: {_md(e['summary'])}" for e in data["stale"]]
        out += ["", "</details>", ""]
    if data["stale_waivers"]:
        out += [
            f"Unused waivers ({len(data['stale_waivers'])}): "
            + ", ".join(f"`{w['waiver']}` in `{w['where']}`" for w in data["stale_waivers"]),
            "",
        ]
    return "\n".join(out)
