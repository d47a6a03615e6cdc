"""Building findings: stable identities and the one place severities and codes are decided.

A finding's id is a hash of what it says (kind, category, subject, values and the normalised
evidence sentences), never of offsets or line numbers, so it survives unrelated edits to the
articles and can key baselines and waivers.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence

from .model import Category, Evidence, Finding, Kind, Severity, Value

CODES: dict[Category, str] = {
    Category.NAME_SPELLING: "CC101",
    Category.ROLE: "CC102",
    Category.NUMBER: "CC103",
    Category.DATE: "CC104",
    Category.LIST_MEMBERSHIP: "CC105",
    Category.QUOTE_WORDING: "CC106",
    Category.QUOTE_SPEAKER: "CC107",
    Category.STATEMENT: "CC108",
}
"""Stable codes per category, for CI annotations and SARIF rule ids. Never renumber."""


def normalise_text(text: str) -> str:
    """Evidence as it matters for identity: case, spacing and quote styles ignored."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", t).strip()


def finding_id(kind: Kind, category: Category, subject: str, values: Sequence[Value], evidence: Sequence[Evidence]) -> str:
    """A content fingerprint: the same finding gets the same id in every run."""
    payload = [
        str(kind),
        str(category),
        normalise_text(subject),
        sorted([v.source, v.value if isinstance(v.value, str) else list(v.value)] for v in values),
        sorted([e.source, normalise_text(e.text)] for e in evidence),
    ]
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return f"{CODES[category]}-{digest[:12]}"


def make(
    kind: Kind,
    category: Category,
    severity: Severity,
    subject: str,
    summary: str,
    values: Sequence[Value],
    evidence: Sequence[Evidence],
    confidence: float,
) -> Finding:
    """A finding with its id computed and its evidence in source order."""
    ev = tuple(sorted(set(evidence), key=lambda e: (e.source, e.start, e.end)))
    vals = tuple(values)
    return Finding(
        id=finding_id(kind, category, subject, vals, ev),
        kind=kind,
        category=category,
        severity=severity,
        subject=subject,
        summary=summary,
        values=vals,
        evidence=ev,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )
