"""Accepted findings: the baseline file, waivers in front matter, and a finding's fingerprint.

A curated dataset always holds discrepancies someone has looked at and accepted (two outlets
really do report different figures). The CI gate fails only on what is new: `new = current -
accepted`, and `stale = accepted - current` lists what can be pruned. A finding is identified by
a content fingerprint — its event, category, values and normalised evidence sentences — never by
offsets or line numbers, which move with every unrelated edit of an article.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import InputError
from .files import MAX_INPUT_BYTES, parse_json, printable, read_input
from .findings import normalise_text
from .model import Finding

VERSION = 1
"""Version of the baseline file format; bump it (with a migration in `_entries`) when it changes."""

_TOKEN = re.compile(r"^(?:cc\d{3}-[0-9a-f]{6,12}|[0-9a-f]{8,64})$")
"""A waiver names one finding: a finding id (or a prefix of at least six hex digits) or a fingerprint prefix."""
_ENTRY_KEYS = frozenset({"fingerprint", "event", "category", "summary", "reason"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding in a baseline file; `summary` is for the reader, `fingerprint` decides."""

    fingerprint: str
    event: str
    category: str
    summary: str
    reason: str | None = None

    def to_dict(self) -> dict[str, str]:
        """The entry as it is written to the baseline file."""
        out = {"fingerprint": self.fingerprint, "event": self.event, "category": self.category, "summary": self.summary}
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True, slots=True)
class Baseline:
    """The accepted findings of a dataset, sorted by event, category and fingerprint."""

    entries: tuple[Entry, ...] = ()

    def get(self, fingerprint: str) -> Entry | None:
        """The entry accepting this fingerprint, if any."""
        for e in self.entries:
            if e.fingerprint == fingerprint:
                return e
        return None

    def stale(self, current: Iterable[str]) -> tuple[Entry, ...]:
        """Entries whose finding no longer occurs: `baseline - current`."""
        seen = set(current)
        return tuple(e for e in self.entries if e.fingerprint not in seen)


@dataclass(frozen=True, slots=True)
class Waiver:
    """A finding accepted in an article's own front matter (or JSON Lines row), not in a baseline."""

    token: str
    source_id: str
    where: str
    reason: str | None = None

    def matches(self, fingerprint: str, finding_id: str) -> bool:
        """Whether the waiver names this finding (by fingerprint or finding id, or a prefix of one)."""
        return fingerprint.startswith(self.token) or finding_id.lower().startswith(self.token)


def fingerprint(event: str, finding: Finding) -> str:
    """The finding's identity across runs: event, category, values and normalised evidence."""
    payload = [
        event,
        str(finding.category),
        sorted([v.source, v.value if isinstance(v.value, str) else list(v.value)] for v in finding.values),
        sorted([e.source, normalise_text(e.text)] for e in finding.evidence),
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def record(findings: Iterable[tuple[str, Finding]], *, reason: str | None = None, previous: Baseline | None = None) -> Baseline:
    """A baseline accepting these (event, finding) pairs; reasons already recorded are kept."""
    entries: dict[str, Entry] = {}
    for event, f in findings:
        fp = fingerprint(event, f)
        old = previous.get(fp) if previous else None
        entries[fp] = Entry(fp, event, str(f.category), f.summary, (old.reason if old and old.reason else None) or reason)
    return Baseline(tuple(sorted(entries.values(), key=lambda e: (e.event, e.category, e.fingerprint))))


def dumps(baseline: Baseline) -> str:
    """The baseline file's text: versioned JSON, one entry per finding, stable order."""
    data = {"version": VERSION, "entries": [e.to_dict() for e in baseline.entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> Baseline:
    """Read and check a baseline file written by `crosscheck baseline`."""
    try:
        text = read_input(path, MAX_INPUT_BYTES, printable(path)).decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (record one with: crosscheck baseline PATH -o {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read baseline ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: baseline is not valid JSON ({exc.msg})") from None
    except ValueError as exc:  # too deep, too long a number, a lone surrogate: see files.parse_json
        raise InputError(f"{path}: baseline is not valid JSON ({exc})") from None
    return Baseline(_entries(data, path))


def _entries(data: object, path: str) -> tuple[Entry, ...]:
    if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("entries"), list):
        raise InputError(f'{path}: not a crosscheck baseline (expected {{"version": {VERSION}, "entries": [...]}})')
    if data["version"] != VERSION:
        raise InputError(
            f"{path}: baseline version {data['version']!r} is not supported (this crosscheck writes version {VERSION})"
        )
    extra = sorted(set(data) - {"version", "entries"})
    if extra:
        raise InputError(f"{path}: unknown baseline key {extra[0]!r}")
    out = []
    for n, item in enumerate(data["entries"]):
        where = f"{path}: entries[{n}]"
        if not isinstance(item, dict):
            raise InputError(f"{where}: expected an object")
        unknown = sorted(set(item) - _ENTRY_KEYS)
        if unknown:
            raise InputError(f"{where}: unknown key {unknown[0]!r}")
        for key in ("fingerprint", "event", "category", "summary"):
            if not isinstance(item.get(key), str):
                raise InputError(f"{where}: {key!r} must be a string")
        if not re.fullmatch(r"[0-9a-f]{64}", item["fingerprint"]):
            raise InputError(f"{where}: 'fingerprint' must be 64 hex digits")
        if item.get("reason") is not None and not isinstance(item["reason"], str):
            raise InputError(f"{where}: 'reason' must be a string")
        out.append(Entry(item["fingerprint"], item["event"], item["category"], item["summary"], item.get("reason") or None))
    return tuple(out)


def parse_waivers(value: object, where: str, source_id: str) -> tuple[Waiver, ...]:
    """The `waive` value of front matter or a JSON Lines row: ids, or {id, reason} mappings."""
    if value is None:
        return ()
    items = [value] if isinstance(value, (str, Mapping)) else value
    if not isinstance(items, list):
        raise InputError(f"{where}: 'waive' must be a list of finding ids or fingerprints")
    out = []
    for item in items:
        reason = None
        if isinstance(item, Mapping):
            unknown = sorted(str(k) for k in item if k not in ("id", "reason"))
            if unknown or not isinstance(item.get("id"), str):
                raise InputError(f"{where}: a 'waive' entry must be an id, or a mapping with 'id' and an optional 'reason'")
            reason = item.get("reason")
            if reason is not None and not isinstance(reason, str):
                raise InputError(f"{where}: a waiver's 'reason' must be text")
            item = item["id"]
        if not isinstance(item, str) or not _TOKEN.match(item.strip().lower()):
            raise InputError(
                f"{where}: cannot waive {item!r}: give a finding id (CC103-1a2b3c4d5e6f) or at least 8 hex digits of a fingerprint"
            )
        out.append(Waiver(item.strip().lower(), source_id, where, reason or None))
    return tuple(out)
