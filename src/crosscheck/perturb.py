"""Controlled edits of real articles, with the gold that says what crosscheck must report.

Each edit changes one fact in a copy of an article (a respelt name, a changed number, a shifted
date, a dropped list member, a swapped quote speaker) and records where and how, so regression
suites can be built from any corpus. Targets are chosen from the claims crosscheck extracts,
deterministically from the article's text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from . import dates, names
from .model import Category, Claim, ClaimKind, Entities, Source

if TYPE_CHECKING:
    from .pipeline import Analysis


class Edit(StrEnum):
    """The kinds of controlled edit."""

    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    LIST = "list"
    SPEAKER = "speaker"
    NEGATION = "negation"


CATEGORY = {
    Edit.NAME: Category.NAME_SPELLING,
    Edit.NUMBER: Category.NUMBER,
    Edit.DATE: Category.DATE,
    Edit.LIST: Category.LIST_MEMBERSHIP,
    Edit.SPEAKER: Category.QUOTE_SPEAKER,
    Edit.NEGATION: Category.STATEMENT,
}
_WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True, slots=True)
class Perturbation:
    """One recorded edit: replace text[start:end] (== old) by new; the finding must name `expect`."""

    edit: Edit
    start: int
    end: int
    old: str
    new: str
    expect: tuple[str, ...]
    note: str

    def apply(self, text: str) -> str:
        """The edited text."""
        assert text[self.start : self.end] == self.old, "perturbation does not fit this text"
        return text[: self.start] + self.new + text[self.end :]

    @property
    def category(self) -> Category:
        """The finding category the edit must produce."""
        return CATEGORY[self.edit]


def candidates(
    source: Source, entities: Entities, claims: Sequence[Claim], edit: Edit, global_names: dict[str, str] | None = None
) -> list[Perturbation]:
    """Every edit of this kind the article allows, in text order."""
    mine = [c for c in claims if c.source_id == source.id]
    make = {
        Edit.NAME: lambda: _names(source, entities),
        Edit.NUMBER: lambda: _numbers(source, mine),
        Edit.DATE: lambda: _dates(source, mine),
        Edit.LIST: lambda: _lists(source, mine),
        Edit.SPEAKER: lambda: _speakers(source, entities, mine, global_names or {}),
        Edit.NEGATION: lambda: _negations(source, mine),
    }[edit]
    # An edit inside quotation marks changes the quote's wording, which is a quote_wording finding;
    # the suite tests each category on its own, so only the speaker edit may touch a quote.
    quoted = [(c.span[0], c.span[1]) for c in mine if c.kind is ClaimKind.QUOTE]
    options = [p for p in make() if edit is Edit.SPEAKER or not any(a <= p.start < b for a, b in quoted)]
    return sorted(options, key=lambda p: (p.start, p.end))


def options(analysis: Analysis, edit: Edit, against: bool = False) -> list[Perturbation]:
    """The edits of this kind the first analysed source allows; `against` the second source, only
    of facts both state: claims they agree on, and names of people both name.

    Against another article the edited name, number or date is reported beside that article's
    wording of it, which need not be this one's ("Heffner" here, "Hefner" there; "Friday August 2,
    2013" here, "August 2, 2013" there): the finding must name the new value.
    """
    article, ents = analysis.parsed[0].source, analysis.entities[0]
    if not against:
        return candidates(article, ents, analysis.claims, edit, analysis.global_names)
    found = candidates(article, ents, agreed_claims(analysis.claims, article.id), edit, analysis.global_names)
    if edit is Edit.NAME:
        theirs = {analysis.global_names[e.key] for other in analysis.entities[1:] for e in other.entities}
        both = {e.key for e in ents.entities if analysis.global_names[e.key] in theirs}
        # The person whose mention is respelt, not any namesake: "Salvatore Gigante" is no edit of
        # a fact the other article states because it names "Vincent Gigante".
        found = [p for p in found if any(r.entity in both and r.start <= p.start < r.end for r in ents.refs)]
    if edit in (Edit.NAME, Edit.NUMBER, Edit.DATE):
        found = [replace(p, expect=(p.new,)) for p in found]
    return found


def choose(source: Source, options: Sequence[Perturbation], salt: str = "") -> Perturbation | None:
    """Pick one option, the same one every time for the same article."""
    if not options:
        return None
    digest = hashlib.sha256((source.text + salt).encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def _respell(word: str) -> str | None:
    """A plausible slip: two neighbouring inner letters swapped."""
    if len(word) < 5 or not word.isalpha():
        return None
    for i in range(1, len(word) - 2):
        a, b = word[i], word[i + 1]
        if a != b and a.isalpha() and b.isalpha():
            new = word[:i] + b + a + word[i + 2 :]
            if names.skeleton(new) != names.skeleton(word):
                return new
    return None


def _names(source: Source, entities: Entities) -> list[Perturbation]:
    out = []
    text = source.text
    for e in entities.entities:
        if e.label != "PERSON" or len(e.name.split()) < 2:
            continue
        surname = e.name.split()[-1]
        new = _respell(surname)
        if new is None:
            continue
        for r in entities.refs:
            if r.entity != e.key:
                continue
            at = text.find(surname, r.start, r.end)
            if at >= 0:
                note = f"{surname} respelt {new} once"
                out.append(Perturbation(Edit.NAME, at, at + len(surname), surname, new, (surname, new), note))
                break
    return out


def _numbers(source: Source, claims: Sequence[Claim]) -> list[Perturbation]:
    out = []
    text = source.text
    for c in claims:
        if c.kind is not ClaimKind.QUANTITY or not c.get("thing") or c.get("thing") == c.get("unit"):
            continue
        phrase = text[c.span[0] : c.span[1]]
        m = re.search(r"\d{1,3}(?:, \d{3})+\b|\d(?:[\d,]*\d)?(?:\.\d+)?", phrase)  # "15, 000" as detokenised
        if m:
            old = m.group(0)
            value = float(old.replace(",", "").replace(" ", ""))
            if value < 2 or (1900 <= value <= 2100 and "." not in old) or _not_a_count(text, c.span[0] + m.start(), c.span[0] + m.end()):
                continue
            # A quarter more: beyond the tolerance of "about" and "some", still a plausible value.
            new_value = value + max(2, -(-value * 0.25 // 1)) if value >= 1 else value + 0.5
            new = f"{new_value:,.0f}" if "," in old else (f"{new_value:g}" if "." in old else str(int(new_value)))
            new = new.replace(",", ", ") if ", " in old else new
            start = c.span[0] + m.start()
        else:
            w = re.search(r"\b(" + "|".join(_WORD_NUMBERS[:-2]) + r")\b", phrase, re.I)
            if not w:
                continue
            old = w.group(1)
            idx = _WORD_NUMBERS.index(old.lower())
            new = _WORD_NUMBERS[idx + 2]
            new = new.capitalize() if old[0].isupper() else new
            start = c.span[0] + w.start()
        out.append(Perturbation(Edit.NUMBER, start, start + len(old), old, new, (old, new), f"{c.subject}: {old} changed to {new}"))
    return out


def _not_a_count(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is part of a date ("4 November", "May 4"), a time of
    day ("09: 30") or a web address ("_ article _ 80744"): changing it is a date edit, or no edit
    of a fact at all."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 12) : start])
    after = re.findall(r"[^\W\d_]+", text[end : end + 12])
    near_month = any(dates.is_month(w) for w in before[-1:] + after[:1])
    # "09: 30", "9.30 am": a time; "09 / 14 / 2013", "14/09": a date in figures
    clock = re.match(r"\s?(?:[:.]\s?\d\d|/\s?\d)", text[end : end + 5]) is not None or re.search(r"\d\s?/\s?$", text[max(0, start - 5) : start]) is not None
    return near_month or clock or re.search(r"[/_=]\s?$|www|http", text[max(0, start - 40) : start]) is not None


def _dates(source: Source, claims: Sequence[Claim]) -> list[Perturbation]:
    out = []
    text = source.text
    for c in claims:
        if c.kind is not ClaimKind.DATE:
            continue
        old = text[c.span[0] : c.span[1]]
        new = _shift_date(old)
        if new is None or dates.resolve(new, source.published) == dates.resolve(old, source.published):
            continue
        out.append(Perturbation(Edit.DATE, c.span[0], c.span[1], old, new, (old, new), f"{c.subject}: {old} shifted to {new}"))
    return out


def _shift_date(old: str) -> str | None:
    for n, weekday in enumerate(_WEEKDAYS):
        if re.fullmatch(weekday, old, re.I):
            return _WEEKDAYS[(n + 2) % 7]
    m = re.fullmatch(r"(.*?\b)(\d{1,2})(\b.*)", old)
    if m and not re.search(r"\d{4}", m.group(1) + m.group(3)) or (m and re.search(r"[A-Za-z]", old) and int(m.group(2)) <= 31):
        day = int(m.group(2))
        new_day = day + 2 if day <= 26 else day - 2
        return f"{m.group(1)}{new_day}{m.group(3)}"
    m = re.fullmatch(r"(.*?)\b(1[89]\d\d|20\d\d)\b(.*)", old)
    if m:
        return f"{m.group(1)}{int(m.group(2)) - 2}{m.group(3)}"
    return None


def _lists(source: Source, claims: Sequence[Claim]) -> list[Perturbation]:
    out = []
    text = source.text
    for c in claims:
        if c.kind is not ClaimKind.LIST or len(c.value) < 3:
            continue
        spans = [tuple(map(int, s.split("-"))) for s in c.get("members").split("|") if s]
        if len(spans) < 3:
            continue
        k = len(spans) // 2  # a middle member: dropping it leaves a well-formed list
        prev_end, (start, end) = spans[k - 1][1], spans[k]
        old = text[prev_end:end]
        member = text[start:end]
        out.append(Perturbation(Edit.LIST, prev_end, end, old, "", (member,), f"{member} dropped from the list of {c.subject}"))
    return out


def _speakers(source: Source, entities: Entities, claims: Sequence[Claim], global_names: dict[str, str]) -> list[Perturbation]:
    out = []
    text = source.text
    persons = [e for e in entities.entities if e.label == "PERSON" and len(e.name.split()) >= 2 and _plain_name(e.name)]
    for c in claims:
        speaker = c.get("speaker")
        if c.kind is not ClaimKind.QUOTE or not speaker:
            continue
        who = [e for e in persons if global_names.get(e.key, e.name) == speaker]
        others = [e for e in persons if global_names.get(e.key, e.name) != speaker]
        if not who or not others:
            continue
        ev = c.evidence
        for form in sorted({*who[0].forms, *who[0].aliases, who[0].name}, key=len, reverse=True):
            for m in re.finditer(re.escape(form), text[ev.start : ev.end]):
                at = ev.start + m.start()
                if c.span[0] <= at < c.span[1]:
                    continue
                other = others[0]
                new = other.name if len(form.split()) > 1 else other.name.split()[-1]
                new_global = global_names.get(other.key, other.name)
                # Surnames: the report may name either person by a shorter form than the gold's.
                expect = (speaker.split()[-1], new_global.split()[-1])
                out.append(Perturbation(Edit.SPEAKER, at, at + len(form), form, new, expect, f"quote given to {new_global} instead of {speaker}"))
                break
            else:
                continue
            break
    return out


def _plain_name(name: str) -> bool:
    """A person's name fit to swap in: capitalised words or initials, no office ("Murdering
    Sheriff") and no debris of the page ("N. htm Chargers")."""
    words = name.split()
    return all(
        re.fullmatch(r"[A-Z]\.", w) or (re.fullmatch(r"[A-Z][\w'’-]+", w) and w.lower() not in names.HONORIFICS and w[1:] != w[1:].upper())
        for w in words
    ) and not all(re.fullmatch(r"[A-Z]\.", w) for w in words)


_IRREGULAR = "been|won|made|said|told|left|lost|met|put|set|got|led|held|kept|paid|sold|sent|spent|built|found|brought|bought|caught|fought|thought|done|gone|come|become|run|hit|cut|struck"
_NOT_PARTICIPLES = r"(?:(?:wo)?men|children|seven|eleven|\w+teen|dozen|citizens?|kitchen|garden|chicken|oxygen|screen|green|ten|often)\b"
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|(?:has|have|had)(?=\s+(?!" + _NOT_PARTICIPLES + r")(?:[a-z]+(?:ed|en|wn)|" + _IRREGULAR + r")\b))(\s+)(?!not\b|n't\b)")
"""An auxiliary in lower case: a capitalised "Will" or "Can" is as often a first name. "has" and
"have" only before a participle ("has not been", not "have not Kevin Youkilis at first base");
"do" and "did" not at all, which in a plain statement are nearly always the main verb."""


def _negations(source: Source, claims: Sequence[Claim]) -> list[Perturbation]:
    """Insert 'not' after the first auxiliary of a plain statement outside quotation marks."""
    out = []
    for c in claims:
        if c.kind is not ClaimKind.STATEMENT or c.get("negated") or any(q in c.evidence.text for q in "“\""):
            continue
        m = _AUX.search(c.evidence.text)
        if not m:
            continue
        at = c.evidence.start + m.end(1)
        negated = c.evidence.text[: m.end(1)] + " not" + c.evidence.text[m.end(1) :]
        # The finding must quote the negated sentence; the other side may word it otherwise.
        out.append(Perturbation(Edit.NEGATION, at, at, "", " not", (negated[:40],), f"negated: {c.evidence.text[:60]}…"))
    return out


def agreed_claims(claims: Sequence[Claim], source_id: str) -> list[Claim]:
    """Claims of `source_id` that another source states too, with the same value."""
    return [c for group in agreed_groups(claims) for c in group if c.source_id == source_id]


def agreed_groups(claims: Sequence[Claim]) -> tuple[tuple[Claim, ...], ...]:
    """Aligned claims of several sources that crosscheck finds in agreement.

    Only agreements aligned with the confidence at which a conflict would be reported count:
    a looser match is no evidence that both articles state the fact.
    """
    return _agreed_groups(tuple(claims))


@lru_cache(maxsize=2)
def _agreed_groups(claims: tuple[Claim, ...]) -> tuple[tuple[Claim, ...], ...]:
    """`agreed_groups`, kept for the last claims: a suite asks it of one analysis once per kind
    of edit and again for each edit's witnesses, and each asking aligns every claim."""
    from .align import Group, align
    from .compare import DISCREPANCY_MIN, compare
    from .model import Kind

    out = []
    for g in align(claims):
        if len(g.members) < 2 or g.confidence < DISCREPANCY_MIN:
            continue
        group = tuple(claims[i] for i in g.members)
        found = compare(group, [Group(tuple(range(len(group))), g.confidence)])
        if found and found[0].kind is Kind.AGREEMENT:
            out.append(group)
    return tuple(out)


def witnesses(claims: Sequence[Claim], source_id: str, p: Perturbation) -> list[str]:
    """The other sources' sentences that agree with the sentence an edit falls in: where a reader
    checks that the other article states the edited fact, not a fact that only reads alike."""
    out: list[str] = []
    for group in agreed_groups(claims):
        if any(c.source_id == source_id and c.evidence.start <= p.start < c.evidence.end for c in group):
            out += [c.evidence.text for c in group if c.source_id != source_id and c.evidence.text not in out]
    return out


def gold_yaml(event: str, split: str, sources: Sequence[str], p: Perturbation, attribution: str) -> str:
    """The gold file for a perturbed pair: the one edit must be reported."""
    import yaml

    data = {
        "event": event,
        "split": split,
        "sources": list(sources),
        "attribution": attribution,
        "discrepancies": [{"category": str(p.category), "values": list(p.expect), "note": p.note}],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


