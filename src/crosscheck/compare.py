"""Comparing aligned claims: agreement, discrepancy (with category and severity) or unique.

Comparers are registered per claim kind and see only `Claim` values. Equivalent values agree:
a weekday and the date it falls on, "Sony" and "Sony Group" in a list, "some 200"
and "about 200". Name spellings are compared on the entities, inside and across sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from . import dates, names
from .align import Group, member_pairs
from .claims.base import _words
from .claims.quotes import gist
from .findings import make
from .model import Category, Claim, ClaimKind, Entities, Finding, Kind, Severity, Value
from .quantities import Amount, parse_amount, same_amount, within_bound

DISCREPANCY_MIN = 0.6
"""Below this alignment confidence a conflicting pair is more likely two facts than one."""
STATEMENT_AGREE_MIN = 0.8
MAX_RATIO = 20
SCOPE_MIN = 0.5
"""Share of named entities two sentences must have in common for their numbers to be compared."""
GENERIC_THINGS = frozenset({"people", "person", "other", "time", "year", "day", "thing"})

@dataclass(frozen=True, slots=True)
class Scene:
    """What a comparer may know beyond its group: the entities each source names anywhere.

    Empty (the default) when the caller has no entities: then nothing counts as foreign.
    """

    known: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actors: frozenset[str] = frozenset()

    @classmethod
    def of(cls, all_entities: Sequence[Entities], global_names: Mapping[str, str]) -> Scene:
        """The global names each source uses, and which of them are people or organisations."""
        known = {
            ents.source_id: frozenset(global_names.get(e.key, e.name) for e in ents.entities) for ents in all_entities
        }
        actors = frozenset(
            global_names.get(e.key, e.name) for ents in all_entities for e in ents.entities if e.label in ("PERSON", "ORG")
        )
        return cls(known, actors)

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


def compare(claims: Sequence[Claim], groups: Sequence[Group], scene: Scene | None = None) -> tuple[Finding, ...]:
    """Findings for every aligned group, then unique findings for what nothing matched."""
    out: list[Finding] = []
    matched: set[int] = set()
    scene = scene or Scene()
    for g in groups:
        if len(g.members) < 2:
            continue
        group = tuple(claims[i] for i in g.members)
        finding = COMPARERS[group[0].kind](group, g.confidence, scene)
        matched.update(g.members)
        if finding is not None:
            out.append(finding)
    out.extend(_unique(claims, matched))
    return tuple(out)


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
    if conf < DISCREPANCY_MIN or any(c.get("thing") in ("", c.get("unit")) for c in group):
        return None  # a bare duration ("32-year", "four years") says too little to contradict
    values = [abs(a.value) for a in amounts]
    if min(values) == 0 or max(values) / min(values) > MAX_RATIO:
        return None  # 5 against 168,000: two different counts, not one misreported
    if group[0].get("thing") in GENERIC_THINGS and (len({c.get("verb") for c in group}) > 1 or not group[0].get("verb")):
        return None  # "people" counts say nothing unless what happened to them is the same
    scopes = [set(c.get("scope").split()) for c in group]
    if all(scopes) and not set.intersection(*scopes):
        return None  # 170,000 dead "in the province" against 230,000 "in 13 countries": two scopes
    if not _same_scope(group) or scene.foreign(group):
        return None  # sentences about different named things
    years = [frozenset(c.get("years").split()) for c in group]
    if all(years) and len(set(years)) > 1 or any(c.get("past") for c in group) and not all(years):
        return None  # a 2004 quake's magnitude against this week's: two events
    if not any(c.anchors for c in group) and len({c.get("verb") for c in group}) > 1:
        return None  # nothing named and nothing done in common: too little to call it one fact
    others = [set(c.get("others").split()) for c in group]
    if all(others) and not set.intersection(*others):
        return None  # "25 points and 16 rebounds" against "22 points and nine": another game
    exact = not any(a.approximate for a in amounts)
    severity = Severity.ERROR if exact and conf >= 0.75 else Severity.WARNING
    shown = " vs ".join(f"{c.value!s} ({c.source_id})" for c in group)
    return make(Kind.DISCREPANCY, Category.NUMBER, severity, subject, f"Numbers differ for {subject}: {shown}", _values(group), _evidence(group), conf)


@comparer(ClaimKind.DATE)
def _date(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    isos = [str(c.norm) for c in group]
    subject = group[0].subject
    if all(dates.compatible(isos[0], x) for x in isos[1:]):
        return _agree(group, Category.DATE, subject, f"{_sources(group)} agree on the date: {isos[0]}", conf)
    if conf < DISCREPANCY_MIN or any(x.startswith("--") for x in isos) and len({len(x) for x in isos}) > 1:
        return None
    if scene.foreign(group):
        return None  # "told CNN in 2006" and "told Vanity Fair in 2005": two occasions
    shown = " vs ".join(f"{c.value} = {c.norm} ({c.source_id})" for c in group)
    return make(Kind.DISCREPANCY, Category.DATE, Severity.WARNING, subject, f"Dates differ for {subject}: {shown}", _values(group), _evidence(group), conf)


@comparer(ClaimKind.LIST)
def _list(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    first = group[0]
    missing: list[str] = []
    for other in group[1:]:
        pairs = member_pairs(list(first.value), list(other.value))
        # A member the other sentence names too, outside what the parser read as its list
        # ("planning, design, and operations support"), is not missing from it.
        a_only = [m for i, m in enumerate(first.value) if i not in {p[0] for p in pairs} and not _names_it(other, m)]
        b_only = [m for j, m in enumerate(other.value) if j not in {p[1] for p in pairs} and not _names_it(first, m)]
        missing += [f"{m} (only {first.source_id})" for m in a_only]
        missing += [f"{m} (only {other.source_id})" for m in b_only]
    subject = first.get("about") or "list"
    verbs = [set(c.get("verbs").split()) for c in group]
    if missing and all(verbs) and not set.intersection(*verbs):
        return None  # "pressed to renegotiate" and "considered for exemption": lists of other things
    if not missing:
        return _agree(group, Category.LIST_MEMBERSHIP, subject, f"{_sources(group)} list the same {subject} members", conf)
    exhaustive = all(c.exhaustive for c in group)
    severity = Severity.WARNING if exhaustive else Severity.INFO
    summary = f"Lists of {subject} differ: " + "; ".join(dict.fromkeys(missing))
    return make(Kind.DISCREPANCY, Category.LIST_MEMBERSHIP, severity, subject, summary, _values(group), _evidence(group), conf)


@comparer(ClaimKind.QUOTE)
def _quote(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    speakers = [c.get("speaker") for c in group]
    known = [s for s in speakers if s]
    subject = known[0] if known else "(unattributed)"
    # A spokesman and the body he speaks for are both right: only people against people conflict,
    # and only people each source names at the quote (not a "he said" resolved by guess).
    people = all(c.get("speaker_kind") in ("", "PERSON") and c.get("speaker_named") for c in group)
    if people and len(set(known)) == len(group) and len(set(known)) > 1 and not _same_speaker(known):
        shown = " vs ".join(f"{s or '?'} ({c.source_id})" for s, c in zip(speakers, group, strict=True))
        vals = tuple(Value(c.source_id, s or "(unattributed)") for s, c in zip(speakers, group, strict=True))
        sev = Severity.ERROR if conf >= 0.95 else Severity.WARNING
        return make(Kind.DISCREPANCY, Category.QUOTE_SPEAKER, sev, _short(group[0].value), f"The same words are attributed to different people: {shown}", vals, _evidence(group), conf)
    contained = any(
        all(_contains(norms[0], n) or _contains(n, norms[0]) for n in norms[1:])
        for norms in ([str(c.norm) for c in group], [gist(str(c.value)) for c in group])
    )
    if contained:
        return _agree(group, Category.QUOTE_WORDING, subject, f"{_sources(group)} quote {subject} alike: “{_short(group[0].value)}”", conf)
    return make(Kind.DISCREPANCY, Category.QUOTE_WORDING, Severity.WARNING, subject, f"Quote of {subject} worded differently", _values(group), _evidence(group), conf)


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
        return make(Kind.DISCREPANCY, Category.ROLE, Severity.WARNING, subject, f"Roles differ for {subject}: {shown}", _values(group), _evidence(group), conf)
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
    if len({bool(c.get("negated")) for c in group}) > 1:
        if conf < NEGATION_MIN or _extends(group) or _denies_another(group):
            return None  # alike enough to agree, not to say one source denies the other's words
        summary = "One source negates what the other states: " + " / ".join(f"{_short(c.value, 60)} ({c.source_id})" for c in group)
        return make(Kind.DISCREPANCY, Category.STATEMENT, Severity.WARNING, "statement", summary, _values(group), _evidence(group), conf)
    return _agree(group, Category.STATEMENT, "statement", f"{_sources(group)} state the same: {_short(group[0].value)}", conf)


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


def name_findings(all_entities: Sequence[Entities], global_names: dict[str, str], sentences: dict[str, Sequence]) -> list[Finding]:
    """Spelling discrepancies of people's names, inside one source and across sources."""
    out: list[Finding] = []
    for ents in all_entities:
        for e in ents.entities:
            if e.label != "PERSON" or len(e.forms) < 2:
                continue
            for form in e.forms[1:]:
                differ = names.spelling(e.forms[0], form)
                if differ is None:
                    continue  # hyphens, spaces and initials are house style, not spelling
                base, other, _ = differ
                sev = Severity.WARNING
                ev = [_name_evidence(ents, e.key, f, sentences) for f in (e.forms[0], form)]
                vals = (Value(ents.source_id, base), Value(ents.source_id, other))
                summary = f"{ents.source_id} spells {e.name!s} two ways: {base} / {other}"
                out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, sev, global_names.get(e.key, e.name), summary, vals, ev, 0.9))
    # Across sources: one person under spellings that differ beyond formatting.
    by_global: dict[str, list[tuple[Entities, str]]] = {}
    for ents in all_entities:
        for e in ents.entities:
            if e.label == "PERSON":
                by_global.setdefault(global_names.get(e.key, e.name), []).append((ents, e.key))
    for gname, members in sorted(by_global.items()):
        out += _split_person(gname, members, sentences)
        if len({m[0].source_id for m in members}) < 2:
            continue
        first_ents, first_key = members[0]
        first_form = first_ents.by_key()[first_key].forms[0]
        for ents, key in members[1:]:
            if ents.source_id == first_ents.source_id:
                continue
            other_form = ents.by_key()[key].forms[0]
            differ = names.spelling(first_form, other_form)
            if differ is None:
                continue
            base, form, kind = differ
            sev = Severity.WARNING if kind is names.Variant.LETTERS else Severity.INFO
            ev = [_name_evidence(first_ents, first_key, first_form, sentences), _name_evidence(ents, key, other_form, sentences)]
            vals = (Value(first_ents.source_id, base), Value(ents.source_id, form))
            out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, sev, gname, f"Name spelt differently: {base} ({first_ents.source_id}) vs {form} ({ents.source_id})", vals, ev, 0.8))
    return out


def _split_person(gname: str, members: list[tuple[Entities, str]], sentences: dict[str, Sequence]) -> list[Finding]:
    """One source naming a person under two entities that link to one person, one typing slip
    apart ("Mara Lindvqist" in a headline, "Mara Lindqvist" in the body): a spelling it varies."""
    out = []
    for n, (ents, key) in enumerate(members):
        for other_ents, other_key in members[n + 1 :]:
            if other_ents.source_id != ents.source_id:
                continue
            a, b = ents.by_key()[key].forms[0], ents.by_key()[other_key].forms[0]
            differ = names.spelling(a, b)
            if differ is None or differ[2] is not names.Variant.LETTERS or not names.one_slip(differ[0], differ[1]):
                continue  # one slip only: two people of one family differ by more
            base, other, _ = differ
            ev = [_name_evidence(ents, key, a, sentences), _name_evidence(ents, other_key, b, sentences)]
            vals = (Value(ents.source_id, base), Value(ents.source_id, other))
            summary = f"{ents.source_id} spells {gname} two ways: {base} / {other}"
            out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, Severity.WARNING, gname, summary, vals, ev, 0.9))
    return out


def _name_evidence(ents: Entities, key: str, form: str, sentences: dict[str, Sequence]):  # type: ignore[no-untyped-def]
    from .model import Evidence

    ref = next(r for r in ents.refs if r.entity == key and r.form == form)
    sent = sentences[ents.source_id][ref.sentence]
    return Evidence(ents.source_id, sent.text, sent.start, sent.end)


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
        for s in speakers[1:]
    )


def _orgs_overlap(affs: list[set[str]]) -> bool:
    first = affs[0]
    return all(any(names.same_org(x, y) for x in first for y in other) for other in affs[1:])


def _contains(a: str, b: str) -> bool:
    """Whether quote words `b` lie within `a`, spacing aside ("goodwill" / "good will")."""
    return b in a or b.replace(" ", "") in a.replace(" ", "")


def _short(text: object, limit: int = 90) -> str:
    t = text if isinstance(text, str) else ", ".join(map(str, text))  # type: ignore[call-overload]
    t = " ".join(t.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"
