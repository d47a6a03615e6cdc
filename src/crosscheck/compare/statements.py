"""The statement comparer: one source denying what another states, or both stating the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import names, nearcopy
from ..claims.base import _words
from ..findings import make
from ..model import Category, Claim, Finding, Kind, Severity
from .base import LOOSE, _agree, _evidence, _short, _sources, _values
from .copies import _near_copy
from .scene import Scene

STATEMENT_AGREE_MIN = 0.8
NEGATION_MIN = 0.9
"""Sentences this alike that differ in negation say opposite things."""


def _denies_another(group: Sequence[Claim]) -> bool:
    """Whether a denial is about a name the other sentence does not mention ("Unlike A and B,
    Ross is not signed" against "A and B are signed")."""
    for c in group:
        who = c.get("denier")
        if who and any(d is not c and f" {names.fold(who)} " not in f" {' '.join(_words(str(d.value)))} " for d in group):
            return True
    return False


def _two_subjects(group: Sequence[Claim]) -> bool:
    """Whether the copied clause is said of two people, one in each sentence (nearcopy.named_apart)."""
    return _every_denial(group, nearcopy.named_apart)


def _denies_the_words(group: Sequence[Claim]) -> bool:
    """Whether a negated sentence denies a phrase the other prints word for word ("has not been
    charged with" / "has been charged with"): a denial of what it states, however loosely the
    rest of the two sentences align."""
    return _every_denial(group, nearcopy.affirms_denied)


def _copies_the_clause(group: Sequence[Claim]) -> bool:
    """Whether the other sentence prints the negated one's clause around its "not" word for word
    (nearcopy.copied_denial): a warning, as a figure set in the same words is."""
    return _every_denial(group, nearcopy.copied_denial)


def _every_denial(group: Sequence[Claim], test: Callable[[str, str], bool]) -> bool:
    """Whether `test(negated, plain)` holds for every negated sentence against every plain one."""
    denied = [c for c in group if c.get("negated")]
    plain = [c for c in group if not c.get("negated")]
    return all(test(d.evidence.text, p.evidence.text) for d in denied for p in plain)


def _extends(group: Sequence[Claim]) -> bool:
    """Whether a negated sentence is the other sentence with a clause of its own added ("The
    reason had not been made public, and while A said B, …" against "A said B"): the denial is
    in the added clause, not in what both say."""
    plain = [" ".join(_words(str(c.value))) for c in group if not c.get("negated")]
    denied = [" ".join(_words(str(c.value))) for c in group if c.get("negated")]
    return all(p in d for p in plain for d in denied)


def compare_statement(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """Aligned statements: a near copy's change, one source denying the other, or agreement."""
    if conf < STATEMENT_AGREE_MIN:
        return None
    copy = _near_copy(group, conf, scene)
    if copy is not None:
        return copy
    if len({bool(c.get("negated")) for c in group}) > 1:
        if _extends(group):
            return None  # the denial is in a clause only one sentence has
        if _copies_the_clause(group) and not _two_subjects(group):
            # A clause of ten words and more, printed and denied: one fact, however loosely the
            # rest aligns ("Johnson was not taken to …" / "The victim … was taken to …").
            return _negation(group, "One source negates what the other states", Severity.WARNING, conf)
        if conf < NEGATION_MIN and not _denies_the_words(group) or _denies_another(group):
            return None  # alike enough to agree, not to say one source denies the other's words
        return _negation(group, "One source negates what the other states", LOOSE, conf)
    return _agree(group, Category.STATEMENT, "statement", f"{_sources(group)} state the same: {_short(group[0].value)}", conf)


def _negation(group: Sequence[Claim], lead: str, severity: Severity, conf: float) -> Finding:
    """One source denying what another states: the sentences side by side."""
    summary = f"{lead}: " + " / ".join(f"{_short(c.value, 60)} ({c.source_id})" for c in group)
    return make(Kind.DISCREPANCY, Category.STATEMENT, severity, "statement", summary, _values(group), _evidence(group), conf)
