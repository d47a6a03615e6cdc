"""Role claims: a person's role or affiliation ("X, national security adviser")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import names
from ..model import Claim, ClaimKind, Sentence
from .base import STOP, Context, _subtree, _words, extractor


@extractor(ClaimKind.ROLE)
def roles(ctx: Context) -> Iterator[Claim]:
    """A person's role or affiliation: "X, national security adviser"; "Y, a fellow at Z"."""
    sent = ctx.sentence
    toks = sent.tokens
    refs = ctx.refs()
    for first, last, gname, label in refs:
        if label != "PERSON":
            continue
        parts: list[tuple[int, int]] = []
        pre = _pre_title(sent, first, last)
        if pre:
            parts.append(pre)
        for c in sent.children(last):
            if toks[c].dep == "appos" and toks[c].pos in ("NOUN", "PROPN") and c > last and len(toks[c].text) > 2 and toks[c - 1].text != "(":
                lo, hi = _subtree(sent, c)
                if not any(f <= c <= last_ for f, last_, _, lab in refs if lab == "PERSON"):
                    parts.append((lo, hi))
            elif toks[c].dep == "prep" and toks[c].lower_text == "of" and c == last + 1:
                lo, hi = _subtree(sent, c)
                parts.append((lo, hi))
        if not parts:
            continue
        role = " ".join(_strip_det(sent.span_text(a, b)) for a, b in parts)
        role = role.strip(" ,")
        words = [w for w in _words(role) if w not in STOP]
        if not words or all(w in names.HONORIFICS and w in names.ACADEMIC | {"mr", "mrs", "ms"} for w in words):
            continue
        orgs = tuple(
            sorted({g for f, last_, g, lab in refs if lab in ("ORG", "GPE", "NORP", "FAC") and any(a <= f <= b for a, b in parts)})
        )
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.ROLE,
            subject=gname,
            value=role,
            norm=" ".join(sorted(set(words))),
            evidence=ctx.evidence(),
            key=ctx.key(),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(toks[min(a for a, _ in parts)].idx, toks[max(b for _, b in parts)].end),
            detail=(("affiliations", "|".join(orgs)),),
        )


def _pre_title(sent: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """Modifiers before a name that attach into it: "Research fellow", "Japanese Prime Minister"."""
    toks = sent.tokens
    j = first - 1
    lo = first
    while j >= 0:
        t = toks[j]
        if t.dep in ("compound", "amod", "nmod", "poss", "case", "punct") and lo <= t.head <= last or (
            t.dep in ("compound", "amod", "poss", "case", "nmod") and j < t.head < first
        ):
            if t.dep == "punct" and t.text not in "-‐":
                break
            lo = j
            j -= 1
            continue
        break
    if lo == first:
        return None
    while lo < first and toks[lo].pos in ("DET", "PUNCT"):
        lo += 1
    if lo >= first:
        return None
    courtesy = ("mr", "mrs", "ms", "miss", "dr", "mx")
    if not any(
        toks[k].pos == "NOUN" or (toks[k].text.lower() in names.HONORIFICS and toks[k].text.lower() not in courtesy)
        for k in range(lo, first)
    ):
        return None
    return lo, first - 1


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", text.strip(), flags=re.I)
