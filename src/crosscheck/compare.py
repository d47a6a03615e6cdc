"""Comparing aligned claims: agreement, discrepancy (with category and severity) or unique.

Comparers are registered per claim kind and see only `Claim` values. Equivalent values agree:
a weekday and the date it falls on, "Sony" and "Sony Group" in a list, "some 200"
and "about 200". Name spellings are compared on the entities, inside and across sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from . import dates, names, nearcopy
from .align import Group, member_pairs
from .claims.base import _words
from .claims.quotes import gist
from .findings import make
from .model import Category, Claim, ClaimKind, Entities, Evidence, Finding, Kind, Sentence, Severity, Value
from .quantities import Amount, parse_amount, same_amount, within_bound

DISCREPANCY_MIN = 0.6
"""Below this alignment confidence a conflicting pair is more likely two facts than one."""
STATEMENT_AGREE_MIN = 0.8
MAX_RATIO = 20
SCOPE_MIN = 0.5
"""Share of named entities two sentences must have in common for their numbers to be compared."""
LOOSE = Severity.INFO
"""The severity of a conflict between claims that are aligned, not copied: two counts, dates,
lists, quotes or denials in sentences that only resemble each other. Readers judging such
conflicts on unseen pairs of outlets found most of them to be two facts, not one misreported
(bench/judged/), so they are leads, left out of reports unless asked for (`report.is_lead`). A
one-word change in an otherwise identical sentence (nearcopy) is an error. A warning: a name
spelt two ways; a figure two sentences set in the same run of words (nearcopy.copied_figure); a
clause both print but for its "not" (nearcopy.copied_denial); a long quote given to two people
(_copied_quote); a list member the other article never names."""
GENERIC_THINGS = frozenset({"people", "person", "other", "time", "year", "day", "thing"})

@dataclass(frozen=True, slots=True)
class Scene:
    """What a comparer may know beyond its group: the entities each source names anywhere.

    Empty (the default) when the caller has no entities: then nothing counts as foreign.
    """

    known: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actors: frozenset[str] = frozenset()
    listed: frozenset[tuple[str, int, str]] = frozenset()
    """(source, sentence, folded member) for every member of a list the parser read."""
    people: frozenset[str] = frozenset()
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """The folded words of every sentence each source makes a claim in."""

    @classmethod
    def of(cls, all_entities: Sequence[Entities], global_names: Mapping[str, str], claims: Sequence[Claim] = ()) -> Scene:
        """The global names each source uses, which of them are people or organisations, and the
        members of every list."""
        known = {
            ents.source_id: frozenset(global_names.get(e.key, e.name) for e in ents.entities) for ents in all_entities
        }
        actors = frozenset(
            global_names.get(e.key, e.name) for ents in all_entities for e in ents.entities if e.label in ("PERSON", "ORG")
        )
        listed = frozenset(
            (c.source_id, c.sentence, names.fold(m)) for c in claims if c.kind is ClaimKind.LIST for m in c.value
        )
        people = frozenset(global_names.get(e.key, e.name) for ents in all_entities for e in ents.entities if e.label == "PERSON")
        words: dict[str, set[str]] = {}
        read: set[tuple[str, int]] = set()
        for c in claims:
            if (c.source_id, c.sentence) not in read:  # a sentence holds many claims: read it once
                read.add((c.source_id, c.sentence))
                words.setdefault(c.source_id, set()).update(_words(c.evidence.text))
        return cls(known, actors, listed, people, {k: frozenset(v) for k, v in words.items()})

    def never_names(self, source_id: str, member: str) -> bool:
        """Whether a capitalised list member is a name source `source_id` never uses: its
        longest word is in none of that source's sentences."""
        caps = [w for w in re.findall(r"[^\W\d_]+", member) if w[:1].isupper()]
        if not caps or source_id not in self.words:
            return False
        key = names.fold(max(caps, key=len))
        return len(key) >= 3 and key not in self.words[source_id]

    def lists(self, source_id: str, sentence: int, member: str) -> bool:
        """Whether the parser read `member` as a list member in that sentence ("York" in "Leeds,
        York and Hull"; not "Oregon" in "Woodburn, Oregon, killing …")."""
        return (source_id, sentence, names.fold(member)) in self.listed

    def foreign(self, group: Sequence[Claim]) -> bool:
        """Whether a claim's sentence names a person or body another source of the group never names.

        "seven rebounds … in a rout of the College of Charleston" is about a game the other
        article never mentions: its numbers cannot contradict that article's. Places are not
        counted: outlets name more or fewer of them for one event.
        """
        return any(
            a in self.actors and d.source_id in self.known and a not in self.known[d.source_id]
            for c in group for d in group if d.source_id != c.source_id for a in _named(c)
        )


Comparer = Callable[[tuple[Claim, ...], float, Scene], Finding | None]
COMPARERS: dict[ClaimKind, Comparer] = {}


def comparer(kind: ClaimKind) -> Callable[[Comparer], Comparer]:
    """Register the comparer for a claim kind."""

    def register(fn: Comparer) -> Comparer:
        COMPARERS[kind] = fn
        return fn

    return register


def compare(
    claims: Sequence[Claim],
    groups: Sequence[Group],
    scene: Scene | None = None,
    spelt: Sequence[Finding] = (),
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
) -> tuple[Finding, ...]:
    """Findings for every aligned group, then unique findings for what nothing matched.

    `spelt` are the name spellings found on the entities: a near copy's respelt word that one of
    them already reports ("Msyore" in "INS Msyore") is not reported twice. `sentences` (every
    source's, by id) lets short sentences of a copied passage be compared as near copies too.
    """
    out: list[Finding] = []
    copies: list[Finding] = []
    matched: set[int] = set()
    scene = scene or Scene()
    for g in groups:
        if len(g.members) < 2:
            continue
        group = tuple(claims[i] for i in g.members)
        finding = COMPARERS[group[0].kind](group, g.confidence, scene)
        matched.update(g.members)
        if finding is None:
            continue
        (copies if group[0].kind is ClaimKind.STATEMENT and finding.category is not Category.STATEMENT else out).append(finding)
    if sentences is not None:
        copies += _passage_copies(sentences, scene, copies)
    # A near copy's number or year is often a typed claim too: report it once, in the typed
    # finding's fuller words ("June 2012"), with the near copy's certainty.
    copies = [f for f in copies if not any(_covers(g, f) for g in spelt)]
    upgraded: set[int] = set()
    for copy in copies:
        for n, f in enumerate(out):
            if f.kind is Kind.DISCREPANCY and _same_change(f, copy):
                out[n] = replace(f, severity=Severity.ERROR)
                upgraded.add(id(copy))
    out += [f for f in copies if id(f) not in upgraded]
    out.extend(_unique(claims, matched))
    return tuple(out)


def _same_change(typed: Finding, copy: Finding) -> bool:
    """Whether a typed finding reports a near copy's change: its category (a number and a year
    are one change read two ways) and every sentence of the copy among its evidence."""
    numeric = {Category.NUMBER, Category.DATE}
    alike = typed.category is copy.category or {typed.category, copy.category} <= numeric
    return alike and set(copy.evidence) <= set(typed.evidence)


def _covers(g: Finding, f: Finding) -> bool:
    """Whether name finding `g` shows both words near-copy finding `f` reports."""
    words = {w for v in g.values for w in names.fold(str(v.value)).split()}
    return all(names.fold(str(v.value)) in words for v in f.values)


def _values(group: Sequence[Claim]) -> tuple[Value, ...]:
    return tuple(Value(c.source_id, c.value) for c in group)


def _evidence(group: Sequence[Claim]) -> list:
    return [c.evidence for c in group]


def _agree(group: Sequence[Claim], category: Category, subject: str, summary: str, conf: float) -> Finding:
    return make(Kind.AGREEMENT, category, Severity.INFO, subject, summary, _values(group), _evidence(group), conf)


def _sources(group: Sequence[Claim]) -> str:
    return " and ".join(c.source_id for c in group)


@comparer(ClaimKind.QUANTITY)
def _quantity(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    amounts = [parse_amount(str(c.value)) or Amount(float(str(c.norm))) for c in group]
    amounts = [Amount(float(str(c.norm)), c.get("unit"), c.approximate, a.bound) for c, a in zip(group, amounts, strict=True)]
    subject = group[0].subject
    if all(same_amount(amounts[0], a) for a in amounts[1:]):
        return _agree(group, Category.NUMBER, subject, f"{_sources(group)} agree: {group[0].value}", conf)
    if all(within_bound(amounts[0], a) for a in amounts[1:]):
        return None  # "up to 8GB" and "4GB", "at least three" and "five": consistent
    values = [abs(a.value) for a in amounts]
    if min(values) == 0 or max(values) / min(values) > MAX_RATIO:
        return None  # 5 against 168,000: two different counts, not one misreported
    scopes = [set(c.get("scope").split()) for c in group]
    if all(scopes) and not set.intersection(*scopes):
        return None  # 170,000 dead "in the province" against 230,000 "in 13 countries": two scopes
    years = [frozenset(c.get("years").split()) for c in group]
    if all(years) and len(set(years)) > 1 or any(c.get("past") for c in group) and not all(years):
        return None  # a 2004 quake's magnitude against this week's: two events
    others = [set(c.get("others").split()) for c in group]
    if all(others) and not set.intersection(*others):
        return None  # "25 points and 16 rebounds" against "22 points and nine": another game
    shown = " vs ".join(f"{c.value!s} ({c.source_id})" for c in group)
    summary = f"Numbers differ for {subject}: {shown}"
    if _copied_figure(group):
        return make(Kind.DISCREPANCY, Category.NUMBER, Severity.WARNING, subject, summary, _values(group), _evidence(group), conf)
    # Below: guards for figures in sentences that only resemble each other (how well they align,
    # what they name, what is done); those above, about which occasion, hold for copied figures too.
    if conf < DISCREPANCY_MIN or any(c.get("thing") in ("", c.get("unit")) for c in group):
        return None  # a bare duration ("32-year", "four years") says too little to contradict
    if group[0].get("thing") in GENERIC_THINGS and (len({c.get("verb") for c in group}) > 1 or not group[0].get("verb")):
        return None  # "people" counts say nothing unless what happened to them is the same
    if not _same_scope(group) or scene.foreign(group):
        return None  # sentences about different named things
    if not any(c.anchors for c in group) and len({c.get("verb") for c in group}) > 1:
        return None  # nothing named and nothing done in common: too little to call it one fact
    severity = Severity.WARNING if _ages_apart(group, values) else LOOSE
    return make(Kind.DISCREPANCY, Category.NUMBER, severity, subject, summary, _values(group), _evidence(group), conf)


AGE_SLACK = 1
"""Years two sources may give apart for one person's age: a birthday between two reports."""


def _ages_apart(group: Sequence[Claim], values: Sequence[float]) -> bool:
    """Whether the claims give one person's age, set beside the name in each sentence, more than
    AGE_SLACK years apart ("Gigante, 77," / "Gigante, 97,"): a person has one age in reports of
    one event, so one of them is wrong however loosely the rest of the sentences align. An age
    found any other way ("his father was 77", "aged 21 when", "then 17") may be another person's
    or of another time, and stays a lead."""
    ages = all(c.get("thing") == "age" and c.get("apposed") for c in group)
    return ages and max(values) - min(values) > AGE_SLACK


def _copied_figure(group: Sequence[Claim]) -> bool:
    """Whether every claim whose figure differs from the first's sets it in the same words
    (nearcopy.copied_figure): one fact reported with two figures, however loosely the rest of the
    sentences align. A warning, not an error: the rest of the sentences may differ."""
    first = group[0]
    differ = [c for c in group[1:] if c.norm != first.norm]
    return bool(differ) and all(nearcopy.copied_figure(first.evidence.text, _at(first), c.evidence.text, _at(c)) for c in differ)


def _at(c: Claim) -> tuple[int, int]:
    """Where a claim's value stands in its evidence text."""
    return c.span[0] - c.evidence.start, c.span[1] - c.evidence.start


@comparer(ClaimKind.DATE)
def _date(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    isos = [str(c.norm) for c in group]
    subject = group[0].subject
    if all(dates.compatible(isos[0], x) for x in isos[1:]):
        return _agree(group, Category.DATE, subject, f"{_sources(group)} agree on the date: {isos[0]}", conf)
    if any(x.startswith("--") for x in isos) and len({len(x) for x in isos}) > 1:
        return None  # a day without its year against a full date: not comparable
    shown = " vs ".join(f"{c.value} = {c.norm} ({c.source_id})" for c in group)
    summary = f"Dates differ for {subject}: {shown}"
    if _copied_figure(group):
        return make(Kind.DISCREPANCY, Category.DATE, Severity.WARNING, subject, summary, _values(group), _evidence(group), conf)
    # Below: guards for dates in sentences that only resemble each other.
    if conf < DISCREPANCY_MIN or scene.foreign(group):
        return None  # "told CNN in 2006" and "told Vanity Fair in 2005": two occasions
    return make(Kind.DISCREPANCY, Category.DATE, LOOSE, subject, summary, _values(group), _evidence(group), conf)


@comparer(ClaimKind.LIST)
def _list(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    first = group[0]
    missing: list[str] = []
    absent: list[str] = []
    for other in group[1:]:
        pairs = member_pairs(list(first.value), list(other.value))
        # A member the other sentence names too, outside what the parser read as its list
        # ("planning, design, and operations support"), is not missing from it.
        a_only = [m for i, m in enumerate(first.value) if i not in {p[0] for p in pairs} and not _names_it(other, m)]
        b_only = [m for j, m in enumerate(other.value) if j not in {p[1] for p in pairs} and not _names_it(first, m)]
        missing += [f"{m} (only {first.source_id})" for m in a_only]
        missing += [f"{m} (only {other.source_id})" for m in b_only]
        absent += [m for m in a_only if scene.never_names(other.source_id, m)]
        absent += [m for m in b_only if scene.never_names(first.source_id, m)]
    subject = first.get("about") or "list"
    verbs = [set(c.get("verbs").split()) for c in group]
    if missing and all(verbs) and not set.intersection(*verbs):
        return None  # "pressed to renegotiate" and "considered for exemption": lists of other things
    if not missing:
        return _agree(group, Category.LIST_MEMBERSHIP, subject, f"{_sources(group)} list the same {subject} members", conf)
    summary = f"Lists of {subject} differ: " + "; ".join(dict.fromkeys(missing))
    # A member by name that the other article never mentions anywhere is a difference in who is
    # listed, not two wordings of one member ("wildlife" / "animals") or one list read two ways.
    severity = Severity.WARNING if absent else LOOSE
    return make(Kind.DISCREPANCY, Category.LIST_MEMBERSHIP, severity, subject, summary, _values(group), _evidence(group), conf)


@comparer(ClaimKind.QUOTE)
def _quote(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
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


@comparer(ClaimKind.ROLE)
def _role(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    subject = group[0].subject
    words = [set(str(c.norm).split()) for c in group]
    shared = set.intersection(*words)
    if shared - {"the", "of", "at"}:
        return _agree(group, Category.ROLE, subject, f"{_sources(group)} agree on {subject}: {group[0].value}", conf)
    affs = [set(filter(None, c.get("affiliations").split("|"))) for c in group]
    heads = {_role_head(str(c.value)) for c in group}
    # Only the same title with another body is a conflict ("professor at X" / "professor at Y");
    # "neurosurgeon" and "medical correspondent" are two true facets of one person.
    if len(heads) == 1 and "" not in heads and all(affs) and not set.intersection(*affs) and not _orgs_overlap(affs):
        shown = " vs ".join(f"{c.value} ({c.source_id})" for c in group)
        return make(Kind.DISCREPANCY, Category.ROLE, LOOSE, subject, f"Roles differ for {subject}: {shown}", _values(group), _evidence(group), conf)
    return None


NEGATION_MIN = 0.9
"""Sentences this alike that differ in negation say opposite things."""


def _denies_another(group: Sequence[Claim]) -> bool:
    """Whether a denial is about a name the other sentence does not mention ("Unlike A and B,
    Ross is not signed" against "A and B are signed")."""
    for c in group:
        who = c.get("denier")
        if who and any(d is not c and f" {names.fold(who)} " not in f" {' '.join(_words(str(d.value)))} " for d in group):
            return True
    return False


def _two_subjects(group: Sequence[Claim]) -> bool:
    """Whether the copied clause is said of two people, one in each sentence (nearcopy.named_apart)."""
    return _every_denial(group, nearcopy.named_apart)


def _denies_the_words(group: Sequence[Claim]) -> bool:
    """Whether a negated sentence denies a phrase the other prints word for word ("has not been
    charged with" / "has been charged with"): a denial of what it states, however loosely the
    rest of the two sentences align."""
    return _every_denial(group, nearcopy.affirms_denied)


def _copies_the_clause(group: Sequence[Claim]) -> bool:
    """Whether the other sentence prints the negated one's clause around its "not" word for word
    (nearcopy.copied_denial): a warning, as a figure set in the same words is."""
    return _every_denial(group, nearcopy.copied_denial)


def _every_denial(group: Sequence[Claim], test: Callable[[str, str], bool]) -> bool:
    """Whether `test(negated, plain)` holds for every negated sentence against every plain one."""
    denied = [c for c in group if c.get("negated")]
    plain = [c for c in group if not c.get("negated")]
    return all(test(d.evidence.text, p.evidence.text) for d in denied for p in plain)


def _extends(group: Sequence[Claim]) -> bool:
    """Whether a negated sentence is the other sentence with a clause of its own added ("The
    reason had not been made public, and while A said B, …" against "A said B"): the denial is
    in the added clause, not in what both say."""
    plain = [" ".join(_words(str(c.value))) for c in group if not c.get("negated")]
    denied = [" ".join(_words(str(c.value))) for c in group if c.get("negated")]
    return all(p in d for p in plain for d in denied)


@comparer(ClaimKind.STATEMENT)
def _statement(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    if conf < STATEMENT_AGREE_MIN:
        return None
    copy = _near_copy(group, conf, scene)
    if copy is not None:
        return copy
    if len({bool(c.get("negated")) for c in group}) > 1:
        if _extends(group):
            return None  # the denial is in a clause only one sentence has
        if _copies_the_clause(group) and not _two_subjects(group):
            # A clause of ten words and more, printed and denied: one fact, however loosely the
            # rest aligns ("Johnson was not taken to …" / "The victim … was taken to …").
            return _negation(group, "One source negates what the other states", Severity.WARNING, conf)
        if conf < NEGATION_MIN and not _denies_the_words(group) or _denies_another(group):
            return None  # alike enough to agree, not to say one source denies the other's words
        return _negation(group, "One source negates what the other states", LOOSE, conf)
    return _agree(group, Category.STATEMENT, "statement", f"{_sources(group)} state the same: {_short(group[0].value)}", conf)


def _negation(group: Sequence[Claim], lead: str, severity: Severity, conf: float) -> Finding:
    """One source denying what another states: the sentences side by side."""
    summary = f"{lead}: " + " / ".join(f"{_short(c.value, 60)} ({c.source_id})" for c in group)
    return make(Kind.DISCREPANCY, Category.STATEMENT, severity, "statement", summary, _values(group), _evidence(group), conf)


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
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            xs, ys = sentences[a], sentences[b]
            anchors = scene.known.get(a, frozenset()) | scene.known.get(b, frozenset())
            for i, j in nearcopy.in_copied_passage([x.text for x in xs], [y.text for y in ys]):
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


def _unique(claims: Sequence[Claim], matched: set[int]) -> list[Finding]:
    """Claims nothing matched; a sentence is reported whole only when none of its claims is."""
    covered: set[tuple[str, int]] = set()
    out = []
    for i, c in enumerate(claims):
        if i in matched:
            covered.add((c.source_id, c.sentence))
    for i, c in enumerate(claims):
        if i in matched or c.kind is ClaimKind.STATEMENT:
            continue
        covered.add((c.source_id, c.sentence))
        out.append(_unique_finding(c))
    for i, c in enumerate(claims):
        if c.kind is ClaimKind.STATEMENT and i not in matched and (c.source_id, c.sentence) not in covered:
            out.append(_unique_finding(c))
    return out


_UNIQUE_CATEGORY = {
    ClaimKind.ROLE: Category.ROLE,
    ClaimKind.QUOTE: Category.QUOTE_WORDING,
    ClaimKind.QUANTITY: Category.NUMBER,
    ClaimKind.DATE: Category.DATE,
    ClaimKind.LIST: Category.LIST_MEMBERSHIP,
    ClaimKind.STATEMENT: Category.STATEMENT,
}


def _unique_finding(c: Claim) -> Finding:
    what = c.value if isinstance(c.value, str) else ", ".join(c.value)
    summary = f"Only {c.source_id} states: {_short(what)}" if c.kind is ClaimKind.STATEMENT else f"Only {c.source_id} gives {c.kind} for {c.subject}: {_short(what)}"
    return make(Kind.UNIQUE, _UNIQUE_CATEGORY[c.kind], Severity.INFO, c.subject, summary, (Value(c.source_id, c.value),), (c.evidence,), 1.0)


def _named(c: Claim) -> set[str]:
    """What a claim's sentence is about: its entities, less those it names as its source."""
    return set(c.anchors) - set(c.get("reporters").split("|"))


def _names_it(claim: Claim, member: str) -> bool:
    """Whether a claim's sentence contains a list member's words, as a whole phrase."""
    return f" {' '.join(_words(member))} " in f" {' '.join(_words(claim.evidence.text))} "


def _same_scope(group: Sequence[Claim]) -> bool:
    """Whether the sentences are about the same named things: most of their entities shared."""
    sets = [_named(c) for c in group]
    if not any(sets):
        return True
    return len(set.intersection(*sets)) / len(set.union(*sets)) >= SCOPE_MIN


def _role_head(role: str) -> str:
    """The title word of a role: the last word before 'at', 'of', 'for' or a comma."""
    words = re.split(r"\s+(?:at|of|for|with|in)\s+|,", role.lower(), maxsplit=1)[0].split()
    return words[-1].strip(".") if words else ""


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


def _orgs_overlap(affs: list[set[str]]) -> bool:
    first = affs[0]
    return all(any(names.same_org(x, y) for x in first for y in other) for other in affs[1:])


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


def _short(text: object, limit: int = 90) -> str:
    t = text if isinstance(text, str) else ", ".join(map(str, text))  # type: ignore[call-overload]
    t = " ".join(t.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"
