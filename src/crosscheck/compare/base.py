"""What every comparer shares: its signature, the thresholds for calling a conflict, and the
builders of findings and summaries."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..findings import make
from ..model import Category, Claim, Finding, Kind, Severity, Value
from .scene import Scene

DISCREPANCY_MIN = 0.6
"""Below this alignment confidence a conflicting pair is more likely two facts than one."""
LOOSE = Severity.INFO
"""The severity of a conflict between claims that are aligned, not copied: two counts, dates,
lists, quotes or denials in sentences that only resemble each other. Readers judging such
conflicts on unseen pairs of outlets found most of them to be two facts, not one misreported
(bench/judged/), so they are leads, left out of reports unless asked for (`report.is_lead`). A
one-word change in an otherwise identical sentence (nearcopy) is an error. A warning: a name
spelt two ways; a figure two sentences set in the same run of words (nearcopy.copied_figure); a
clause both print but for its "not" (nearcopy.copied_denial); a long quote given to two people
(quotes._copied_quote); a list member the other article never names."""

Comparer = Callable[[tuple[Claim, ...], float, Scene], Finding | None]
"""A comparer: an aligned group of claims of one kind, its alignment confidence and the scene,
to a finding, or None when the claims are not comparable."""


def _values(group: Sequence[Claim]) -> tuple[Value, ...]:
    return tuple(Value(c.source_id, c.value) for c in group)


def _evidence(group: Sequence[Claim]) -> list:
    return [c.evidence for c in group]


def _agree(group: Sequence[Claim], category: Category, subject: str, summary: str, conf: float) -> Finding:
    return make(Kind.AGREEMENT, category, Severity.INFO, subject, summary, _values(group), _evidence(group), conf)


def _sources(group: Sequence[Claim]) -> str:
    return " and ".join(c.source_id for c in group)


def _short(text: object, limit: int = 90) -> str:
    t = text if isinstance(text, str) else ", ".join(map(str, text))  # type: ignore[call-overload]
    t = " ".join(t.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"
