"""The command line through `main([...])`: exit codes, one-line errors, output files and formats.

Runs that get past input checking reuse the session's model (load_model is patched to return
it), so each costs one pass over the sample pair, not a model load.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import crosscheck
import crosscheck.nlp
import crosscheck.sources
from crosscheck.cli import main
from crosscheck.model import Severity
from crosscheck.render import render_json

ARTICLE = (
    "---\ntitle: A test article\noutlet: Test Wire\npublished: 2026-01-05\n---\n"
    "Chinese President Xi Jinping met South Korean President Lee Jae Myung in Beijing on Monday.\n"
    "The two leaders signed 14 memorandums of understanding.\n"
)
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture
def good(tmp_path: Path) -> str:
    """A valid article to pair with a bad one, so the error is about the bad file."""
    p = tmp_path / "good.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return str(p)


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The single stderr line of a failed run; stdout must be empty."""
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert err.endswith("\n")
    assert lines[0].startswith("crosscheck: error:"), err
    return lines[0]


def _write(tmp_path: Path, name: str, content: bytes | str) -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return str(p)


BAD_FILES = {
    "empty": b"",
    "whitespace": b"  \n\t\n   \n",
    "front-matter-only": b"---\ntitle: Nothing else\n---\n\n",
    "binary": b"Xi met Lee.\x00\x01\x02 in Beijing.\n",
    "not-utf8": "Xi met Lee in Séoul on Monday.\n".encode("latin-1"),
    "bad-yaml": b"---\ntitle: [unclosed\noutlet: x\n---\nXi met Lee in Beijing on Monday.\n",
    "not-a-mapping": b"---\n- a\n- b\n---\nXi met Lee in Beijing on Monday.\n",
    "unknown-key": b"---\ntitle: A\nauthor: Someone\n---\nXi met Lee in Beijing on Monday.\n",
    "bad-published": b"---\npublished: last Tuesday\n---\nXi met Lee in Beijing on Monday.\n",
    "impossible-date": b"---\npublished: 2026-02-30\n---\nXi met Lee in Beijing on Monday.\n",
}
EXPECTED_WORDS = {
    "empty": "no article text",
    "whitespace": "no article text",
    "front-matter-only": "no article text",
    "binary": "binary",
    "not-utf8": "UTF-8",
    "bad-yaml": "YAML",
    "not-a-mapping": "mapping",
    "unknown-key": "author",
    "bad-published": "published",
    "impossible-date": "published",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.usefixtures("no_model")
def test_bad_source_file(case: str, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, f"{case}.md", BAD_FILES[case])
    assert main(["compare", good, bad]) == 2
    line = one_error_line(capsys)
    assert bad in line
    assert EXPECTED_WORDS[case].lower() in line.lower()


@pytest.mark.usefixtures("no_model")
def test_missing_file(tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.md")
    assert main(["compare", missing, good]) == 2
    assert missing in one_error_line(capsys)


@pytest.mark.usefixtures("no_model")
def test_directory(tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "folder.md"
    d.mkdir()
    assert main(["compare", good, str(d)]) == 2
    assert "directory" in one_error_line(capsys)


@pytest.mark.usefixtures("no_model")
def test_file_over_the_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = _write(tmp_path, "other.md", ARTICLE)
    monkeypatch.setattr(crosscheck.sources, "MAX_BYTES", len(ARTICLE.encode()) - 1)
    assert main(["compare", good, other]) == 2
    assert str(len(ARTICLE.encode()) - 1) in one_error_line(capsys)


@pytest.mark.usefixtures("no_model")
def test_same_file_twice(good: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", good, good]) == 2
    one_error_line(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "{good}", "{good2}", "--bogus"],
        ["--bogus", "compare", "{good}", "{good2}"],
        ["compare", "{good}", "{good2}", "--format", "xml"],
        ["compare", "{good}", "{good2}", "--fail-on", "sometimes"],
        ["compare", "{good}"],
        ["compare"],
        ["frobnicate", "{good}", "{good2}"],
    ],
    ids=["unknown-option", "unknown-global-option", "unknown-format", "unknown-fail-on", "single-source", "no-sources", "unknown-command"],
)
@pytest.mark.usefixtures("no_model")
def test_usage_errors(argv: list[str], tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    good2 = _write(tmp_path, "good2.md", ARTICLE)
    assert main([a.format(good=good, good2=good2) for a in argv]) == 2
    one_error_line(capsys)


@pytest.mark.usefixtures("no_model")
def test_output_onto_a_source_is_refused(tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = _write(tmp_path, "other.md", ARTICLE)
    before = Path(other).read_bytes()
    assert main(["compare", good, other, "--format", "json", "-o", other]) == 2
    assert "overwrite" in one_error_line(capsys)
    assert Path(other).read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["good.md", "other.md"]


@pytest.mark.usefixtures("no_model")
def test_output_into_a_missing_directory(tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = _write(tmp_path, "other.md", ARTICLE)
    assert main(["compare", good, other, "-o", str(tmp_path / "no" / "such" / "report.json")]) == 2
    one_error_line(capsys)


@pytest.mark.usefixtures("no_model")
def test_reference_naming_nothing(tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = _write(tmp_path, "other.md", ARTICLE.replace("Test Wire", "Other Wire"))
    assert main(["compare", good, other, "--reference", "nobody"]) == 2
    line = one_error_line(capsys)
    assert "nobody" in line and "test-wire" in line and "other-wire" in line


@pytest.mark.parametrize(("argv", "mentions"), [(["--help"], "COMMAND"), (["compare", "--help"], "--fail-on")])
def test_help(argv: list[str], mentions: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out, err = capsys.readouterr()
    assert "compare" in out
    assert mentions in out
    assert err == ""


def test_no_arguments_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "compare" in err


# --- runs on the sample pair -------------------------------------------------------------------


def _hashes(paths: tuple[str, ...]) -> list[str]:
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths]


@pytest.mark.usefixtures("shared_model")
def test_json_to_file(tmp_path: Path, sample_paths: tuple[str, ...], sample_report: Any, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.json"
    target.write_text("old content\n", encoding="utf-8")
    before = _hashes(sample_paths)
    main(["compare", *sample_paths, "--format", "json", "-o", str(target), "--fail-on", "never", "--leads"])
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ""
    assert os.listdir(out_dir) == ["report.json"]  # the temporary file was renamed, none left behind
    text = target.read_text(encoding="utf-8")
    assert text == render_json(sample_report)
    assert json.loads(text)["schema_version"] == 1
    assert _hashes(sample_paths) == before


@pytest.mark.usefixtures("shared_model")
def test_fail_on_never_returns_0(sample_paths: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *sample_paths, "--fail-on", "never"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("crosscheck report")


@pytest.mark.usefixtures("shared_model")
def test_fail_on_warning_returns_1(sample_paths: tuple[str, ...], sample_report: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert sample_report.counts()["discrepancies_by_severity"]["warning"] > 0  # the sample has warnings
    assert main(["compare", *sample_paths, "--fail-on", "warning", "--format", "json", "--leads"]) == 1
    out, _ = capsys.readouterr()
    assert json.loads(out)["counts"] == sample_report.counts()


@pytest.mark.usefixtures("shared_model")
def test_default_gate_is_error(sample_paths: tuple[str, ...], sample_report: Any, capsys: pytest.CaptureFixture[str]) -> None:
    errors = sample_report.counts()["discrepancies_by_severity"]["error"]
    assert sample_report.fails(Severity.ERROR) is (errors > 0)
    assert main(["compare", *sample_paths]) == (1 if errors else 0)
    out, err = capsys.readouterr()
    assert out.startswith("crosscheck report\n")
    assert err == ""


@pytest.mark.usefixtures("shared_model")
def test_markdown(sample_paths: tuple[str, ...], sample_report: Any, capsys: pytest.CaptureFixture[str]) -> None:
    main(["compare", *sample_paths, "--format", "markdown", "--fail-on", "never"])
    out, _ = capsys.readouterr()
    assert out.startswith("# crosscheck report\n")
    assert "## Discrepancies (" in out and "## Agreements (" in out and "## Unique claims (" in out
    assert "Wi Sung Lak" in out


@pytest.mark.parametrize("by", ["id", "path"])
@pytest.mark.usefixtures("shared_model")
def test_reference(by: str, sample_paths: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    ref = "straits-times" if by == "id" else sample_paths[1]
    main(["compare", *sample_paths, "--reference", ref, "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert data["reference"] == "straits-times"
    assert data["counts"]["by_kind"]["unique"] == 0
    for f in data["findings"]:
        involved = {v["source"] for v in f["values"]} | {e["source"] for e in f["evidence"]}
        if f["kind"] == "discrepancy" and "straits-times" not in involved:
            assert f["summary"].startswith("Not supported by the reference")
            assert involved == {"al-jazeera"}


def test_version_in_a_subprocess() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.run([sys.executable, "-m", "crosscheck", "--version"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"crosscheck {crosscheck.__version__}"


def test_a_report_gets_the_mode_of_any_new_file(tmp_path: Path) -> None:
    from crosscheck.cli import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(str(tmp_path / "report.json"), "{}\n")
    finally:
        os.umask(old)
    assert (tmp_path / "report.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "report.json").read_text() == "{}\n"
