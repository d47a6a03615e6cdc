"""Date claims: a date tied to an event, resolved against the source's publication date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import dates
from ..model import Claim, ClaimKind, Sentence
from .base import TIME_UNITS, Context, extractor
from .datelines import is_dateline
from .speakers import reporters

METADATA_EVENTS = frozenset({"update", "publish", "post", "modify", "edit", "print"})


@extractor(ClaimKind.DATE)
def date_claims(ctx: Context) -> Iterator[Claim]:
    """A date tied to an event, resolved against the source's publication date."""
    sent = ctx.sentence
    toks = sent.tokens
    future = any(t.lower_text in ("will", "'ll", "plans", "planned", "scheduled", "expected", "next", "upcoming") for t in toks)
    who = cache(lambda: reporters(ctx))  # once per sentence, and only if it has a date
    for m in sent.mentions:
        if m.label != "DATE" or is_dateline(ctx.source, sent, m):
            continue  # not a date, or the page's own date
        if any(toks[k].lemma.lower() in TIME_UNITS and toks[k].tag != "NNP" for k in range(m.first, m.last + 1)) and not re.search(r"\d{4}|last year|this year|next year", m.text):
            continue  # a duration or a vague period, not a date
        iso = dates.resolve(m.text, ctx.source.published, future=future)
        if iso is None or dates.is_span(m.text):
            continue  # no date, or a span of years
        event, at = _event_of(sent, m.first, m.last)
        if event in METADATA_EVENTS:
            continue  # "updated 23 July": when the page changed, not when anything happened
        if event.endswith("ing") and len(event) > 5:
            event = event[:-3]  # "the sinking" and "sank" name one event
        args = _event_args(sent, at, range(m.first, m.last + 1)) if at >= 0 else ()
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.DATE,
            subject=event or "date",
            value=m.text,
            norm=iso,
            evidence=ctx.evidence(),
            key=ctx.key(range(m.first, m.last + 1)),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(m.start, m.end),
            approximate=len(iso) < 10,
            detail=(("event", event), ("args", " ".join(args)), ("reporters", who())),
        )


def _event_args(sent: Sentence, k: int, skip: range) -> tuple[str, ...]:
    """Nouns that say what the event is about: its subject, object and 'of' object."""
    toks = sent.tokens
    out = set()
    for c in sent.children(k):
        if c in skip:
            continue
        t = toks[c]
        if t.dep in ("nsubj", "nsubjpass", "dobj", "attr") and t.pos in ("NOUN", "PROPN"):
            out.add(t.lemma.lower())
        if t.dep == "prep" and t.lower_text == "of":
            out.update(toks[g].lemma.lower() for g in sent.children(c) if toks[g].pos in ("NOUN", "PROPN"))
    return tuple(sorted(out))


def _event_of(sent: Sentence, first: int, last: int) -> tuple[str, int]:
    """The verb or noun a date phrase attaches to ("flew on Jan 4", "the Jan 5 meeting")."""
    toks = sent.tokens
    k = last
    for i in range(first, last + 1):
        if not (first <= toks[i].head <= last):
            k = i
            break
    seen = set()
    while k not in seen:
        seen.add(k)
        h = toks[k].head
        if h == k:
            return (toks[k].lemma.lower(), k) if toks[k].pos in ("VERB", "NOUN") else ("", -1)
        k = h
        if toks[k].pos in ("VERB", "NOUN") and not (first <= k <= last):
            return toks[k].lemma.lower(), k
    return "", -1
