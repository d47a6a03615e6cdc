"""End to end on the sample pair (Al Jazeera and The Straits Times on the January 2026 Xi–Lee summit).

These use the pinned model, so they assert what a careful reader expects from these two
articles (the labels of tests/gold/seed-xi-lee-summit.yaml) and the report's contracts, never
a whole report verbatim.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from crosscheck import names
from crosscheck.model import Category, Finding, Kind, Severity
from crosscheck.pipeline import compare
from crosscheck.render import render_json

AJ, ST = "al-jazeera", "straits-times"
SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")


def _values_text(f: Finding) -> str:
    parts: list[str] = []
    for v in f.values:
        parts.extend([v.value] if isinstance(v.value, str) else v.value)
    return " | ".join(parts).lower()


def _find(report: Any, kind: Kind, category: Category | None, *values: str) -> list[Finding]:
    """Findings of a kind (and category) whose values name every string given, as gold labels match."""
    return [
        f
        for f in report.findings
        if f.kind is kind and (category is None or f.category is category) and all(v.lower() in _values_text(f) for v in values)
    ]


def _each_value_has(f: Finding, text: str) -> bool:
    return all(text.lower() in (v.value if isinstance(v.value, str) else " ".join(v.value)).lower() for v in f.values)


def _missing(summary: str) -> list[str]:
    tail = summary.split(": ", 1)[1]
    return [re.sub(r"\s*\(only [^)]*\)$", "", part.strip()) for part in tail.split(";")]


# --- what the report should say ----------------------------------------------------------------


def test_sources_are_read_with_their_front_matter(sample_report: Any, sample_paths: tuple[str, ...]) -> None:
    assert [(s.id, s.path, s.outlet, str(s.published)) for s in sample_report.sources] == [
        (AJ, sample_paths[0], "Al Jazeera", "2026-01-05"),
        (ST, sample_paths[1], "The Straits Times", "2026-01-06"),
    ]


def test_wi_sung_lac_spelt_two_ways_in_one_article(sample_report: Any) -> None:
    hits = _find(sample_report, Kind.DISCREPANCY, Category.NAME_SPELLING, "Wi Sung Lac", "Wi Sung Lak")
    assert len(hits) == 1
    f = hits[0]
    assert [v.source for v in f.values] == [AJ, AJ]
    assert sorted(v.value for v in f.values) == ["Wi Sung Lac", "Wi Sung Lak"]
    assert f.severity is Severity.WARNING
    assert [e.source for e in f.evidence] == [AJ, AJ]
    assert any("Wi Sung Lac" in e.text for e in f.evidence) and any("Wi Sung Lak" in e.text for e in f.evidence)


def test_conglomerates_differ_by_hyundai_only(sample_report: Any) -> None:
    hits = _find(sample_report, Kind.DISCREPANCY, Category.LIST_MEMBERSHIP, "Hyundai Motor Group")
    assert len(hits) == 1
    f = hits[0]
    by_source = {v.source: list(v.value) for v in f.values}
    assert set(by_source) == {AJ, ST}
    assert "Hyundai Motor Group" in by_source[ST]
    assert not any("Hyundai" in m for m in by_source[AJ])
    for matched in ("Samsung", "LG"):
        assert any(m.startswith(matched) for m in by_source[AJ]) and any(m.startswith(matched) for m in by_source[ST])
    assert _missing(f.summary) == ["Hyundai Motor Group"], f.summary
    assert f"Hyundai Motor Group (only {ST})" in f.summary
    assert f.severity is Severity.WARNING  # Al Jazeera never names Hyundai anywhere: a difference in who is listed


def test_areas_of_the_memorandums_differ(sample_report: Any) -> None:
    hits = _find(sample_report, Kind.DISCREPANCY, Category.LIST_MEMBERSHIP, "trade", "industrial exchanges")
    assert len(hits) == 1
    f = hits[0]
    by_source = {v.source: list(v.value) for v in f.values}
    assert "trade" in by_source[AJ] and "industrial exchanges" in by_source[ST]
    assert "technology" in by_source[AJ] and "technology" in by_source[ST]
    missing = _missing(f.summary)
    assert "trade" in missing and "industrial exchanges" in missing
    assert "technology" not in missing


@pytest.mark.parametrize(
    ("category", "text", "subject"),
    [
        (Category.NUMBER, "14", "memorandum"),
        (Category.NUMBER, "four-day", None),
        (None, "right side of history", None),
        (Category.ROLE, "Asan Institute", "Lee Dong-gyu"),
        (Category.STATEMENT, "2019", None),
    ],
    ids=["14-memorandums", "four-day-visit", "right-side-of-history", "asan-institute-role", "since-2019"],
)
def test_agreements(sample_report: Any, category: Category | None, text: str, subject: str | None) -> None:
    hits = [
        f
        for f in _find(sample_report, Kind.AGREEMENT, category, text)
        if _each_value_has(f, text) and (subject is None or subject.lower() in f.subject.lower())
    ]
    assert hits, f"no agreement on {text!r}"
    for f in hits:
        assert {v.source for v in f.values} == {AJ, ST}
        assert {e.source for e in f.evidence} == {AJ, ST}


def test_four_day_visit_and_trip_agree(sample_report: Any) -> None:
    hits = _find(sample_report, Kind.AGREEMENT, Category.NUMBER, "four-day visit", "four-day trip")
    assert len(hits) == 1


LEES = {"jaemyung": "Lee Jae Myung", "donggyu": "Lee Dong-gyu", "seonghyon": "Lee Seong-hyon"}


def _lees_in(value: str) -> set[str]:
    flat = re.sub(r"[^a-z]", "", names.fold(value))
    return {full for key, full in LEES.items() if key in flat}


def test_different_lees_are_never_one_misspelt_name(sample_report: Any) -> None:
    for f in sample_report.of_kind(Kind.DISCREPANCY):
        if f.category is not Category.NAME_SPELLING:
            continue
        people = set().union(*(_lees_in(v.value) for v in f.values if isinstance(v.value, str)))
        assert len(people) <= 1, f.summary
        for a, b in [("Lee Jae Myung", "Lee Dong-gyu"), ("Lee Jae Myung", "Lee Seong-hyon"), ("Lee Dong-gyu", "Lee Seong-hyon")]:
            assert not (a.lower() in _values_text(f) and b.lower() in _values_text(f)), f.summary
        assert "apec" not in _values_text(f), f.summary  # an acronym against its expansion


def test_no_date_discrepancies(sample_report: Any) -> None:
    """Sunday = Jan 4 and Monday = Jan 5 for articles of Jan 5 and Jan 6: nothing to contradict."""
    assert [f.summary for f in sample_report.of_kind(Kind.DISCREPANCY) if f.category is Category.DATE] == []


def test_page_chrome_is_never_evidence(sample_report: Any) -> None:
    for f in sample_report.findings:
        for e in f.evidence:
            for chrome in ("Recommended Stories", "list 1 of 4", "Sign up now", "PHOTO: AFP", "1 day ago"):
                assert chrome not in e.text, (f.kind, f.summary)


# --- contracts ---------------------------------------------------------------------------------


def test_evidence_is_exactly_the_source_text(sample_report: Any, sample_paths: tuple[str, ...]) -> None:
    texts = {}
    for s, path in zip(sample_report.sources, sample_paths, strict=True):
        with open(path, encoding="utf-8", newline="") as fh:
            texts[s.id] = fh.read()
    checked = 0
    for f in sample_report.findings:
        assert f.evidence, f.summary
        for e in f.evidence:
            assert 0 <= e.start < e.end <= len(texts[e.source])
            assert texts[e.source][e.start : e.end] == e.text, (f.id, e)
            checked += 1
    assert checked > len(sample_report.findings)


def test_json_validates_against_the_shipped_schema(sample_report: Any) -> None:
    schema = json.loads(resources.files("crosscheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = json.loads(render_json(sample_report))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_json_shape(sample_report: Any, sample_paths: tuple[str, ...]) -> None:
    data = json.loads(render_json(sample_report))
    assert list(data) == ["schema_version", "sources", "findings", "counts"]
    assert data["schema_version"] == 1
    assert data["sources"] == [
        {"id": AJ, "path": sample_paths[0], "title": "Xi and Lee hold second summit in two months", "outlet": "Al Jazeera", "published": "2026-01-05"},
        {"id": ST, "path": sample_paths[1], "title": "Xi-Lee summit signals thaw in relations, sends strategic message to Japan, US", "outlet": "The Straits Times", "published": "2026-01-06"},
    ]
    findings = data["findings"]
    ids = {AJ, ST}
    assert len({f["id"] for f in findings}) == len(findings)
    for f in findings:
        assert {v["source"] for v in f["values"]} <= ids
        assert {e["source"] for e in f["evidence"]} <= ids
        assert f["evidence"] == sorted(f["evidence"], key=lambda e: ({AJ: 0, ST: 1}[e["source"]], e["start"], e["end"]))
        if f["kind"] != "discrepancy":
            assert f["severity"] == "info"
        if f["kind"] == "unique":
            assert len({v["source"] for v in f["values"]}) == 1
    # Discrepancies by severity, then agreements, then unique claims.
    rank = {"discrepancy": 0, "agreement": 1, "unique": 2}
    sev = {"error": 0, "warning": 1, "info": 2}
    order = [(rank[f["kind"]], sev[f["severity"]] if f["kind"] == "discrepancy" else 0) for f in findings]
    assert order == sorted(order)
    counts = data["counts"]
    assert counts["total"] == len(findings)
    assert counts["by_kind"] == {k: sum(f["kind"] == k for f in findings) for k in ("discrepancy", "agreement", "unique")}
    disc = [f for f in findings if f["kind"] == "discrepancy"]
    assert counts["discrepancies_by_severity"] == {s: sum(f["severity"] == s for f in disc) for s in ("error", "warning", "info")}
    by_cat: dict[str, int] = {}
    for f in disc:
        by_cat[f["category"]] = by_cat.get(f["category"], 0) + 1
    assert counts["discrepancies_by_category"] == by_cat
    assert counts["by_kind"]["discrepancy"] >= 3 and counts["by_kind"]["agreement"] >= 5


def test_two_runs_give_identical_bytes(sample_report: Any, nlp: Any, sample_paths: tuple[str, ...]) -> None:
    again = compare(list(sample_paths), nlp=nlp, leads=True)
    assert render_json(again) == render_json(sample_report)


def test_same_bytes_under_another_hash_seed(sample_report: Any, sample_paths: tuple[str, ...]) -> None:
    seed = "54321" if os.environ.get("PYTHONHASHSEED") == "12345" else "12345"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH", "")) if p)
    script = (
        "import sys\n"
        "from crosscheck.pipeline import compare\n"
        "from crosscheck.render import render_json\n"
        "sys.stdout.write(render_json(compare(sys.argv[1:], leads=True)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, *sample_paths], env=env, capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout == render_json(sample_report).encode("utf-8")


def test_leads_are_left_out_by_default(nlp: Any, sample_report: Any, sample_paths: tuple[str, ...]) -> None:
    """Without --leads the report is the same but for its info discrepancies (leads)."""
    default = compare(list(sample_paths), nlp=nlp)
    leads = [f for f in sample_report.findings if f.kind is Kind.DISCREPANCY and f.severity is Severity.INFO]
    assert leads, "the sample has leads to leave out"
    assert default.findings == tuple(f for f in sample_report.findings if f not in leads)
    assert {f.severity for f in default.findings if f.kind is Kind.DISCREPANCY} == {Severity.WARNING}


def test_an_article_against_its_copy_agrees_on_every_claim(nlp: Any, sample_paths: tuple[str, ...], tmp_path: Any) -> None:
    # Wire copy runs word for word in many outlets: nothing it states is one source's alone, and
    # its only discrepancies are the slips it makes within itself (Wi Sung Lac / Lak), in each copy.
    twin = tmp_path / "copy.md"
    twin.write_bytes(open(sample_paths[0], "rb").read())
    report = compare([sample_paths[0], str(twin)], nlp=nlp, leads=True)
    assert [f for f in report.findings if f.kind is Kind.UNIQUE] == []
    assert {f.category for f in report.findings if f.kind is Kind.DISCREPANCY} == {Category.NAME_SPELLING}
    assert [f for f in report.findings if f.kind is Kind.AGREEMENT and f.category is Category.LIST_MEMBERSHIP]
