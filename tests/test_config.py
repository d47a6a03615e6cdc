"""Configuration of the CI gate: every key checked, unknown keys and bad values are errors (exit 2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosscheck.cli import build_parser, main
from crosscheck.config import Config, load
from crosscheck.errors import UsageError
from crosscheck.model import Category, Severity

ARTICLE = "---\noutlet: {outlet}\n---\nThe army sent 300 soldiers to the port city of Arica on Friday.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory (the working directory) with a one-event dataset in data/."""
    for outlet in ("wire-a", "wire-b"):
        event = tmp_path / "data" / "quake"
        event.mkdir(parents=True, exist_ok=True)
        (event / f"{outlet}.md").write_text(ARTICLE.format(outlet=outlet), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_a_file(project: Path) -> None:
    assert load() == Config()


def test_every_key(project: Path) -> None:
    (project / "crosscheck.toml").write_text(
        'fail_on = "warning"\npaths = ["data/"]\nbaseline = "crosscheck-baseline.json"\ndisable = ["statement"]\n'
        'exclude = ["drafts", "*/README.md"]\ncache_dir = "build/cache"\njobs = 2\n'
        '[severity]\nname_spelling = "warning"\nnumber = "info"\n',
        encoding="utf-8",
    )
    c = load()
    assert c.fail_on is Severity.WARNING
    assert c.paths == ("data",) and c.baseline == "crosscheck-baseline.json" and c.cache_dir == os.path.join("build", "cache")
    assert c.disable == frozenset({Category.STATEMENT}) and c.exclude == ("drafts", "*/README.md") and c.jobs == 2
    assert c.severity_of(Category.NUMBER, Severity.ERROR) is Severity.INFO
    assert c.severity_of(Category.DATE, Severity.WARNING) is Severity.WARNING
    assert c.file == "crosscheck.toml"


def test_paths_are_relative_to_the_file(project: Path) -> None:
    sub = project / "ci"
    sub.mkdir()
    (sub / "gate.toml").write_text('paths = ["../data"]\nbaseline = "baseline.json"\n', encoding="utf-8")
    c = load("ci/gate.toml")
    assert c.paths == ("data",) and c.baseline == os.path.join("ci", "baseline.json")


def test_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.crosscheck]\nfail_on = "never"\n', encoding="utf-8")
    assert load().fail_on is None
    (project / "crosscheck.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    assert load().fail_on is Severity.WARNING  # crosscheck.toml wins over pyproject.toml


def test_pyproject_without_our_table_is_not_a_config(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load() == Config()
    with pytest.raises(UsageError, match=r"no \[tool.crosscheck\] table"):
        load("pyproject.toml")


BAD = {
    "unknown-key": ('fial_on = "warning"\n', "unknown key 'fial_on'"),
    "bad-fail-on": ('fail_on = "sometimes"\n', "fail_on must be one of error, warning, info, never"),
    "bad-severity": ('[severity]\nnumber = "fatal"\n', "severity.number must be one of error, warning, info"),
    "unknown-category": ('[severity]\nnumbers = "info"\n', "unknown category 'numbers' in severity"),
    "unknown-disabled": ('disable = ["quotes"]\n', "unknown category 'quotes' in disable"),
    "disable-not-list": ('disable = "statement"\n', "disable must be a list"),
    "jobs-zero": ("jobs = 0\n", "jobs must be a whole number"),
    "jobs-text": ('jobs = "2"\n', "jobs must be a whole number"),
    "jobs-bool": ("jobs = true\n", "jobs must be a whole number"),
    "leads-text": ('leads = "yes"\n', "leads must be true or false"),
    "exclude-numbers": ("exclude = [1, 2]\n", "exclude must be a list of strings"),
    "empty-cache-dir": ('cache_dir = ""\n', "cache_dir must be a path"),
    "not-toml": ("fail_on = \n", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.usefixtures("no_model")
def test_bad_configuration_exits_2(case: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, words = BAD[case]
    (project / "crosscheck.toml").write_text(text, encoding="utf-8")
    assert main(["check", "data", "--format", "sarif", "-o", "out.sarif"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith("crosscheck: error: crosscheck.toml") and words in err
    assert not (project / "out.sarif").exists()  # nothing is written from a run that cannot be trusted
    assert not (project / ".crosscheck-cache").exists()


@pytest.mark.usefixtures("no_model")
def test_bad_pyproject_table_names_the_full_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.crosscheck]\nfail-on = "warning"\n', encoding="utf-8")
    assert main(["check", "data"]) == 2
    assert "pyproject.toml: unknown key 'tool.crosscheck.fail-on'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "data", "--config", "missing.toml"],
        ["check", "data", "--jobs", "0"],
        ["check", "data", "--jobs", "many"],
        ["check", "data", "--format", "xml"],
        ["check", "data", "--no-cache", "--cache-dir", "c"],
        ["check", "data", "--baseline", "missing.json"],
        ["baseline", "data"],
        ["check", "data", "-o", "data/quake/wire-a.md"],
        ["baseline", "data", "-o", "data/quake/wire-a.md"],
        ["check", "data", "-o", "no/such/dir/out.sarif"],
    ],
    ids=[
        "missing-config",
        "zero-jobs",
        "jobs-not-a-number",
        "unknown-format",
        "cache-contradiction",
        "missing-baseline",
        "baseline-without-output",
        "output-onto-article",
        "baseline-onto-article",
        "output-into-missing-dir",
    ],
)
@pytest.mark.usefixtures("no_model")
def test_usage_errors_exit_2(argv: list[str], project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in project.rglob("*.md")}
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and err.startswith("crosscheck: error:")
    assert {p: p.read_bytes() for p in project.rglob("*.md")} == before


@pytest.mark.usefixtures("no_model")
def test_no_path_and_no_sources_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert "no PATH given and no sources/ here" in capsys.readouterr().err


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "baseline"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "Exit status: 0" in out and "2 usage, configuration or input error" in out


# --- integrations: what a curator copies must parse and name real options ---------------------


def test_pre_commit_hook(repo_root: Path) -> None:
    import yaml

    (hook,) = yaml.safe_load((repo_root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "crosscheck",
        "crosscheck check",
        "python",
        False,
    )


def test_workflow_in_the_docs(repo_root: Path) -> None:
    import yaml

    text = (repo_root / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("Copy to `.github/workflows/crosscheck.yml`:\n\n```yaml\n")[1].split("```")[0])
    steps = workflow["jobs"]["crosscheck"]["steps"]
    commands = [" ".join(s["run"].split()) for s in steps if "run" in s and s["run"].startswith("crosscheck")]
    assert commands[0] == "crosscheck check data/ --baseline crosscheck-baseline.json --format github"
    assert commands[1].endswith('--format markdown --fail-on never >> "$GITHUB_STEP_SUMMARY"')
    for command in commands:  # every option the workflow uses exists (an unknown one raises UsageError)
        args = build_parser().parse_args(command.split(">>")[0].split()[1:])
        assert args.command == "check" and args.paths == ["data/"]
