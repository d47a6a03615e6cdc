"""`crosscheck eval`: how findings are matched to gold labels, and the command end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from crosscheck import evaluate
from crosscheck.cli import main
from crosscheck.evaluate import GoldEvent, Label


def _finding(category: str, *values: str, kind: str = "discrepancy", severity: str = "warning") -> dict[str, Any]:
    return {
        "kind": kind,
        "category": category,
        "severity": severity,
        "summary": " vs ".join(values),
        "values": [{"source": str(n), "value": v} for n, v in enumerate(values)],
        "evidence": [],
    }


@pytest.mark.parametrize(
    ("label", "value"),
    [("Vendome", "Place Vendôme"), ("vendôme", "PLACE VENDOME"), ("Hugh Hfefner", "Hugh Hfefner")],
)
def test_a_label_matches_whatever_the_case_and_accents(label: str, value: str) -> None:
    assert evaluate.matches(_finding("name_spelling", value, "Hugh Hefner"), Label("name_spelling", (label,)), "discrepancy")


def test_a_label_needs_its_category_kind_and_every_value() -> None:
    f = _finding("number", "12 people", "15 people")
    assert evaluate.matches(f, Label("number", ("12", "15")), "discrepancy")
    assert not evaluate.matches(f, Label("number", ("12", "16")), "discrepancy")
    assert not evaluate.matches(f, Label("date", ("12", "15")), "discrepancy")
    assert not evaluate.matches(f, Label("number", ("12", "15")), "agreement")


def test_score_sorts_findings_into_correct_false_and_missed() -> None:
    gold = GoldEvent(
        "e", "heldout", (), (Label("number", ("12", "15")), Label("date", ("May 3",))), (Label("number", ("14",)),),
        (Label("name_spelling", ("Lee Jae Myung", "Lee Dong-gyu")),),
    )
    report = {"findings": [
        _finding("number", "12 people", "15 people"),
        _finding("name_spelling", "Lee Jae Myung", "Lee Dong-gyu"),  # a must-not: always false
        _finding("role", "mayor", "governor"),  # labelled nowhere: false
        _finding("number", "14", "14", kind="agreement"),
    ]}
    s = evaluate.score(gold, report)
    assert [f["category"] for f in s.correct] == ["number"]
    assert [f["category"] for f in s.false_positives] == ["name_spelling", "role"]
    assert [lab.category for lab in s.misses] == ["date"]
    assert len(s.agreements_found) == 1


@pytest.mark.usefixtures("shared_model")
def test_eval_scores_the_default_report_and_with_leads(tmp_path: Path, repo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("aljazeera-xi-lee-summit.md", "straits-times-xi-lee-summit.md"):
        shutil.copy(repo_root / "sources" / name, tmp_path / name)
    text = (repo_root / "tests" / "gold" / "seed-xi-lee-summit.yaml").read_text(encoding="utf-8")
    (gold / "seed.yaml").write_text(text.replace("../../sources/", "../"), encoding="utf-8")
    runs = {}
    for extra in ([], ["--leads"]):
        out = tmp_path / f"scores{len(extra)}.json"
        assert main(["eval", str(gold), "--format", "json", "-o", str(out), *extra]) == 0
        runs[bool(extra)] = json.loads(out.read_text(encoding="utf-8"))
        assert runs[bool(extra)]["leads"] is bool(extra)
    assert capsys.readouterr() == ("", "")
    default, leads = (runs[k]["splits"]["all"]["categories"]["overall"] for k in (False, True))
    # The sample's two must-catch spellings and lists are reported either way, and nothing false.
    assert default["precision"] == leads["precision"] == 1.0
    assert 2 <= default["found"] < leads["found"] <= leads["labelled"]
