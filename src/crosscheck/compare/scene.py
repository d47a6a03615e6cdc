"""What a comparer may know beyond its aligned group: the entities, lists and words of every source."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .. import names
from ..claims.base import _words
from ..model import Claim, ClaimKind, Entities


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
    published: Mapping[str, dt.date] = field(default_factory=dict)
    """The publication date of every source that gives one."""
    ages: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(source, person) to every age the source gives that person, as compared ("24", "52"); a
    "Jr." or "Sr." is left out of the person, so a father and son of one name share one entry."""
    figures: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(source, what is counted) to the different figures the source gives it."""
    places: frozenset[str] = frozenset()
    """Names of countries, cities and states, and of peoples ("Iranian"), in any source."""

    @classmethod
    def of(
        cls,
        all_entities: Sequence[Entities],
        global_names: Mapping[str, str],
        claims: Sequence[Claim] = (),
        published: Mapping[str, dt.date | None] | None = None,
    ) -> Scene:
        """The global names each source uses, which of them are people or organisations, the
        members of every list, and the sources' publication dates."""
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
        places = frozenset(global_names.get(e.key, e.name) for ents in all_entities for e in ents.entities if e.label in ("GPE", "NORP"))
        words: dict[str, set[str]] = {}
        read: set[tuple[str, int]] = set()
        for c in claims:
            if (c.source_id, c.sentence) not in read:  # a sentence holds many claims: read it once
                read.add((c.source_id, c.sentence))
                words.setdefault(c.source_id, set()).update(_words(c.evidence.text))
        dated = {k: v for k, v in (published or {}).items() if v is not None}
        ages: dict[tuple[str, str], set[str]] = {}
        figures: dict[tuple[str, str], set[str]] = {}
        for c in claims:
            if c.kind is ClaimKind.QUANTITY:
                figures.setdefault((c.source_id, c.subject), set()).add(str(c.norm))
                if c.get("thing") == "age":
                    ages.setdefault((c.source_id, names.without_generation(c.subject)), set()).add(str(c.norm))
        return cls(
            known, actors, listed, people, {k: frozenset(v) for k, v in words.items()}, dated, {k: frozenset(v) for k, v in ages.items()},
            {k: frozenset(v) for k, v in figures.items()}, places,
        )

    def one_name(self, a: str, b: str) -> bool:
        """Whether two names in sentences name one place: the same name, or a country and its
        people ("Iran" / "Iranian"), both tagged as places or peoples, so that no person's name is
        taken for another's ("Julia" / "Julian")."""
        return a == b or a in self.places and b in self.places and names.demonym(a, b)

    def knows(self, source_id: str, name: str) -> bool:
        """Whether a source names a thing anywhere: in this form, as a country or its people
        (`one_name`), or, for a person, by surname where the other names the person in full, or
        the reverse ("Mueller" / "Robert S. Mueller III")."""
        known = self.known.get(source_id, frozenset())
        if name in known or any(self.one_name(name, k) for k in known):
            return True
        return any(x in self.people and names.surname_of(y, x) for k in known for x, y in ((name, k), (k, name)))

    def one_figure_each(self, group: Sequence[Claim]) -> bool:
        """Whether every source of the group gives what the group counts one figure only."""
        return all(len(self.figures.get((c.source_id, c.subject), ())) == 1 for c in group)

    def each_gives_all(self, group: Sequence[Claim]) -> bool:
        """Whether every source of the group gives, somewhere, every figure of the group for what
        it counts ("352 yards" for the team and "226 yards" for one player, in both articles):
        the sources agree on both, and the group paired one's figure with the other's."""
        shown = {str(c.norm) for c in group}
        return all(shown <= self.figures.get((c.source_id, c.subject), frozenset()) for c in group)

    def namesakes(self, group: Sequence[Claim]) -> bool:
        """Whether each source of the group gives the group's person, elsewhere, the age the
        other gives: "John Smith, 24, and his father, also named John Smith" … "John Smith, 52,"
        against "John Smith, 52, and his son" … "John Smith, 24,". Two people of one name, each
        given one age by both sources, not one person given two."""
        return all(
            str(d.norm) in self.ages_of(c)
            for c in group for d in group if d.source_id != c.source_id and d.norm != c.norm
        )

    def ages_of(self, c: Claim) -> frozenset[str]:
        """Every age the claim's source gives the claim's person, or a father or son of that name
        ("John Smith Jr., 24," and "John Smith, 52,")."""
        return self.ages.get((c.source_id, names.without_generation(c.subject)), frozenset())

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
            a in self.actors and d.source_id in self.known and not self.knows(d.source_id, a)
            for c in group for d in group if d.source_id != c.source_id for a in _named(c)
        )


def _named(c: Claim) -> set[str]:
    """What a claim's sentence is about: its entities, less those it names as its source."""
    return set(c.anchors) - set(c.get("reporters").split("|"))
