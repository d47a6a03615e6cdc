"""Hand-built sources, findings and reports for reporter tests: no model, exact offsets."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.findings import make
from crosscheck.model import Category, Evidence, Finding, Kind, Severity, Source, Value
from crosscheck.report import Report, build


def source(sid: str, body: str, *, outlet: str | None = None, title: str | None = None) -> Source:
    """A source whose file is front matter then `body`; offsets index the whole file, as read from disk."""
    front = f"---\noutlet: {outlet or sid}\n---\n"
    return Source(id=sid, path=f"{sid}.md", text=front + body, title=title, outlet=outlet or sid, body_start=len(front))


def evidence(src: Source, words: str, nth: int = 0) -> Evidence:
    """Evidence for the `nth` occurrence of `words` in `src`'s body."""
    start = src.body_start - 1
    for _ in range(nth + 1):
        start = src.text.index(words, start + 1)
    return Evidence(src.id, words, start, start + len(words))


def finding(
    kind: Kind,
    category: Category,
    subject: str,
    values: Sequence[tuple[str, str | tuple[str, ...]]],
    evidence: Sequence[Evidence],
    severity: Severity = Severity.INFO,
    summary: str | None = None,
) -> Finding:
    """A finding as the comparer would make it (id computed from its content)."""
    shown = "; ".join(f"{s}: {v if isinstance(v, str) else ', '.join(v)}" for s, v in values)
    return make(kind, category, severity, subject, summary or f"{kind} on {subject}: {shown}", [Value(s, v) for s, v in values], evidence, 0.9)


def report(sources: Sequence[Source], findings: Sequence[Finding]) -> Report:
    """The report `crosscheck.report.build` makes of these sources and findings."""
    return build(sources, findings)
