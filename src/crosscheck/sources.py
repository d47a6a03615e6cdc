"""Reading articles from disk: validation, front matter and source ids.

This is the input edge of the pipeline: everything after it works on `Source` values and never
touches the file system. Sources are only read, never written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .files import has_surrogate, printable, read_input
from .model import Source

MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused: no news article is this long, and parsing one would take minutes."""

FRONT_MATTER_KEYS = frozenset({"title", "outlet", "url", "published", "language", "id", "waive"})
"""`waive` lists findings the curator accepts for this article; only `crosscheck check` reads it."""
META_KEYS = ("title", "outlet", "url", "published", "language", "id")
"""Front matter keys that become fields of a `Source`."""
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


_UNCLOSED = re.compile(r"\A---[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(" + "|".join(sorted(FRONT_MATTER_KEYS)) + r")[ \t]*:", re.I)
"""A first line of "---" and then, after any blank or comment lines, a front matter key: front
matter whose closing "---" is missing, which would otherwise be read as the article's first
words. A rule ("---") before prose is not front matter and stays text."""


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read one article file, refusing what is not a readable UTF-8 text article.

    The read is bounded and refuses what is not a regular file (`files.read_input`): a FIFO or
    /dev/zero would otherwise hang or fill memory. The path is shown printable.
    """
    shown = printable(path)
    try:
        raw = read_input(path, MAX_BYTES, shown)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory, expected an article file") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read file ({exc.strerror or exc})") from None
    return parse_source(raw, shown, default_id=_id_from_name(Path(shown).stem))


def parse_source(raw: bytes, shown: str, *, default_id: str) -> Source:
    """Turn a file's bytes into a `Source`, checking it is non-empty UTF-8 text."""
    if b"\x00" in raw:
        raise InputError(f"{shown}: binary file, expected UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: not valid UTF-8 (byte {exc.start})") from None
    meta, body_start = _front_matter(text, shown)
    if not text[body_start:].strip():
        raise InputError(f"{shown}: no article text")
    published = meta.get("published")
    return Source(
        id=_slug(str(meta.get("id") or meta.get("outlet") or default_id)) or "source",
        path=shown,
        text=text,
        title=_opt_str(meta.get("title")),
        outlet=_opt_str(meta.get("outlet")),
        url=_opt_str(meta.get("url")),
        published=_date(published, shown) if published is not None else None,
        language=_opt_str(meta.get("language")),
        body_start=body_start,
    )


def read_sources(paths: Sequence[str | os.PathLike[str]]) -> tuple[Source, ...]:
    """Read every article and give each a distinct id, in the order given."""
    sources = [read_source(p) for p in paths]
    seen_paths: set[str] = set()
    for p in paths:
        real = os.path.realpath(p)
        if real in seen_paths:
            raise InputError(f"{p}: the same file is given twice")
        seen_paths.add(real)
    return unique_ids(sources)


def unique_ids(sources: Sequence[Source]) -> tuple[Source, ...]:
    """Suffix ids that collide (two articles from one outlet) with -2, -3 … in order."""
    counts: dict[str, int] = {}
    for s in sources:
        counts[s.id] = counts.get(s.id, 0) + 1
    used: dict[str, int] = {}
    out = []
    for s in sources:
        if counts[s.id] > 1:
            used[s.id] = used.get(s.id, 0) + 1
            new_id = s.id if used[s.id] == 1 else f"{s.id}-{used[s.id]}"
            s = dataclasses.replace(s, id=new_id)
        out.append(s)
    return tuple(out)


def front_matter(source: Source) -> dict[str, object]:
    """The front matter of an already-read source, for keys that are not `Source` fields (`waive`)."""
    return _front_matter(source.text, source.path)[0]


def with_meta(source: Source, meta: Mapping[str, object]) -> Source:
    """The source with metadata given beside its text (a JSON Lines row), checked like front matter."""
    unknown = sorted(str(k) for k in meta if k not in META_KEYS)
    if unknown:
        raise InputError(f"{source.path}: unknown metadata key {unknown[0]!r} (allowed: {', '.join(META_KEYS)})")
    _check_text(meta, f"{source.path}: metadata")
    changes: dict[str, Any] = {k: _opt_str(meta[k]) for k in ("title", "outlet", "url", "language") if meta.get(k) is not None}
    if meta.get("published") is not None:
        changes["published"] = _date(meta["published"], source.path)
    if meta.get("id") is not None:
        changes["id"] = _slug(str(meta["id"])) or "source"
    return dataclasses.replace(source, **changes)


def _front_matter(text: str, shown: str) -> tuple[dict[str, object], int]:
    """The front matter's keys and where the body starts. A byte-order mark (Windows editors
    write one) is read past like leading space; the text keeps it, so every offset still counts
    the file's characters."""
    bom = 1 if text.startswith("\ufeff") else 0
    meta, end = _front_matter_at(text[bom:], shown)
    return meta, end + bom


def _front_matter_at(text: str, shown: str) -> tuple[dict[str, object], int]:
    m = _FRONT.match(text)
    if not m:
        if _UNCLOSED.match(text):
            raise InputError(f"{shown}: front matter opened with '---' on line 1 is never closed with a '---' line")
        return {}, 0
    try:
        # Every front matter value is text; BaseLoader keeps dates as strings for _date to check.
        meta = yaml.load(m.group(1) or "", Loader=yaml.BaseLoader) or {}
    except RecursionError:
        raise InputError(f"{shown}: front matter is nested too deeply") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise InputError(f"{shown}: front matter is not valid YAML{where}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{shown}: front matter must be a mapping of keys to values")
    if has_surrogate(meta):  # a "\ud800" escape: no character, and no report could be written with it
        raise InputError(f"{shown}: front matter has a \\u escape that is a lone surrogate, not a character")
    unknown = sorted(str(k) for k in meta if k not in FRONT_MATTER_KEYS)
    if unknown:
        allowed = ", ".join(sorted(FRONT_MATTER_KEYS))
        raise InputError(f"{shown}: unknown front matter key {unknown[0]!r} (allowed: {allowed})")
    _check_text(meta, f"{shown}: front matter")
    return meta, m.end()


def _check_text(meta: Mapping[str, object], where: str) -> None:
    """Refuse a list or a mapping where a `Source` field takes text (`title: {a: 1}`), which
    would otherwise be shown as its Python form."""
    for key in META_KEYS:
        if isinstance(meta.get(key), dict | list):
            raise InputError(f"{where} {key!r} must be text, not a {'list' if isinstance(meta[key], list) else 'mapping'}")


def _date(value: object, shown: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{shown}: 'published' must be an ISO date like 2026-01-05, got {value!r}") from None


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


def _id_from_name(stem: str) -> str:
    return _slug(stem) or "source"


def _slug(text: str) -> str:
    """A short lower-case id: 'The New York Times' -> 'new-york-times', 'nytimes.com' -> 'nytimes'."""
    t = text.strip().lower()
    t = re.sub(r"^(https?://)?(www\.)?", "", t)
    t = re.sub(r"\.(com|org|net|co\.uk|co|news|sg|uk)(/.*)?$", "", t)
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:40].strip("-")
