"""Quantity claims: a number with its unit and what it counts, ages and ranks."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from .. import dates, names
from ..model import Claim, ClaimKind, Mention, Sentence, Token
from ..quantities import parse_amount, parse_ordinal
from .base import CLOCK_WORDS, TIME_UNITS, Context, extractor, token_starts
from .datelines import is_dateline
from .speakers import SPEECH_VERBS, _last_person, reporters

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
SKIP_NUMBER_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "ORDINAL", "TIME"})


def _quantity_claim(
    ctx: Context, lo: int, hi: int, value: float, thing: str, unit: str, head: int, approximate: bool = False, event: str = ""
) -> Claim:
    sent = ctx.sentence
    toks = sent.tokens
    phrase = sent.span_text(lo, hi)
    governor = _governor(sent, head)
    subject = " ".join(x for x in (thing, unit and unit != thing and f"({unit})") if x)
    return Claim(
        source_id=ctx.source.id,
        kind=ClaimKind.QUANTITY,
        subject=subject,
        value=sent.span_text(lo, head) if hi < head <= hi + 4 else phrase,
        norm=f"{value:.6g}",
        evidence=ctx.evidence(),
        key=ctx.key(range(lo, hi + 1)),
        anchors=ctx.anchors(),
        sentence=ctx.index,
        span=(toks[lo].idx, toks[hi].end),
        approximate=approximate,
        detail=(
            ("unit", unit),
            ("thing", thing),
            ("verb", event or _verb_lemma(sent, governor)),
            ("scope", " ".join(_scope(sent, head))),
            ("doer", _doer(sent, governor)),
        ),
    )


def _years(ctx: Context, clause: int | None = None, count: int | None = None) -> tuple[tuple[str, str], ...]:
    """The years a sentence's dates fall in, and whether all lie before publication ("past").

    A count in a sentence set in 2004 and one in a sentence set this week are two events. A
    sentence with no date of its own that follows a look back in the same paragraph ("In April
    last year a quake struck … Five people died") is set in that look back, when the source's
    publication date says it is one: without it, the year may be the event's own. A dateline is
    the page's date, not the sentence's (datelines.is_dateline). For an age set beside a name,
    which is the person's age when the `clause` (its verb's token) happens, a date that only names
    a thing further down (`_dates_a_thing`) is left out: "Nichols, 47, was found guilty last month
    of murders in the March 2005 rampage" gives his age now; "Felt, 92, said in a 2006 interview"
    his age then. For a count (its first token `count`), such a date is left out too unless it
    names something the count hangs on: "almost four dozen questions … into meddling in the 2016
    election" is this week's list, "the 2004 quake, which killed 230,000" the 2004 toll.
    """
    published = ctx.source.published

    def years_of(sent: Sentence) -> set[str]:
        isos = (
            dates.resolve(m.text, published)
            for m in sent.mentions
            if m.label == "DATE" and not is_dateline(ctx.source, sent, m) and not (clause is not None and sent is ctx.sentence and _dates_a_thing(sent, m, clause, count))
        )
        return {iso[:4] for iso in isos if iso is not None and iso[:4].isdigit()}

    def looks_back(years: set[str]) -> bool:
        # Without a publication date an explicit year still marks a look back ("met in 2008").
        return bool(years) and (published is None or all(int(y) < published.year for y in years))

    years = years_of(ctx.sentence)
    here = ctx.sentence
    for k in range(ctx.index - 1, max(-1, ctx.index - 3), -1):  # the nearest dated sentence before
        prev = ctx.sentences[k]
        if years or published is None or "\n" in ctx.source.text[prev.end : here.start]:
            break
        before = years_of(prev)
        if before:
            years = before if looks_back(before) else years
            break
        here = prev
    return (("years", " ".join(sorted(years))), ("past", "1" if looks_back(years) else ""))


def _dates_a_thing(sent: Sentence, m: Mention, clause: int, count: int | None = None) -> bool:
    """Whether a date mention modifies a noun ("the March 2005 rampage") that is not itself when
    the clause at token `clause` happens ("said in a 2006 interview", "won at the 2008 Olympics",
    where the noun hangs on that verb), nor what the count at token `count` belongs to: the noun
    is above the count in the parse ("the 2004 quake, which killed 230,000"), or owns or frames
    the counted noun ("the 2004 tsunami's 170,000 deaths", "8.8 million jobs lost in the 2008
    recession")."""
    toks = sent.tokens
    span = range(m.first, m.last + 1)
    roots = [k for k in span if toks[k].head not in span or toks[k].head == k]
    if len(roots) != 1 or toks[roots[0]].dep not in ("compound", "nmod", "amod", "nummod"):
        return False
    noun = toks[roots[0]].head
    if toks[noun].pos not in ("NOUN", "PROPN"):
        return False
    up = toks[noun].head
    if count is not None:
        frame = up  # what the dated noun owns ("the 2004 tsunami's deaths") or frames:
        if toks[noun].dep == "pobj" and toks[up].dep == "prep":  # "jobs lost in the 2008 recession"
            frame = toks[up].head
            frame = toks[frame].head if toks[frame].dep in ("acl", "relcl") else frame
        above = _above(sent, count)
        if noun in above or frame in above and toks[noun].dep in ("poss", "pobj"):
            return False
    return up != clause and not (toks[noun].dep == "pobj" and toks[up].dep == "prep" and toks[up].head == clause)


def _above(sent: Sentence, k: int) -> set[int]:
    """Token `k` and every token above it in the parse, up to the root (or a cycle)."""
    seen: set[int] = set()
    while k not in seen:
        seen.add(k)
        k = sent.tokens[k].head
    return seen


def _token_at(starts: list[int], offset: int) -> int:
    """The index of the token that starts at a character offset (a claim's value), else 0;
    `starts` is `token_starts` of the sentence."""
    k = bisect.bisect_left(starts, offset)
    return k if k < len(starts) and starts[k] == offset else 0


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
        for c in sent.children(a):
            if toks[c].pos == "ADP" and toks[c].lower_text in SCOPE_PREPS:
                out.update(toks[g].lemma.lower() for g in sent.children(c) if toks[g].pos in ("NOUN", "PROPN"))
    return sorted(out)


def _doer(sent: Sentence, verb: int) -> str:
    """Who by name did what the count counts (`verb`: the token its noun hangs on, `_governor`),
    when the parse says: "Manning completed 17 passes" and "Garrard, who completed 28 passes,"
    give Manning and Garrard. Two players' totals in one game are two facts, however alike the
    sentences run. '' for anyone unnamed, for a place (PLACES), and for whoever only reports the
    count."""
    toks = sent.tokens
    if toks[verb].pos != "VERB":
        return ""
    subject = next((c for c in sent.children(verb) if toks[c].dep == "nsubj"), None)
    if subject is not None and toks[subject].lower_text in RELATIVE_PRONOUNS and toks[verb].dep == "relcl":
        subject = toks[verb].head  # "Garrard, who completed": the one the clause is about
    if subject is None or toks[subject].pos != "PROPN" or toks[subject].ent_type in PLACES or toks[verb].lemma.lower() in SPEECH_VERBS:
        return ""  # "Pyongyang fired" is North Korea's doing; "Xinhua reported" is a source, not a doer
    if GENERATION.fullmatch(toks[subject].text):
        # "Robert S. Mueller III": the parse makes the suffix the head; the surname names him.
        subject = max((c for c in sent.children(subject) if toks[c].dep == "compound"), default=subject)
    return toks[subject].text


GENERATION = re.compile(rf"(?:{names.GENERATIONS})\.?")
"""A suffix that tells a father and son apart ("III"), which the parse may make a name's head."""


PLACES = frozenset({"GPE", "LOC", "NORP", "FAC"})
"""Entity types of a place or a people, which outlets name in many ways ("North Korea" /
"Pyongyang", "the US" / "Washington")."""


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
"""Subjects that stand for the noun a relative clause hangs on ("Garrard, who completed …")."""


def _near_magnitude(sent: Sentence, lo: int, hi: int) -> bool:
    toks = sent.tokens
    after = hi + 2 if hi + 2 < len(toks) and toks[hi + 1].text == "-" else hi + 1
    near = [toks[j].lower_text for j in (lo - 1, *range(lo, hi + 1), after) if 0 <= j < len(toks)]
    return "magnitude" in near


def _event_class(sent: Sentence, lo: int, hi: int, head: int) -> str:
    """What happened to what the number counts, as a class: 'death' for killed/died/dead."""
    toks = sent.tokens
    for j in (hi + 1, head + 1):
        if j < len(toks) and toks[j].lemma.lower() in EVENT_CLASSES and toks[j].pos in ("ADJ", "VERB", "NOUN"):
            return EVENT_CLASSES[toks[j].lemma.lower()]
    verb = _governor_verb(sent, head)
    return EVENT_CLASSES.get(verb, verb)


def _age(sent: Sentence, i: int, refs: list[tuple[int, int, str, str]]) -> tuple[str, bool]:
    """The person whose age the number at `i` gives ("She was 85", "Tara Reid, 33,"), or '', and
    whether the age stands beside the name ("Tara Reid, 33,"): the one form that ties an age to
    its person and to the time of the report. "Smith said his father was 77", "aged 21 when",
    "Hill, then 17," and "Hill, 17 at the time," give an age that may be another person's or of
    another time."""
    toks = sent.tokens
    t = toks[i]
    value = parse_amount(t.text)
    if value is None or not 1 <= value.value <= 120 or not t.text.isdigit() and t.pos != "NUM":
        return "", False
    if _split_decimal(toks, i):
        return "", False  # "it was 6. 1": a decimal, not an age
    if i + 2 < len(toks) and toks[i + 1].text in ("-", "–") and toks[i + 2].text.isdigit():
        return "", False  # "Rahman, 45-7-2, 36 KO's": a win-loss record or a score, not an age
    prev = [x.lower_text for x in toks[max(0, i - 3) : i]]
    head = toks[t.head]
    persons = [(f, last_, g) for f, last_, g, lab in refs if lab == "PERSON"]
    if (t.dep == "appos" or (t.dep == "npadvmod" and head.pos == "PROPN")) and t.text.isdigit():  # not "Lee, one of"
        after = [x.lower_text for x in toks[i + 1 : i + 4]]
        for f, last_, g in persons:
            if f <= t.head <= last_:
                return g, prev[-1:] != ["then"] and after != ["at", "the", "time"]
    aged = prev[-3:] == ["at", "the", "age"] or prev[-2:] == ["age", "of"] or (prev and prev[-1] == "aged")
    copula = t.dep in ("attr", "acomp") and head.lemma == "be" and i == len(toks) - 2 or (t.dep == "attr" and head.lemma == "be" and i + 1 < len(toks) and toks[i + 1].text in ".,;")
    if aged or copula:
        return (persons[0][2] if persons else "(person)"), False
    return "", False


def _split_decimal(toks: Sequence[Token], i: int) -> bool:
    """Whether the number at `i` is either piece of a decimal split by detokenisation ("6. 1")."""
    return _decimal_at(toks, i) or i >= 2 and _decimal_at(toks, i - 2)


def _decimal_at(toks: Sequence[Token], k: int) -> bool:
    """Whether a decimal split by detokenisation starts at token `k`, as `quantities.closed`
    reads one: one or two digits, a stop, one digit."""
    if k + 2 >= len(toks):
        return False
    whole, point, tenth = toks[k], toks[k + 1], toks[k + 2]
    return point.text == "." and whole.text.isdigit() and len(whole.text) <= 2 and tenth.text.isdigit() and len(tenth.text) == 1


@extractor(ClaimKind.QUANTITY)
def quantities(ctx: Context) -> Iterator[Claim]:
    """A number with its unit and what it counts: "14 agreements", "some 300 protesters".

    Also ages ("She was 85", "Tara Reid, 33,") and ranks ("the fifth coach fired"). Each claim
    carries the sentence's other numbers ("25 points and 16 rebounds"): two sentences that share
    none of them are more likely two occasions than one fact misreported.
    """
    found = list(_quantities(ctx))
    if not found:
        return
    # What holds for the whole sentence is read once, and only for a sentence with a number.
    shared = (("reporters", reporters(ctx)), *_years(ctx))
    starts = token_starts(ctx.sentence)
    periods = _periods(ctx.sentence)
    # A rank is no figure of the occasion ("the second half" is not "two" of anything) but says
    # which one it is ("the fifth game" / "the second game"): kept apart, by its thing. Each
    # claim's others are the sentence's, less its own unless another claim gives it too.
    figures = Counter(str(o.norm) for o in found if o.get("unit") != "rank")
    ranked = Counter(f"{o.get('thing')}={o.norm}" for o in found if o.get("unit") == "rank")
    for c in found:
        rank = c.get("unit") == "rank"
        others = _but_one(figures, None if rank else str(c.norm))
        ranks = _but_one(ranked, f"{c.get('thing')}={c.norm}" if rank else None)
        at = _token_at(starts, c.span[0])
        if c.get("apposed"):  # an age beside a name: of the time of its clause's verb
            when = _years(ctx, clause=_governor(ctx.sentence, at, ("VERB", "AUX")))
        elif shared[1][1]:  # a dated sentence: the dates that name another thing are left out
            when = _years(ctx, clause=_governor(ctx.sentence, at, ("VERB", "AUX")), count=at)
        else:
            when = shared[1:]
        part = ("part", "|".join(_parts(ctx.sentence, at, periods)))
        yield replace(c, detail=(*c.detail, shared[0], *when, ("others", " ".join(others)), ("ranks", "|".join(ranks)), part))


def _but_one(counts: Counter[str], own: str | None) -> list[str]:
    """The values counted, sorted, less the claim's `own` unless another claim gives it too."""
    return sorted(x for x, k in counts.items() if x != own or k > 1)


PERIODS = frozenset({"half", "quarter", "period", "inning", "innings"})
"""The parts a game or a year is counted in: "seven points in the first half", "61 million
iPhones in the first quarter" count part of it."""


def _periods(sent: Sentence) -> list[tuple[int, str]]:
    """(token, "half=1") for each part of a game or a year a sentence names by rank ("the first
    half"), read once for all the sentence's counts."""
    toks = sent.tokens
    return [
        (t.head, f"{toks[t.head].lower_text}={rank}")
        for t in toks
        if t.dep == "amod" and toks[t.head].lower_text in PERIODS and (rank := parse_ordinal(t.text)) is not None
    ]


def _parts(sent: Sentence, count: int, periods: list[tuple[int, str]]) -> list[str]:
    """The parts of a game or a year the count at token `count` is placed in, by rank ("half=1"
    for "as he scored seven points" in "picked up the slack in the first half"), first one
    included: the count may be of that part only. A part that says when something else happened
    ("A stampede in the second half killed 125") does not place the count: the period must hang,
    directly or through a preposition, on the count or a word above it in the parse."""
    if not periods:
        return []
    toks = sent.tokens
    above = _above(sent, count)

    def placed(period: int) -> bool:
        up = toks[period].head
        return up in above or toks[up].dep == "prep" and toks[up].head in above

    return sorted({name for period, name in periods if placed(period)})


def _quantities(ctx: Context) -> Iterator[Claim]:
    """The quantity claims of one sentence, in reading order, without the sentence's own details."""
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
        person, apposed = _age(sent, i, refs) if t.tag == "CD" else ("", False)
        if person:
            taken.add(i)
            value = parse_amount(t.text)
            assert value is not None
            if person == "(person)":
                person = _last_person(ctx, ctx.index, before=t.idx) or person
            claim = _quantity_claim(ctx, i, i, value.value, "age", "year", i)
            yield replace(
                claim, subject=f"age of {person}", anchors=tuple(sorted({*claim.anchors, person})),
                detail=(*claim.detail, ("apposed", "1" if apposed else "")),
            )
            continue
        if i in taken or t.tag != "CD" or t.ent_type in SKIP_NUMBER_ENTS:
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.ent_type in ("DATE", ""):
            continue  # a year: the date extractor reads it
        if t.ent_type == "DATE" and not _duration(sent, i):
            continue
        if _decimal_at(toks, i) and toks[i + 2].tag == "CD":
            j = i + 1
            while j < len(toks) and (toks[j].tag == "CD" or toks[j].text == "."):
                taken.add(j)  # "£1. 7 million": the "7 million" too
                j += 1
            continue  # "6. 1": a decimal split by detokenisation, misread from any of its pieces
        if i == 0 and len(t.text) == 1 and re.search(r"\d\. $", ctx.source.text[max(0, sent.start - 3) : sent.start]):
            continue  # the same, when the sentence splitter cut at its dot
        if _clock_time(sent, i):
            continue  # "20:11 GMT", "6:41pm": times of day, not counts
        if _day_of_month(toks, i):
            continue  # "Nov 28, 2005" when the parser took only the year as the date
        if _score_or_range(sent, i):
            continue  # "88-72", "9-14", "1982-83": scores, records and ranges, not counts
        lo, hi = _number_span(sent, i)
        taken.update(range(lo, hi + 1))
        if lo > 0 and toks[lo - 1].text == "(" and toks[lo].lower_text != "within":
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


def _clock_time(sent: Sentence, i: int) -> bool:
    toks = sent.tokens
    near = [toks[j].lower_text for j in (i - 1, i + 1, i + 2) if 0 <= j < len(toks)]
    return ":" in toks[i].text or ":" in near[:2] or any(w in CLOCK_WORDS for w in near) or bool(
        re.fullmatch(r"\d{1,2}[:.]\d{2}(?:am|pm)?", toks[i].lower_text)
    )


def _day_of_month(toks: Sequence[Token], i: int) -> bool:
    """Whether the number at `i` is a day after a capitalised month name ("Nov 28", "Sept. 3")."""
    day = re.fullmatch(r"[0-9]{1,2}", toks[i].text) is not None and 1 <= int(toks[i].text) <= 31
    return day and i > 0 and dates.is_month(toks[i - 1].text)


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
    while True:
        if hi + 1 < len(toks) and (toks[hi + 1].tag == "CD" or toks[hi + 1].lower_text in ("million", "billion", "trillion", "bn", "per", "cent", "percent", "%")):
            hi += 1
        elif hi + 2 < len(toks) and toks[hi + 1].text == "," and toks[hi + 2].text.isdigit() and len(toks[hi + 2].text) == 3 and toks[hi].text[-1:].isdigit():
            hi += 2  # "15, 000": thousands split by detokenisation
        else:
            break
    # "some 200": the approximator is a child of the number.
    for c in sent.children(i):
        if c < lo and toks[c].dep in ("quantmod", "advmod", "amod", "det") and c >= lo - 3:
            lo = c
    if lo > 0 and toks[lo].lower_text in ("least", "most") and toks[lo - 1].lower_text == "at":
        lo -= 1
    if lo > 0 and toks[lo - 1].lower_text == "within":
        lo -= 1  # "within 20 miles": a limit (quantities.within_bound), whether parsed as its preposition or not
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
            for c in sent.children(k):
                if toks[c].dep == "pobj":
                    return unit, _noun_phrase(sent, c), c
        return unit, "", k
    return unit, _noun_phrase(sent, k), k


def _noun_phrase(sent: Sentence, k: int) -> str:
    """A counted thing as lemmas: compounds before it and an 'of X' after it."""
    toks = sent.tokens
    words = [toks[c].lemma.lower() for c in sent.children(k) if c < k and toks[c].dep == "compound" and toks[c].pos == "NOUN"]
    words.append(toks[k].lemma.lower())
    words = [THING_SYNONYMS.get(w, w) for w in words]
    for c in sent.children(k):
        if c > k and toks[c].lower_text == "of":
            objs = [toks[g] for g in sent.children(c) if toks[g].dep == "pobj"]
            if objs and objs[0].pos == "NOUN":
                words += ["of", objs[0].lemma.lower()]
    return " ".join(words)


def _verb_subject(sent: Sentence, k: int) -> str:
    """For "trade hovering around US$300 billion": the thing the amount is said of."""
    toks = sent.tokens
    for _ in range(4):
        if toks[k].pos == "VERB":
            for c in sent.children(k):
                if toks[c].dep in ("nsubj", "nsubjpass") and toks[c].pos == "NOUN":
                    return _noun_phrase(sent, c)
            return ""
        if toks[k].head == k:
            return ""
        k = toks[k].head
    return ""


def _governor_verb(sent: Sentence, k: int) -> str:
    return _verb_lemma(sent, _governor(sent, k))


def _verb_lemma(sent: Sentence, k: int) -> str:
    """The lemma of token `k` when it is a verb, else ''."""
    return sent.tokens[k].lemma.lower() if sent.tokens[k].pos == "VERB" else ""


def _governor(sent: Sentence, k: int, pos: tuple[str, ...] = ("VERB",)) -> int:
    """The first token at or above `k` in the parse whose part of speech is in `pos`, else the
    root (or where a cycle in a bad parse stops the climb)."""
    toks = sent.tokens
    seen = set()
    while k not in seen:
        seen.add(k)
        if toks[k].pos in pos or toks[k].head == k:
            break
        k = toks[k].head
    return k
