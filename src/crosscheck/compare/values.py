"""Comparers of values: counts and ages, dates, lists and roles."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import dates, names, nearcopy
from ..align import member_pairs
from ..claims.base import _words
from ..findings import make
from ..model import Category, Claim, Finding, Kind, Severity
from ..quantities import Amount, parse_amount, same_amount, within_bound
from .ages import _ages_apart, _given_two_ages
from .base import DISCREPANCY_MIN, LOOSE, _agree, _evidence, _sources, _values
from .scene import Scene, _named

MAX_RATIO = 20
SCOPE_MIN = 0.5
"""Share of named entities two sentences must have in common for their numbers to be compared."""
GENERIC_THINGS = frozenset({"people", "person", "other", "time", "year", "day", "thing"})


def compare_quantity(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """Counts of one thing: agreement, consistent bounds, or a discrepancy no guard takes for two facts."""
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
    if scene.namesakes(group):
        return None  # both sources give both ages to one name: two people, father and son
    # One total mistyped (_digit_slip) is one fact whatever else the sentences say: a look back
    # in one of them ("Buford, who played from 1995-99") or their other figures do not make it two.
    slip = conf >= DISCREPANCY_MIN and _digit_slip(group)
    years = [frozenset(c.get("years").split()) for c in group]
    if all(years) and len(set(years)) > 1:
        return None  # a 2004 quake's magnitude against this week's: two events
    if not slip and any(c.get("past") for c in group) and not all(years):
        return None  # the same, when only one sentence says when
    others = [set(c.get("others").split()) for c in group]
    if not slip and all(others) and not set.intersection(*others):
        return None  # "25 points and 16 rebounds" against "22 points and nine": another game
    if _states_both(group) or scene.each_gives_all(group):
        return None  # "two touchdowns … three touchdowns on punt runbacks" / "two touchdowns"
    if _ranked_apart(group):
        return None  # "in the fifth game" against "in the second game": another game
    if _done_by_two(group):
        return None  # "Manning completed 17 passes" / "Garrard, who completed 28 passes,": two players'
    shown = " vs ".join(f"{c.value!s} ({c.source_id})" for c in group)
    summary = f"Numbers differ {'by one digit ' if slip else ''}for {subject}: {shown}"
    if _copied_figure(group):
        sure = Severity.WARNING if not _given_two_ages(group, scene) else LOOSE
        return make(Kind.DISCREPANCY, Category.NUMBER, sure, subject, summary, _values(group), _evidence(group), conf)
    if slip:
        return make(Kind.DISCREPANCY, Category.NUMBER, LOOSE, subject, summary, _values(group), _evidence(group), conf)
    if conf >= DISCREPANCY_MIN and _one_measure(group, scene):
        return make(Kind.DISCREPANCY, Category.NUMBER, LOOSE, subject, summary, _values(group), _evidence(group), conf)
    # Below: guards for figures in sentences that only resemble each other (how well they align,
    # what they name, what is done); those above, about which occasion, hold for copied figures too.
    if len({c.get("part") for c in group}) > 1 and not group[0].get("unit"):
        # "scored seven points in the first half" / "scored 14 points": a total of part of a game
        # or a year; not a measure of one thing ("an 86-yard run on the first play of the second half").
        return None
    if conf < DISCREPANCY_MIN or any(c.get("thing") in ("", c.get("unit")) for c in group):
        return None  # a bare duration ("32-year", "four years") says too little to contradict
    if group[0].get("thing") in GENERIC_THINGS and (len({c.get("verb") for c in group}) > 1 or not group[0].get("verb")):
        return None  # "people" counts say nothing unless what happened to them is the same
    if not _same_scope(group, scene) or scene.foreign(group):
        return None  # sentences about different named things
    if not any(c.anchors for c in group) and len({c.get("verb") for c in group}) > 1:
        return None  # nothing named and nothing done in common: too little to call it one fact
    severity = Severity.WARNING if _ages_apart(group, values, scene) else LOOSE
    return make(Kind.DISCREPANCY, Category.NUMBER, severity, subject, summary, _values(group), _evidence(group), conf)


def _states_both(group: Sequence[Claim]) -> bool:
    """Whether a sentence of the group gives another's figure as another of its counts, in the
    same words ("rushed for 404 yards and two touchdowns, … and scored three touchdowns on punt
    runbacks" against "two touchdowns"): the sentences agree on that count, and the other is
    another one, aligned by the words they share. Not a figure inside a larger one ("200
    people" in "1,200 people")."""
    return any(
        d.norm != c.norm
        and str(d.norm) in c.get("others").split()
        and len(str(d.value).split()) > 1
        and re.search(rf"(?<![\w.,$€£-]){re.escape(str(d.value))}(?!\w)", c.evidence.text, re.IGNORECASE)
        for c in group for d in group if d.source_id != c.source_id
    )


def _ranked_apart(group: Sequence[Claim]) -> bool:
    """Whether the sentences rank one thing differently ("2 home runs in the fifth game" / "3 home
    runs in the second game"): counts of two occasions. A rank in one sentence only ("on the first
    play of the second half") says nothing of the other's."""
    ranked = [dict(r.split("=", 1) for r in c.get("ranks").split("|") if r) for c in group]
    return any(x[k] != y[k] for x in ranked for y in ranked for k in x.keys() & y.keys())


def _one_measure(group: Sequence[Claim], scene: Scene) -> bool:
    """Whether the claims measure one thing by one figure set before it ("a 3.2-megapixel
    camera" / "a 5.2-megapixel camera", "a 10-win improvement" / "a 13-win improvement"), and
    each source gives that measure of it once only, in sentences naming no one the other source
    never names, and placed alike: a measure of a state changes, and "a 15-point lead in the fourth
    quarter" may be a later one than "a 10-point lead into halftime". Such a figure describes the
    thing itself, so the sentences need not name the same things or do the same with it ("It
    packs …" / "It has been upgraded with …"): two figures are two accounts of one attribute, a
    lead. A bare count ("17 passes") is not enough: what is done and by whom tell two counts
    apart, and two sources may each give another one."""
    unit, thing = group[0].get("unit"), group[0].get("thing")
    measure = bool(unit) and unit in thing.split() and len(thing.split()) > 1
    alike = all(c.get("thing") == thing for c in group) and len({c.get("scope") for c in group}) == 1
    return measure and alike and scene.one_figure_each(group) and not scene.foreign(group)


def _done_by_two(group: Sequence[Claim]) -> bool:
    """Whether the sentences name who did what is counted, each someone the other sentence does
    not name at all ("Manning completed 17 passes" / "Garrard, who completed 28 passes,"): two
    people's totals, however alike the rest of the sentences run. Not a doer the other sentence
    names too ("President Obama signed" / "the President signed"), nor one name spelt two ways
    ("Qaddafi" / "Gaddafi", "Maning" / "Manning"): one person, maybe misspelt."""
    doers = [c.get("doer") for c in group]
    if not all(doers):
        return False

    def names_it(claim: Claim, doer: str) -> bool:
        return set(_words(doer)) <= set(_words(claim.evidence.text))

    return any(
        not names.respelling(x, y) and not names_it(d, x) and not names_it(c, y)
        for c, x in zip(group, doers, strict=True) for d, y in zip(group, doers, strict=True)
    )


SLIP_MIN = 100
"""The least figure a one-digit difference marks as a slip: 2,129 and 2,029 points are one total
mistyped; 37 and 47 may be two counts."""


def _digit_slip(group: Sequence[Claim]) -> bool:
    """Whether the claims give one total of one thing, done alike to something named alike (the
    same counted thing, not a generic one, the same verb, a name in common), in figures of
    SLIP_MIN or more printed in full that differ in one digit other than the last
    (`_one_digit_apart`): "McDermott now has 2,129 points" / "McDermott now has 2,029 points in
    106 games". Two totals of one thing seldom share every other digit, so one is mistyped. Not
    when either sentence gives other figures of that size ("$1,199 and $1,499 versions; …
    $1,799 and $2,199"): one of a row of prices aligned with another; nor for estimates
    ("about 1,250"), whose last digits are no one's count."""
    thing, verb = group[0].get("thing"), group[0].get("verb")
    if not thing or thing in GENERIC_THINGS or not verb or any(c.get("thing") != thing or c.get("verb") != verb for c in group):
        return False
    if not set.intersection(*(set(c.anchors) for c in group)):
        return False
    digits = [_printed_whole(c) for c in group]
    first = digits[0]
    if first is None or any(d is None or int(d) < SLIP_MIN for d in digits):
        return False
    for c, d in zip(group, digits, strict=True):
        assert d is not None
        if any(o is not None and len(o) == len(d) for o in map(_whole, c.get("others").split())):
            return False  # a row of figures of one size
        if c.approximate or d != first and not _one_digit_apart(d, first):
            return False
    return len(set(digits)) > 1


def _printed_whole(c: Claim) -> str | None:
    """A claim's whole number when its value prints every digit of it ("2, 129 points" is 2129;
    "1.25 million" prints only three of its seven)."""
    whole = _whole(c.norm)
    return whole if whole is not None and "".join(re.findall(r"\d", str(c.value))) == whole else None


def _one_digit_apart(x: str, y: str) -> bool:
    """Whether two figures of as many digits differ in one, with digits other than 0 after it in
    both: 2,129 and 2,029; not the round 23,000 and 20,000 that estimates give, nor 129 and 128,
    a count updated as often as mistyped."""
    apart = [k for k, (a, b) in enumerate(zip(x, y, strict=False)) if a != b]
    return len(x) == len(y) and len(apart) == 1 and x[apart[0] + 1 :].strip("0") != "" != y[apart[0] + 1 :].strip("0")


def _whole(norm: object) -> str | None:
    """A whole number's digits ("2129"), or None for a fraction or what is not a number."""
    try:
        value = float(str(norm))
    except ValueError:
        return None
    return str(int(value)) if value.is_integer() and value >= 0 else None


def _copied_figure(group: Sequence[Claim]) -> bool:
    """Whether every claim whose figure differs from the first's sets it in the same words
    (nearcopy.copied_figure), or in the same sentence with a phrase moved (nearcopy.moved_figure):
    one fact reported with two figures, however loosely the rest of the sentences align. A
    warning, not an error: the rest of the sentences may differ."""
    first = group[0]
    differ = [c for c in group[1:] if c.norm != first.norm]
    return bool(differ) and all(nearcopy.figure_in_same_words(first.evidence.text, _at(first), c.evidence.text, _at(c)) for c in differ)


def _at(c: Claim) -> tuple[int, int]:
    """Where a claim's value stands in its evidence text."""
    return c.span[0] - c.evidence.start, c.span[1] - c.evidence.start


def _same_scope(group: Sequence[Claim], scene: Scene) -> bool:
    """Whether the sentences are about the same named things: most of their entities shared, each
    as the other sentence names it, as a country and its people (`Scene.one_name`: "Russia" /
    "Russian") or printed where its tagger missed it (`_shares`). The share is a Jaccard index, where a name of one sentence the other names in
    another form counts half to each side. A surname against the name in full is not taken for
    one name here: in "Artino … six rebounds" / "Will Artino scored 14 points and Gregory
    Echenique had 11 rebounds", the sentences name the same two players and count another's."""
    sets = [_named(c) for c in group]
    if not any(sets):
        return True
    named = list(zip(group, sets, strict=True))
    for (c, a), (d, b) in ((x, y) for k, x in enumerate(named) for y in named[k + 1 :]):
        if not a and not b:
            continue  # two of three sentences that name nothing
        matched = sum(_shares(n, b, d, scene) for n in a) + sum(_shares(m, a, c, scene) for m in b)
        shared = matched / 2
        if shared / (len(a) + len(b) - shared) < SCOPE_MIN:
            return False
    return True


def _shares(name: str, names_there: set[str], there: Claim, scene: Scene) -> bool:
    """Whether another sentence names what one names: among its entities, in the same form or as
    a country and its people, or printed in its text where the tagger did not mark it ("Yida is
    home to …" / "Nonviolent Peaceforce's Yida protection team"; "about two miles from The
    Geysers" / "2 miles southeast of The Geysers"). Not a person's name: "Artino" is printed in
    "Will Artino" and may name another player (`_same_scope`). Not a name printed only as part of
    a longer one ("Guinea" in "Guinea-Bissau", "Virginia" in "West Virginia" where the other
    sentence names that), nor one the other gives as its source, which `_named` leaves out."""
    if any(scene.one_name(name, m) for m in names_there):
        return True
    if name in scene.people or name in there.get("reporters").split("|"):
        return False
    text = there.evidence.text
    for longer in (m for m in there.anchors if name in m and m != name):
        text = text.replace(longer, " ")
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def compare_date(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """Dates of one thing: agreement (a weekday and the date it falls on too) or a discrepancy."""
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


def compare_list(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """Lists of one thing: agreement, or the members only one source lists."""
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


def _names_it(claim: Claim, member: str) -> bool:
    """Whether a claim's sentence contains a list member's words, as a whole phrase."""
    return f" {' '.join(_words(member))} " in f" {' '.join(_words(claim.evidence.text))} "


def compare_role(group: tuple[Claim, ...], conf: float, scene: Scene) -> Finding | None:
    """One person's roles: agreement on a shared word, or the same title with another body."""
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


def _role_head(role: str) -> str:
    """The title word of a role: the last word before 'at', 'of', 'for' or a comma."""
    words = re.split(r"\s+(?:at|of|for|with|in)\s+|,", role.lower(), maxsplit=1)[0].split()
    return words[-1].strip(".") if words else ""


def _orgs_overlap(affs: list[set[str]]) -> bool:
    first = affs[0]
    return all(any(names.same_org(x, y) for x in first for y in other) for other in affs[1:])
