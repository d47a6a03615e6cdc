"""Statement claims: a sentence as a whole, for what the typed extractors do not cover."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Claim, ClaimKind, Sentence
from .base import Context, _words, extractor

MIN_STATEMENT_WORDS = 5


@extractor(ClaimKind.STATEMENT)
def statements(ctx: Context) -> Iterator[Claim]:
    """The sentence as a whole: for what the typed extractors do not cover."""
    sent = ctx.sentence
    if len(_words(sent.text)) < MIN_STATEMENT_WORDS:
        return
    key = ctx.key()
    if not key:
        return
    yield Claim(
        source_id=ctx.source.id,
        kind=ClaimKind.STATEMENT,
        subject="statement",
        value=sent.text,
        norm=key,
        evidence=ctx.evidence(),
        key=key,
        anchors=ctx.anchors(),
        sentence=ctx.index,
        span=(sent.start, sent.end),
        detail=(("negated", "1" if _negated(sent) else ""), ("denier", _denier(sent))),
    )


def _denier(sent: Sentence) -> str:
    """The name that is the subject of a denial ("Unlike the stars, Ross is not signed"): when the
    other sentence does not name it, the denial is about someone else."""
    toks = sent.tokens
    for t in toks:
        if t.dep == "neg" and 0 <= t.head < len(toks):
            for j, s in enumerate(toks):
                if s.head == t.head and j != t.head and s.dep in ("nsubj", "nsubjpass") and s.pos == "PROPN":
                    return s.text
    return ""


def _negated(sent: Sentence) -> bool:
    """Whether the sentence denies something: a 'not' or 'never' that is not a contrast.

    "was not one person, but a combination of several", "not only A" and "It was not until May
    30 that …" (it happened then) assert as much as the sentence without them.
    """
    toks = sent.tokens
    for i, t in enumerate(toks):
        # "No gun has been recovered" denies as much as "The gun has not been recovered".
        nothing = t.lower_text in ("no", "nobody", "nothing", "none") and t.dep in ("det", "nsubj", "nsubjpass", "dobj")
        if not (t.dep == "neg" or t.lower_text in ("not", "n't", "never") or nothing):
            continue
        after = [x.lower_text for x in toks[i + 1 : i + 9]]
        if after[:1] in (["only"], ["until"]) or "but" in after:
            continue
        return True
    return False
