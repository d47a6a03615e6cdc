"""People's ages: how far apart two sources may give one, and one source giving a person two.

An age set beside a name ("Katie Jenkin, 20,") is the person's age when the article was
written, so one article has one such age per person and reports of one event differ at most by
the birthdays between them. Ages found any other way ("aged 21 when", "then 17", "his father was
77") may be of another time or another person, and are never held to that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import names
from ..findings import make
from ..model import Category, Claim, ClaimKind, Finding, Kind, Severity, Value
from .base import LOOSE
from .scene import Scene

AGE_SLACK = 1
"""Years two sources may give apart for one person's age: a birthday between two reports."""
_COUNT = {2: "two", 3: "three", 4: "four"}

_NAMESAKE = re.compile(rf"\b(?:{names.GENERATIONS}|junior|senior|also named|also called|namesake|of the same name)\b", re.I)
"""Words that tell two people of one name apart: a father and son may both be "John Smith, NN,"."""


def _ages_apart(group: Sequence[Claim], values: Sequence[float], scene: Scene) -> bool:
    """Whether the claims give one person's age, set beside the name in each sentence, further
    apart than birthdays explain ("Gigante, 77," / "Gigante, 97,"): a person has one age in
    reports of one event, so once every guard on the sentences has let the pair through, one of
    them is wrong. An age found any other way ("his father was 77", "aged 21 when", "then 17")
    may be another person's or of another time, and stays a lead; so do the ages of two people
    whose sentences align (a driver's and the victim's), and ages of a name that a source gives
    two ages (a father and son of one name, or a slip in one article)."""
    one = len({c.subject for c in group}) == 1 and not _given_two_ages(group, scene)
    ages = all(c.get("thing") == "age" and c.get("apposed") for c in group)
    return one and ages and max(values) - min(values) > _age_slack(group, scene)


def _given_two_ages(group: Sequence[Claim], scene: Scene) -> bool:
    """Whether a source gives the person of an age claim two ages: a father and son of one name
    ("John Smith, 24, and his father, also named John Smith, 52,"), or a slip in one article.
    Either way, which of them another source's age is of cannot be told."""
    return any(c.get("thing") == "age" and len(scene.ages_of(c)) > 1 for c in group)


def _age_slack(group: Sequence[Claim], scene: Scene) -> float:
    """AGE_SLACK, plus the years between the reports when every source gives its publication
    date: "Dana Hollis, 33," in 2021 and "Dana Hollis, 35," in 2023 agree."""
    known = [scene.published[c.source_id] for c in group if c.source_id in scene.published]
    if len(known) < len(group):
        return AGE_SLACK
    return AGE_SLACK + (max(known) - min(known)).days / 365.25


def two_ages_in_one_source(claims: Sequence[Claim]) -> list[Finding]:
    """A source that sets two ages beside one person's name ("Katie Jenkin, 20," and later
    "Katie Jenkin, 25,"): one of them is wrong, whatever the other sources say.

    Only ages set right after the person's full name count (`_own_age`: not "Gomes' mother,
    Katherine, 61,", nor "Mrs Hollis, 58,"), in sentences that look back to no other time ("Felt,
    92, told CNN in 2006"), and not where the sentences tell two people of one name apart ("John
    Smith Jr., 24,") or one sentence gives both ("John Smith, 24, and his father John Smith, 52,").
    """
    by_person: dict[tuple[str, str], dict[str, Claim]] = {}
    for c in claims:
        if _own_age(c):
            by_person.setdefault((c.source_id, c.subject), {}).setdefault(str(c.norm), c)
    out = []
    for (source_id, subject), by_age in by_person.items():
        given = list(by_age.values())
        values = [float(str(c.norm)) for c in given]
        if len(given) < 2 or max(values) - min(values) <= AGE_SLACK:
            continue
        if any(_NAMESAKE.search(c.evidence.text) for c in given) or len({c.sentence for c in given}) < len(given):
            continue  # two people of one name, told apart, or named together in one sentence
        person = _person(subject)
        shown = " / ".join(str(c.value) for c in given)
        summary = f"{source_id} gives {person} {_COUNT.get(len(given), str(len(given)))} ages: {shown}"
        vals = tuple(Value(c.source_id, c.value) for c in given)
        out.append(make(Kind.DISCREPANCY, Category.NUMBER, Severity.WARNING, subject, summary, vals, [c.evidence for c in given], 0.9))
    return out


DIED = re.compile(r"\b(?:died|dies|passed away|found dead|dead at)\b", re.I)
"""Words by which a sentence says someone died."""


def death_ages_apart(claims: Sequence[Claim], found: Sequence[Finding]) -> list[Finding]:
    """One person given different ages at death, by two sources ("died … at the age of 91" /
    "She was 114." in another obituary) or by one: a lead, whatever the sentences say besides.

    An age at death is fixed, so no gap between reports explains two of them, and no sentence
    alignment is needed to compare them (`_death_ages` says which ages are). Ages further apart
    than AGE_SLACK only, which outlets counting from an unsure birth date may differ by; and not
    where a sentence tells two people of one name apart. `found` (the findings so far) keeps two
    ages another comparer already reported from being reported again."""
    by_person: dict[str, dict[tuple[str, str], Claim]] = {}  # each source's ages, the first claim of each
    for c in _death_ages(claims):
        by_person.setdefault(names.without_generation(c.subject), {}).setdefault((c.source_id, str(c.norm)), c)
    reported = [{(e.source, e.start) for e in f.evidence} for f in found if f.kind is Kind.DISCREPANCY]

    def told(c: Claim, d: Claim) -> bool:
        return any({(c.evidence.source, c.evidence.start), (d.evidence.source, d.evidence.start)} <= seen for seen in reported)

    out = []
    for subject, given in sorted(by_person.items()):
        group = sorted(given.values(), key=lambda c: c.source_id)  # stable: a source's ages in reading order
        apart = [(c, d) for n, c in enumerate(group) for d in group[n + 1 :] if abs(float(str(c.norm)) - float(str(d.norm))) > AGE_SLACK]
        if not apart or all(told(c, d) for c, d in apart) or any(_NAMESAKE.search(c.evidence.text) for c in group):
            continue
        person = _person(subject)
        shown = " vs ".join(f"{c.value} ({c.source_id})" for c in group)
        summary = f"Ages at death differ for {person}: {shown}"
        vals = tuple(Value(c.source_id, c.value) for c in group)
        out.append(make(Kind.DISCREPANCY, Category.NUMBER, LOOSE, subject, summary, vals, [c.evidence for c in group], 0.7))
    return out


def _death_ages(claims: Sequence[Claim]) -> list[Claim]:
    """Ages at death, of the time of the report: an age whose clause's verb is "die" ("Frederick
    LaRue, 75, … died", "died on Thursday at the age of 91"; not "Orozco, 29, was convicted in
    the death of …", nor "Smith, 45, killed …", where the one who died is another), or a
    sentence that is the age alone ("He was 75.") right after one that says this person died
    (DIED: "LaRue … was found dead in a hotel room. He was 75."). Not in a sentence that looks
    back to another year ("died in 1990 at the age of 60"), which may be a relative's death."""
    dead = {(c.source_id, c.sentence, a) for c in claims if c.get("verb") == "die" or DIED.search(c.evidence.text) for a in c.anchors}
    return [
        c for c in claims
        if c.kind is ClaimKind.QUANTITY and c.get("thing") == "age" and c.subject != "age of (person)" and not c.get("past")
        and (c.get("verb") == "die" or len(c.evidence.text.split()) <= 4 and (c.source_id, c.sentence - 1, _person(c.subject)) in dead)
    ]


def _person(subject: str) -> str:
    """The person of an age claim's subject ("age of Fred LaRue", as claims.numbers writes it)."""
    return subject.removeprefix("age of ")


KIN = frozenset({
    "son", "daughter", "father", "mother", "brother", "sister", "wife", "husband", "widow", "widower", "nephew", "niece",
    "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother", "stepson", "stepdaughter",
    "stepfather", "stepmother", "dad", "mum", "mom", "twin", "child", "parent",
})
"""Words that introduce a relative ("his son, John Smith, 24,"), who may bear the name in full too."""


def _own_age(c: Claim) -> bool:
    """Whether a claim is an age set right after its person's full name ("Katie Jenkin, 20,"),
    of the time of writing. Not after a surname alone or a title ("Mrs Hollis, 58,", "the younger
    Brown, 19,"), which the parser may give the wrong one of two relatives, nor after a word that
    introduces a relative ("his son, John Smith, 24,"), who may bear the name in full."""
    if c.kind is not ClaimKind.QUANTITY or c.get("thing") != "age" or not c.get("apposed") or c.get("past"):
        return False
    before = names.fold(c.evidence.text[: c.span[0] - c.evidence.start]).rstrip()
    person = names.fold(_person(c.subject))
    if len(person.split()) < 2 or not before.endswith(","):
        return False
    before = before[:-1].rstrip()
    if not before.endswith(person) or before[: -len(person)][-1:].isalnum():
        return False
    return not any(w.strip(",;:") in KIN for w in before[: -len(person)].split()[-2:])
