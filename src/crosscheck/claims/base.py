"""What every extractor shares: the `Context` it reads, the registry of extractors by claim kind,
the driver that runs them over sources, and helpers on parsed sentences' tokens and words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .. import names
from ..model import Claim, ClaimKind, Entities, Evidence, Parsed, Sentence, Source
from .quotemarks import find_quotes

STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being it its "
    "this that these those he she they we you i his her their our my your him them us me not no "
    "have has had do does did will would can could should may might must also said says say told "
    "tell who whom which what when where while than then there here so such into over about after "
    "before since during between both each more most other some any all very just only".split()
)
TIME_UNITS = frozenset(
    "second minute hour day night week month year decade century term session round".split()
)
CLOCK_WORDS = frozenset("gmt bst utc est edt pst pdt cst cdt cet cest ist jst kst am pm a.m. p.m. hrs".split())
"""Words that mark a time of day ("20:11 GMT", "8: 12 PM"): numbers beside them are not counts."""


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may look at: one sentence, its source and its resolved entities."""

    source: Source
    sentences: tuple[Sentence, ...]
    index: int
    entities: Entities
    global_names: dict[str, str]
    index_by_sentence: dict[int, list[tuple[int, int, str, str]]] | None = None
    quotes: tuple[tuple[int, int], ...] | None = None
    content: tuple[tuple[int, str], ...] | None = None
    """The sentence's `content_words`, when the caller has read them."""
    named: tuple[str, ...] | None = None
    """The sentence's `anchors`, when the caller has read them."""

    @property
    def sentence(self) -> Sentence:
        """The sentence being read."""
        return self.sentences[self.index]

    def refs(self, index: int | None = None) -> list[tuple[int, int, str, str]]:
        """(first token, last token, global name, label) of each entity in a sentence."""
        i = self.index if index is None else index
        if self.index_by_sentence is not None:
            return self.index_by_sentence.get(i, [])
        return ref_index(self.sentences, self.entities, self.global_names).get(i, [])

    def anchors(self) -> tuple[str, ...]:
        """Global names of the entities in the sentence, sorted, for alignment."""
        return self.named if self.named is not None else _anchors(self.refs())

    def key(self, skip: range | None = None) -> str:
        """The sentence's `content_key`, less the tokens in `skip`, from its words read once."""
        return content_key(self.sentence, skip, self.content)

    def evidence(self, first: int | None = None, last: int | None = None) -> Evidence:
        """The evidence for a claim: the sentence (or sentences first..last) with offsets."""
        a = self.sentences[self.index if first is None else first]
        b = self.sentences[self.index if last is None else last]
        return Evidence(self.source.id, self.source.text[a.start : b.end], a.start, b.end)


Extractor = Callable[[Context], Iterator[Claim]]
EXTRACTORS: dict[ClaimKind, Extractor] = {}


def extractor(kind: ClaimKind) -> Callable[[Extractor], Extractor]:
    """Register an extractor for a claim kind."""

    def register(fn: Extractor) -> Extractor:
        EXTRACTORS[kind] = fn
        return fn

    return register


def ref_index(
    sentences: Sequence[Sentence], entities: Entities, global_names: dict[str, str]
) -> dict[int, list[tuple[int, int, str, str]]]:
    """(first token, last token, global name, label) of every resolved mention, by sentence."""
    labels = {e.key: e.label for e in entities.entities}
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    starts: dict[int, list[int]] = {}  # each sentence's token offsets, listed once
    for r in entities.refs:
        sent = sentences[r.sentence]
        if r.sentence not in starts:
            starts[r.sentence] = token_starts(sent)
        first = _token_at(sent, r.start, starts[r.sentence])
        last = _token_at(sent, r.end - 1, starts[r.sentence])
        if first is not None and last is not None:
            out.setdefault(r.sentence, []).append((first, last, global_names.get(r.entity, r.form), labels.get(r.entity, "")))
    return out


def extract(parsed: Parsed, entities: Entities, global_names: dict[str, str]) -> tuple[Claim, ...]:
    """Every claim a source makes, in reading order."""
    out: list[Claim] = []
    index = ref_index(parsed.sentences, entities, global_names)
    quotes = find_quotes(parsed.source.text, parsed.sentences)
    for i in range(len(parsed.sentences)):
        words, named = content_words(parsed.sentences[i]), _anchors(index.get(i, []))
        ctx = Context(parsed.source, parsed.sentences, i, entities, global_names, index, quotes, words, named)
        for kind in ClaimKind:
            fn = EXTRACTORS.get(kind)
            if fn is not None:
                out.extend(fn(ctx))
    return tuple(out)


def all_claims(parsed: Sequence[Parsed], ents: Sequence[Entities], global_names: dict[str, str]) -> tuple[Claim, ...]:
    """Claims of every source, in source order."""
    return tuple(c for p, e in zip(parsed, ents, strict=True) for c in extract(p, e, global_names))


def dedupe(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Drop repeats of one fact within a source (a title restated, a quote repeated)."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for c in claims:
        if c.kind is not ClaimKind.STATEMENT:
            key = (c.source_id, str(c.kind), c.subject, repr(c.norm))
            if key in seen:
                continue
            seen.add(key)
        out.append(c)
    return tuple(out)


def _anchors(refs: Sequence[tuple[int, int, str, str]]) -> tuple[str, ...]:
    """The global names of a sentence's entity references, sorted."""
    return tuple(sorted({g for _, _, g, _ in refs}))


def content_words(sent: Sentence) -> tuple[tuple[int, str], ...]:
    """(token index, lemma) of the sentence's content words: what alignment compares."""
    words = []
    for i, t in enumerate(sent.tokens):
        if t.pos in _FUNCTION_POS:
            continue
        lem = t.lemma.lower()
        if lem in STOP or not (lem.isalnum() or any(ch.isalnum() for ch in lem)):
            continue
        words.append((i, lem))
    return tuple(words)


def content_key(sent: Sentence, skip: range | None = None, words: tuple[tuple[int, str], ...] | None = None) -> str:
    """The sentence's content words as lemmas, less the tokens in `skip` (a claim's own value):
    what alignment compares. `words` is the sentence's `content_words`, read once for all its
    claims (`Context.content`), so that a sentence of many claims is not read again for each."""
    words = content_words(sent) if words is None else words
    return " ".join(w for i, w in words if skip is None or i not in skip)


_FUNCTION_POS = frozenset(("PUNCT", "SPACE", "SYM", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PRON"))
"""Parts of speech that carry no content for alignment."""


def token_starts(sent: Sentence) -> list[int]:
    """Where each token of a sentence starts: in order, for looking tokens up by bisection."""
    return [t.idx for t in sent.tokens]


def _token_at(sent: Sentence, offset: int, starts: list[int]) -> int | None:
    """The token a character offset falls in, found by bisection of `starts` (`token_starts`):
    a sentence of thousands of tokens is not read through for each mention."""
    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 and sent.tokens[k].idx <= offset < sent.tokens[k].end else None


def _subtree(sent: Sentence, i: int) -> tuple[int, int]:
    lo = hi = i
    stack = [i]
    while stack:
        k = stack.pop()
        for c in sent.children(k):
            lo, hi = min(lo, c), max(hi, c)
            stack.append(c)
    return lo, hi


def _words(text: str) -> tuple[str, ...]:
    """Folded words, with dotted abbreviations closed up ("E.U.", "U. S." read as "eu", "us")."""
    folded = _DOTTED.sub(lambda m: m.group().replace(".", "").replace(" ", "") + " ", names.fold(text))
    return tuple(re.findall(r"[a-z0-9]+", folded))


_DOTTED = re.compile(r"\b(?:[a-z]\. ?){2,}")
