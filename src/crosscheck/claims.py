"""Typed claims from parsed sentences: roles, quotes, quantities, dates, lists and statements.

Extractors are plain functions registered by claim kind. Each takes a `Context` (one sentence
with its source, resolved entities and neighbours) and yields `Claim`s carrying their evidence
span, so later stages work without the language model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from . import dates, names
from .model import Claim, ClaimKind, Entities, Evidence, Parsed, Sentence, Source, Token
from .quantities import parse_amount, parse_ordinal

STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being it its "
    "this that these those he she they we you i his her their our my your him them us me not no "
    "have has had do does did will would can could should may might must also said says say told "
    "tell who whom which what when where while than then there here so such into over about after "
    "before since during between both each more most other some any all very just only".split()
)
SPEECH_VERBS = frozenset(
    "say tell add note warn describe quip explain state write claim insist argue stress emphasise "
    "emphasize urge ask answer reply respond announce declare report post tweet suggest remark "
    "caution acknowledge admit recall predict confirm deny vow pledge promise call highlight hail "
    "comment observe point reference respond quote".split()
)
TIME_UNITS = frozenset(
    "second minute hour day night week month year decade century term session round".split()
)
THING_SYNONYMS = {
    "trip": "visit", "tour": "visit", "person": "people", "individual": "people", "resident": "people",
    "fatality": "death", "dead": "death", "casualty": "death", "troop": "soldier", "memorandums": "memorandum",
    "injury": "injured", "wounded": "injured", "deal": "agreement", "accord": "agreement", "pact": "agreement",
    "kid": "child", "youngster": "child", "quake": "earthquake", "tremor": "earthquake", "home": "house",
    "percent": "%", "per cent": "%",
}
"""Words news uses interchangeably for a counted thing; one entry a pair, to its common form."""
EVENT_CLASSES = {
    "kill": "death", "die": "death", "dead": "death", "death": "death", "perish": "death",
    "fatality": "death", "slay": "death", "murder": "death", "drown": "death", "claim": "death",
    "injure": "injury", "injured": "injury", "wound": "injury", "wounded": "injury", "hurt": "injury",
    "hospitalise": "injury", "hospitalize": "injury", "injury": "injury",
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest", "capture": "arrest",
    "evacuate": "evacuation", "flee": "evacuation", "displace": "evacuation",
    "rescue": "rescue", "save": "rescue", "miss": "missing", "missing": "missing",
}
"""Verbs and adjectives that state the same happening to people: one class each."""
HUMAN_CLASSES = frozenset({"death", "injury", "arrest", "evacuation", "rescue", "missing"})
METADATA_EVENTS = frozenset({"update", "publish", "post", "modify", "edit", "print"})
GENERIC_HEADS = frozenset("area field sector domain sphere issue matter realm".split())
NON_EXHAUSTIVE = frozenset({"including", "include", "includes", "such", "among", "like", "notably"})
QUOTE_OPEN = "“\"‘"
QUOTE_CLOSE = {"“": "”", '"': '"', "‘": "’"}
MIN_QUOTE_WORDS = 3
MIN_STATEMENT_WORDS = 5
SKIP_NUMBER_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORDINAL", "TIME"})


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
        return tuple(sorted({g for _, _, g, _ in self.refs()}))

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
    for r in entities.refs:
        sent = sentences[r.sentence]
        first = _token_at(sent, r.start)
        last = _token_at(sent, r.end - 1)
        if first is not None and last is not None:
            out.setdefault(r.sentence, []).append((first, last, global_names.get(r.entity, r.form), labels.get(r.entity, "")))
    return out


def extract(parsed: Parsed, entities: Entities, global_names: dict[str, str]) -> tuple[Claim, ...]:
    """Every claim a source makes, in reading order."""
    out: list[Claim] = []
    index = ref_index(parsed.sentences, entities, global_names)
    quotes = find_quotes(parsed.source.text, parsed.sentences)
    for i in range(len(parsed.sentences)):
        ctx = Context(parsed.source, parsed.sentences, i, entities, global_names, index, quotes)
        for kind in ClaimKind:
            fn = EXTRACTORS.get(kind)
            if fn is not None:
                out.extend(fn(ctx))
    return tuple(out)


def content_key(sent: Sentence, skip: range | None = None) -> str:
    """The sentence's content words as lemmas: what alignment compares."""
    words = []
    for i, t in enumerate(sent.tokens):
        if skip is not None and i in skip:
            continue
        lem = t.lemma.lower()
        if t.pos in ("PUNCT", "SPACE", "SYM", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PRON"):
            continue
        if lem in STOP or not any(ch.isalnum() for ch in lem):
            continue
        words.append(lem)
    return " ".join(words)


def _token_at(sent: Sentence, offset: int) -> int | None:
    for i, t in enumerate(sent.tokens):
        if t.idx <= offset < t.end:
            return i
    return None


def _children(sent: Sentence, i: int) -> list[int]:
    return [j for j, t in enumerate(sent.tokens) if t.head == i and j != i]


def _subtree(sent: Sentence, i: int) -> tuple[int, int]:
    lo = hi = i
    stack = [i]
    while stack:
        k = stack.pop()
        for c in _children(sent, k):
            lo, hi = min(lo, c), max(hi, c)
            stack.append(c)
    return lo, hi


def _words(text: str) -> tuple[str, ...]:
    """Folded words, with dotted abbreviations closed up ("E.U.", "U. S." read as "eu", "us")."""
    folded = _DOTTED.sub(lambda m: m.group().replace(".", "").replace(" ", "") + " ", names.fold(text))
    return tuple(re.findall(r"[a-z0-9]+", folded))


_EDITORIAL = re.compile(r"\[[^\]]*\]|\([^)]*\)")
"""An editor's insertion in a quote ("[US]", "(rule)"): not the speaker's words."""
_DOTTED = re.compile(r"\b(?:[a-z]\. ?){2,}")


def _titled(text: str) -> bool:
    """Whether every word of three or more is capitalised: a title, not speech."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 2]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


# --- roles -------------------------------------------------------------------------------------


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
        for c in _children(sent, last):
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
            key=content_key(sent),
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


# --- quotes ------------------------------------------------------------------------------------


@extractor(ClaimKind.QUOTE)
def quotes(ctx: Context) -> Iterator[Claim]:
    """Words inside quotation marks, with the person the source says spoke them."""
    sent = ctx.sentence
    text = ctx.source.text
    for q_start, q_end, last_sent in _quote_spans(ctx):
        quote = text[q_start:q_end].strip()
        words = _words(_EDITORIAL.sub(" ", quote))
        if len(words) < MIN_QUOTE_WORDS or _titled(quote):
            continue  # too short to compare, or a title in quotation marks ("Do You Feel It?")
        speaker = _speaker(ctx, q_start, q_end, last_sent)
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.QUOTE,
            subject=speaker or "(unattributed)",
            value=quote,
            norm=" ".join(words),
            evidence=ctx.evidence(ctx.index, last_sent),
            key=" ".join(words),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(q_start, q_end),
            detail=(("speaker", speaker), ("speaker_kind", _entity_label(ctx, speaker))),
        )
    del sent


QUOTE_CLOSERS = ("”", "''", '"')
MAX_QUOTE_CHARS = 700
"""A quotation mark left open longer than this is a detokenisation or typing slip, not a quote."""


def _quote_spans(ctx: Context) -> Iterator[tuple[int, int, int]]:
    """Quotes that open in this sentence: (start, end) of the quoted words and the last sentence."""
    sents = ctx.sentences
    sent = ctx.sentence
    spans = ctx.quotes if ctx.quotes is not None else find_quotes(ctx.source.text, sents)
    for start, end in spans:
        if sent.start <= start - 1 < sent.end:
            last = ctx.index
            while last + 1 < len(sents) and sents[last + 1].start < end:
                last += 1
            yield start, end, last


def find_quotes(text: str, sentences: Sequence[Sentence]) -> tuple[tuple[int, int], ...]:
    """(start, end) of every quoted passage, scanning each paragraph once from its start.

    Scanning per paragraph, not per sentence, keeps a closing mark at the start of a sentence
    from being read as an opening one.
    """
    out: list[tuple[int, int]] = []
    seen_paragraphs: set[int] = set()
    for sent in sentences:
        para = text.rfind("\n", 0, sent.start) + 1
        if para in seen_paragraphs:
            continue
        seen_paragraphs.add(para)
        stop = text.find("\n", para)
        stop = len(text) if stop < 0 else stop
        pos = max(para, sent.start)
        while pos < stop:
            ch = text[pos]
            if ch in "“\"" and _is_opening(text, pos):
                end = _closing(text, pos + 1)
                if end is None:
                    pos += 1
                    continue
                out.append((pos + 1, end))
                pos = end + (2 if text.startswith("''", end) else 1)
                continue
            pos += 1
    return tuple(out)


def _closing(text: str, start: int) -> int | None:
    """Where the quote opened just before `start` closes, within its paragraph and a sane length."""
    para_end = text.find("\n", start)
    limit = min(len(text) if para_end < 0 else para_end, start + MAX_QUOTE_CHARS)
    found = [i for i in (text.find(c, start, limit) for c in QUOTE_CLOSERS) if i >= 0]
    if found:
        return min(found)
    # A quote running to the end of its paragraph is closed by the paragraph's end.
    return limit if para_end >= 0 and limit == para_end else None


def _is_opening(text: str, pos: int) -> bool:
    """Whether the mark at `pos` can open a quote: a curly one always; a straight one after a
    non-word character, or glued between two words as detokenised text has it (`estimates"at`)."""
    if text[pos] == "“" or pos == 0 or not text[pos - 1].isalnum():
        return True
    return pos + 1 < len(text) and text[pos + 1].isalnum()


def _speaker(ctx: Context, q_start: int, q_end: int, last_sent: int) -> str:
    """The person a quote is attributed to.

    First the verb that governs the quoted words ("Mr Xi pledged to “…”", "urging Seoul “…”"),
    then a speech verb beside the quote or just after it ("“…,” he said"), then the speaker of
    the previous sentence when the quote carries on in the same paragraph.
    """
    sents = ctx.sentences
    sent = ctx.sentence

    def inside(t: Token) -> bool:
        return q_start <= t.idx < q_end

    first = next((i for i, t in enumerate(sent.tokens) if inside(t) and t.text[:1].isalnum()), None)
    if first is not None:
        k, seen, speech = first, set(), False
        while k not in seen:
            seen.add(k)
            t = sent.tokens[k]
            if not inside(t) and t.pos in ("VERB", "AUX"):
                speech = speech or t.lemma.lower() in SPEECH_VERBS
                who = _subject_of(ctx, ctx.index, k, q_start, q_end) if speech else None
                if who is not None:
                    return who
            if t.head == k:
                break
            k = t.head
    for si in range(ctx.index, min(last_sent + 2, len(sents))):
        if si > last_sent and not _starts_with_attribution(sents[si]):
            break
        for i, t in enumerate(sents[si].tokens):
            if inside(t) or t.lemma.lower() not in SPEECH_VERBS or t.pos not in ("VERB", "AUX"):
                continue
            who = _subject_of(ctx, si, i, q_start, q_end)
            if who is not None:
                return who
    prev = ctx.index - 1
    if prev >= 0 and "\n" not in ctx.source.text[sents[prev].end : sent.start]:
        for i, t in enumerate(sents[prev].tokens):
            if t.lemma.lower() in SPEECH_VERBS and t.pos in ("VERB", "AUX"):
                who = _subject_of(ctx, prev, i, q_start, q_end)
                if who is not None:
                    return who
    return ""


def _subject_of(ctx: Context, si: int, k: int, q_start: int, q_end: int) -> str | None:
    """Who is the subject of verb `k` in sentence `si`, outside the quote.

    None when the verb has no such subject (look elsewhere); '' when it has one that cannot be
    resolved to a name ("an official said"): better no speaker than a guessed one.
    """
    sent = ctx.sentences[si]
    refs = ctx.refs(si)
    for c in _children(sent, k):
        sub = sent.tokens[c]
        if sub.dep not in ("nsubj", "nsubjpass") or q_start <= sub.idx < q_end:
            continue
        near = {c} | {j for j in _children(sent, c) if sent.tokens[j].dep in ("compound", "flat")}
        for f, last_, g, lab in refs:
            if any(f <= j <= last_ for j in near) and lab in ("PERSON", "ORG", "NORP", "GPE"):
                return g
        if sub.lower_text in ("he", "she"):
            return _last_person(ctx, si, before=sub.idx)
        if sub.pos == "PROPN" and sub.lower_text.rstrip(".") in names.HONORIFICS:
            return _person_titled(ctx, sub.lower_text.rstrip("."))  # "Secretary said"
        if sub.pos == "PROPN":
            return _person_named(ctx, sub.text) or sub.text
        core = _core(sent, c)
        found = [(lab != "PERSON", f, g) for f, last_, g, lab in refs if f in core and lab in ("PERSON", "ORG")]
        if found:
            return min(found)[2]
        if sub.pos == "NOUN":
            return _person_titled(ctx, sub.lemma.lower())
        return ""
    return None


def _core(sent: Sentence, k: int) -> set[int]:
    """Token `k` and its subtree without clauses and phrases hung on it: "The president, sitting
    next to Shinzo Abe," has "president" at its core, not Abe."""
    out = {k}
    for c in _children(sent, k):
        if sent.tokens[c].dep not in ("acl", "relcl", "prep", "advcl"):
            out |= _core(sent, c)
    return out


def _person_titled(ctx: Context, title: str) -> str:
    """'the president said': the one person this source introduced with that title, else ''."""
    people = [e for e in ctx.entities.entities if e.label == "PERSON" and e.title == title]
    return ctx.global_names.get(people[0].key, people[0].name) if len(people) == 1 else ""


def _entity_label(ctx: Context, name: str) -> str:
    """The label (PERSON, ORG …) of the entity this source knows under global name `name`."""
    if not name:
        return ""
    return next((e.label for e in ctx.entities.entities if ctx.global_names.get(e.key, e.name) == name), "")


def _person_named(ctx: Context, word: str) -> str:
    """The person of this source whose family or given name is `word` ("Richey")."""
    key = names.fold(word)
    for e in ctx.entities.entities:
        parts = e.name.split()
        if e.label in ("PERSON", "ORG") and len(parts) >= 2 and key in (names.fold(parts[0]), names.fold(parts[-1])):
            return ctx.global_names.get(e.key, e.name)
    return ""


def _starts_with_attribution(sent: Sentence) -> bool:
    """'he said.', 'said Mr Smith.' or 'Anthony Smith, who works there, told CNN.' after a quote."""
    toks = [t for t in sent.tokens[:3] if t.pos != "PUNCT"]
    if toks and (toks[0].text[:1].islower() or toks[0].lemma.lower() in ("say", "add", "tell")) and any(
        t.lemma.lower() in SPEECH_VERBS for t in toks
    ):
        return True
    if any(q in sent.text for q in "“\""):
        return False
    at, root = next(((i, t) for i, t in enumerate(sent.tokens) if t.head == i), (-1, None))
    if root is None or root.lemma.lower() not in ("say", "tell", "add") or at >= 14:
        return False
    # "Mark Pinder told CNN that police …" reports words of its own: a new statement, not the
    # attribution of the quote before it.
    return not any(sent.tokens[c].dep in ("ccomp", "xcomp") for c in _children(sent, at))


def inside_quote(text: str, offset: int, spans: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether `offset` lies between quotation marks: in one of the quote `spans` found, if given,
    else by counting marks within its paragraph."""
    if spans is not None:
        return any(a <= offset < b for a, b in spans)
    para = text[text.rfind("\n", 0, offset) + 1 : offset]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _last_person(ctx: Context, si: int, before: int) -> str:
    """The person a pronoun most likely refers to: the last one named outside quotation marks.

    A bare surname the model left untagged ("DeGeneres announced …") counts when this source
    names that person in full. Two people named together as the subject ("Craig Zadan and Neil
    Meron said") leave a singular pronoun ambiguous: no speaker rather than a guessed one.
    """
    text = ctx.source.text
    for k in range(si, max(-1, si - 6), -1):
        sent = ctx.sentences[k]
        tagged = [(f, last_, g) for f, last_, g, lab in ctx.refs(k) if lab == "PERSON"]
        covered = {j for f, last_, _ in tagged for j in range(f, last_ + 1)}
        untagged = [
            (i, i, name)
            for i, t in enumerate(sent.tokens)
            if i not in covered and t.pos == "PROPN" and len(t.text) > 2 and (name := _person_named(ctx, t.text))
        ]
        persons = sorted(
            (f, last_, g) for f, last_, g in tagged + untagged
            if sent.tokens[f].idx < before and not inside_quote(text, sent.tokens[f].idx, ctx.quotes)
        )
        if persons:
            subj = [(f, last_, g) for f, last_, g in persons if _in_subject(sent, f)]
            f, last_, g = subj[0] if subj else persons[-1]
            return "" if _coordinated(sent, f, last_) else g
        before = 1 << 60
    return ""


def _coordinated(sent: Sentence, first: int, last: int) -> bool:
    """Whether the name at first..last is one of several joined by 'and' ("A and B said")."""
    toks = sent.tokens
    return any(toks[j].dep == "conj" or any(toks[c].dep == "conj" for c in _children(sent, j)) for j in range(first, last + 1))


def _in_subject(sent: Sentence, i: int) -> bool:
    seen = set()
    while i not in seen:
        seen.add(i)
        t = sent.tokens[i]
        if t.dep in ("nsubj", "nsubjpass"):
            return True
        if t.head == i:
            return False
        i = t.head
    return False


# --- quantities --------------------------------------------------------------------------------


def _quantity_claim(
    ctx: Context, lo: int, hi: int, value: float, thing: str, unit: str, head: int, approximate: bool = False, event: str = ""
) -> Claim:
    sent = ctx.sentence
    toks = sent.tokens
    phrase = sent.span_text(lo, hi)
    subject = " ".join(x for x in (thing, unit and unit != thing and f"({unit})") if x)
    return Claim(
        source_id=ctx.source.id,
        kind=ClaimKind.QUANTITY,
        subject=subject,
        value=sent.span_text(lo, head) if hi < head <= hi + 4 else phrase,
        norm=f"{value:.6g}",
        evidence=ctx.evidence(),
        key=content_key(sent, range(lo, hi + 1)),
        anchors=ctx.anchors(),
        sentence=ctx.index,
        span=(toks[lo].idx, toks[hi].end),
        approximate=approximate,
        detail=(
            ("unit", unit),
            ("thing", thing),
            ("verb", event or _governor_verb(sent, head)),
            ("scope", " ".join(_scope(sent, head))),
            *_years(ctx),
        ),
    )


def _years(ctx: Context) -> tuple[tuple[str, str], ...]:
    """The years a sentence's dates fall in, and whether all lie before publication ("past").

    A count in a sentence set in 2004 and one in a sentence set this week are two events.
    """
    published = ctx.source.published
    years = set()
    for m in ctx.sentence.mentions:
        if m.label == "DATE":
            iso = dates.resolve(m.text, published)
            if iso is not None and iso[:4].isdigit():
                years.add(iso[:4])
    # Without a publication date an explicit year still marks a look back ("met in 2008").
    past = bool(years) and (published is None or all(int(y) < published.year for y in years))
    return (("years", " ".join(sorted(years))), ("past", "1" if past else ""))


SCOPE_PREPS = frozenset({"in", "across", "throughout", "at", "inside", "within"})


def _scope(sent: Sentence, head: int) -> list[str]:
    """Where a count applies: objects of 'in', 'across', 'at' on the counted thing or its verb."""
    toks = sent.tokens
    anchors = [head]
    k, seen = head, set()
    while k not in seen and toks[k].head != k:  # the governing verb
        seen.add(k)
        k = toks[k].head
        if toks[k].pos == "VERB":
            anchors.append(k)
            break
    out: set[str] = set()
    for a in anchors:
        for c in _children(sent, a):
            if toks[c].pos == "ADP" and toks[c].lower_text in SCOPE_PREPS:
                out.update(toks[g].lemma.lower() for g in _children(sent, c) if toks[g].pos in ("NOUN", "PROPN"))
    return sorted(out)


def _near_magnitude(sent: Sentence, lo: int, hi: int) -> bool:
    toks = sent.tokens
    after = hi + 2 if hi + 2 < len(toks) and toks[hi + 1].text == "-" else hi + 1
    near = [toks[j].lower_text for j in (lo - 1, after) if 0 <= j < len(toks)]
    return "magnitude" in near


def _event_class(sent: Sentence, lo: int, hi: int, head: int) -> str:
    """What happened to what the number counts, as a class: 'death' for killed/died/dead."""
    toks = sent.tokens
    for j in (hi + 1, head + 1):
        if j < len(toks) and toks[j].lemma.lower() in EVENT_CLASSES and toks[j].pos in ("ADJ", "VERB", "NOUN"):
            return EVENT_CLASSES[toks[j].lemma.lower()]
    verb = _governor_verb(sent, head)
    return EVENT_CLASSES.get(verb, verb)


def _age(sent: Sentence, i: int, refs: list[tuple[int, int, str, str]]) -> str:
    """The person whose age the number at `i` gives ("She was 85", "Tara Reid, 33,"), or ''."""
    toks = sent.tokens
    t = toks[i]
    value = parse_amount(t.text)
    if value is None or not 1 <= value.value <= 120 or not t.text.isdigit() and t.pos != "NUM":
        return ""
    prev = [x.lower_text for x in toks[max(0, i - 3) : i]]
    head = toks[t.head]
    persons = [(f, last_, g) for f, last_, g, lab in refs if lab == "PERSON"]
    if t.dep == "appos" or (t.dep == "npadvmod" and head.pos == "PROPN"):
        for f, last_, g in persons:
            if f <= t.head <= last_:
                return g
    aged = prev[-3:] == ["at", "the", "age"] or prev[-2:] == ["age", "of"] or (prev and prev[-1] == "aged")
    copula = t.dep in ("attr", "acomp") and head.lemma == "be" and i == len(toks) - 2 or (t.dep == "attr" and head.lemma == "be" and i + 1 < len(toks) and toks[i + 1].text in ".,;")
    if aged or copula:
        return persons[0][2] if persons else "(person)"
    return ""


@extractor(ClaimKind.QUANTITY)
def quantities(ctx: Context) -> Iterator[Claim]:
    """A number with its unit and what it counts: "14 memorandums", "some 200 business leaders".

    Also ages ("She was 85", "Tara Reid, 33,") and ranks ("the fifth coach fired").
    """
    sent = ctx.sentence
    toks = sent.tokens
    refs = ctx.refs()
    taken: set[int] = set()
    for i, t in enumerate(toks):
        rank = parse_ordinal(t.text) if t.ent_type == "ORDINAL" or t.tag in ("JJ", "RB", "CD") else None
        if rank is not None and rank > 1 and t.dep == "amod" and toks[t.head].pos == "NOUN":
            thing = _noun_phrase(sent, t.head)
            yield _quantity_claim(ctx, i, i, float(rank), thing, "rank", t.head)
            continue
        person = _age(sent, i, refs) if t.tag == "CD" else ""
        if person:
            taken.add(i)
            value = parse_amount(t.text)
            assert value is not None
            if person == "(person)":
                person = _last_person(ctx, ctx.index, before=t.idx) or person
            claim = _quantity_claim(ctx, i, i, value.value, "age", "year", i)
            yield replace(claim, subject=f"age of {person}", anchors=tuple(sorted({*claim.anchors, person})))
            continue
        if i in taken or t.tag != "CD" or t.ent_type in SKIP_NUMBER_ENTS:
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.ent_type in ("DATE", ""):
            continue  # a year: the date extractor reads it
        if t.ent_type == "DATE" and not _duration(sent, i):
            continue
        if _clock_time(sent, i):
            continue  # "20:11 GMT", "6:41pm": times of day, not counts
        if _score_or_range(sent, i):
            continue  # "88-72", "9-14", "1982-83": scores, records and ranges, not counts
        if i + 2 < len(toks) and toks[i + 1].text == "." and toks[i + 2].tag == "CD" and len(toks[i + 2].text) == 1 and len(t.text) <= 2:
            continue  # "6. 1": a decimal split by detokenisation, read from its last digit
        lo, hi = _number_span(sent, i)
        taken.update(range(lo, hi + 1))
        if lo > 0 and toks[lo - 1].text == "(":
            continue  # a conversion such as "(S$384 billion)" restates the number before it
        phrase = sent.span_text(lo, hi)
        amount = parse_amount(phrase)
        if amount is None or (amount.value == 1 and not amount.unit):
            continue
        if _definite_small(sent, lo, amount.value):
            continue
        unit, thing, head = _counted(sent, hi)
        if _near_magnitude(sent, lo, hi):
            thing, unit = "magnitude", ""
        event = _event_class(sent, lo, hi, head)
        if event in HUMAN_CLASSES and thing in ("", "other", "more", "person"):
            thing = "people"  # "injured 40 others", "almost 50 were injured"
        if not thing and not amount.unit:
            continue
        if _partitive(sent, head):
            continue  # "18 of its next 23 games": the 23 is the set counted from, not a claim
        unit = amount.unit or unit
        if not thing:
            thing = _verb_subject(sent, head)
        if "year-old" in phrase.replace(" ", "") or (unit == "year" and toks[min(head + 1, len(toks) - 1)].lower_text == "old"):
            thing = "age"
        yield _quantity_claim(ctx, lo, hi, amount.value, thing, unit, head, amount.approximate, event)


_TIME_ZONES = frozenset("gmt bst utc est edt pst pdt cst cdt cet cest ist jst kst am pm a.m. p.m. hrs".split())


def _clock_time(sent: Sentence, i: int) -> bool:
    toks = sent.tokens
    near = [toks[j].lower_text for j in (i - 1, i + 1, i + 2) if 0 <= j < len(toks)]
    return ":" in toks[i].text or ":" in near[:2] or any(w in _TIME_ZONES for w in near) or bool(
        re.fullmatch(r"\d{1,2}[:.]\d{2}(?:am|pm)?", toks[i].lower_text)
    )


def _score_or_range(sent: Sentence, i: int) -> bool:
    toks = sent.tokens
    before = i >= 2 and toks[i - 1].text in "-–" and toks[i - 2].tag == "CD"
    after = i + 2 < len(toks) and toks[i + 1].text in "-–" and toks[i + 2].tag == "CD"
    return before or after or bool(re.fullmatch(r"\d+[-–]\d+(?:[-–]\d+)?", toks[i].text))


def _duration(sent: Sentence, i: int) -> bool:
    t = sent.tokens
    j = t[i].head
    return t[j].lemma.lower() in TIME_UNITS and not any(x.lemma.lower() == "ago" for x in t)


def _number_span(sent: Sentence, i: int) -> tuple[int, int]:
    toks = sent.tokens
    lo = hi = i
    if lo >= 2 and toks[lo - 1].text == "." and toks[lo - 2].tag == "CD" and len(toks[lo - 2].text) <= 2 and len(toks[i].text) == 1:
        lo -= 2  # "1. 2 miles": a decimal split by detokenisation
    while lo > 0 and (toks[lo - 1].dep in ("quantmod", "nmod") or toks[lo - 1].tag in ("$", "CD") or toks[lo - 1].text in ("US$", "S$")) and toks[lo - 1].head in range(lo - 1, hi + 3):
        lo -= 1
    while hi + 1 < len(toks) and (toks[hi + 1].tag == "CD" or toks[hi + 1].lower_text in ("million", "billion", "trillion", "bn", "per", "cent", "percent", "%")):
        hi += 1
    # "some 200": the approximator is a child of the number.
    for c in _children(sent, i):
        if c < lo and toks[c].dep in ("quantmod", "advmod", "amod", "det") and c >= lo - 3:
            lo = c
    if lo > 0 and toks[lo].lower_text in ("least", "most") and toks[lo - 1].lower_text == "at":
        lo -= 1
    return lo, hi


def _definite_small(sent: Sentence, lo: int, value: float) -> bool:
    """'the two countries', 'both sides': referential, not a claim about a count."""
    return value <= 10 and lo > 0 and sent.tokens[lo - 1].lower_text in ("the", "these", "those", "its", "their", "his", "her", "our")


def _partitive(sent: Sentence, head: int) -> bool:
    toks = sent.tokens
    of = toks[head].head
    return toks[of].lower_text == "of" and toks[toks[of].head].tag == "CD"


def _counted(sent: Sentence, hi: int) -> tuple[str, str, int]:
    """(unit, counted thing, head index) for the number ending at token `hi`."""
    toks = sent.tokens
    k = hi
    while toks[k].tag == "CD" or toks[k].lower_text in ("million", "billion", "trillion", "bn", "%", "percent", "cent"):
        h = toks[k].head
        if h == k:
            return "", "", k
        k = h
        if toks[k].pos not in ("NUM",) and toks[k].tag != "CD":
            break
    head = toks[k]
    unit = ""
    hyphened = hi + 1 < len(toks) and toks[hi + 1].text in "-‐" and hi + 2 == k
    if head.lemma.lower() in TIME_UNITS or (hyphened and head.dep in ("compound", "amod", "nmod")):
        unit = head.lemma.lower()
        nxt = head.head
        if head.dep in ("compound", "amod", "npadvmod") and toks[nxt].pos == "NOUN" and nxt != k:
            k = nxt
            head = toks[k]
        else:
            return unit, unit, k
    if head.pos not in ("NOUN", "PROPN"):
        if head.pos == "ADP" and head.lower_text == "of":
            for c in _children(sent, k):
                if toks[c].dep == "pobj":
                    return unit, _noun_phrase(sent, c), c
        return unit, "", k
    return unit, _noun_phrase(sent, k), k


def _noun_phrase(sent: Sentence, k: int) -> str:
    """A counted thing as lemmas: compounds before it and an 'of X' after it."""
    toks = sent.tokens
    words = [toks[c].lemma.lower() for c in _children(sent, k) if c < k and toks[c].dep == "compound" and toks[c].pos == "NOUN"]
    words.append(toks[k].lemma.lower())
    words = [THING_SYNONYMS.get(w, w) for w in words]
    for c in _children(sent, k):
        if c > k and toks[c].lower_text == "of":
            objs = [toks[g] for g in _children(sent, c) if toks[g].dep == "pobj"]
            if objs and objs[0].pos == "NOUN":
                words += ["of", objs[0].lemma.lower()]
    return " ".join(words)


def _verb_subject(sent: Sentence, k: int) -> str:
    """For "trade hovering around US$300 billion": the thing the amount is said of."""
    toks = sent.tokens
    for _ in range(4):
        if toks[k].pos == "VERB":
            for c in _children(sent, k):
                if toks[c].dep in ("nsubj", "nsubjpass") and toks[c].pos == "NOUN":
                    return _noun_phrase(sent, c)
            return ""
        if toks[k].head == k:
            return ""
        k = toks[k].head
    return ""


def _governor_verb(sent: Sentence, k: int) -> str:
    toks = sent.tokens
    seen = set()
    while k not in seen:
        seen.add(k)
        if toks[k].pos in ("VERB",):
            return toks[k].lemma.lower()
        if toks[k].head == k:
            break
        k = toks[k].head
    return ""


# --- dates -------------------------------------------------------------------------------------


@extractor(ClaimKind.DATE)
def date_claims(ctx: Context) -> Iterator[Claim]:
    """A date tied to an event, resolved against the source's publication date."""
    sent = ctx.sentence
    toks = sent.tokens
    future = any(t.lower_text in ("will", "'ll", "plans", "planned", "scheduled", "expected", "next", "upcoming") for t in toks)
    for m in sent.mentions:
        if m.label != "DATE":
            continue
        if any(toks[k].lemma.lower() in TIME_UNITS and toks[k].tag != "NNP" for k in range(m.first, m.last + 1)) and not re.search(r"\d{4}|last year|this year|next year", m.text):
            continue  # a duration or a vague period, not a date
        iso = dates.resolve(m.text, ctx.source.published, future=future)
        if iso is None:
            continue
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
            key=content_key(sent, range(m.first, m.last + 1)),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(m.start, m.end),
            approximate=len(iso) < 10,
            detail=(("event", event), ("args", " ".join(args))),
        )


def _event_args(sent: Sentence, k: int, skip: range) -> tuple[str, ...]:
    """Nouns that say what the event is about: its subject, object and 'of' object."""
    toks = sent.tokens
    out = set()
    for c in _children(sent, k):
        if c in skip:
            continue
        t = toks[c]
        if t.dep in ("nsubj", "nsubjpass", "dobj", "attr") and t.pos in ("NOUN", "PROPN"):
            out.add(t.lemma.lower())
        if t.dep == "prep" and t.lower_text == "of":
            out.update(toks[g].lemma.lower() for g in _children(sent, c) if toks[g].pos in ("NOUN", "PROPN"))
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


# --- lists -------------------------------------------------------------------------------------


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
            nxt = [c for c in _children(sent, k) if toks[c].dep == "conj" and toks[c].pos in ("NOUN", "PROPN", "ADJ")]
            if not nxt:
                break
            k = nxt[0]
            chain.append(k)
        if len(chain) < 2 or not _plain_separators(sent, chain):
            continue
        end = chain[-1] + 1
        if end < len(toks) and toks[end].pos in ("VERB", "AUX") and toks[chain[-1]].dep in ("conj",) and toks[end].head != chain[-1]:
            continue  # "…the capital, Athens, and demonstrators tried…": a new clause, not a member
        members = [_member(sent, c) for c in chain]
        members = _drop_shared_head(members)
        if len({names.fold(m) for m in members}) < len(chain):
            continue
        about = _list_subject(sent, i)
        spans = [_member_span(sent, c) for c in chain]
        lo = min(a for a, _ in spans)
        window = [toks[j].lower_text for j in range(max(0, lo - 4), lo)]
        exhaustive = not any(w in NON_EXHAUSTIVE for w in window)
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.LIST,
            subject=about or "list",
            value=tuple(members),
            norm=tuple(names.fold(m) for m in members),
            evidence=ctx.evidence(),
            key=content_key(sent),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(toks[lo].idx, toks[max(b for _, b in spans)].end),
            exhaustive=exhaustive,
            detail=(("about", about), ("verbs", " ".join(_path_verbs(sent, i))), ("minor", "1" if len(chain) < 3 else ""), ("members", "|".join(f"{toks[a].idx}-{toks[b].end}" for a, b in spans))),
        )


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
    for c in _children(sent, k):
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


# --- statements --------------------------------------------------------------------------------


@extractor(ClaimKind.STATEMENT)
def statements(ctx: Context) -> Iterator[Claim]:
    """The sentence as a whole: for what the typed extractors do not cover."""
    sent = ctx.sentence
    if len(_words(sent.text)) < MIN_STATEMENT_WORDS:
        return
    key = content_key(sent)
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
        detail=(("negated", "1" if _negated(sent) else ""),),
    )


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


def _negated(sent: Sentence) -> bool:
    """Whether the sentence denies something: a 'not' or 'never' that is not a contrast.

    "was not one person, but a combination of several" and "not only A" assert as much as the
    sentence without them.
    """
    toks = sent.tokens
    for i, t in enumerate(toks):
        if not (t.dep == "neg" or t.lower_text in ("not", "n't", "never")):
            continue
        after = [x.lower_text for x in toks[i + 1 : i + 9]]
        if after[:1] == ["only"] or "but" in after:
            continue
        return True
    return False
