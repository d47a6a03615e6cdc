"""Typed, frozen values passed between crosscheck's stages.

Every stage takes and returns these plain values, so alignment, comparison and reporting can be
tested with hand-built claims and never need the language model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class ClaimKind(StrEnum):
    """What sort of fact a claim states; decides how it is aligned and compared."""

    ROLE = "role"
    QUOTE = "quote"
    QUANTITY = "quantity"
    DATE = "date"
    LIST = "list"
    STATEMENT = "statement"


class Kind(StrEnum):
    """The three answers a report gives about a fact."""

    DISCREPANCY = "discrepancy"
    AGREEMENT = "agreement"
    UNIQUE = "unique"


class Category(StrEnum):
    """What a finding is about; the values are part of the JSON contract."""

    NAME_SPELLING = "name_spelling"
    ROLE = "role"
    NUMBER = "number"
    DATE = "date"
    LIST_MEMBERSHIP = "list_membership"
    QUOTE_WORDING = "quote_wording"
    QUOTE_SPEAKER = "quote_speaker"
    STATEMENT = "statement"


class Severity(StrEnum):
    """How sure and how serious: error is a flat contradiction of a checkable fact."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read from disk; `text` is the whole file, offsets index into it."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    body_start: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text (one paragraph) that survived cleaning, by offsets in its source."""

    source_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, detached from spaCy; `idx` is an offset in the source file."""

    text: str
    idx: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token within the sentence
    ent_type: str = ""
    ent_iob: str = ""

    @property
    def end(self) -> int:
        """Offset just past the token in the source file."""
        return self.idx + len(self.text)

    @property
    def lower_text(self) -> str:
        """The token's text in lower case."""
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: token range within a sentence and offsets in the source."""

    text: str
    label: str
    first: int  # first token index within the sentence
    last: int  # last token index within the sentence (inclusive)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a source with its tokens and entity mentions."""

    source_id: str
    index: int  # position of the sentence in its source
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...] = ()
    _children: tuple[tuple[int, ...], ...] | None = field(default=None, init=False, repr=False, compare=False)

    def children(self, i: int) -> tuple[int, ...]:
        """Indices of the tokens whose head is token `i`, in order.

        Extractors walk the tree many times per sentence; the table is built on first use, in
        one pass, instead of scanning every token for every walk.
        """
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.tokens]
            for j, t in enumerate(self.tokens):
                if t.head != j and 0 <= t.head < len(kids):
                    kids[t.head].append(j)
            object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))
        assert self._children is not None
        return self._children[i]

    def span_text(self, first: int, last: int) -> str:
        """The source text from token `first` to token `last` inclusive."""
        a = self.tokens[first].idx - self.start
        b = self.tokens[last].end - self.start
        return self.text[a:b]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A source after the language pipeline."""

    source: Source
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing named in one source, with every surface form the source uses."""

    key: str  # "<source>:<label>:<canonical name>"
    source_id: str
    label: str
    name: str  # canonical (longest full) name
    forms: tuple[str, ...]  # distinct full-name spellings used, in order of first use
    aliases: tuple[str, ...] = ()  # short forms and acronyms resolved to it
    title: str | None = None  # honorific or academic title at first mention


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A mention resolved to its entity, with the exact form and place used."""

    entity: str  # Entity.key
    form: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entities:
    """The canonical entities of one source and every resolved mention."""

    source_id: str
    entities: tuple[Entity, ...]
    refs: tuple[EntityRef, ...]

    def by_key(self) -> dict[str, Entity]:
        """Entities indexed by key."""
        return {e.key: e for e in self.entities}

    def in_sentence(self, index: int) -> tuple[EntityRef, ...]:
        """Resolved mentions in the sentence with this index."""
        return tuple(r for r in self.refs if r.sentence == index)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim is stated: the sentence text and its exact offsets in the source file."""

    source: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact a source states.

    `subject` names what the fact is about (a person, a counted thing, an event); `value` is what
    the source says about it, as it would be shown to a person; `norm` is the comparable form.
    `key` is the text alignment matches on, and `anchors` the canonical names of the entities
    involved (comparable across sources).
    """

    source_id: str
    kind: ClaimKind
    subject: str
    value: str | tuple[str, ...]
    norm: str | tuple[str, ...]
    evidence: Evidence
    key: str
    anchors: tuple[str, ...] = ()
    sentence: int = 0
    span: tuple[int, int] = (0, 0)  # offsets of the value itself in the source file
    approximate: bool = False
    exhaustive: bool = True
    detail: tuple[tuple[str, str], ...] = field(default=())

    def get(self, name: str, default: str = "") -> str:
        """A named detail of the claim (e.g. the speaker of a quote)."""
        for k, v in self.detail:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Value:
    """What one source says about a finding's subject."""

    source: str
    value: str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """An agreement, a discrepancy or a unique claim, with its evidence."""

    id: str
    kind: Kind
    category: Category
    severity: Severity
    subject: str
    summary: str
    values: tuple[Value, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
