"""Name-spelling findings: one person or body under spellings that differ beyond house style.

The entity checks compare the names the model tags, inside one source and across sources; the
slip check (`slips.py`) finds the misspelt mentions the model left untagged. Both run on the
entities and sentences of every source, apart from the aligned claims (`compare/`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import names, slips
from .findings import make
from .model import Category, Entities, Evidence, Finding, Kind, Sentence, Severity, Value


def name_findings(all_entities: Sequence[Entities], global_names: dict[str, str], sentences: Mapping[str, Sequence[Sentence]]) -> list[Finding]:
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
                ev = [_name_evidence(ents, e.key, f, sentences) for f in (e.forms[0], form)]
                vals = (Value(ents.source_id, base), Value(ents.source_id, other))
                summary = f"{ents.source_id} spells {e.name!s} two ways: {base} / {other}"
                out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, Severity.WARNING, global_names.get(e.key, e.name), summary, vals, ev, 0.9))
    # Across sources: one person under spellings that differ beyond formatting.
    by_global: dict[str, list[tuple[Entities, str]]] = {}
    for ents in all_entities:
        for e in ents.entities:
            if e.label == "PERSON":
                by_global.setdefault(global_names.get(e.key, e.name), []).append((ents, e.key))
    for ents in all_entities:
        out += _split_person(ents, global_names, sentences)
    for gname, members in sorted(by_global.items()):
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
            base, form, _ = differ  # romanisation variants too: readers judged every one they saw worth flagging
            ev = [_name_evidence(first_ents, first_key, first_form, sentences), _name_evidence(ents, key, other_form, sentences)]
            vals = (Value(first_ents.source_id, base), Value(ents.source_id, form))
            out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, Severity.WARNING, gname, f"Name spelt differently: {base} ({first_ents.source_id}) vs {form} ({ents.source_id})", vals, ev, 0.8))
    return out


def _split_person(ents: Entities, global_names: dict[str, str], sentences: Mapping[str, Sequence[Sentence]]) -> list[Finding]:
    """One source naming a person under two entities one typing slip apart: a spelling it varies.

    Either the two link to one person ("Mara Lindvqist" in a headline, "Mara Lindqvist" in the
    body), or they are one name but for a surname slip ("INS Msyore" beside "INS Mysore"), which
    the linker may keep apart when one of them joined a same-named group of another label first.
    Two people of one family differ by more than one slip, or in the given name.
    """
    out = []
    people = [e for e in ents.entities if e.label == "PERSON"]
    for n, e in enumerate(people):
        for other in people[n + 1 :]:
            a, b = e.forms[0], other.forms[0]
            one_person = global_names.get(e.key, e.name) == global_names.get(other.key, other.name)
            if not (one_person or _surname_slip(a, b)):
                continue
            # Two people unlinked are compared by given name and surname only: words the parser
            # took in before them ("Actor Peter Cpaaldi") are no part of the spelling.
            differ = names.spelling(a, b) if one_person else names.spelling(*(" ".join(x.split()[-2:]) for x in (a, b)))
            if differ is None or differ[2] is not names.Variant.LETTERS or not names.one_slip(differ[0], differ[1]):
                continue
            base, form, _ = differ
            gname = global_names.get(e.key, e.name)
            ev = [_name_evidence(ents, e.key, a, sentences), _name_evidence(ents, other.key, b, sentences)]
            vals = (Value(ents.source_id, base), Value(ents.source_id, form))
            summary = f"{ents.source_id} spells {gname} two ways: {base} / {form}"
            out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, Severity.WARNING, gname, summary, vals, ev, 0.9))
    return out


SLIP_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC"})
"""Entity labels whose names a slip is looked for in: people, bodies and places, not the titles
and headline fragments the model tags as works or products."""


def slip_findings(
    all_entities: Sequence[Entities], global_names: dict[str, str], sentences: Mapping[str, Sequence[Sentence]], found: Sequence[Finding]
) -> list[Finding]:
    """Names a source misspells in a mention the model left untagged, or tagged where no entity
    check compares it (slips.slipped_mentions), beside the name as a source tags it: the same
    source's when it prints it too, else another's.

    `entities.adopt_slips` already makes an untagged slip of a two-word person's surname a mention
    of that person, for the checks above to report; this finds the rest (bodies, places, longer
    names, a person tagged as a body). Run last: a misspelt word a finding in `found` shows
    already (a near copy's "Nugroho / Nguroho") is not reported again.
    """
    owners: dict[str, list[tuple[Entities, str]]] = {}
    labels: dict[str, set[str]] = {}
    for ents in sorted(all_entities, key=lambda x: x.source_id):
        for e in ents.entities:
            for form in dict.fromkeys(" ".join(slips.words(f)) for f in e.forms):
                labels.setdefault(names.fold(form), set()).add(e.label)
                if e.label in SLIP_LABELS:
                    owners.setdefault(form, []).append((ents, e.key))
    known = {form: frozenset(labels[names.fold(form)]) for form in owners}
    tagged = {k: frozenset(v) for k, v in labels.items()}
    shown = {w for f in found if f.category is Category.NAME_SPELLING for v in f.values for w in names.fold(str(v.value)).split()}
    out = []
    for slip in slips.slipped_mentions(known, {k: [t.text for t in v] for k, v in sentences.items()}, tagged):
        if names.fold(slip.typed) in shown:
            continue
        candidates = owners[slip.name]
        ents, key = next((o for o in candidates if o[0].source_id == slip.source_id), candidates[0])
        sent = sentences[slip.source_id][slip.sentence]
        ev = [_name_evidence(ents, key, slip.name, sentences), Evidence(slip.source_id, sent.text, sent.start, sent.end)]
        vals = (Value(ents.source_id, slip.name), Value(slip.source_id, slip.written))
        gname = global_names.get(key, slip.name)
        if ents.source_id == slip.source_id:
            summary = f"{slip.source_id} spells {gname} two ways: {slip.name} / {slip.written}"
        else:
            summary = f"Name spelt differently: {slip.name} ({ents.source_id}) vs {slip.written} ({slip.source_id})"
        out.append(make(Kind.DISCREPANCY, Category.NAME_SPELLING, Severity.WARNING, gname, summary, vals, ev, 0.8))
    return out


def _surname_slip(a: str, b: str) -> bool:
    """The same given name before surnames a slip apart, long enough not to be another name.

    Words before the given name do not count: a headline's "Actor Peter Cpaaldi" is the body's
    "Peter Capaldi" misspelt, whatever the parser took in with the name.
    """
    wa, wb = a.split(), b.split()
    return min(len(wa), len(wb)) >= 2 and wa[-2] == wb[-2] and min(len(wa[-1]), len(wb[-1])) >= names.SLIP_LETTERS and names.one_slip(wa[-1], wb[-1])


def _name_evidence(ents: Entities, key: str, form: str, sentences: Mapping[str, Sequence[Sentence]]) -> Evidence:
    sents = sentences[ents.source_id]
    mine = [r for r in ents.refs if r.entity == key]
    # The mention written so; else the sentence it is in ("Carlton Jfefs" inside a headline's span).
    ref = next((r for r in mine if r.form == form), None) or next((r for r in mine if form in sents[r.sentence].text), mine[0])
    sent = sents[ref.sentence]
    return Evidence(ents.source_id, sent.text, sent.start, sent.end)
