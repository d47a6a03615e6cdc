"""Discovering a dataset's events: folders, JSON Lines, manifests, and every way input can be bad.

Bad input is an error naming the file (and line) with exit status 2, found before the model is
loaded; nothing is skipped silently and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli import main
from crosscheck.dataset import Origin, discover
from crosscheck.errors import InputError

ARTICLE = "---\noutlet: {outlet}\n---\nThe army sent 300 soldiers to the port city of Arica on Friday.\n"


pytestmark = pytest.mark.usefixtures("no_model")
"""Discovery never needs the model; a run that fails on its input must not load it."""


def article(path: Path, outlet: str | None = None, text: str | None = None) -> Path:
    """Write an article file (creating folders) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else ARTICLE.format(outlet=outlet or path.stem), encoding="utf-8")
    return path


def one_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run `crosscheck argv`, expect exit 2 and one error line; return it."""
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and err.startswith("crosscheck: error: "), err
    return err.strip()


def test_event_folders(tmp_path: Path) -> None:
    for name in (
        "quake/a.md",
        "quake/b.txt",
        "summit/x.md",
        "summit/y.markdown",
        "summit/notes.json",
        ".hidden/z.md",
        ".hidden/w.md",
    ):
        article(tmp_path / name)
    events = discover([str(tmp_path)])
    assert [e.name for e in events] == ["quake", "summit"]
    quake = events[0]
    assert [s.id for s in quake.sources] == ["a", "b"]
    assert quake.origins == (Origin(str(tmp_path / "quake" / "a.md")), Origin(str(tmp_path / "quake" / "b.txt")))
    assert quake.where == str(tmp_path / "quake")


def test_nested_folders_are_named_by_path(tmp_path: Path) -> None:
    for name in ("topic-1/ecb/1.md", "topic-1/ecb/2.md", "topic-1/ecbplus/1.md", "topic-1/ecbplus/2.md"):
        article(tmp_path / name)
    assert [e.name for e in discover([str(tmp_path)])] == ["topic-1/ecb", "topic-1/ecbplus"]


def test_a_folder_of_articles_is_one_event(
    sample_paths: tuple[str, ...], repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    (event,) = discover(["sources/"])
    assert event.name == "sources"
    assert [s.path for s in event.sources] == [os.path.relpath(p, repo_root) for p in sample_paths]


def test_relative_paths_stay_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article(tmp_path / "data" / "quake" / "a.md")
    article(tmp_path / "data" / "quake" / "b.md")
    monkeypatch.chdir(tmp_path)
    (event,) = discover(["./data/"])
    assert [o.file for o in event.origins] == ["data/quake/a.md", "data/quake/b.md"]


def test_exclude(tmp_path: Path) -> None:
    for name in ("quake/a.md", "quake/b.md", "quake/README.md", "drafts/c.md", "lonely/only.md"):
        article(tmp_path / name)
    events = discover([str(tmp_path)], exclude=["README.md", "drafts", "lonely/*"])
    assert [(e.name, len(e.sources)) for e in events] == [("quake", 2)]


def test_articles_beside_event_folders_are_an_error(tmp_path: Path) -> None:
    for name in ("README.md", "quake/a.md", "quake/b.md"):
        article(tmp_path / name)
    with pytest.raises(InputError, match=r"holds both articles \(README.md\) and event folders"):
        discover([str(tmp_path)])
    assert [e.name for e in discover([str(tmp_path)], exclude=["README.md"])] == ["quake"]


def test_single_article_event_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "quake" / "a.md")
    article(tmp_path / "quake" / "b.md")
    lonely = article(tmp_path / "summit" / "only.md")
    line = one_error(capsys, ["check", str(tmp_path), "--no-cache"])
    assert "event 'summit' has a single article" in line and str(lonely) in line


def test_empty_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert "no articles found" in one_error(capsys, ["check", str(tmp_path / "empty"), "--no-cache"])


def test_missing_path_and_article_instead_of_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file or directory" in one_error(capsys, ["check", str(tmp_path / "nope"), "--no-cache"])
    a = article(tmp_path / "a.md")
    assert "is an article; give its event folder" in one_error(capsys, ["check", str(a), "--no-cache"])


def test_same_event_name_from_two_paths(tmp_path: Path) -> None:
    for root in ("one", "two"):
        article(tmp_path / root / "quake" / "a.md")
        article(tmp_path / root / "quake" / "b.md")
    with pytest.raises(InputError, match="event 'quake' is also defined by"):
        discover([str(tmp_path / "one"), str(tmp_path / "two")])


def test_bad_article_in_a_folder_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "quake" / "a.md")
    bad = tmp_path / "quake" / "b.md"
    bad.write_bytes("Soldiers arrived in Ar\xedca.\n".encode("latin-1"))
    assert f"{bad}: not valid UTF-8" in one_error(capsys, ["check", str(tmp_path), "--no-cache"])


# --- unreadable files --------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "quake" / "a.md")
    locked = article(tmp_path / "quake" / "b.md")
    locked.chmod(0)
    try:
        line = one_error(capsys, ["check", str(tmp_path), "--no-cache"])
    finally:
        locked.chmod(0o644)
    assert str(locked) in line and "cannot read file" in line


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A read that fails with EACCES (as chmod 000 does for anyone but root), simulated."""
    article(tmp_path / "quake" / "a.md")
    locked = article(tmp_path / "quake" / "b.md")
    real_open = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    line = one_error(capsys, ["check", str(tmp_path), "--no-cache"])
    assert line == f"crosscheck: error: {locked}: cannot read file (Permission denied)"


def test_directory_where_an_article_is_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "a.md")
    (tmp_path / "b.md").mkdir()
    (tmp_path / "crosscheck-manifest.toml").write_text(
        '[[events]]\nname = "quake"\nsources = ["a.md", "b.md"]\n', encoding="utf-8"
    )
    line = one_error(capsys, ["check", str(tmp_path), "--no-cache"])
    assert "b.md: is a directory, expected an article file" in line


def test_broken_link_in_an_event_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "quake" / "a.md")
    (tmp_path / "quake" / "b.md").symlink_to(tmp_path / "gone.md")
    assert "b.md: no such file" in one_error(capsys, ["check", str(tmp_path), "--no-cache"])


# --- manifests ---------------------------------------------------------------------------------


def test_manifest_toml_and_json(tmp_path: Path) -> None:
    for name in ("x/a.md", "x/b.md", "y/c.md"):
        article(tmp_path / name)
    toml = tmp_path / "crosscheck-manifest.toml"
    toml.write_text(
        '[[events]]\nname = "one"\nsources = ["x/a.md", "x/b.md"]\n[[events]]\nname = "two"\nsources = ["x/a.md", "y/c.md"]\n',
        encoding="utf-8",
    )
    events = discover([str(tmp_path)])  # a directory holding a manifest uses it
    assert [(e.name, [s.id for s in e.sources]) for e in events] == [("one", ["a", "b"]), ("two", ["a", "c"])]
    js = tmp_path / "groups.json"
    js.write_text(json.dumps({"events": [{"name": "one", "sources": ["x/a.md", "y/c.md"]}]}), encoding="utf-8")
    assert [e.name for e in discover([str(js)])] == ["one"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[[events]]\nname = "one"\nsources = ["x/a.md"]\n', "has a single article"),
        ('[[events]]\nname = "one"\nfiles = ["x/a.md", "x/b.md"]\n', "exactly 'name' and 'sources'"),
        ("groups = []\n", "exactly one key, 'events'"),
        ('[[events]]\nname = "one"\nsources = ["x/a.md", "x/missing.md"]\n', "missing.md: no such file"),
        ("[[events\n", "not a valid manifest"),
    ],
    ids=["single", "wrong-key", "no-events", "missing-file", "not-toml"],
)
def test_bad_manifest(tmp_path: Path, text: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    article(tmp_path / "x" / "a.md")
    article(tmp_path / "x" / "b.md")
    (tmp_path / "crosscheck-manifest.toml").write_text(text, encoding="utf-8")
    assert words in one_error(capsys, ["check", str(tmp_path), "--no-cache"])


# --- JSON Lines --------------------------------------------------------------------------------


def rows_file(tmp_path: Path, rows: list[Any]) -> Path:
    """A .jsonl file with one row per item (strings are written as they are)."""
    path = tmp_path / "articles.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


GOOD_ROWS = [
    {"event": "quake", "outlet": "Wire A", "published": "2024-03-02", "text": "The army sent 300 soldiers to Arica."},
    {"event": "quake", "id": "b", "title": "Quake", "text": "---\npublished: 2024-03-01\n---\nThe army sent 300 soldiers."},
    {"event": "summit", "text": "Leaders met in Paris on Monday."},
    {"event": "summit", "text": "Leaders met in Paris on Monday.", "url": "https://example.org/x"},
]


def test_jsonl(tmp_path: Path) -> None:
    path = rows_file(tmp_path, [GOOD_ROWS[0], GOOD_ROWS[1], "", GOOD_ROWS[2], "   ", GOOD_ROWS[3]])
    quake, summit = discover([str(path)])
    assert [s.id for s in quake.sources] == ["wire-a", "b"]
    assert quake.sources[0].published == dt.date(2024, 3, 2) and quake.sources[0].path == f"{path}:1"
    assert quake.sources[1].published == dt.date(2024, 3, 1) and quake.sources[1].title == "Quake"
    assert quake.origins == (Origin(str(path), 1), Origin(str(path), 2))
    assert [s.id for s in summit.sources] == ["line-4", "line-6"] and summit.origins[1].row == 6


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('{"event": "quake", "text": "Soldiers arrived."', "line 3: not valid JSON"),
        ('["quake", "Soldiers arrived."]', "expected a JSON object"),
        ({"event": "quake"}, "'text' must be non-empty text"),
        ({"event": "", "text": "Soldiers arrived."}, "'event' must be non-empty text"),
        ({"event": "quake", "text": "Soldiers arrived.", "author": "Someone"}, "unknown key 'author'"),
        ({"event": "quake", "text": "Soldiers arrived.", "published": "last Tuesday"}, "'published' must be an ISO date"),
        ({"event": "quake", "text": "   "}, "'text' must be non-empty text"),
        ({"event": "quake", "text": "Soldiers arrived.", "waive": ["CC1"]}, "cannot waive 'CC1'"),
        ({"event": "lonely", "text": "Soldiers arrived."}, "event 'lonely' has a single article"),
    ],
    ids=["truncated", "array", "no-text", "no-event", "unknown-key", "bad-date", "blank-text", "bad-waiver", "single-row-event"],
)
def test_malformed_row(tmp_path: Path, bad: Any, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = rows_file(tmp_path, [GOOD_ROWS[0], GOOD_ROWS[1], bad, GOOD_ROWS[2], GOOD_ROWS[3]])
    line = one_error(capsys, ["check", str(path), "--no-cache"])
    assert f"{path}:3: " in line
    assert words.replace("line 3: ", "") in line


def test_row_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = rows_file(tmp_path, GOOD_ROWS)
    path.write_bytes(path.read_bytes() + '{"event": "quake", "text": "Ar\xedca"}\n'.encode("latin-1"))
    assert f"{path}:5: not valid UTF-8" in one_error(capsys, ["check", str(path), "--no-cache"])


# --- waivers in front matter -------------------------------------------------------------------


def test_waivers_in_front_matter(tmp_path: Path) -> None:
    article(
        tmp_path / "quake" / "a.md",
        text="---\noutlet: A\nwaive:\n  - CC103-1a2b3c4d5e6f\n  - id: 0123456789abcdef\n    reason: counted differently\n---\nSoldiers arrived.\n",
    )
    article(tmp_path / "quake" / "b.md")
    (event,) = discover([str(tmp_path)])
    assert [(w.token, w.source_id, w.reason) for w in event.waivers] == [
        ("cc103-1a2b3c4d5e6f", "a", None),
        ("0123456789abcdef", "a", "counted differently"),
    ]


@pytest.mark.parametrize("value", ["[CC103]", "[{reason: why}]", "{id: 12}", "[[a, b]]"])
def test_bad_waiver(tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = article(tmp_path / "quake" / "a.md", text=f"---\noutlet: A\nwaive: {value}\n---\nSoldiers arrived.\n")
    article(tmp_path / "quake" / "b.md")
    line = one_error(capsys, ["check", str(tmp_path), "--no-cache"])
    assert str(bad) in line and "waive" in line
