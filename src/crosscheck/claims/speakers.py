"""Who said it: the speaker a quote is attributed to, and the person a pronoun refers to."""

from __future__ import annotations

from dataclasses import dataclass

from .. import names
from ..model import Sentence, Token
from .base import Context, _subtree
from .quotemarks import QUOTE_MARKS, inside_quote

SPEECH_VERBS = frozenset(
    "say tell add note warn describe quip explain state write claim insist argue stress emphasise "
    "emphasize urge ask answer reply respond announce declare report post tweet suggest remark "
    "caution acknowledge admit recall predict confirm deny vow pledge promise call highlight hail "
    "comment observe point reference respond quote".split()
)
LISTENER_VERBS = frozenset({"tell", "ask", "urge", "warn", "answer", "quote"})
"""Speech verbs whose object is the person spoken to or quoted ("told reporters"), not a thing done."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is attributed to, and whether the source names them at the quote.

    A speaker found through a pronoun ("he said") or carried over from the sentence before is a
    guess that holds most of the time: good enough to agree with another source, not to accuse it.
    A quote that goes on from the one before it ("“…,” Smith said. “…”") is the exception: news
    style names its speaker once for both (`_carries_on`).
    """

    name: str
    named: bool = True


def _speaker(ctx: Context, q_start: int, q_end: int, last_sent: int) -> Attribution:
    """The person a quote is attributed to.

    First the verb that governs the quoted words ("Mr Smith pledged to “…”", "urging Paris “…”"),
    then a speech verb beside the quote or just after it ("“…,” he said"), then the subject of a
    clause that introduces the quote with a colon ("Smith was blunt: “…”"), then the speaker of
    the previous sentence when the quote carries on in the same paragraph and its own sentence
    names nobody else.
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
            if inside(t) or not _speaks(sents[si], i):
                continue
            who = _subject_of(ctx, si, i, q_start, q_end)
            if who is not None:
                return who
    if ctx.source.text[:q_start].rstrip(" “\"'‘").endswith(":"):
        for k, t in enumerate(sent.tokens):
            if t.idx < q_start and t.pos in ("VERB", "AUX"):
                who = _subject_of(ctx, ctx.index, k, q_start, q_end)
                if who is not None and who.name and _entity_label(ctx, who.name) == "PERSON":
                    return who
    if any(lab == "PERSON" and not inside(sent.tokens[f]) for f, _, _, lab in ctx.refs()):
        return Attribution("")  # someone else is named beside the quote: not the last speaker's
    prev = ctx.index - 1
    text = ctx.source.text
    if prev >= 0 and "\n" not in text[sents[prev].end : sent.start]:
        for i, t in enumerate(sents[prev].tokens):
            if _speaks(sents[prev], i) and not inside_quote(text, t.idx, ctx.quotes):
                who = _subject_of(ctx, prev, i, q_start, q_end)
                if who is not None:
                    return Attribution(who.name, named=who.named and _carries_on(ctx, prev, q_start, q_end, last_sent))
    return Attribution("")


def _carries_on(ctx: Context, prev: int, q_start: int, q_end: int, last_sent: int) -> bool:
    """Whether a quote that is its sentences' whole text goes on from a quote in sentence `prev`,
    the one before it in the same paragraph ("“…,” Smith said. “…”").

    News style names the speaker once for consecutive quotes, so the speaker named there is named
    for this quote too: as sure as an attribution beside it, unlike a speaker found by carrying
    a "he" over. Words of its own around the quote ("“…,” the victim's mother shouted", "Worse,
    “…”") may name another speaker with a verb no list holds, so then it is a guess again.
    """
    text, sents = ctx.source.text, ctx.sentences
    alone = not text[sents[ctx.index].start : q_start].strip(" " + QUOTE_MARKS) and not text[q_end : sents[last_sent].end].strip(" .,;:!?" + QUOTE_MARKS)
    return alone and any(inside_quote(text, t.idx, ctx.quotes) for t in sents[prev].tokens)


def _speaks(sent: Sentence, i: int) -> bool:
    """Whether token `i` is a verb of speech used as one: not "added 16 points" or "announced
    the deal", whose object is a thing done, but "said", "told reporters", "asked him"."""
    t = sent.tokens[i]
    lemma = t.lemma.lower()
    if lemma not in SPEECH_VERBS or t.pos not in ("VERB", "AUX"):
        return False
    return lemma in LISTENER_VERBS or not any(sent.tokens[c].dep == "dobj" for c in sent.children(i))


def _subject_of(ctx: Context, si: int, k: int, q_start: int, q_end: int) -> Attribution | None:
    """Who is the subject of verb `k` in sentence `si`, outside the quote.

    None when the verb has no such subject (look elsewhere); '' when it has one that cannot be
    resolved to a name ("an official said"): better no speaker than a guessed one.
    """
    sent = ctx.sentences[si]
    refs = ctx.refs(si)
    for c in sent.children(k):
        sub = sent.tokens[c]
        if sub.dep not in ("nsubj", "nsubjpass") or q_start <= sub.idx < q_end:
            continue
        near = {c} | {j for j in sent.children(c) if sent.tokens[j].dep in ("compound", "flat")}
        for f, last_, g, lab in refs:
            if any(f <= j <= last_ for j in near) and lab in ("PERSON", "ORG", "NORP", "GPE"):
                return Attribution(g)
        if sub.lower_text in ("he", "she"):
            return Attribution(_last_person(ctx, si, before=sub.idx), named=False)
        if sub.pos == "PROPN" and sub.lower_text.rstrip(".") in names.HONORIFICS:
            return Attribution(_person_titled(ctx, sub.lower_text.rstrip(".")))  # "Secretary said"
        if sub.pos == "PROPN":
            return Attribution(_person_named(ctx, sub.text) or sub.text)
        core = _core(sent, c)
        found = [(lab != "PERSON", f, g) for f, last_, g, lab in refs if f in core and lab in ("PERSON", "ORG")]
        if found:
            return Attribution(min(found)[2])
        if sub.pos == "NOUN":
            return Attribution(_person_titled(ctx, sub.lemma.lower()))
        return Attribution("")
    return None


def _core(sent: Sentence, k: int) -> set[int]:
    """Token `k` and its subtree without clauses and phrases hung on it, or its owner: "The
    president, sitting next to Shinzo Abe," has "president" at its core, not Abe, and "John
    Smith's lawyer" is the lawyer, not Smith."""
    out = {k}
    for c in sent.children(k):
        if sent.tokens[c].dep not in ("acl", "relcl", "prep", "advcl", "poss"):
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
    """The person of this source whose family or given name is `word` ("Nields")."""
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
    if root is None or root.lemma.lower() not in ("say", "tell", "add") or at >= 14 or not _speaks(sent, at):
        return False
    # "Mark Pinder told CNN that police …" reports words of its own: a new statement, not the
    # attribution of the quote before it.
    return not any(sent.tokens[c].dep in ("ccomp", "xcomp") for c in sent.children(at))


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
    return any(toks[j].dep == "conj" or any(toks[c].dep == "conj" for c in sent.children(j)) for j in range(first, last + 1))


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


def reporters(ctx: Context) -> str:
    """Names the sentence gives as the source of what it reports, "|"-joined: the subject of a
    speech verb ("…, the survey said") or the object of "according to".

    Who reports a fact does not change it, so these names say nothing about whether two
    sentences state one fact or two.
    """
    sent = ctx.sentence
    toks = sent.tokens
    covered: set[int] = set()
    for i, t in enumerate(toks):
        kids = sent.children(i)
        deps = {toks[c].dep for c in kids}
        # "the agency said", "told reporters"; not "Smith added 101 yards": a thing done.
        if t.lemma.lower() in SPEECH_VERBS and t.pos in ("VERB", "AUX") and ("dobj" not in deps or t.lemma.lower() == "tell"):
            for c in kids:
                if toks[c].dep == "nsubj":
                    lo, hi = _subtree(sent, c)
                    covered.update(range(lo, hi + 1))
        elif t.lower_text == "according" and i + 1 < len(toks) and toks[i + 1].lower_text == "to":
            lo, hi = _subtree(sent, i + 1)
            covered.update(range(i + 2, hi + 1))
    return "|".join(sorted({g for f, _, g, _ in ctx.refs() if f in covered}))
