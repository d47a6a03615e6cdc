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
from .errors import UsageError
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
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# crosscheck's cache of parsed articles: safe to delete.\n"


@dataclass(frozen=True, slots=True)
class Cache:
    """A cache directory; `get` and `put` JSON-ready data by kind and key."""

    root: Path

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        """The stored data, or None when absent or unreadable."""
        try:
            return json.loads(self._path(kind, key).read_bytes())
        except (OSError, ValueError):
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


def decode_sentences(data: Any, source_id: str) -> tuple[Sentence, ...] | None:
    """Sentences back from `encode_sentences`, or None when the data is not that shape."""
    try:
        return tuple(
            Sentence(source_id, index, start, end, text, tuple(Token(*t) for t in tokens), tuple(Mention(*m) for m in mentions))
            for index, start, end, text, tokens, mentions in data
        )
    except (TypeError, ValueError):
        return None


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


def decode_findings(data: Any) -> tuple[Finding, ...] | None:
    """Findings back from `encode_findings`, or None when the data is not that shape."""
    try:
        return tuple(
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
