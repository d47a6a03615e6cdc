"""Finding the events of a curated dataset: event folders, a JSON Lines file, or a manifest.

`crosscheck check` runs over a whole corpus, so this is its input edge. It turns whatever layout
the curator keeps into `Event` values — a name, its sources, and where each source's text lives —
before the model is loaded, and refuses what it cannot take in whole: a malformed row, an
unreadable file or an event with a single article is an error naming the file (and line), never
a silently smaller dataset.

Layouts:

- a directory: every folder that directly holds article files (`*.md`, `*.markdown`, `*.txt`) is
  one event, named by its path below the directory; a directory holding only articles is itself
  one event. Names starting with a dot are skipped, and so is whatever `exclude` matches.
- a `.jsonl` file: one article per line, `{"event", "text"}` plus optional `id`, `title`,
  `outlet`, `url`, `published`, `language`, `waive`.
- a manifest (`crosscheck-manifest.toml` or `.json`, or a directory holding one):
  `events = [{name, sources = [paths relative to the manifest]}]`.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from .baseline import Waiver, parse_waivers
from .errors import InputError
from .files import MAX_DATASET_BYTES, MAX_INPUT_BYTES, parse_json, parse_toml, printable, read_input
from .model import Source
from .sources import (
    MAX_BYTES,
    front_matter,
    parse_source,
    read_sources,
    unique_ids,
    with_meta,
)

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
MANIFEST_NAMES = ("crosscheck-manifest.toml", "crosscheck-manifest.json")
ROW_KEYS = ("event", "text", "id", "title", "outlet", "url", "published", "language", "waive")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a source's text lives, so CI annotations can point at a file and line."""

    file: str
    row: int | None = None  # line of the JSON Lines row; None when the text is the whole file

    def position(self, text: str, offset: int) -> tuple[int, int | None]:
        """1-based line and column of `offset`; for a row, the row's line and no column."""
        if self.row is not None:
            return self.row, None
        line_start = text.rfind("\n", 0, offset) + 1
        return text.count("\n", 0, offset) + 1, offset - line_start + 1


@dataclass(frozen=True, slots=True)
class Event:
    """The articles of one event, as the gate checks them together."""

    name: str
    sources: tuple[Source, ...]
    origins: tuple[Origin, ...]  # one per source
    waivers: tuple[Waiver, ...] = ()
    where: str = ""  # the folder, manifest or file the event comes from, for messages
    files: tuple[str, ...] = ()  # every file read for the event (articles, manifest, .jsonl), so `-o` spares them


def discover(paths: Sequence[str], *, exclude: Sequence[str] = ()) -> tuple[Event, ...]:
    """Every event under the given dataset paths, sorted by name; names must be unique."""
    events: dict[str, Event] = {}
    for path in paths:
        for ev in _discover_one(path, exclude):
            if ev.name in events:
                raise InputError(f"{ev.where}: event {ev.name!r} is also defined by {events[ev.name].where}")
            events[ev.name] = ev
    if not events:
        raise InputError(f"{', '.join(paths)}: no events found")
    return tuple(events[name] for name in sorted(events))


def _discover_one(shown: str, exclude: Sequence[str]) -> list[Event]:
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        raise InputError(f"{printable(shown)}: no such file or directory") from None
    except OSError as exc:  # a name too long, a symlink loop, no permission
        raise InputError(f"{printable(shown)}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        for name in MANIFEST_NAMES:
            # lexists: a manifest that is no regular file is refused, not skipped for the folders
            if os.path.lexists(os.path.join(shown, name)):
                return _manifest(os.path.join(shown, name))
        return _folders(shown, exclude)
    suffix = Path(shown).suffix.lower()
    if suffix == ".jsonl":
        return _jsonl(shown)
    if suffix in (".toml", ".json"):
        return _manifest(shown)
    if suffix in ARTICLE_SUFFIXES:
        raise InputError(f"{printable(shown)}: is an article; give its event folder or the dataset directory")
    raise InputError(
        f"{printable(shown)}: not a dataset (expected a directory, a .jsonl file or a crosscheck-manifest.toml/.json)"
    )


def _excluded(rel: str, shown: str, patterns: Sequence[str]) -> bool:
    """gitignore-like: a pattern without '/' matches a name at any depth, else the path."""
    name = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.rstrip("/")
        if ("/" not in pat and fnmatchcase(name, pat)) or fnmatchcase(rel, pat) or fnmatchcase(shown, pat):
            return True
    return False


def _folders(root: str, exclude: Sequence[str]) -> list[Event]:
    events: list[Event] = []
    visited: set[str] = set()
    root_name = Path(os.path.abspath(root)).name or "dataset"

    def walk(folder: str, rel: str) -> bool:
        """Add the events at and below `folder`; whether there were any."""
        real = os.path.realpath(folder)
        if real in visited:  # a symlink loop, or the same folder linked twice
            return False
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise InputError(f"{printable(folder)}: cannot list folder ({exc.strerror or exc})") from None
        files, found = [], False
        for entry in entries:
            sub_rel = f"{rel}/{entry.name}" if rel else entry.name
            shown = os.path.normpath(os.path.join(folder, entry.name))
            if entry.name.startswith(".") or _excluded(sub_rel, shown, exclude):
                continue
            if _is_dir(entry):
                found = walk(shown, sub_rel) or found
            elif Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
                files.append(shown)
        if files and found:
            raise InputError(
                f"{printable(folder)}: holds both articles ({Path(files[0]).name}) and event folders; "
                "move the articles into a folder of their own or exclude them"
            )
        if files:
            events.append(_event(printable(rel or root_name), files, printable(folder)))
        return bool(files) or found

    if not walk(os.path.normpath(root), ""):
        raise InputError(f"{printable(root)}: no articles found (expected event folders of .md or .txt files)")
    return events


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a directory (through symlinks); a symlink loop is not one.

    `is_dir` raises ELOOP for a loop; as a file, the entry is then refused when read, by name.
    """
    try:
        return entry.is_dir()
    except OSError:
        return False


def _event(name: str, paths: Sequence[str], where: str, manifest: str | None = None) -> Event:
    if len(paths) < 2:
        raise InputError(
            f"{where}: event {name!r} has a single article ({printable(paths[0])}); an event needs at least two "
            "to compare: add another or exclude it"
        )
    sources = read_sources(paths)
    waivers = tuple(w for s in sources for w in parse_waivers(front_matter(s).get("waive"), s.path, s.id))
    files = (*paths, manifest) if manifest else tuple(paths)
    return Event(name, sources, tuple(Origin(s.path) for s in sources), waivers, where, files)


def _manifest(path: str) -> list[Event]:
    shown = printable(path)
    try:
        raw = read_input(path, MAX_INPUT_BYTES, shown)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read manifest ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
        data = parse_toml(text) if path.endswith(".toml") else parse_json(text)
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: not valid UTF-8 (byte {exc.start})") from None
    except ValueError as exc:  # TOMLDecodeError, JSONDecodeError, and what parse_json/parse_toml make one-line
        raise InputError(f"{shown}: not a valid manifest ({exc})") from None
    if not isinstance(data, dict) or set(data) != {"events"} or not isinstance(data["events"], list):
        raise InputError(f"{shown}: a manifest holds exactly one key, 'events': a list of {{name, sources}}")
    base = os.path.dirname(path)
    events = []
    for n, item in enumerate(data["events"]):
        where = f"{shown}: events[{n}]"
        if not isinstance(item, dict) or set(item) != {"name", "sources"}:
            raise InputError(f"{where}: each event needs exactly 'name' and 'sources'")
        name, paths = item["name"], item["sources"]
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{where}: 'name' must be non-empty text")
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths) or not paths:
            raise InputError(f"{where}: 'sources' must be a list of article paths")
        events.append(_event(name.strip(), [os.path.normpath(os.path.join(base, p)) for p in paths], where, path))
    return events


def _jsonl(path: str) -> list[Event]:
    shown = printable(path)
    try:
        raw = read_input(path, MAX_DATASET_BYTES, shown)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read file ({exc.strerror or exc})") from None
    rows: dict[str, list[tuple[Source, Origin, tuple[Waiver, ...]]]] = {}
    for n, line in enumerate(raw.split(b"\n"), 1):
        if line.strip():
            event, source, waivers = _row(line, shown, n)
            rows.setdefault(event, []).append((source, Origin(shown, n), waivers))
    events = []
    for name, items in rows.items():
        if len(items) < 2:
            raise InputError(
                f"{shown}:{items[0][1].row}: event {name!r} has a single article; an event needs at least two to compare"
            )
        sources = unique_ids([s for s, _, _ in items])
        waivers = tuple(
            Waiver(w.token, s.id, w.where, w.reason) for s, (_, _, ws) in zip(sources, items, strict=True) for w in ws
        )
        events.append(Event(name, sources, tuple(o for _, o, _ in items), waivers, shown, (path,)))
    return events


def _row(line: bytes, path: str, n: int) -> tuple[str, Source, tuple[Waiver, ...]]:
    where = f"{path}:{n}"
    try:
        row = parse_json(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start} of the line)") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except ValueError as exc:  # too deep, too long a number, a lone surrogate: see files.parse_json
        raise InputError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object with 'event' and 'text', got {type(row).__name__}")
    unknown = sorted(k for k in row if k not in ROW_KEYS)
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(ROW_KEYS)})")
    for key in ("event", "text"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise InputError(f"{where}: {key!r} must be non-empty text")
    for key in ("id", "title", "outlet", "url", "published", "language"):
        if row.get(key) is not None and not isinstance(row[key], (str, int)):
            raise InputError(f"{where}: {key!r} must be text")
    encoded = row["text"].encode("utf-8")
    if len(encoded) > MAX_BYTES:
        raise InputError(f"{where}: article is {len(encoded)} bytes, larger than the {MAX_BYTES}-byte limit")
    default_id = str(row.get("id") or row.get("outlet") or f"line-{n}")
    source = parse_source(encoded, where, default_id=default_id)
    meta = {k: row[k] for k in ("id", "title", "outlet", "url", "published", "language") if row.get(k) is not None}
    source = with_meta(source, meta)
    waivers = parse_waivers(row.get("waive"), where, source.id) + parse_waivers(
        front_matter(source).get("waive"), where, source.id
    )
    return row["event"].strip(), source, waivers
