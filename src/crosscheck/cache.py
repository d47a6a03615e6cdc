"""An on-disk cache of parsed articles and of per-event findings, so a rerun skips the model.

Parsing is three quarters of a cold run and extraction and alignment most of the rest, while a
curated dataset changes a few articles at a time. So there are two kinds of entry:

- `parse`: one article's sentences, keyed by its text, the model, crosscheck's version and the
  code that produces parses (reading, cleaning, the nlp stage). An edited article is re-parsed
  alone; an unchanged one never is.
- `result`: one event's findings, keyed by every source of the event (text and metadata), the
  model, crosscheck's version and the code of the whole package. An unchanged event costs a file
  read and no model at all.

Keys include a hash of crosscheck's own source files, not only its version number, so a cache
never outlives a code change. Entries are JSON — never pickle: a cache directory may be shared,
and unpickling runs code — written to a temporary file and renamed into place, so runs sharing a
cache never see half an entry. An unreadable or corrupt entry is a miss, and a failed write is
only a missed saving: the cache can never change what a run reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .errors import CrosscheckError, UsageError
from .files import parse_json, read_input
from .model import (
    Category,
    Evidence,
    Finding,
    Kind,
    Mention,
    Sentence,
    Severity,
    Source,
    Token,
    Value,
)

FORMAT = 1
"""Version of the entry layout; part of every key."""
PARSE_MODULES = ("cache", "clean", "model", "nlp", "sources")
"""The modules whose code decides what a parse looks like."""
_PACKAGE = Path(__file__).resolve().parent
MAX_ENTRY_BYTES = 512 * 1024 * 1024
"""No entry is this large (the parse of a 5 MB article is far smaller); a larger file is a miss."""
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# crosscheck's cache of parsed articles: safe to delete.\n"


@dataclass(frozen=True, slots=True)
class Cache:
    """A cache directory; `get` and `put` JSON-ready data by kind and key."""

    root: Path

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        """The stored data, or None when absent, unreadable or not JSON a run can use.

        Whatever an entry holds is a miss, never an error: a FIFO or device planted in the cache
        is not read (`read_input`), nor is JSON too deep to parse or with lone surrogates.
        """
        path = self._path(kind, key)
        try:
            return parse_json(read_input(path, MAX_ENTRY_BYTES, str(path)).decode("utf-8"))
        except (OSError, ValueError, CrosscheckError):  # ValueError: UnicodeDecodeError and bad JSON
            return None

    def put(self, kind: str, key: str, data: Any) -> None:
        """Store data atomically; a failure is ignored (the entry is just not saved)."""
        target = self._path(kind, key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, target)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


def open_cache(directory: str) -> Cache:
    """Create (if needed) and open a cache directory, tagged so backups and git leave it out."""
    root = Path(directory)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# crosscheck's cache\n*\n"), ("CACHEDIR.TAG", _TAG)):
            if not (root / name).exists():
                (root / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"cache directory {directory}: {exc.strerror or exc} (choose another with --cache-dir, or --no-cache)"
        ) from None
    if not os.access(root, os.W_OK | os.X_OK):
        raise UsageError(f"cache directory {directory}: not writable (choose another with --cache-dir, or --no-cache)")
    return Cache(root)


def code_id(modules: Iterable[str] | None = None) -> str:
    """A hash of crosscheck's source files (the named modules, or all of them)."""
    files = sorted(_PACKAGE.rglob("*.py")) if modules is None else [_PACKAGE / f"{m}.py" for m in sorted(modules)]
    h = hashlib.sha256(__version__.encode())
    for f in files:  # subpackages too (claims/): an extractor's change must reach result keys
        h.update(f.relative_to(_PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _digest(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def parse_key(source: Source, model: str, code: str) -> str:
    """Key of an article's parse: its text, the model and the parsing code."""
    return _digest(["parse", FORMAT, model, code, source.text])


def result_key(sources: Sequence[Source], model: str, code: str) -> str:
    """Key of an event's findings: every source's text and metadata, the model and all the code."""
    meta = [
        [s.id, s.text, s.title, s.outlet, s.url, s.published.isoformat() if s.published else None, s.language, s.body_start]
        for s in sources
    ]
    return _digest(["result", FORMAT, model, code, meta])


def encode_sentences(sentences: Sequence[Sentence]) -> list[Any]:
    """Sentences as compact JSON-ready lists (without the source id, which the reader supplies)."""
    return [
        [
            s.index,
            s.start,
            s.end,
            s.text,
            [[t.text, t.idx, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent_type, t.ent_iob] for t in s.tokens],
            [[m.text, m.label, m.first, m.last, m.start, m.end] for m in s.mentions],
        ]
        for s in sentences
    ]


def decode_sentences(data: Any, source_id: str, text: str | None = None) -> tuple[Sentence, ...] | None:
    """Sentences back from `encode_sentences`, or None when the data is not that shape.

    Every field must have its type, and token heads and mention tokens must lie in their
    sentence; with `text` (the source's), every offset must lie in it. A corrupt entry is then a
    miss, not a crash in the extractors that index with these numbers.
    """
    try:
        out = tuple(
            Sentence(source_id, index, start, end, text_, tuple(Token(*t) for t in tokens), tuple(Mention(*m) for m in mentions))
            for index, start, end, text_, tokens, mentions in data
        )
    except (TypeError, ValueError):
        return None
    limit = len(text) if text is not None else None
    return out if all(_sentence_ok(s, limit) for s in out) else None


def _sentence_ok(s: Sentence, limit: int | None) -> bool:
    def offset(*xs: object) -> bool:
        return all(isinstance(x, int) and _int(x) and x >= 0 and (limit is None or x <= limit) for x in xs)

    n = len(s.tokens)
    return (
        _int(s.index)
        and offset(s.start, s.end)
        and isinstance(s.text, str)
        and all(
            all(isinstance(x, str) for x in (t.text, t.lemma, t.pos, t.tag, t.dep, t.ent_type, t.ent_iob))
            and offset(t.idx)
            and _int(t.head)
            and 0 <= t.head < n
            for t in s.tokens
        )
        and all(
            isinstance(m.text, str) and isinstance(m.label, str) and _int(m.first) and _int(m.last)
            and 0 <= m.first <= m.last < n and offset(m.start, m.end)
            for m in s.mentions
        )
    )


def _int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def encode_findings(findings: Sequence[Finding]) -> list[Any]:
    """Findings as compact JSON-ready lists, in report order."""
    return [
        [
            f.id,
            str(f.kind),
            str(f.category),
            str(f.severity),
            f.subject,
            f.summary,
            [[v.source, v.value if isinstance(v.value, str) else list(v.value)] for v in f.values],
            [[e.source, e.text, e.start, e.end] for e in f.evidence],
            f.confidence,
        ]
        for f in findings
    ]


def decode_findings(data: Any, sources: Sequence[Source] | None = None) -> tuple[Finding, ...] | None:
    """Findings back from `encode_findings`, or None when the data is not that shape.

    With `sources` (the event's), every value and evidence must name one of them and every
    evidence be exactly its text at its offsets, and there must be some evidence: the renderers
    look sources up by id and locate evidence by line, so a corrupt entry is a miss, not a crash.
    """
    try:
        found = tuple(
            Finding(
                fid,
                Kind(kind),
                Category(category),
                Severity(severity),
                subject,
                summary,
                tuple(Value(src, val if isinstance(val, str) else tuple(val)) for src, val in values),
                tuple(Evidence(*e) for e in evidence),
                confidence,
            )
            for fid, kind, category, severity, subject, summary, values, evidence, confidence in data
        )
    except (TypeError, ValueError):
        return None
    if not all(_finding_ok(f) for f in found):
        return None
    if sources is not None:
        texts = {s.id: s.text for s in sources}
        for f in found:
            if not f.evidence or any(v.source not in texts for v in f.values):
                return None
            if any(e.source not in texts or texts[e.source][e.start : e.end] != e.text for e in f.evidence):
                return None
    return found


def _finding_ok(f: Finding) -> bool:
    """Whether every field of a decoded finding has the type the renderers expect."""
    return (
        all(isinstance(x, str) for x in (f.id, f.subject, f.summary))
        and isinstance(f.confidence, int | float)
        and not isinstance(f.confidence, bool)
        and all(
            isinstance(v.source, str) and (isinstance(v.value, str) or all(isinstance(x, str) for x in v.value))
            for v in f.values
        )
        and all(
            isinstance(e.source, str) and isinstance(e.text, str) and _int(e.start) and _int(e.end) and 0 <= e.start <= e.end
            for e in f.evidence
        )
    )
