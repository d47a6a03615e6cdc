"""Hostile input and output: every failure is one line on stderr and exit 2, and no input is ever written.

Each test here is a case a tester found crashing, hanging or overwriting something: `-o` onto an
input or a special file, FIFOs and devices as inputs, names too long or not UTF-8, JSON the
parser takes but cannot hold, a full or closed stdout, corrupt cache entries. Runs that fail on
their input never load the model; the few that must run use the session's model on a short pair.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import crosscheck.cli
import crosscheck.files
import crosscheck.nlp
from crosscheck import cache as cache_mod
from crosscheck.cli import main
from crosscheck.errors import CrosscheckError, InputError
from crosscheck.files import printable, read_input, write_atomic
from crosscheck.model import Source

ROOT = Path(__file__).resolve().parent.parent
TEXT = "{front}Chinese President Xi Jinping met South Korean President Lee Jae Myung in Beijing on Monday.\nThe two leaders signed {n} memorandums of understanding.\n"
NEEDS_FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
DEEP = "[" * 100_000 + "]" * 100_000


def art(path: Path, outlet: str = "Wire", n: int = 14) -> str:
    """Write a short article (creating folders) and return its path as text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT.format(front=f"---\noutlet: {outlet}\n---\n", n=n), encoding="utf-8")
    return str(path)


def error_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run `crosscheck argv`: exit 2, nothing on stdout, one error line on stderr, returned."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and err.startswith("crosscheck: error: "), err
    return err.strip()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    """Two short articles on one event (a number differs)."""
    return art(tmp_path / "a.md", "Herald", 14), art(tmp_path / "b.md", "Courier", 15)


@pytest.fixture
def gold_dir(tmp_path: Path, pair: tuple[str, str]) -> Path:
    """gold/e.yaml naming the pair."""
    d = tmp_path / "gold"
    d.mkdir()
    (d / "e.yaml").write_text("event: e\nsplit: tune\nsources: [../a.md, ../b.md]\ndiscrepancies: []\n", encoding="utf-8")
    return d


def _manifest(tmp_path: Path, name: str = "m.json") -> Path:
    art(tmp_path / "man" / "a.md", "Herald")
    art(tmp_path / "man" / "b.md", "Courier", 15)
    m = tmp_path / "man" / name
    if name.endswith(".json"):
        m.write_text(json.dumps({"events": [{"name": "e", "sources": ["a.md", "b.md"]}]}), encoding="utf-8")
    else:
        m.write_text('events = [{name = "e", sources = ["a.md", "b.md"]}]\n', encoding="utf-8")
    return m


# --- 1. -o is never one of the run's inputs --------------------------------------------------------


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("target", ["article", "gold", "gold-symlink", "article-hardlink"])
def test_eval_refuses_to_overwrite_its_inputs(
    target: str, tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = {"article": tmp_path / "a.md", "gold": gold_dir / "e.yaml"}.get(target, tmp_path / "link")
    if target == "gold-symlink":
        out.symlink_to(gold_dir / "e.yaml")
    if target == "article-hardlink":
        os.link(tmp_path / "a.md", out)
    before = {p: p.read_bytes() for p in (tmp_path / "a.md", gold_dir / "e.yaml")}
    assert "refusing to overwrite" in error_line(capsys, ["eval", str(gold_dir), "-o", str(out)])
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("case", ["manifest-json", "manifest-toml", "config", "baseline-config", "jsonl"])
def test_check_and_baseline_refuse_to_overwrite_their_inputs(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    if case == "jsonl":
        rows = [{"event": "e", "text": TEXT.format(front="", n=n), "outlet": o} for n, o in ((14, "Herald"), (15, "Courier"))]
        (tmp_path / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        argv, protected = ["check", "d.jsonl", "--no-cache", "-o", "d.jsonl"], tmp_path / "d.jsonl"
    elif case == "manifest-toml":
        m = _manifest(tmp_path, "crosscheck-manifest.toml")
        argv, protected = ["check", str(m.parent), "--no-cache", "-o", str(m)], m
    else:
        m = _manifest(tmp_path)
        (tmp_path / "cfg.toml").write_text("jobs = 1\n", encoding="utf-8")
        command = "baseline" if case == "baseline-config" else "check"
        target = str(m) if case == "manifest-json" else "cfg.toml"
        argv = [command, str(m), "--no-cache", "--config", "cfg.toml", "-o", target]
        protected = m if case == "manifest-json" else tmp_path / "cfg.toml"
    before = protected.read_bytes()
    assert "refusing to overwrite" in error_line(capsys, argv)
    assert protected.read_bytes() == before


@pytest.mark.usefixtures("no_model")
def test_compare_refuses_a_symlink_to_a_source(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "link").symlink_to(pair[0])
    assert "refusing to overwrite a source article" in error_line(capsys, ["compare", *pair, "-o", str(tmp_path / "link")])


# --- 2. -o onto a symlink, a device or a FIFO ------------------------------------------------------


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A copy of /dev/null (minor 3) or /dev/full (7) in `tmp_path`, so a regression replaces no real device."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(node, "wb") as fh:
            fh.write(b"")
    except (OSError, AttributeError):
        pytest.skip("cannot make device nodes here (needs root, Linux and a file system without nodev)")
    return node


@pytest.mark.usefixtures("shared_model")
def test_output_to_a_null_device_leaves_the_device(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    null = _device(tmp_path, "null", 3)
    assert main(["compare", *pair, "--fail-on", "never", "-o", str(null)]) == 0
    assert capsys.readouterr() == ("", "")
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_output_to_a_full_device_is_an_error_and_leaves_the_device(tmp_path: Path) -> None:
    full = _device(tmp_path, "full", 7)
    with pytest.raises(CrosscheckError, match="No space left"):
        write_atomic(str(full), "report\n")
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_output_through_a_symlink_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "target.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "link").symlink_to("target.txt")
    write_atomic(str(tmp_path / "link"), "new\n")
    assert (tmp_path / "link").is_symlink() and os.readlink(tmp_path / "link") == "target.txt"
    assert (tmp_path / "target.txt").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "target.txt"]


@NEEDS_FIFO
def test_output_to_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(str(fifo), "report\n")
    reader.join(10)
    assert got == [b"report\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


# --- 3. inputs that are not regular files ----------------------------------------------------------


@NEEDS_FIFO
@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("case", ["compare", "dataset", "perturb", "gold-file", "gold-source", "config"])
def test_a_fifo_as_input_is_refused(
    case: str, tmp_path: Path, pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / ("gold/x.yaml" if case == "gold-file" else "ds/e/c.md" if case == "dataset" else "f.md")
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    if case == "dataset":
        art(tmp_path / "ds" / "e" / "a.md")
        art(tmp_path / "ds" / "e" / "b.md", "Courier")
    if case == "gold-source":  # eval reads an event's articles after loading the model, and needs none to refuse one
        monkeypatch.setattr(crosscheck.nlp, "load_model", lambda name=None: None)
        (tmp_path / "gold").mkdir()
        (tmp_path / "gold" / "x.yaml").write_text("split: tune\nsources: [../a.md, ../f.md]\n", encoding="utf-8")
    argv = {
        "compare": ["compare", pair[0], str(fifo)],
        "dataset": ["check", str(tmp_path / "ds"), "--no-cache"],
        "perturb": ["perturb", str(fifo), "-o", str(tmp_path / "out")],
        "gold-file": ["eval", str(tmp_path / "gold")],
        "gold-source": ["eval", str(tmp_path / "gold")],
        "config": ["check", str(tmp_path), "--no-cache", "--config", str(fifo)],
    }[case]
    assert error_line(capsys, argv).endswith(": not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("as_config", [False, True])
def test_dev_zero_is_refused_not_read_forever(as_config: bool, tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", str(tmp_path), "--no-cache", "--config", "/dev/zero"] if as_config else ["compare", pair[0], "/dev/zero"]
    assert error_line(capsys, argv) == "crosscheck: error: /dev/zero: not a regular file"


@pytest.mark.skipif(not os.path.isfile("/proc/self/maps"), reason="no /proc")
def test_a_read_stops_past_its_limit_whatever_the_size_says() -> None:
    assert os.stat("/proc/self/maps").st_size == 0  # the size check alone would let it through
    with pytest.raises(InputError, match="larger than the 10-byte limit"):
        read_input("/proc/self/maps", 10, "maps")


# --- 4. what used to be a traceback ----------------------------------------------------------------


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("command", ["compare-source", "compare", "check", "eval", "baseline", "check-path"])
def test_a_name_too_long(command: str, tmp_path: Path, pair: tuple[str, str], gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = str(tmp_path / ("x" * 300))
    m = _manifest(tmp_path)
    argv = {
        "compare-source": ["compare", pair[0], long + ".md"],
        "compare": ["compare", *pair, "-o", long],
        "check": ["check", str(m), "--no-cache", "-o", long],
        "eval": ["eval", str(gold_dir), "-o", long],
        "baseline": ["baseline", str(m), "--no-cache", "-o", long],
        "check-path": ["check", long, "--no-cache"],
    }[command]
    assert "too long" in error_line(capsys, argv)


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out.json").write_text("old\n", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(CrosscheckError, match="cannot write .*out.json: Read-only file system"):
        write_atomic(str(tmp_path / "out.json"), "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "old\n"


def test_a_temporary_file_that_cannot_be_created_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(**kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(crosscheck.files.tempfile, "mkstemp", fail)
    with pytest.raises(CrosscheckError, match="Permission denied"):
        write_atomic(str(tmp_path / "out.json"), "new\n")


def _undecodable_name(tmp_path: Path, source: str) -> str:
    name = os.fsdecode(b"st\xff.md")
    try:
        Path(tmp_path, name).write_bytes(Path(source).read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 file names")
    return str(tmp_path / name)


@pytest.mark.usefixtures("shared_model")
def test_a_file_name_that_is_not_utf8_is_shown_printable(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    odd = _undecodable_name(tmp_path, pair[1])
    main(["compare", pair[0], odd, "--format", "json"])
    out, err = capsys.readouterr()
    assert err == ""
    out.encode("utf-8")  # no lone surrogates
    assert json.loads(out)["sources"][1]["path"] == str(tmp_path / "st\\xff.md")
    assert main(["compare", pair[0], odd, "--format", "html", "-o", str(tmp_path / "out.html")]) in (0, 1)
    assert "st\\xff.md" in (tmp_path / "out.html").read_text(encoding="utf-8")
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert printable("plain/ascii.md") == "plain/ascii.md"


@pytest.mark.usefixtures("shared_model")
def test_a_file_name_that_is_not_utf8_can_be_the_reference(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    odd = _undecodable_name(tmp_path, pair[1])
    assert main(["compare", pair[0], odd, "--reference", odd, "--format", "json", "--fail-on", "never"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and json.loads(out)["reference"]
    assert "neither a source id" in error_line(capsys, ["compare", pair[0], odd, "--reference", os.fsdecode(b"other\xff.md")])


BAD_JSON = {"deep": DEEP, "bigint": "1" * 5000, "surrogate": '"\\ud800"'}


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("where", ["jsonl", "manifest", "baseline"])
@pytest.mark.parametrize("what", sorted(BAD_JSON))
def test_json_the_parser_cannot_hold_is_an_input_error(
    what: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = BAD_JSON[what]
    if where == "jsonl":
        (tmp_path / "d.jsonl").write_text('{"event": "e", "text": "Xi met Lee.", "title": ' + bad + "}\n", encoding="utf-8")
        argv = ["check", str(tmp_path / "d.jsonl"), "--no-cache"]
    elif where == "manifest":
        (tmp_path / "m.json").write_text('{"events": ' + bad + "}", encoding="utf-8")
        argv = ["check", str(tmp_path / "m.json"), "--no-cache"]
    else:
        m = _manifest(tmp_path)
        (tmp_path / "b.json").write_text('{"version": 1, "entries": [], "x": ' + bad + "}", encoding="utf-8")
        argv = ["check", str(m), "--no-cache", "--baseline", str(tmp_path / "b.json")]
    line = error_line(capsys, argv)
    assert "not valid JSON" in line or "not a valid manifest" in line
    assert {"deep": "nested too deeply", "bigint": "digits", "surrogate": "surrogate"}[what] in line


@pytest.mark.usefixtures("no_model")
def test_a_lone_surrogate_in_front_matter(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.md").write_text('---\ntitle: "\\ud800"\n---\nXi met Lee in Beijing.\n', encoding="utf-8")
    assert "surrogate" in error_line(capsys, ["compare", pair[0], str(tmp_path / "s.md")])


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\noutlet: Wire\ntitle: Xi meets Lee\nXi met Lee in Beijing.\n", "never closed"),
        ("---\n\n# source\nTitle: Xi meets Lee\nXi met Lee in Beijing.\n", "never closed"),
        ("---\ntitle: {a: 1}\n---\nXi met Lee in Beijing.\n", "'title' must be text, not a mapping"),
        ("---\noutlet: [Wire, Herald]\n---\nXi met Lee in Beijing.\n", "'outlet' must be text, not a list"),
    ],
)
def test_front_matter_left_open_or_not_text(tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    (tmp_path / "f.md").write_text(text, encoding="utf-8")
    assert message in error_line(capsys, ["compare", pair[0], str(tmp_path / "f.md")])


def test_a_rule_before_prose_is_text_not_front_matter(tmp_path: Path) -> None:
    from crosscheck.sources import read_source

    (tmp_path / "r.md").write_text("---\nXi met Lee in Beijing on Monday.\n", encoding="utf-8")
    source = read_source(tmp_path / "r.md")
    assert source.body_start == 0 and "Xi met Lee" in source.text


@pytest.mark.parametrize("front", ["", "---\noutlet: Daily Post\npublished: 2013-07-03\n---\n"])
def test_a_byte_order_mark_is_read_past(tmp_path: Path, front: str) -> None:
    """A file a Windows editor saved with a byte-order mark reads as the same article, front matter
    and all, and offsets still count the file's characters."""
    from crosscheck.clean import clean
    from crosscheck.sources import front_matter, read_source

    body = "Xi met Lee in Beijing on Monday.\n"
    (tmp_path / "plain.md").write_text(front + body, encoding="utf-8")
    (tmp_path / "bom.md").write_text("\ufeff" + front + body, encoding="utf-8")
    plain, bom = read_source(tmp_path / "plain.md"), read_source(tmp_path / "bom.md")
    assert (bom.outlet, bom.published) == (plain.outlet, plain.published)
    assert front_matter(bom) == front_matter(plain)  # read again for waivers, by the dataset gate
    assert bom.body_start == plain.body_start + 1
    assert [s.text for s in clean(bom)] == [s.text for s in clean(plain)] == ["Xi met Lee in Beijing on Monday."]
    assert all(bom.text[s.start : s.end] == s.text for s in clean(bom))


@pytest.mark.usefixtures("no_model")
def test_a_symlink_loop_in_a_dataset_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art(tmp_path / "ds" / "e" / "a.md")
    (tmp_path / "ds" / "e" / "l1.md").symlink_to("l2.md")
    (tmp_path / "ds" / "e" / "l2.md").symlink_to("l1.md")
    assert "l1.md: cannot read file" in error_line(capsys, ["check", str(tmp_path / "ds"), "--no-cache"])


@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("in_config", [False, True])
def test_an_absurd_number_of_jobs(in_config: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = _manifest(tmp_path)
    (tmp_path / "cfg.toml").write_text("jobs = 99999999999999999999\n", encoding="utf-8")
    argv = ["check", str(m), "--no-cache"] + (["--config", str(tmp_path / "cfg.toml")] if in_config else ["--jobs", "99999999999999999999"])
    assert "from 1 to 256" in error_line(capsys, argv)


@pytest.mark.usefixtures("no_model")
def test_gold_values_must_be_a_list(tmp_path: Path, gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (gold_dir / "e.yaml").read_text(encoding="utf-8").replace("discrepancies: []", "discrepancies:\n  - category: number\n    values: 5")
    (gold_dir / "e.yaml").write_text(text, encoding="utf-8")
    line = error_line(capsys, ["eval", str(gold_dir)])
    assert "e.yaml: discrepancies[0]: 'values' must be a list" in line


class _Stdout(io.StringIO):
    """A stdout whose writes fail with `error`."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.usefixtures("shared_model")
@pytest.mark.parametrize("stdout", ["full", "closed", "broken-pipe"])
def test_a_stdout_that_cannot_be_written(
    stdout: str, pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replacement = {
        "full": _Stdout(OSError(errno.ENOSPC, "No space left on device")),
        "closed": None,
        "broken-pipe": _Stdout(BrokenPipeError(errno.EPIPE, "Broken pipe")),
    }[stdout]
    monkeypatch.setattr(sys, "stdout", replacement)
    assert main(["compare", *pair]) == 2
    err = capsys.readouterr().err
    if stdout == "broken-pipe":
        assert err == ""  # the reader went away: nothing to say
    else:
        assert err == f"crosscheck: error: cannot write to standard output: {'No space left on device' if stdout == 'full' else 'it is closed'}\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_stdout_in_a_real_process() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "crosscheck", "--version"], env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert proc.returncode == 2 and proc.stderr == "crosscheck: error: cannot write to standard output: No space left on device\n"


def test_decoding_refuses_findings_that_do_not_fit_the_event() -> None:
    src = Source("a", "a.md", "Xi met Lee on Monday.\n")
    other = Source("b", "b.md", "Xi met Lee on Tuesday.\n")
    good = [["CC104-0", "discrepancy", "date", "error", "s", "x", [["a", "Monday"], ["b", "Tuesday"]], [["a", "Xi met Lee on Monday.", 0, 21]], 0.9]]
    assert cache_mod.decode_findings(good, [src, other]) is not None
    unknown = json.loads(json.dumps(good))
    unknown[0][7][0][0] = "nosuch"
    empty = json.loads(json.dumps(good))
    empty[0][7] = []
    moved = json.loads(json.dumps(good))
    moved[0][7][0][2] = 1
    for bad in (unknown, empty, moved):
        assert cache_mod.decode_findings(bad, [src, other]) is None
    assert cache_mod.decode_sentences([[0, 0, 5, "Xi.", [["Xi", 0, "xi", "PROPN", "NNP", "ROOT", 7]], []]], "a") is None  # head outside


@pytest.mark.usefixtures("shared_model")
def test_a_corrupt_cache_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    m = _manifest(tmp_path)
    argv = ["check", str(m), "--format", "github", "--fail-on", "never", "--cache-dir", "cc"]
    assert main(argv) == 0
    expected = capsys.readouterr().out
    (entry,) = (tmp_path / "cc" / "result").rglob("*.json")
    good = json.loads(entry.read_text(encoding="utf-8"))
    assert good and all(f[7] for f in good)
    unknown = json.loads(json.dumps(good))
    unknown[0][7][0][0] = "nosuch"
    empty = [f[:7] + [[]] + f[8:] for f in good]
    for corrupt in (DEEP, json.dumps(unknown), json.dumps(empty)):
        entry.write_text(corrupt, encoding="utf-8")
        assert main(argv) == 0
        assert capsys.readouterr() == (expected, "")


@pytest.mark.usefixtures("no_model")
def test_an_unexpected_error_is_one_line_unless_debugging(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: Any) -> int:
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(crosscheck.cli, "_compare", boom)
    monkeypatch.delenv("CROSSCHECK_DEBUG", raising=False)
    assert error_line(capsys, ["compare", *pair]) == "crosscheck: error: internal error: RuntimeError: something broke"
    monkeypatch.setenv("CROSSCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["compare", *pair])


# --- 5-7 ------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("no_model")
def test_a_yaml_error_in_a_gold_file_is_one_line(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (gold_dir / "e.yaml").write_text("event: e\nsplit: tune\nsources: [a, b\ndiscrepancies: []\n", encoding="utf-8")
    line = error_line(capsys, ["eval", str(gold_dir)])
    assert line.startswith(f"crosscheck: error: {gold_dir / 'e.yaml'}:4: not valid YAML (")


@pytest.mark.usefixtures("no_model")
def test_an_output_ending_in_a_separator_names_a_directory(
    tmp_path: Path, pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "names a directory" in error_line(capsys, ["compare", *pair, "-o", "nodir" + os.sep])
    assert not (tmp_path / "nodir").exists()


def test_readme_says_a_byte_order_mark_is_read_and_names_the_debug_switch() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    exit_status = readme[readme.index("- Exit status:") :].split("\n\n")[0]
    assert "byte-order mark is read past" in exit_status and "CROSSCHECK_DEBUG" in exit_status
