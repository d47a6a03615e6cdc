"""List claims: enumerations ("including A, B and C") and the pairs that align with them."""

from __future__ import annotations

from collections.abc import Iterator

from .. import names
from ..model import Claim, ClaimKind, Sentence
from .base import Context, _subtree, extractor

GENERIC_HEADS = frozenset("area field sector domain sphere issue matter realm".split())
NON_EXHAUSTIVE = frozenset({"including", "include", "includes", "such", "among", "like", "notably"})


@extractor(ClaimKind.LIST)
def lists(ctx: Context) -> Iterator[Claim]:
    """An enumeration: "including A, B and C".

    Pairs ("A and B") are kept as minor lists: they only align with a longer list that names
    both, so "A, B and C" against "A and C" is still caught without every "X and Y" becoming a list.
    """
    sent = ctx.sentence
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.dep == "conj" or t.pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        chain = [i]
        k = i
        while True:
            nxt = [c for c in sent.children(k) if toks[c].dep == "conj" and toks[c].pos in ("NOUN", "PROPN", "ADJ")]
            if not nxt:
                break
            k = nxt[0]
            chain.append(k)
        if len(chain) < 2 or not _plain_separators(sent, chain):
            continue
        end = chain[-1] + 1
        if end < len(toks) and toks[end].pos in ("VERB", "AUX") and toks[chain[-1]].dep in ("conj",) and toks[end].head != chain[-1]:
            continue  # "…the capital, Athens, and demonstrators tried…": a new clause, not a member
        open_ended = [c for c in chain if _open_tail(sent, c)]
        chain = [c for c in chain if c not in open_ended]
        if len(chain) < 2:
            continue
        members = [_member(sent, c) for c in chain]
        members = _drop_shared_head(members)
        if len({names.fold(m) for m in members}) < len(chain):
            continue
        about = _list_subject(sent, i)
        spans = [_member_span(sent, c) for c in chain]
        lo = min(a for a, _ in spans)
        window = [toks[j].lower_text for j in range(max(0, lo - 4), lo)]
        exhaustive = not open_ended and not any(w in NON_EXHAUSTIVE for w in window)
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.LIST,
            subject=about or "list",
            value=tuple(members),
            norm=tuple(names.fold(m) for m in members),
            evidence=ctx.evidence(),
            key=ctx.key(),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(toks[lo].idx, toks[max(b for _, b in spans)].end),
            exhaustive=exhaustive,
            detail=(("about", about), ("verbs", " ".join(_path_verbs(sent, i))), ("minor", "1" if len(chain) < 3 else ""), ("members", "|".join(f"{toks[a].idx}-{toks[b].end}" for a, b in spans))),
        )


QUANTIFIERS = frozenset("number host range series couple handful variety lot dozen dozens hundreds thousands bunch array".split())


def _open_tail(sent: Sentence, k: int) -> bool:
    """'… and a number of other allies', '… and other countries': a tail saying the list goes on,
    not a member."""
    toks = sent.tokens
    kids = sent.children(k)
    if toks[k].lemma.lower() in QUANTIFIERS and any(toks[c].lower_text == "of" for c in kids):
        return True
    return toks[k].pos == "NOUN" and any(toks[c].lower_text in ("other", "more") and toks[c].dep == "amod" for c in kids)


def _path_verbs(sent: Sentence, k: int) -> list[str]:
    """Lemmas of the verbs from token k up to the root: what the list is the object of."""
    toks = sent.tokens
    out, seen = [], set()
    while k not in seen:
        seen.add(k)
        if toks[k].pos == "VERB":
            out.append(toks[k].lemma.lower())
        if toks[k].head == k:
            break
        k = toks[k].head
    return out


def _plain_separators(sent: Sentence, chain: list[int]) -> bool:
    """Members of a real enumeration are separated only by commas, 'and'/'or' and articles."""
    toks = sent.tokens
    for a, b in zip(chain, chain[1:], strict=False):
        start = _member_span(sent, b)[0]
        for j in range(a + 1, start):
            if toks[j].text not in (",", ";") and toks[j].pos not in ("CCONJ", "DET"):
                return False
    return True


def _member_span(sent: Sentence, k: int) -> tuple[int, int]:
    toks = sent.tokens
    lo = k
    for c in sent.children(k):
        if c < k and toks[c].dep in ("compound", "amod", "nmod", "poss", "case", "nummod") and c >= lo - 4:
            lo = min(lo, _subtree(sent, c)[0])
    while lo < k and toks[lo].pos in ("DET", "PUNCT", "CCONJ"):
        lo += 1
    return lo, k


def _member(sent: Sentence, k: int) -> str:
    lo, hi = _member_span(sent, k)
    return sent.span_text(lo, hi)


def _drop_shared_head(members: list[str]) -> list[str]:
    """'trade, technology and environmental areas': the last member's generic noun is shared."""
    last = members[-1].split()
    if len(last) > 1 and last[-1].lower().rstrip("s") in GENERIC_HEADS and all(len(m.split()) == 1 for m in members[:-1]):
        members = members[:-1] + [" ".join(last[:-1])]
    return members


def _list_subject(sent: Sentence, i: int) -> str:
    toks = sent.tokens
    k = i
    for _ in range(4):
        h = toks[k].head
        if h == k:
            return ""
        k = h
        if toks[k].pos == "NOUN":
            return toks[k].lemma.lower()
    return ""
