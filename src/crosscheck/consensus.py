"""Consensus across sources: for each aligned fact, who says what, the majority and the odd ones out.

Computed from the record form (`Report.to_dict()`), like every reporter, so it needs neither the
model nor the stages before the report. Values are compared as normalised strings (case, spacing
and quote styles ignored; list members in any order); an agreement finding counts as agreement
whatever its surface forms, because the comparer already judged them equal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .findings import normalise_text

ALIGNED_KINDS = ("agreement", "discrepancy")


@dataclass(frozen=True, slots=True)
class Fact:
    """One aligned fact (an agreement or discrepancy finding) as each source states it."""

    finding: str
    kind: str
    category: str
    severity: str
    subject: str
    values: tuple[tuple[str, str], ...]  # (source id, value as shown), in source order
    majority: str | None  # the value more than half of the stating sources give, or None
    odd: tuple[str, ...]  # sources that do not give the majority value, in source order

    def value_of(self, source: str) -> str | None:
        """What `source` says (distinct values joined by " / "), or None when it is silent."""
        said = list(dict.fromkeys(v for s, v in self.values if s == source))
        return " / ".join(said) if said else None

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources that state the fact, in source order, each once."""
        return tuple(dict.fromkeys(s for s, _ in self.values))


@dataclass(frozen=True, slots=True)
class Consensus:
    """Every aligned fact, and for each pair of sources how often they agree on the facts both state."""

    sources: tuple[str, ...]
    facts: tuple[Fact, ...]
    agree: tuple[tuple[int, ...], ...]  # agree[i][j]: facts on which sources i and j agree
    shared: tuple[tuple[int, ...], ...]  # shared[i][j]: facts both state (agreeing or not); 0 on the diagonal

    @property
    def matrix(self) -> tuple[tuple[float | None, ...], ...]:
        """matrix[i][j] = agreements / (agreements + discrepancies) between i and j; None: nothing shared."""
        return tuple(
            tuple(a / n if n else None for a, n in zip(arow, nrow, strict=True))
            for arow, nrow in zip(self.agree, self.shared, strict=True)
        )


def value_key(value: str | Sequence[str]) -> str:
    """The comparable form of a shown value: normalised text; a list's members sorted."""
    if isinstance(value, str):
        return normalise_text(value)
    return "\x1f".join(sorted(normalise_text(v) for v in value))


def shown(value: str | Sequence[str]) -> str:
    """A value as a person reads it; list members joined by commas."""
    return value if isinstance(value, str) else ", ".join(value)


def _fact(f: Mapping[str, Any], order: Mapping[str, int]) -> tuple[Fact, dict[str, frozenset[str]]]:
    """The fact a finding states, and each stating source's set of normalised values."""
    vals = sorted(((v["source"], v["value"]) for v in f["values"] if v["source"] in order), key=lambda sv: order[sv[0]])
    keys: dict[str, set[str]] = {}
    first_shown: dict[str, str] = {}
    for s, v in vals:
        keys.setdefault(s, set()).add(value_key(v))
        first_shown.setdefault(value_key(v), shown(v))
    counts = {k: sum(k in ks for ks in keys.values()) for k in first_shown}
    if f["kind"] == "agreement":
        # The comparer judged these equal: nobody is odd, and the majority is the commonest form.
        majority: str | None = max(first_shown, key=counts.__getitem__)  # the first of equals: source order
        odd: tuple[str, ...] = ()
    else:
        majority = next((k for k, n in counts.items() if n * 2 > len(keys)), None)
        odd = () if majority is None else tuple(s for s in keys if majority not in keys[s])
    fact = Fact(
        finding=f["id"],
        kind=f["kind"],
        category=f["category"],
        severity=f["severity"],
        subject=f["subject"],
        values=tuple((s, shown(v)) for s, v in vals),
        majority=None if majority is None else first_shown[majority],
        odd=odd,
    )
    return fact, {s: frozenset(ks) for s, ks in keys.items()}


def consensus(data: Mapping[str, Any]) -> Consensus:
    """The consensus view of a report's record form (`Report.to_dict()`).

    A fact is an agreement or discrepancy finding whose values come from two or more sources (a
    name spelt two ways inside one article is not a cross-source fact). Two sources agree on a fact
    when it is an agreement, or when they give the same set of normalised values.
    """
    ids = tuple(s["id"] for s in data["sources"])
    order = {s: n for n, s in enumerate(ids)}
    n = len(ids)
    agree = [[0] * n for _ in range(n)]
    shared = [[0] * n for _ in range(n)]
    facts = []
    for f in data["findings"]:
        if f["kind"] not in ALIGNED_KINDS:
            continue
        fact, keys = _fact(f, order)
        if len(keys) < 2:
            continue
        facts.append(fact)
        for a in keys:
            for b in keys:
                if a != b:
                    shared[order[a]][order[b]] += 1
                    agree[order[a]][order[b]] += fact.kind == "agreement" or keys[a] == keys[b]
    return Consensus(ids, tuple(facts), tuple(map(tuple, agree)), tuple(map(tuple, shared)))
