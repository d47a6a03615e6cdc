"""The quote comparer: one quote given to different people, or worded differently."""

from __future__ import annotations

from collections.abc import Sequence

from .. import names, nearcopy
from ..claims.quotes import gist
from ..findings import make
from ..model import Category, Claim, Finding, Kind, Severity, Value
from .base import LOOSE, _agree, _evidence, _short, _sources, _values
from .scene import Scene


def compare_quote(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """One quote: given to different people, quoted alike (shortened too), or worded differently."""
    # A bare title ("Sgt") is where the parser lost the name: it says nothing about who spoke.
    speakers = ["" if names.fold(c.get("speaker")).strip(". ") in names.HONORIFICS else c.get("speaker") for c in group]
    known = [s for s in speakers if s]
    subject = known[0] if known else "(unattributed)"
    # A spokesman and the body he speaks for are both right: only people against people conflict,
    # and only people each source names at the quote (not a "he said" resolved by guess).
    people = all(c.get("speaker_kind") in ("", "PERSON") and c.get("speaker_named") for c in group)
    if people and len(set(known)) == len(group) and len(set(known)) > 1 and not _same_speaker(known):
        shown = " vs ".join(f"{s or '?'} ({c.source_id})" for s, c in zip(speakers, group, strict=True))
        vals = tuple(Value(c.source_id, s or "(unattributed)") for s, c in zip(speakers, group, strict=True))
        severity = Severity.WARNING if _copied_quote(group) else LOOSE
        return make(Kind.DISCREPANCY, Category.QUOTE_SPEAKER, severity, _short(group[0].value), f"The same words are attributed to different people: {shown}", vals, _evidence(group), conf)
    contained = any(
        all(_contains(norms[0], n) or _contains(n, norms[0]) or _elided(norms[0], n) or _elided(n, norms[0]) for n in norms[1:])
        for norms in ([str(c.norm) for c in group], [gist(str(c.value)) for c in group])
        if all(norms)  # "I was there" is all filler: an empty gist is contained in anything
    )
    if contained:
        return _agree(group, Category.QUOTE_WORDING, subject, f"{_sources(group)} quote {subject} alike: “{_short(group[0].value)}”", conf)
    return make(Kind.DISCREPANCY, Category.QUOTE_WORDING, LOOSE, subject, f"Quote of {subject} worded differently", _values(group), _evidence(group), conf)


def _same_speaker(speakers: list[str]) -> bool:
    first = speakers[0]
    return all(
        names.fold(s) == names.fold(first)
        or set(names.fold(s).split()) <= set(names.fold(first).split())
        or set(names.fold(first).split()) <= set(names.fold(s).split())
        or names.same_person(s, first) >= 0.85
        or names.fold(s) in names.fold(first).split()
        or names.fold(first) in names.fold(s).split()
        or _given_and_family(s) == _given_and_family(first) != ()  # "Comedian Ellen DeGeneres"
        for s in speakers[1:]
    )


def _given_and_family(name: str) -> tuple[str, ...]:
    """A name's last two words, folded: what stays when outlets put different words before it."""
    words = names.fold(name).split()
    return tuple(words[-2:]) if len(words) >= 3 or (len(words) == 2 and words[0] not in names.HONORIFICS) else ()


def _copied_quote(group: Sequence[Claim]) -> bool:
    """Whether every source prints the same quoted words, as many as the shortest near copy
    (nearcopy.MIN_SHARED), one source's within another's: one utterance, not two that share a
    phrase ("follow the money"), so two people named as saying it is a warning."""
    norms = sorted((str(c.norm) for c in group), key=len)
    return len(norms[0].split()) >= nearcopy.MIN_SHARED and all(_contains(n, norms[0]) for n in norms[1:])


def _contains(a: str, b: str) -> bool:
    """Whether quote words `b` lie within `a`, spacing aside ("goodwill" / "good will")."""
    return b in a or b.replace(" ", "") in a.replace(" ", "")


def _elided(a: str, b: str) -> bool:
    """Whether quote words `b` are `a`'s with some left out, none of them a negation.

    Outlets shorten quotes ("That person [is dangerous and] needs to be found"); what is left
    is still what was said. Leaving out a "not" changes it, so that stays a difference.
    """
    wa, wb = a.split(), b.split()
    if len(wb) < MIN_ELIDED_WORDS or len(wb) >= len(wa):
        return False
    dropped: list[str] = []
    rest = iter(wa)
    for w in wb:
        for x in rest:
            if x == w:
                break
            dropped.append(x)
        else:
            return False  # `b` has a word `a` lacks
    dropped.extend(rest)
    return not QUOTE_NEGATIONS.intersection(dropped)


MIN_ELIDED_WORDS = 4
"""A shortened quote must keep this many words to be taken as the same quote."""

QUOTE_NEGATIONS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without", "t"})
"""Quote words whose loss reverses a quote; "t" is what is left of "n't" in a quote's words."""
