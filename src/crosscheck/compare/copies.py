"""Near copies: two sources' sentences word for word alike but for a name, number, year, list
member or "not", among aligned statements and in the sentences after a copied one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import nearcopy
from ..findings import make
from ..model import Category, Claim, Evidence, Finding, Kind, Sentence, Severity, Value
from .base import _short
from .scene import Scene

_COPY_SUMMARY = {
    Category.NAME_SPELLING: "Name spelt differently",
    Category.NUMBER: "Numbers differ",
    Category.DATE: "Dates differ",
    Category.QUOTE_SPEAKER: "The same words are given to different people",
    Category.LIST_MEMBERSHIP: "A list member is left out",
}


def _near_copy(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """Two sources' sentences word for word alike but for a name, number or year."""
    anchors = frozenset(a for c in group for a in c.anchors)
    for n, x in enumerate(group):
        for y in group[n + 1 :]:
            if x.source_id == y.source_id:
                continue
            found = _copy_finding((x.evidence, y.evidence), ((x.sentence,), (y.sentence,)), anchors, scene, conf)
            if found is not None:
                return found
    return None


PASSAGE_CONFIDENCE = 0.9
"""How sure a near copy found by its place in a copied passage is: it was never aligned."""


def _passage_copies(sentences: Mapping[str, Sequence[Sentence]], scene: Scene, copies: Sequence[Finding]) -> list[Finding]:
    """Near copies among the sentences right after a long one two sources print word for word.

    Alignment passes over "She was 91." (too few words to match on); after a long sentence both
    sources copy, its copy "She was 114." is one fact changed all the same.
    """
    out: list[Finding] = []
    seen = {frozenset(f.evidence) for f in copies}
    ids = list(sentences)
    keys = {s: nearcopy.passage_keys([x.text for x in sentences[s]]) for s in ids}  # once a source, not once a pair
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            xs, ys = sentences[a], sentences[b]
            anchors = scene.known.get(a, frozenset()) | scene.known.get(b, frozenset())
            for i, j in nearcopy.copied_after(keys[a], keys[b]):
                one = (Evidence(a, xs[i].text, xs[i].start, xs[i].end), Evidence(b, ys[j].text, ys[j].start, ys[j].end))
                if frozenset(one) in seen:
                    continue
                # The parser may cut one copy where it runs the other on ('"…," said Lt.' /
                # '"…," said Lt. Dana Kemp of the state police.'): try each side with its next
                # sentence too.
                options = [one] + [(x, one[1]) for x in [_two_sentences(a, xs, i)] if x] + [(one[0], y) for y in [_two_sentences(b, ys, j)] if y]
                copy = xs[i - 1].text
                lines = ((xs[i].index, xs[i].index + 1), (ys[j].index, ys[j].index + 1))
                for ev in options:
                    # Read after the copied sentence: a quote the parser cut off still counts.
                    found = _copy_finding(ev, lines, anchors, scene, PASSAGE_CONFIDENCE, (f"{copy} {ev[0].text}", f"{copy} {ev[1].text}"))
                    if found is not None:
                        out.append(found)
                        break
    return out


def _two_sentences(source: str, sentences: Sequence[Sentence], k: int) -> Evidence | None:
    """Sentences k and k + 1 of a source as one piece of evidence, if there is a next one and one
    character stands between them, shown as a space (a line break is one too): offsets within the
    joined text stay those of the source."""
    if k + 1 >= len(sentences) or sentences[k + 1].start != sentences[k].end + 1:
        return None
    first, second = sentences[k], sentences[k + 1]
    return Evidence(source, f"{first.text} {second.text}", first.start, second.end)


def _copy_finding(
    ev: tuple[Evidence, Evidence],
    index: tuple[tuple[int, ...], tuple[int, ...]],
    anchors: frozenset[str],
    scene: Scene,
    conf: float,
    passage: tuple[str, str] | None = None,
) -> Finding | None:
    """The finding for two sentences (their evidence and the sentence numbers each may span) that
    are near copies; `passage`, when they stand in a copied passage, are their texts read after
    the copied sentence."""
    x, y = ev
    first, second = passage or (x.text, y.text)
    ch = nearcopy.change(first, second, anchors, anchors & scene.people)
    if ch is None:
        return None
    if ch.category is Category.LIST_MEMBERSHIP:
        longer, at = (x, index[0]) if ch.second == nearcopy.NOT_LISTED else (y, index[1])
        if not any(scene.lists(longer.source, n, ch.about) for n in at):
            return None
    if ch.category is Category.STATEMENT:
        summary = "One source negates what the other states, word for word otherwise: " + " / ".join(
            f"{_short(e.text, 60)} ({e.source})" for e in ev
        )
        return make(Kind.DISCREPANCY, Category.STATEMENT, Severity.ERROR, "statement", summary, (Value(x.source, x.text), Value(y.source, y.text)), ev, conf)
    summary = f"{_COPY_SUMMARY[ch.category]} in one sentence: {ch.first} ({x.source}) vs {ch.second} ({y.source})"
    vals = (Value(x.source, ch.first), Value(y.source, ch.second))
    return make(Kind.DISCREPANCY, ch.category, Severity.ERROR, ch.about, summary, vals, ev, conf)
