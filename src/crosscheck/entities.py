"""Canonical entities: one per real-world thing within a source, then linked across sources.

Within a source, possessives and determiners are dropped ("Norway's", "the Baltic Sea"),
the small model's boundary errors repaired (a given name tagged without its family name),
surnames and titled short forms ("Mr Hale", "Dr Hale") resolved to the full name the source uses,
and acronyms tied to their expansion. Across sources, entities are linked by name similarity that
knows romanisation variants yet keeps apart people who only share a family name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import dates, names
from .model import Entities, Entity, EntityRef, Parsed, Sentence

NAME_LIKE_ENTS = frozenset({"", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
"""Entity types the model may give a misspelt surname it does not recognise as a person."""
CALENDAR_WORDS = frozenset({*dates.MONTHS, *dates.WEEKDAYS})
LABELS = frozenset("PERSON ORG GPE NORP LOC FAC EVENT PRODUCT LAW WORK_OF_ART".split())
ORG_HEADS = frozenset(
    "foundation institute institution university group company corporation corp inc ltd llc plc "
    "association ministry council party agency bank office department commission committee forum "
    "center centre school college academy society fund organisation organization union league "
    "service network electronics motor motors industries holdings administration court facilities "
    "systems technologies solutions partners associates labs laboratories hospital clinic heels".split()
)
PERSON_MATCH = 0.85
"""How close two full names must be (names.same_person) to be taken as one person."""


@dataclass(slots=True)
class _Cluster:
    label: str
    name: str
    forms: list[str]
    title: str | None
    order: int
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Raw:
    sentence: int
    form: str
    label: str
    title: str | None
    start: int
    end: int
    headline: bool = False


def find_entities(parsed: Parsed) -> Entities:
    """Resolve every entity mention of one source to a canonical entity of that source."""
    raws = [r for s in parsed.sentences for r in _mentions(s)]
    clusters: list[_Cluster] = []
    assigned: list[int | None] = [None] * len(raws)
    things: dict[tuple[str, str], int] = {}
    # Full names first, so short forms and acronyms have something to resolve to.
    for i, r in enumerate(raws):
        if r.label == "PERSON" and len(r.form.split()) >= 2 and not r.headline:
            assigned[i] = _person_cluster(clusters, r, i)
        elif r.label != "PERSON":
            assigned[i] = _thing_cluster(clusters, things, r, i)
    # A headline capitalises every word, so the model's name spans there are unreliable
    # ("Simpson Guilty Of"): resolve them to people the body names before taking them as new.
    for i, r in enumerate(raws):
        if assigned[i] is None and r.headline and len(r.form.split()) >= 2:
            assigned[i] = _headline_person(clusters, r, i)
    # A headline span that became a person of its own may misspell the surname of a full name the
    # source gives elsewhere ("President Oabma Announces Nominee … President Barack Obama").
    mentions = Counter(assigned)
    named = Counter(w for r in raws for w in r.form.split())
    for i, r in enumerate(raws):
        own = assigned[i]
        if r.headline and r.label == "PERSON" and own is not None and mentions[own] == 1:
            elsewhere = {w for w in r.form.split() if named[w] > r.form.split().count(w)}  # in another name too
            assigned[i] = _headline_slip(clusters, r.form, own, elsewhere)
            mentions[own] -= 1
            mentions[assigned[i]] += 1
    for i, r in enumerate(raws):
        if assigned[i] is None:
            assigned[i] = _short_person(clusters, r, i)
    # The small model tags a lone surname as ORG or NORP now and then ("photos of Paige").
    for i, r in enumerate(raws):
        c = assigned[i]
        if r.label in ("ORG", "NORP") and r.form.istitle() and c is not None and clusters[c].forms == [r.form]:
            if " " in r.form:
                owners = [n for n, k in enumerate(clusters) if k.label == "PERSON" and names.same_person(r.form, k.name) >= PERSON_MATCH]
            else:
                owners = [n for n, k in enumerate(clusters) if k.label == "PERSON" and names.near_surname(r.form, k.name)]
            if len(owners) == 1:
                owner = clusters[owners[0]]
                if names.fold(r.form) not in map(names.fold, owner.name.split()) and r.form not in owner.forms:
                    owner.forms.append(r.form)
                assigned[i] = owners[0]
    owners_of: dict[int, int] = {}  # a cluster's owner, looked for once however often it is named
    for i, r in enumerate(raws):
        n = assigned[i]
        if n is not None and r.label != "PERSON" and clusters[n].name == r.form:
            if n not in owners_of:
                owners_of[n] = _acronym_owner(clusters, n)
            assigned[i] = owners_of[n]
    tagged: dict[int, list[tuple[int, int]]] = {}  # each sentence's tagged spans, read once
    for r in raws:
        tagged.setdefault(r.sentence, []).append((r.start, r.end))
    for sent in parsed.sentences:
        for extra, index in _untagged_slips(sent, clusters, tagged.get(sent.index, [])):
            raws.append(extra)
            assigned.append(index)
    used = set(assigned)
    sid = parsed.source.id
    keys = [f"{sid}:{c.label}:{c.name}" for c in clusters]
    entities = tuple(
        Entity(keys[n], sid, c.label, c.name, tuple(c.forms), tuple(c.aliases), c.title)
        for n, c in enumerate(clusters)
        if n in used
    )
    refs = tuple(
        EntityRef(keys[c], r.form, r.sentence, r.start, r.end)
        for r, c in zip(raws, assigned, strict=True)
        if c is not None
    )
    return Entities(sid, entities, refs)


def adopt_slips(parsed: Sequence[Parsed], all_entities: Sequence[Entities]) -> tuple[Entities, ...]:
    """Find, in each source, untagged misspellings of people another source names in full.

    "Manuel Cahrr" is exactly the mention the model fails to tag, and the only one in its article;
    the other article's "Manuel Charr" tells us what it is. A slip counts only when the given
    name before it matches too, so a stray capitalised word never becomes a person.
    """
    people: dict[str, list[tuple[str, Entity]]] = {}
    for ents in all_entities:
        for e in ents.entities:
            if e.label == "PERSON" and len(e.name.split()) == 2:
                first, last = e.name.split()
                people.setdefault(names.fold(first), []).append((last, e))
    out = []
    for p, ents in zip(parsed, all_entities, strict=True):
        labels = {e.key: e.label for e in ents.entities}
        tagged = {(r.sentence, r.start) for r in ents.refs if labels.get(r.entity) == "PERSON"}
        own = {names.fold(w) for e in ents.entities if e.label == "PERSON" for f in e.forms for w in f.split()}
        extra_entities: list[Entity] = []
        extra_refs: list[EntityRef] = []
        for sent in p.sentences:
            toks = sent.tokens
            for i in range(1, len(toks)):
                t, prev = toks[i], toks[i - 1]
                if (sent.index, prev.idx) in tagged or not t.text[:1].isupper() or not t.text.isalpha() or names.fold(t.text) in own:
                    continue
                for last, e in people.get(names.fold(prev.text), []):
                    if e.source_id == ents.source_id:
                        continue
                    if names.near_surname(t.text, e.name) == last and t.text != last:
                        form = f"{prev.text} {t.text}"
                        key = f"{ents.source_id}:PERSON:{form}"
                        if key not in {x.key for x in extra_entities}:
                            extra_entities.append(Entity(key, ents.source_id, "PERSON", form, (form,)))
                        extra_refs.append(EntityRef(key, form, sent.index, prev.idx, t.end))
                        break
        out.append(Entities(ents.source_id, ents.entities + tuple(extra_entities), ents.refs + tuple(extra_refs)) if extra_refs else ents)
    return tuple(out)


def link(all_entities: Sequence[Entities]) -> dict[str, str]:
    """Map every entity key to a name shared by the same real-world thing in all sources."""
    groups: list[tuple[str, str, list[Entity]]] = []  # (label, global name, members)
    # Blocking: only groups that share a key are compared. A person is looked up by initials (a
    # bare "Lane" may be "Ann Lane"), a body by its name, the leading words of it or its acronym
    # (`_body_keys`), other things by a name or an acronym (`_thing_keys`): thousands of things
    # of one initial ("section 1", "Route 2") are not all compared.
    by_initial: dict[str, set[int]] = {}
    by_body: dict[str, set[int]] = {}
    by_name: dict[str, set[int]] = {}
    out: dict[str, str] = {}
    for ents in all_entities:
        for e in ents.entities:
            index: tuple[tuple[set[str], dict[str, set[int]]], ...]  # the keys it is found by, in which pool
            if e.label in ("PERSON", "ORG"):
                initials = _initials(e)
                index = ((initials, by_initial), (_body_keys(e, query=False), by_body))
                keys, pool = (initials, by_initial) if e.label == "PERSON" else (_body_keys(e, query=True), by_body)
            else:
                index = ((_thing_keys(e, query=False), by_name),)
                keys, pool = _thing_keys(e, query=True), by_name
            # A group of the very same name first: a bare "Lane" joins "Lane", not "Ann Lane".
            candidates = sorted(
                {g for k in keys for g in pool.get(k, ())}, key=lambda g: (names.fold(groups[g][1]) != names.fold(e.name), g)
            )
            for g in candidates:
                label, gname, members = groups[g]
                if _linkable(label, e.label) and any(_same(m, e) for m in members) and not _kept_apart(e, members):
                    members.append(e)
                    out[e.key] = gname
                    break
            else:
                g = len(groups)
                groups.append((e.label, e.name, [e]))
                out[e.key] = e.name
            for member_keys, member_pool in index:
                for k in member_keys:
                    member_pool.setdefault(k, set()).add(g)
    return out


def _kept_apart(e: Entity, members: Sequence[Entity]) -> bool:
    """Whether e's own source already decided it is none of these: a surname its source keeps
    apart from the person it names in full ("President Lane" beside "Ann Lane")."""
    if len(e.name.split()) > 1 or not e.title or e.title in names.COURTESY:
        return False
    return any(m.source_id == e.source_id and m.label == "PERSON" and len(m.name.split()) > 1 for m in members)


def _initials(e: Entity) -> set[str]:
    """First letters of every word of every name an entity goes by (acronyms share them too)."""
    return {w[0] for n in (e.name, *e.forms, *e.aliases) for w in names.fold(n).replace("-", " ").split() if w}


def _thing_keys(e: Entity, query: bool) -> set[str]:
    """What a place, law or event shares with any other it is one with (`_same`): a name or
    alias, case and accents aside, or the letters of an acronym (`names.acronym_keys`)."""
    return {names.fold(n) for n in (e.name, *e.aliases)} | names.acronym_keys(e.name, query=query)


def _body_keys(e: Entity, query: bool) -> set[str]:
    """What a body shares with any person or body it is one with (`_same` with an "ORG" side:
    `names.same_org` or a name in common): its names, its acronym letters (`names.acronym_keys`),
    and the leading words one name of the two is of the other ("Toyota" / "Toyota Motor"). The
    index holds every leading part of a name (`lead:`) and the name whole (`full:`); a lookup asks
    for the name whole among leading parts and for its leading parts among names whole."""
    words = names.fold(e.name).split()
    leads = {" ".join(words[:k]) for k in range(1, len(words) + 1)}
    whole = {" ".join(names.fold(n).split()) for n in (e.name, *e.aliases)}
    mine, theirs = ("lead:", "full:") if query else ("full:", "lead:")
    return {theirs + x for x in leads} | {mine + " ".join(words)} | {"full:" + x for x in whole} | names.acronym_keys(e.name, query=query)


def _linkable(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"ORG", "PERSON"} or {a, b} <= {"GPE", "LOC", "NORP"}


def _same(a: Entity, b: Entity) -> bool:
    if a.label == "PERSON" and b.label == "PERSON":
        if len(a.name.split()) >= 2 and len(b.name.split()) >= 2:
            return any(names.same_person(x, y) >= PERSON_MATCH for x in a.forms for y in b.forms)
        if len(a.name.split()) == 1 and len(b.name.split()) == 1:
            return names.fold(a.name) == names.fold(b.name)
        short, full = (a, b) if len(a.name.split()) == 1 else (b, a)
        return names.near_surname(short.name, full.name) is not None
    if "ORG" in (a.label, b.label):
        return names.same_org(a.name, b.name) or any(
            names.fold(x) == names.fold(y) for x in (a.name, *a.aliases) for y in (b.name, *b.aliases)
        )
    an = {names.fold(x) for x in (a.name, *a.aliases)}
    return bool(an & {names.fold(x) for x in (b.name, *b.aliases)}) or (
        names.is_acronym(a.name, b.name) or names.is_acronym(b.name, a.name)
    )


def _mentions(sent: Sentence) -> list[_Raw]:
    out = []
    toks = sent.tokens
    headline = _title_case(sent)
    for m in sent.mentions:
        if m.label not in LABELS:
            continue
        first, last = m.first, m.last
        label = m.label
        while last > first and (toks[last].tag in ("POS", "IN", "DT", "CC", "TO") or toks[last].text in "'’"):
            last -= 1  # possessives, and a headline's "Of" the model took into the name
        if label == "PERSON" and toks[last].text.lower() in ORG_HEADS:
            label = "ORG"
        elif label == "ORG" and _looks_like_person(sent, first, last):
            label = "PERSON"
        title = None
        while first < last and toks[first].text.lower().rstrip(".") in names.HONORIFICS | {"the"}:
            if toks[first].text.lower() != "the":
                title = title or toks[first].text.lower().rstrip(".")
            first += 1
        if label == "PERSON":
            first = _extend_left(sent, first)
        if first > 0 and title is None:
            prev = toks[first - 1].text.lower().rstrip(".")
            if prev in names.HONORIFICS:
                title = prev
        form, _ = names.strip_name(sent.span_text(first, last))
        if not form or not any(ch.isalpha() for ch in form):
            continue
        out.append(_Raw(sent.index, form, label, title, toks[first].idx, toks[last].end, headline))
    return out


PERSON_ROLES = frozenset(
    "professor fellow analyst researcher scholar expert lecturer economist spokesman spokeswoman "
    "spokesperson adviser advisor minister official director reporter author lawyer actor actress "
    "singer writer founder executive chairman president secretary ambassador".split()
)


def _looks_like_person(sent: Sentence, first: int, last: int) -> bool:
    """An 'ORG' of two or three plain capitalised words followed by a person's role in apposition."""
    toks = sent.tokens
    words = toks[first : last + 1]
    if not 2 <= len(words) <= 3 or any(not w.text.isalpha() or not w.text[0].isupper() for w in words):
        return False
    if any(w.text.lower() in ORG_HEADS or w.text.isupper() for w in words):
        return False
    return any(
        t.dep == "appos" and t.head == last and t.lemma.lower() in PERSON_ROLES for t in toks[last + 1 : last + 6]
    )


def _untagged_slips(sent: Sentence, clusters: list[_Cluster], spans: list[tuple[int, int]]) -> list[tuple[_Raw, int]]:
    """Proper nouns the model left untagged (outside the sentence's tagged `spans`) that
    misspell a surname this source uses.

    A misspelt name is exactly what the model is least likely to tag, and exactly what a
    checker must catch: "Wliliams" beside "Esther Williams".
    """
    out: list[tuple[_Raw, int]] = []
    if _title_case(sent):
        return out  # a headline capitalises every word: "Sets" there is a verb
    for t in sent.tokens:
        if t.tag not in ("NNP", "NNPS") or not t.text.isalpha() or not t.text[:1].isupper() or len(t.text) < 4:
            continue
        if t.ent_type not in NAME_LIKE_ENTS or t.lower_text in CALENDAR_WORDS:
            continue  # "March" in "a March 5 rally" is a month, not a slip for "Marco"
        if any(a <= t.idx < b for a, b in spans):
            continue
        owners = [
            n for n, c in enumerate(clusters)
            if c.label == "PERSON" and len(c.name.split()) >= 2
            and (part := names.near_surname(t.text, c.name)) and part != t.text
        ]
        if len(owners) == 1:
            c = clusters[owners[0]]
            if t.text not in c.forms:
                c.forms.append(t.text)
            out.append((_Raw(sent.index, t.text, "PERSON", None, t.idx, t.end), owners[0]))
    return out


def _title_case(sent: Sentence) -> bool:
    """Whether a sentence reads like a headline: most of its longer words capitalised."""
    words = [t.text for t in sent.tokens if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _extend_left(sent: Sentence, first: int) -> int:
    """Take in capitalised proper nouns the model left out ("Ana" before "Sofia Ruiz")."""
    toks = sent.tokens
    steps = 0
    while first > 0 and steps < 2:
        t = toks[first - 1]
        if not (t.tag == "NNP" and t.text[:1].isupper() and t.text.isalpha() and t.ent_type == ""):
            break
        if t.text.lower() in names.HONORIFICS or t.text.lower() in ORG_HEADS:
            break
        if first - 1 == 0 and t.dep not in ("compound", "flat"):
            break
        first -= 1
        steps += 1
    return first


def _same_person_cluster(clusters: list[_Cluster], form: str) -> int | None:
    """The cluster of a full name that `form` spells the same person as, if any."""
    for n, c in enumerate(clusters):
        if c.label == "PERSON" and len(c.name.split()) >= 2 and any(names.same_person(form, f) >= PERSON_MATCH for f in c.forms):
            return n
    return None


def _person_cluster(clusters: list[_Cluster], r: _Raw, order: int) -> int:
    n = _same_person_cluster(clusters, r.form)
    if n is not None:
        c = clusters[n]
        if r.form not in c.forms:
            c.forms.append(r.form)
        c.title = c.title or r.title
        return n
    clusters.append(_Cluster("PERSON", r.form, [r.form], r.title, order))
    return len(clusters) - 1


def _thing_cluster(clusters: list[_Cluster], things: dict[tuple[str, str], int], r: _Raw, order: int) -> int:
    """The cluster of what is not a person: the first of that label and name, case and accents
    aside. `things` indexes them by (label, folded name), so that an article naming thousands
    of things is not searched through for each mention."""
    key = (r.label, names.fold(r.form))
    if key not in things:
        things[key] = len(clusters)
        clusters.append(_Cluster(r.label, r.form, [r.form], r.title, order))
    return things[key]


def _acronym_owner(clusters: list[_Cluster], c: int) -> int:
    """If cluster `c` is an acronym of another cluster's name, fold it into that one."""
    me = clusters[c]
    if names.acronym_letters(me.name) is None:
        return c  # no acronym ("Member 12"): the search through every cluster is skipped
    for n, other in enumerate(clusters):
        if n != c and other.label in ("ORG", "GPE", "EVENT", "FAC", "LOC", "LAW") and names.is_acronym(me.name, other.name):
            if me.name not in other.aliases:
                other.aliases.append(me.name)
            return n
    return c


def _headline_person(clusters: list[_Cluster], r: _Raw, order: int) -> int:
    """A headline's person: a full name the body uses, else the body's person one word names."""
    same = _same_person_cluster(clusters, r.form)
    if same is not None:
        c = clusters[same]
        if r.form not in c.forms and len(r.form.split()) == len(c.name.split()) and names.one_slip(r.form, c.name):
            c.forms.append(r.form)  # "Carlton Jfefs Found Guilty": a headline misspells a name too
        return same
    words = {names.fold(w) for w in r.form.split()}
    owners = [
        n for n, c in enumerate(clusters)
        if c.label == "PERSON" and len(c.name.split()) >= 2 and {names.fold(c.name.split()[0]), names.fold(c.name.split()[-1])} & words
    ]
    if len(owners) == 1:
        owner = clusters[owners[0]]
        if r.form not in owner.aliases:
            owner.aliases.append(r.form)
        given, last = owner.name.split()[:-1], owner.name.split()[-1]
        spans = r.form.split()
        for i, w in enumerate(spans):  # "Carlton Jfefs Found Guilty": the surname misspelt in it
            if i >= len(given) and spans[i - len(given) : i] == given and w.isalpha() and w != last and len(w) >= names.SLIP_LETTERS and names.one_slip(w, last):
                form = " ".join([*given, w])
                if form not in owner.forms:
                    owner.forms.append(form)
        return owners[0]
    return _person_cluster(clusters, r, order)


def _headline_slip(clusters: list[_Cluster], form: str, own: int, elsewhere: set[str]) -> int:
    """The person whose surname a headline's span (a person `own` of its own so far) misspells
    with no given name before it ("President Oabma Announces Nominee" beside "Barack Obama"),
    when one person only fits: the misspelt surname becomes one of that person's forms. Else
    `own`. A slip as for every name (`names.misspelt`: "Kennedys" is no slip of "Kennedy"), in a
    word no other name of the source uses (`elsewhere`), and not one letter put for another
    (`names.substitution`): "Osama" in "Osama bin Laden" is no slip of "Obama", even where the
    sentence only looks like a headline and names him once."""
    found = [
        (n, w) for n, c in enumerate(clusters) if n != own and c.label == "PERSON" and len(c.name.split()) >= 2
        for surname in (c.name.split()[-1],) for w in form.split()
        if w not in elsewhere and names.misspelt(surname, w) and not names.substitution(surname, w)
    ]
    if len({n for n, _ in found}) != 1:
        return own
    n, w = found[0]
    if form not in clusters[n].aliases:
        clusters[n].aliases.append(form)
    if w not in clusters[n].forms:
        clusters[n].forms.append(w)
    clusters[own].label = MERGED  # emptied: no later mention may resolve to it
    return n


MERGED = "MERGED"
"""The label of a cluster whose one mention went to another: no label any lookup asks for."""


_FEMININE = frozenset({"mrs", "ms", "miss", "madam", "lady", "dame"})


def _short_person(clusters: list[_Cluster], r: _Raw, order: int) -> int:
    """Resolve a surname or a titled surname to the full name it denotes in this source.

    Two people may share the surname: an academic title picks the one introduced with it,
    otherwise the one introduced first (news style names the main actor first and uses full
    names for the secondary one).
    """
    key = names.fold(r.form)
    cands = [
        n
        for n, c in enumerate(clusters)
        if c.label == "PERSON"
        and len(c.name.split()) >= 2
        and any(key in (names.fold(f.split()[0]), names.fold(f.split()[-1])) for f in c.forms)
    ]
    # "President Lane and Ann Lane, his wife, …": an office-titled surname named before anyone
    # of that surname is given in full is a person of its own, and later bare or "Mr" mentions
    # are that person (only "Mrs"/"Ms" then point to the one named in full).
    solo = next((n for n, c in enumerate(clusters) if c.label == "PERSON" and names.fold(c.name) == key), None)
    if solo is not None and cands and r.title not in _FEMININE:
        return solo
    if cands and r.title and r.title not in names.COURTESY and all(
        clusters[n].order > order and clusters[n].title != r.title for n in cands
    ):
        clusters.append(_Cluster("PERSON", r.form, [r.form], r.title, order))
        return len(clusters) - 1
    if cands:
        academic = r.title in names.ACADEMIC
        preferred = [n for n in cands if (clusters[n].title in names.ACADEMIC) == academic]
        best = min(preferred or cands, key=lambda n: clusters[n].order)
        if r.form not in clusters[best].aliases:
            clusters[best].aliases.append(r.form)
        if r.title not in names.ACADEMIC:
            clusters[best].title = clusters[best].title or r.title  # "President Trump" after "Donald Trump"
        return best
    for n, c in enumerate(clusters):
        if c.label == "PERSON" and names.fold(c.name) == key:
            return n
    # A surname spelt with a slip ("Klitchsko" beside "Wladimir Klitschko") is that person, spelt two ways.
    slips = [n for n, c in enumerate(clusters) if c.label == "PERSON" and names.near_surname(r.form, c.name)]
    if len(slips) == 1:
        c = clusters[slips[0]]
        if r.form not in c.forms:
            c.forms.append(r.form)
        return slips[0]
    clusters.append(_Cluster("PERSON", r.form, [r.form], r.title, order))
    return len(clusters) - 1
