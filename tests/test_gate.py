"""The CI gate end to end: baseline, new discrepancies, waivers, configuration, and the cache.

Runs go through `main([...])` with the session's model (load_model is patched to return it).
The dataset is two short hand-written events; the quake event already has one discrepancy
(300 against 400 soldiers), which the baseline accepts.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from handmade import evidence, finding, source

import crosscheck.nlp
from conftest import forbid_model
from crosscheck import cache as cache_mod
from crosscheck.baseline import Baseline, Entry, fingerprint, load, record
from crosscheck.cli import main
from crosscheck.config import Config
from crosscheck.dataset import Event, Origin
from crosscheck.errors import InputError
from crosscheck.gate import Status, configure, decide, judge
from crosscheck.model import Category, Kind, Severity, Source
from crosscheck.pipeline import check
from crosscheck.report import build
from crosscheck.sources import read_sources

QUAKE_A = """---
outlet: Wire A
published: 2024-03-02
---
A magnitude 6.1 earthquake struck northern Chile on Friday, killing 12 people, officials said.

Rescue teams searched collapsed buildings in the port city of Arica through the night.

President Gabriel Boric said the government would send 300 soldiers to help with the recovery.
"""
QUAKE_B = """---
outlet: Wire B
published: 2024-03-02
---
An earthquake of magnitude 6.1 hit northern Chile on Friday and killed 12 people, according to officials.

Emergency crews worked overnight in the port city of Arica to search the rubble.

President Gabriel Boric announced that 400 soldiers would be sent to help with the recovery.
"""
SUMMIT_A = """---
outlet: Herald
published: 2025-06-10
---
The leaders of France and Germany met in Paris on Monday to discuss energy policy.

French President Emmanuel Macron said the two countries would build 14 new power lines across the border.
"""
SUMMIT_B = """---
outlet: Courier
published: 2025-06-10
---
French and German leaders held talks in Paris on Monday about energy.

French President Emmanuel Macron said that 14 new power lines would be built across the border between the two countries.
"""


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """data/quake/{wire-a,wire-b}.md and data/summit/{herald,courier}.md."""
    for rel, text in (
        ("quake/wire-a.md", QUAKE_A),
        ("quake/wire-b.md", QUAKE_B),
        ("summit/herald.md", SUMMIT_A),
        ("summit/courier.md", SUMMIT_B),
    ):
        p = tmp_path / "data" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in an article (exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """`crosscheck argv`: exit status and stdout; stderr must be empty."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert err == "", err
    return code, out


def jsonl(text: str) -> list[dict[str, Any]]:
    """Parsed JSON Lines output."""
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.usefixtures("shared_model")
def test_baseline_new_discrepancy_and_stale_entry(dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache, bl = str(tmp_path / "cache"), str(tmp_path / "crosscheck-baseline.json")
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in dataset.rglob("*.md")}

    code, out = run(capsys, "baseline", str(dataset), "-o", bl, "--reason", "checked by hand", "--cache-dir", cache, "--leads")
    assert code == 0 and out == f"crosscheck: recorded 1 discrepancy of 2 events in {bl}\n"
    (entry,) = load(bl).entries
    assert (entry.event, entry.category, entry.reason) == ("quake", "number", "checked by hand")
    assert "300" in entry.summary and "400" in entry.summary
    assert run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads")[0] == 0

    # A new discrepancy: the two wires now disagree on the death toll too.
    edit(dataset / "quake" / "wire-b.md", "killed 12 people", "killed 15 people")
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads", "--format", "jsonl")
    assert code == 1
    findings = [f for f in jsonl(out) if f["type"] == "finding"]
    new = [f for f in findings if f["status"] == "new"]
    assert len(new) == 1 and new[0]["fails"] and new[0]["event"] == "quake" and new[0]["category"] == "number"
    assert {v["value"] for v in new[0]["values"]} == {"12 people", "15 people"}
    assert [f["status"] for f in findings if f is not new[0]] == ["baselined"]
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads")
    listed = out.split("New discrepancies (1):\n")[1]
    assert code == 1 and "15 people" in listed and "soldier" not in listed

    # Removed again: back to what the baseline accepts.
    edit(dataset / "quake" / "wire-b.md", "killed 15 people", "killed 12 people")
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads")
    assert code == 0 and "Stale" not in out

    # The accepted discrepancy fixed as well: its baseline entry is stale and named, the run passes.
    edit(dataset / "quake" / "wire-b.md", "that 400 soldiers", "that 300 soldiers")
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads")
    assert code == 0
    assert f"Stale baseline entries (1): no longer found; prune them with `crosscheck baseline PATH -o {bl}`" in out
    assert f"quake number {entry.fingerprint[:12]}" in out
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--baseline", bl, "--cache-dir", cache, "--leads", "--format", "github")
    assert code == 0 and f"::notice file={bl},title=crosscheck stale baseline entry::" in out

    edit(dataset / "quake" / "wire-b.md", "that 300 soldiers", "that 400 soldiers")
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in dataset.rglob("*.md")} == digests  # crosscheck wrote none


@pytest.mark.usefixtures("shared_model")
def test_waiver_in_front_matter(dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = str(tmp_path / "cache")
    # The soldiers count is a lead: left out unless asked for.
    assert run(capsys, "check", str(dataset), "--fail-on", "info", "--cache-dir", cache, "--format", "jsonl") == (0, "")
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--cache-dir", cache, "--leads", "--format", "jsonl")
    (soldiers,) = [f for f in jsonl(out) if f["type"] == "finding"]
    assert code == 1 and soldiers["fails"]
    edit(
        dataset / "quake" / "wire-b.md",
        "outlet: Wire B\n",
        f"outlet: Wire B\nwaive:\n  - id: {soldiers['id']}\n    reason: the army revised it\n",
    )
    code, out = run(capsys, "check", str(dataset), "--fail-on", "info", "--cache-dir", cache, "--leads", "--format", "jsonl")
    (waived,) = [f for f in jsonl(out) if f["type"] == "finding"]
    assert code == 0 and waived["status"] == "waived" and waived["reason"] == "the army revised it"
    assert waived["fingerprint"] == soldiers["fingerprint"]  # the front matter moved the evidence, not the identity


@pytest.mark.usefixtures("shared_model")
def test_configuration_changes_the_verdict(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crosscheck.toml").write_text(
        'paths = ["data"]\ncache_dir = "cache"\nleads = true\n[severity]\nnumber = "warning"\n', encoding="utf-8"
    )
    assert run(capsys, "check")[0] == 0  # the soldiers discrepancy is only a warning now
    assert run(capsys, "check", "--fail-on", "warning")[0] == 1
    (tmp_path / "crosscheck.toml").write_text(
        'paths = ["data"]\ncache_dir = "cache"\nfail_on = "warning"\ndisable = ["number"]\n', encoding="utf-8"
    )
    code, out = run(capsys, "check", "--format", "jsonl")
    assert code == 0 and out == ""


@pytest.mark.usefixtures("shared_model")
def test_warm_run_needs_no_model(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    argv = ("check", str(dataset), "--cache-dir", str(cache), "--format", "sarif", "--fail-on", "never")
    cold = run(capsys, *argv)
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "parse", "result"]
    assert len(list((cache / "parse").rglob("*.json"))) == 4 and len(list((cache / "result").rglob("*.json"))) == 2
    forbid_model(monkeypatch, "a run whose every article was cached")
    assert run(capsys, *argv) == cold
    for entry in (cache / "result").rglob("*.json"):  # without event results, cached parses suffice
        entry.unlink()
    assert run(capsys, *argv) == cold
    assert not list(cache.rglob("*.tmp"))


@pytest.mark.usefixtures("shared_model")
def test_an_edited_article_is_parsed_alone(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = str(tmp_path / "cache")
    run(capsys, "check", str(dataset), "--fail-on", "info", "--cache-dir", cache, "--jobs", "1")
    parsed: list[tuple[list[str], int]] = []
    real_parse = crosscheck.nlp.parse

    def spy(nlp: Any, sources: Any, segments: Any, **options: Any) -> Any:
        parsed.append(([s.id for s in sources], options.get("n_process", 1)))
        return real_parse(nlp, sources, segments, **{**options, "n_process": 1})

    monkeypatch.setattr(crosscheck.nlp, "parse", spy)
    edit(dataset / "summit" / "courier.md", "about energy.", "about energy and trade.")
    run(capsys, "check", str(dataset), "--fail-on", "info", "--cache-dir", cache, "--jobs", "2")
    assert parsed == [(["courier"], 2)]


def test_corrupt_or_unwritable_cache_never_changes_a_result(tmp_path: Path) -> None:
    c = cache_mod.open_cache(str(tmp_path / "cache"))
    c.put("parse", "ab" * 32, [1, 2, 3])
    assert c.get("parse", "ab" * 32) == [1, 2, 3]
    (tmp_path / "cache" / "parse" / "ab" / f"{'ab' * 32}.json").write_text("[1, 2", encoding="utf-8")
    assert c.get("parse", "ab" * 32) is None
    assert cache_mod.decode_sentences([[1, 2]], "x") is None and cache_mod.decode_findings({"a": 1}) is None
    blocked = cache_mod.Cache(tmp_path / "file-not-dir")
    (tmp_path / "file-not-dir").write_text("", encoding="utf-8")
    blocked.put("parse", "cd" * 32, [1])  # cannot be written: ignored
    assert blocked.get("parse", "cd" * 32) is None


@pytest.mark.usefixtures("shared_model")
def test_cache_dir_that_cannot_be_created(dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert main(["check", str(dataset), "--cache-dir", str(tmp_path / "taken" / "cache")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("crosscheck: error: cache directory") and "--no-cache" in err


def _writer(root: str, key: str, n: int, size: int) -> None:
    c = cache_mod.Cache(Path(root))
    for i in range(n):
        c.put("parse", key, [str(i % 2) * size, i])


def test_concurrent_writers_never_leave_half_an_entry(tmp_path: Path) -> None:
    root, key, size = str(tmp_path / "cache"), "ef" * 32, 200_000
    ctx = multiprocessing.get_context()
    writers = [ctx.Process(target=_writer, args=(root, key, 40, size)) for _ in range(2)]
    for w in writers:
        w.start()
    c, seen = cache_mod.Cache(Path(root)), 0
    while any(w.is_alive() for w in writers):
        data = c.get("parse", key)
        if data is not None:  # absent at first, then always one writer's whole entry
            assert len(data[0]) == size and data[0] == data[0][0] * size
            seen += 1
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert c.get("parse", key) is not None and seen > 0
    assert [p.name for p in (Path(root) / "parse" / key[:2]).iterdir()] == [f"{key}.json"]  # no temporary files left


def test_cache_round_trips(nlp: Any, sample_paths: tuple[str, ...], sample_report: Any) -> None:
    sources = read_sources(sample_paths)
    fresh = check(sources, nlp)
    from crosscheck.clean import clean

    parsed = crosscheck.nlp.parse(nlp, sources, [clean(s) for s in sources])
    for p in parsed:
        assert (
            cache_mod.decode_sentences(json.loads(json.dumps(cache_mod.encode_sentences(p.sentences))), p.source.id)
            == p.sentences
        )
    assert check(sources, None, parsed=parsed) == fresh  # parsed sources skip cleaning and parsing
    assert cache_mod.decode_findings(json.loads(json.dumps(cache_mod.encode_findings(fresh.findings)))) == fresh.findings


def test_cache_keys() -> None:
    a = Source("a", "a.md", "Soldiers arrived.\n")
    b = Source("b", "b.md", "Soldiers arrived.\n")
    assert cache_mod.parse_key(a, "m-1", "c") == cache_mod.parse_key(b, "m-1", "c")  # text, not id
    assert cache_mod.parse_key(a, "m-1", "c") != cache_mod.parse_key(a, "m-2", "c")
    assert cache_mod.parse_key(a, "m-1", "c") != cache_mod.parse_key(a, "m-1", "d")
    assert cache_mod.result_key([a, b], "m", "c") != cache_mod.result_key([b, a], "m", "c")
    assert cache_mod.code_id(cache_mod.PARSE_MODULES) != cache_mod.code_id()


# --- the gate's pure parts: hand-built findings, no model ------------------------------------


def _event_and_report() -> tuple[Event, Any]:
    a = source("a", "The army sent 300 soldiers.\nOfficials said 12 people died.\n")
    b = source("b", "The army sent 400 soldiers.\nOfficials said 12 people died.\n")
    soldiers = finding(
        Kind.DISCREPANCY,
        Category.NUMBER,
        "soldier",
        [("a", "300"), ("b", "400")],
        [evidence(a, "300 soldiers"), evidence(b, "400 soldiers")],
        Severity.ERROR,
    )
    people = finding(
        Kind.AGREEMENT,
        Category.NUMBER,
        "people",
        [("a", "12"), ("b", "12")],
        [evidence(a, "12 people"), evidence(b, "12 people")],
    )
    event = Event("quake", (a, b), (Origin("a.md"), Origin("b.md")))
    return event, build(event.sources, [soldiers, people])


def test_configure() -> None:
    _, report = _event_and_report()
    lowered = configure(report, Config(severity=((Category.NUMBER, Severity.INFO),)))
    assert [f.severity for f in lowered.of_kind(Kind.DISCREPANCY)] == [Severity.INFO]
    assert [f.id for f in lowered.findings] == [f.id for f in report.findings]  # severity is not identity
    assert configure(report, Config(disable=frozenset({Category.NUMBER}))).findings == ()


def test_judge_and_fingerprints() -> None:
    event, report = _event_and_report()
    (soldiers,) = report.of_kind(Kind.DISCREPANCY)
    fp = fingerprint("quake", soldiers)
    assert judge(event, report, {}, Severity.ERROR).checked[0].fails
    assert not judge(event, report, {}, None).checked[0].fails
    accepted = judge(event, report, {fp: Entry(fp, "quake", "number", "x", "ok")}, Severity.ERROR).checked[0]
    assert (accepted.status, accepted.fails, accepted.reason) == (Status.BASELINED, False, "ok")
    assert fingerprint("other-event", soldiers) != fp
    moved = source("b", "Preamble.\nThe army sent 400 soldiers.\nOfficials said 12 people died.\n")
    shifted = finding(
        Kind.DISCREPANCY,
        Category.NUMBER,
        "soldier",
        [("a", "300"), ("b", "400")],
        [evidence(event.sources[0], "300 soldiers"), evidence(moved, "400 soldiers")],
        Severity.ERROR,
    )
    assert fingerprint("quake", shifted) == fp  # offsets and lines are not part of the identity


def test_record_keeps_reasons_and_orders_entries() -> None:
    _, report = _event_and_report()
    (soldiers,) = report.of_kind(Kind.DISCREPANCY)
    first = record([("quake", soldiers)], reason="first look")
    again = record([("quake", soldiers), ("b-event", soldiers)], reason="second look", previous=first)
    assert [(e.event, e.reason) for e in again.entries] == [("b-event", "second look"), ("quake", "first look")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"version": 2, "entries": []}', "version 2 is not supported"),
        ('{"entries": []}', "not a crosscheck baseline"),
        ('{"version": 1, "entries": [{"fingerprint": "x", "event": "e", "category": "c", "summary": "s"}]}', "64 hex digits"),
        ('{"version": 1, "entries": [], "extra": 1}', "unknown baseline key 'extra'"),
        ('{"version": 1,\n "entries": [,]}', ":2: baseline is not valid JSON"),
    ],
)
def test_bad_baseline_file(tmp_path: Path, text: str, words: str) -> None:
    p = tmp_path / "baseline.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=words.replace("(", r"\(")):
        load(str(p))


def test_decide_leaves_other_events_entries_alone() -> None:
    event, report = _event_and_report()
    base = Baseline((Entry("0" * 64, "quake", "date", "gone"), Entry("1" * 64, "elsewhere", "date", "not checked")))
    result = decide([event], [report], Config(), baseline=base)
    assert [e.event for e in result.stale] == ["quake"] and result.failed()


@pytest.mark.usefixtures("shared_model")
def test_the_sample_folder_is_the_default_dataset(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import xml.etree.ElementTree as ET

    monkeypatch.chdir(repo_root)
    code, out = run(capsys, "check", "--cache-dir", str(tmp_path / "cache"), "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and [c.get("name") for c in suite] == ["sources"]
    assert code == (1 if suite.get("failures") == "1" else 0)
