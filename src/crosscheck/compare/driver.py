"""Running the comparers: a finding for every aligned group, near copies merged with the typed
findings they repeat, a person given two ages by one source, then unique findings for what
nothing matched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .. import names
from ..align import Group
from ..findings import make
from ..model import Category, Claim, ClaimKind, Finding, Kind, Sentence, Severity, Value
from .ages import death_ages_apart, two_ages_in_one_source
from .base import Comparer, _short
from .copies import _passage_copies
from .quotes import compare_quote
from .scene import Scene
from .statements import compare_statement
from .values import compare_date, compare_list, compare_quantity, compare_role

COMPARERS: Mapping[ClaimKind, Comparer] = {
    ClaimKind.ROLE: compare_role,
    ClaimKind.QUOTE: compare_quote,
    ClaimKind.QUANTITY: compare_quantity,
    ClaimKind.DATE: compare_date,
    ClaimKind.LIST: compare_list,
    ClaimKind.STATEMENT: compare_statement,
}
"""The comparer for each claim kind."""


def compare(
    claims: Sequence[Claim],
    groups: Sequence[Group],
    scene: Scene | None = None,
    spelt: Sequence[Finding] = (),
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
) -> tuple[Finding, ...]:
    """Findings for every aligned group, then unique findings for what nothing matched.

    `spelt` are the name spellings found on the entities: a near copy's respelt word that one of
    them already reports ("Msyore" in "INS Msyore") is not reported twice. `sentences` (every
    source's, by id) lets short sentences of a copied passage be compared as near copies too.
    """
    out: list[Finding] = []
    copies: list[Finding] = []
    matched: set[int] = set()
    scene = scene or Scene()
    for g in groups:
        if len(g.members) < 2:
            continue
        group = tuple(claims[i] for i in g.members)
        finding = COMPARERS[group[0].kind](group, g.confidence, scene)
        matched.update(g.members)
        if finding is None:
            continue
        (copies if group[0].kind is ClaimKind.STATEMENT and finding.category is not Category.STATEMENT else out).append(finding)
    if sentences is not None:
        copies += _passage_copies(sentences, scene, copies)
    # A near copy's number or year is often a typed claim too: report it once, in the typed
    # finding's fuller words ("June 2012"), with the near copy's certainty.
    copies = [f for f in copies if not any(_covers(g, f) for g in spelt)]
    upgraded: set[int] = set()
    for copy in copies:
        for n, f in enumerate(out):
            if f.kind is Kind.DISCREPANCY and _same_change(f, copy):
                out[n] = replace(f, severity=Severity.ERROR)
                upgraded.add(id(copy))
    out += [f for f in copies if id(f) not in upgraded]
    out = _without_contradicted(out)
    out.extend(two_ages_in_one_source(claims))
    out.extend(death_ages_apart(claims, out))
    out.extend(_unique(claims, matched))
    return tuple(out)


def _without_contradicted(findings: list[Finding]) -> list[Finding]:
    """The findings less every "state the same" over sentences that a sure discrepancy (error or
    warning) shows differ: "Three were killed in Athens on May 5" and "On May 4, three were killed
    in Athens" read alike as wholes, but one of their facts does not."""
    differ = [{(e.source, e.start) for e in f.evidence} for f in findings if f.kind is Kind.DISCREPANCY and f.severity is not Severity.INFO]
    return [
        f for f in findings
        if not (f.kind is Kind.AGREEMENT and f.category is Category.STATEMENT and any({(e.source, e.start) for e in f.evidence} <= d for d in differ))
    ]


def _same_change(typed: Finding, copy: Finding) -> bool:
    """Whether a typed finding reports a near copy's change: its category (a number and a year
    are one change read two ways) and every sentence of the copy among its evidence."""
    numeric = {Category.NUMBER, Category.DATE}
    alike = typed.category is copy.category or {typed.category, copy.category} <= numeric
    return alike and set(copy.evidence) <= set(typed.evidence)


def _covers(g: Finding, f: Finding) -> bool:
    """Whether name finding `g` shows both words near-copy finding `f` reports."""
    words = {w for v in g.values for w in names.fold(str(v.value)).split()}
    return all(names.fold(str(v.value)) in words for v in f.values)


def _unique(claims: Sequence[Claim], matched: set[int]) -> list[Finding]:
    """Claims nothing matched; a sentence is reported whole only when none of its claims is."""
    covered: set[tuple[str, int]] = set()
    out = []
    for i, c in enumerate(claims):
        if i in matched:
            covered.add((c.source_id, c.sentence))
    for i, c in enumerate(claims):
        if i in matched or c.kind is ClaimKind.STATEMENT:
            continue
        covered.add((c.source_id, c.sentence))
        out.append(_unique_finding(c))
    for i, c in enumerate(claims):
        if c.kind is ClaimKind.STATEMENT and i not in matched and (c.source_id, c.sentence) not in covered:
            out.append(_unique_finding(c))
    return out


_UNIQUE_CATEGORY = {
    ClaimKind.ROLE: Category.ROLE,
    ClaimKind.QUOTE: Category.QUOTE_WORDING,
    ClaimKind.QUANTITY: Category.NUMBER,
    ClaimKind.DATE: Category.DATE,
    ClaimKind.LIST: Category.LIST_MEMBERSHIP,
    ClaimKind.STATEMENT: Category.STATEMENT,
}


def _unique_finding(c: Claim) -> Finding:
    what = c.value if isinstance(c.value, str) else ", ".join(c.value)
    summary = f"Only {c.source_id} states: {_short(what)}" if c.kind is ClaimKind.STATEMENT else f"Only {c.source_id} gives {c.kind} for {c.subject}: {_short(what)}"
    return make(Kind.UNIQUE, _UNIQUE_CATEGORY[c.kind], Severity.INFO, c.subject, summary, (Value(c.source_id, c.value),), (c.evidence,), 1.0)
