"""The report: findings in a fixed order and their one record form, `Report.to_dict()`.

Every output format renders from `to_dict()`, so the JSON contract (schema_version 1, shipped as
`schema/report.schema.json`) is the single description of what a report says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import SEVERITY_RANK, Category, Finding, Kind, Severity, Source

SCHEMA_VERSION = 1
KIND_ORDER = {Kind.DISCREPANCY: 0, Kind.AGREEMENT: 1, Kind.UNIQUE: 2}


@dataclass(frozen=True, slots=True)
class Report:
    """What crosscheck found across a set of sources."""

    sources: tuple[Source, ...]
    findings: tuple[Finding, ...]
    reference: str | None = None

    def of_kind(self, kind: Kind) -> tuple[Finding, ...]:
        """Findings of one kind, in report order."""
        return tuple(f for f in self.findings if f.kind is kind)

    def worst(self) -> Severity | None:
        """The most severe discrepancy, or None when there is none."""
        sev = [f.severity for f in self.findings if f.kind is Kind.DISCREPANCY]
        return min(sev, key=SEVERITY_RANK.__getitem__) if sev else None

    def fails(self, threshold: Severity | None) -> bool:
        """Whether a discrepancy reaches `threshold` (None: never fail)."""
        worst = self.worst()
        return threshold is not None and worst is not None and SEVERITY_RANK[worst] <= SEVERITY_RANK[threshold]

    def counts(self) -> dict[str, Any]:
        """Totals by kind, and discrepancies by severity and category."""
        kinds = Counter(str(f.kind) for f in self.findings)
        disc = [f for f in self.findings if f.kind is Kind.DISCREPANCY]
        return {
            "total": len(self.findings),
            "by_kind": {str(k): kinds.get(str(k), 0) for k in Kind},
            "discrepancies_by_severity": {str(s): sum(f.severity is s for f in disc) for s in Severity},
            "discrepancies_by_category": {str(c): n for c in Category if (n := sum(f.category is c for f in disc))},
        }

    def _repr_html_(self) -> str:
        """The interactive HTML report, so a Jupyter notebook displays a Report as its view."""
        from .render_html import html_fragment  # the renderers import this module

        return html_fragment(self)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data: the versioned contract."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "sources": [
                {
                    "id": s.id,
                    "path": s.path,
                    "title": s.title,
                    "outlet": s.outlet,
                    "published": s.published.isoformat() if s.published else None,
                }
                for s in self.sources
            ],
        }
        if self.reference is not None:
            out["reference"] = self.reference
        out["findings"] = [
            {
                "id": f.id,
                "kind": str(f.kind),
                "category": str(f.category),
                "severity": str(f.severity),
                "subject": f.subject,
                "summary": f.summary,
                "values": [{"source": v.source, "value": v.value if isinstance(v.value, str) else list(v.value)} for v in f.values],
                "evidence": [{"source": e.source, "text": e.text, "start": e.start, "end": e.end} for e in f.evidence],
                "confidence": f.confidence,
            }
            for f in self.findings
        ]
        out["counts"] = self.counts()
        return out


def build(sources: Sequence[Source], findings: Sequence[Finding], reference: str | None = None) -> Report:
    """Order findings (discrepancies by severity, then agreements, then unique claims) and dedupe."""
    order = {s.id: n for n, s in enumerate(sources)}
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.id, f)

    def key(f: Finding) -> tuple[Any, ...]:
        first = f.evidence[0] if f.evidence else None
        return (
            KIND_ORDER[f.kind],
            SEVERITY_RANK[f.severity] if f.kind is Kind.DISCREPANCY else 0,
            order.get(first.source, 0) if first else 0,
            first.start if first else 0,
            f.id,
        )

    return Report(tuple(sources), tuple(sorted(unique.values(), key=key)), reference)


def is_lead(f: Finding) -> bool:
    """Whether a finding is a lead: an info-level conflict between sentences that only resemble each other.

    Readers judged about one lead in ten real on pairs of outlets nobody had read (bench/judged/),
    against nearly all errors and warnings, so reports leave leads out unless asked (`--leads`).
    Reference mode's "not supported by the reference" notes are made after that choice.
    """
    return f.kind is Kind.DISCREPANCY and f.severity is Severity.INFO


def against_reference(report: Report, reference: str) -> Report:
    """Keep what the other sources say against the reference: contradictions and unsupported claims.

    Agreements with the reference stay (they show what is supported); discrepancies must involve
    the reference; the reference's own unique claims go; another source's unique claims become
    unsupported, a warning for a typed fact and a note for a plain statement.
    """
    kept = []
    for f in report.findings:
        involved = {v.source for v in f.values} | {e.source for e in f.evidence}
        if f.kind is Kind.UNIQUE:
            if reference in involved:
                continue
            sev = Severity.INFO if f.category is Category.STATEMENT else Severity.WARNING
            kept.append(_replace(f, kind=Kind.DISCREPANCY, severity=sev, summary="Not supported by the reference: " + f.summary.split(": ", 1)[-1]))
        elif reference in involved:
            kept.append(f)
    return build(report.sources, kept, reference)


def _replace(f: Finding, *, kind: Kind, severity: Severity, summary: str) -> Finding:
    """The finding with a new kind, severity and summary, and the id those give it."""
    from .findings import make

    return make(kind, f.category, severity, f.subject, summary, f.values, f.evidence, f.confidence)
