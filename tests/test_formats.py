"""The CI formats of `crosscheck check`, from a hand-built gate result (no model).

SARIF is validated against the SARIF 2.1.0 schema, JUnit XML is parsed and counted, GitHub
workflow commands are compared exactly, and every format is checked to report the same findings.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from handmade import evidence, finding, source

from crosscheck.baseline import Baseline, Entry, Waiver, fingerprint
from crosscheck.config import Config
from crosscheck.dataset import Event, Origin
from crosscheck.findings import CODES
from crosscheck.gate import GateResult, Status, decide
from crosscheck.model import Category, Kind, Severity, Source
from crosscheck.progress import Progress, for_terminal
from crosscheck.render_ci import CI_RENDERERS
from crosscheck.report import build

SCHEMA_PLACES = (
    Path(__file__).parent / "data" / "sarif-schema-2.1.0.json",
    Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json",
)


def _row_source(sid: str, body: str, row: int) -> Source:
    return Source(id=sid, path=f"data/rows.jsonl:{row}", text=body, outlet=sid)


def gate_result() -> GateResult:
    """Two events: files with a failing, a baselined and an info discrepancy; JSON Lines rows with a waiver."""
    a = source("wire-a", "Officials said 12 people died in the quake.\nThe army sent 300 soldiers.\n")
    b = source("wire-b", "Officials said 15 people died in the quake.\nThe army sent 400 soldiers.\n")
    people = finding(
        Kind.DISCREPANCY,
        Category.NUMBER,
        "people",
        [("wire-a", "12"), ("wire-b", "15")],
        [evidence(a, "12 people died"), evidence(b, "15 people died")],
        Severity.ERROR,
        "Numbers differ for people: 12 vs 15",
    )
    soldiers = finding(
        Kind.DISCREPANCY,
        Category.NUMBER,
        "soldiers",
        [("wire-a", "300"), ("wire-b", "400")],
        [evidence(a, "300 soldiers"), evidence(b, "400 soldiers")],
        Severity.ERROR,
        "Numbers differ for soldiers: 300 vs 400",
    )
    quake_agree = finding(
        Kind.AGREEMENT,
        Category.STATEMENT,
        "quake",
        [("wire-a", "quake"), ("wire-b", "quake")],
        [evidence(a, "in the quake"), evidence(b, "in the quake")],
    )
    quake = Event("quake", (a, b), (Origin("data/quake/wire-a.md"), Origin("data/quake/wire-b.md")), (), "data/quake")

    c = _row_source("herald", 'Merz called it "a turning point".', 3)
    d = _row_source("courier", 'Merz called it "a real turning point".', 4)
    quote = finding(
        Kind.DISCREPANCY,
        Category.QUOTE_WORDING,
        "Merz",
        [("herald", "a turning point"), ("courier", "a real turning point")],
        [evidence(c, "a turning point"), evidence(d, "a real turning point")],
        Severity.WARNING,
        "Quote wording differs, Merz: 2 forms",
    )
    note = finding(
        Kind.DISCREPANCY,
        Category.NAME_SPELLING,
        "Merz",
        [("herald", "Merz"), ("courier", "Mertz")],
        [evidence(c, "Merz")],
        Severity.INFO,
        "Name spelt two ways",
    )
    waiver = Waiver(quote.id[:12].lower(), "courier", "data/rows.jsonl:4", "the courier paraphrases")
    unused = Waiver("deadbeef", "herald", "data/rows.jsonl:3")
    summit = Event(
        "summit, paris", (c, d), (Origin("data/rows.jsonl", 3), Origin("data/rows.jsonl", 4)), (waiver, unused), "data/rows.jsonl"
    )

    baseline = Baseline(
        (
            Entry(fingerprint("quake", soldiers), "quake", "number", soldiers.summary, "different units counted"),
            Entry("0" * 64, "quake", "date", "Dates differ for the quake", None),
            Entry("1" * 64, "other-event", "date", "not checked in this run", None),
        )
    )
    reports = [build(quake.sources, [people, soldiers, quake_agree]), build(summit.sources, [quote, note])]
    return decide([quake, summit], reports, Config(leads=True), baseline=baseline, baseline_path="crosscheck-baseline.json")


@pytest.fixture(scope="module")
def result() -> GateResult:
    """The hand-built gate result, shared (it is a frozen value)."""
    return gate_result()


def test_decision(result: GateResult) -> None:
    statuses = {(r.event.name, c.finding.subject, c.status, c.fails) for r in result.events for c in r.checked}
    assert statuses == {
        ("quake", "people", Status.NEW, True),
        ("quake", "soldiers", Status.BASELINED, False),
        ("summit, paris", "Merz", Status.WAIVED, False),
        ("summit, paris", "Merz", Status.NEW, False),
    }
    assert result.failed()
    assert [e.fingerprint for e in result.stale] == ["0" * 64]  # entries of events not checked are left alone
    assert [w.token for w in result.stale_waivers] == ["deadbeef"]


def test_record_locations(result: GateResult) -> None:
    data = result.to_dict()
    people = data["events"][0]["findings"][0]
    assert people["code"] == "CC103" and people["status"] == "new" and people["fails"]
    first = people["evidence"][0]
    assert (first["path"], first["line"], first["column"], first["end_line"], first["end_column"]) == (
        "data/quake/wire-a.md",
        4,
        16,
        4,
        30,
    )
    row = data["events"][1]["findings"][0]["evidence"][0]
    assert (row["path"], row["line"], row["column"]) == ("data/rows.jsonl", 4, None)
    assert data["totals"] == {
        "events": 2,
        "failed_events": 1,
        "articles": 4,
        "discrepancies": 4,
        "new": 2,
        "failing": 1,
        "baselined": 1,
        "waived": 1,
        "agreements": 1,
        "unique": 0,
    }


def test_github(result: GateResult) -> None:
    lines = CI_RENDERERS["github"](result).splitlines()
    assert lines[0].startswith(
        "::error file=data/quake/wire-a.md,line=4,col=16,title=CC103 number (quake)::Numbers differ for people: 12 vs 15%0A"
        "wire-a (data/quake/wire-a.md:4:16): 12 people died%0Awire-b (data/quake/wire-b.md:4:16): 15 people died"
    )
    # Below the failing severity: a notice; commas and colons in properties are escaped; rows have no column.
    assert lines[1] == (
        "::notice file=data/rows.jsonl,line=3,title=CC101 name_spelling (summit%2C paris)::Name spelt two ways%0Aherald (data/rows.jsonl:3): Merz"
    )
    assert lines[2].startswith(
        "::notice file=crosscheck-baseline.json,title=crosscheck stale baseline entry::stale baseline entry 000000000000"
    )
    assert lines[3] == "::notice title=crosscheck unused waiver::data/rows.jsonl:3: waiver deadbeef matches no discrepancy"
    assert lines[-1] == "crosscheck: 2 events, 2 new discrepancies, 1 failing: failed: 1 new discrepancy at or above error"
    assert not any("soldiers" in line for line in lines)  # baselined: not annotated


def _validator() -> Any:
    """A validator for whole SARIF logs.

    The schema copy in tests/data keeps the log object's own constraints under
    `definitions/Root`, referenced from nowhere: validated as-is it would accept any JSON at all.
    So the log is validated against that definition (or the top level, in a copy laid out like the
    OASIS original), and `test_sarif_schema_rejects_broken_logs` proves the validation bites.
    """
    import jsonschema

    for place in SCHEMA_PLACES:
        if place.is_file():
            schema = json.loads(place.read_text(encoding="utf-8"))
            break
    else:
        if os.environ.get("CI"):
            raise AssertionError(f"the SARIF schema is missing from {SCHEMA_PLACES[0]}")
        pytest.skip("SARIF 2.1.0 schema not available")
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        schema = {**schema, "$ref": "#/definitions/Root"}
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_is_valid(result: GateResult) -> None:
    log = json.loads(CI_RENDERERS["sarif"](result))
    _validator().validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [CODES[c] for c in Category]
    by_subject = {(r["ruleId"], r["baselineState"], r.get("suppressions", [{}])[0].get("kind")) for r in run["results"]}
    assert by_subject == {
        ("CC103", "new", None),
        ("CC103", "unchanged", "external"),
        ("CC106", "unchanged", "inSource"),
        ("CC101", "new", None),
    }
    first = run["results"][0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 16,
        "endLine": 4,
        "endColumn": 30,
        "snippet": {"text": "12 people died"},
    }
    assert first["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "data/quake/wire-b.md"
    assert len(first["partialFingerprints"]["crosscheckFingerprint/v1"]) == 64
    assert len(run["invocations"][0]["toolExecutionNotifications"]) == 2


@pytest.mark.parametrize("breakage", ["level", "line", "extra-key", "no-runs"])
def test_sarif_schema_rejects_broken_logs(result: GateResult, breakage: str) -> None:
    import jsonschema

    log = json.loads(CI_RENDERERS["sarif"](result))
    first = log["runs"][0]["results"][0]
    if breakage == "level":
        first["level"] = "fatal"
    elif breakage == "line":
        first["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    elif breakage == "extra-key":
        log["crosscheck"] = True
    else:
        del log["runs"]
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(log)


def test_junit_counts(result: GateResult) -> None:
    root = ET.fromstring(CI_RENDERERS["junit"](result))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["quake", "summit, paris"]
    failures = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failures] == ["quake"]
    for node in (root, suites[0]):
        assert (node.get("tests"), node.get("failures"), node.get("errors"), node.get("skipped")) == ("2", "1", "0", "0")
    failure = failures[0].find("failure")
    assert failure is not None and failure.get("message") == "1 new discrepancy at or above error"
    assert "Numbers differ for people" in (failure.text or "") and "soldiers" not in (failure.text or "")


def test_jsonl(result: GateResult) -> None:
    lines = [json.loads(line) for line in CI_RENDERERS["jsonl"](result).splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds == ["finding"] * 4 + ["stale_baseline_entry", "unused_waiver"]
    assert {line["event"] for line in lines[:4]} == {"quake", "summit, paris"}
    assert all(len(line["fingerprint"]) == 64 for line in lines[:4])


def test_markdown_and_table(result: GateResult) -> None:
    md = CI_RENDERERS["markdown"](result)
    assert md.startswith("## crosscheck: failed: 1 new discrepancy at or above error\n")
    assert "| **total** " in md and "### New discrepancies (2)" in md and "Stale baseline entries (1)" in md
    assert "summit, paris" in md and "soldiers" not in md.split("### New discrepancies")[1].split("<details>")[0]
    table = CI_RENDERERS["table"](result)
    assert table.startswith("crosscheck check: 2 events, 4 articles: failed: 1 new discrepancy at or above error\n")
    assert "FAIL data/quake/wire-a.md:4:16: error CC103 number [quake]" in table
    assert "crosscheck baseline PATH -o crosscheck-baseline.json" in table


def test_passing_run_says_so() -> None:
    r = gate_result()
    never = decide([x.event for x in r.events], [x.report for x in r.events], Config(fail_on=None, leads=True))
    assert not never.failed()
    assert CI_RENDERERS["table"](never).startswith("crosscheck check: 2 events, 4 articles: passed (never failing)\n")
    assert ET.fromstring(CI_RENDERERS["junit"](never)).get("failures") == "0"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci() -> None:
    assert for_terminal(io.StringIO(), {}) is None
    assert for_terminal(_Tty(), {"CI": "true"}) is None
    stream = _Tty()
    progress = for_terminal(stream, {})
    assert isinstance(progress, Progress)
    progress("parsing articles", 1, 10)
    progress("parsing articles", 10, 10)
    progress.close()
    assert stream.getvalue().startswith("\rcrosscheck: parsing articles 1/10\rcrosscheck: parsing articles 10/10")
    assert stream.getvalue().endswith("\r")
