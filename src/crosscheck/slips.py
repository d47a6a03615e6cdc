"""Names misspelt where the language model saw no name: "Sutopo Purwo Nguroho said".

The entity model tags a name it knows the shape of; a slip of the fingers in one word of it
("Nguroho", "Ceramery", "Lhoan") often leaves the mention untagged, so the spelling checks, which
compare tagged names, never see it. A source that prints every other word of a multi-word name
in place, and in the one left a word a typing slip off the name's own, misspells that name: two
people or bodies whose names differ in one letter of one word, all else equal, are rare, and the
pair stays apart when both are tagged (the entity checks judge those).

Pure string functions: the comparer hands in the names the sources tag and their sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import names

MIN_LETTERS = 5
"""Letters the misspelt word must have: "Lac" / "Lak" is a romanisation as often as a slip, and
short words one letter apart are often two words ("Kim" / "Kin")."""
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Slip:
    """A mention of `name` that `source_id` prints with one word a slip off: `written`, where
    `word` is printed `typed`."""

    source_id: str
    sentence: int
    name: str
    written: str
    word: str
    typed: str


def words(text: str) -> list[str]:
    """The words of a name or a sentence, as this module compares them: possessives and
    abbreviation stops dropped ("Nugroho's", "Inc.")."""
    return [_POSSESSIVE.sub("", w).rstrip(".") for w in _TOKEN.findall(text)]


def slipped_mentions(known: Sequence[str], sentences: Mapping[str, Sequence[str]], tagged: frozenset[str]) -> list[Slip]:
    """Mentions, in each source's sentences, of a `known` multi-word name with every word in
    place but one, which is capitalised, MIN_LETTERS long and one typing slip off the name's word.

    `tagged` are the folded names the sources tag: a word of one of them is a name of its own
    ("Seward" in "William Seward" beside "Steward"), not a slip, unless the misspelt mention is
    itself the name tagged ("Sutopo Purwo Nguroho" tagged as a body, its spelling unchecked).
    """
    tagged_words = frozenset(w for n in tagged for w in n.split())
    forms = sorted({tuple(parts) for n in known if len(parts := words(n)) >= 2})
    out: list[Slip] = []
    for source_id, texts in sentences.items():
        where: dict[str, list[tuple[int, int]]] = {}
        tokens = [words(t) for t in texts]
        for s, ws in enumerate(tokens):
            for p, token in enumerate(ws):
                where.setdefault(token, []).append((s, p))
        seen: set[tuple[int, str]] = set()
        for form in forms:
            for i, word in enumerate(form):
                if len(word) < MIN_LETTERS or not word.isalpha() or not word[:1].isupper():
                    continue
                # Look the name up by its rarest other word ("Purwo", not "the").
                anchor = min((j for j in range(len(form)) if j != i), key=lambda j: len(where.get(form[j], ())))
                for s, p in where.get(form[anchor], ()):
                    start = p - anchor
                    ws = tokens[s]
                    if start < 0 or start + len(form) > len(ws):
                        continue
                    written = ws[start + i]
                    if not all(ws[start + j] == form[j] for j in range(len(form)) if j != i) or (s, written) in seen:
                        continue
                    mention = " ".join((*form[:i], written, *form[i + 1 :]))
                    name_of_its_own = names.fold(written) in tagged_words and names.fold(mention) not in tagged
                    if _slip(word, written) and not name_of_its_own:
                        seen.add((s, written))
                        out.append(Slip(source_id, s, " ".join(form), mention, word, written))
    return out


def _slip(word: str, written: str) -> bool:
    """Whether `written` is `word` with one typing slip inside it: a letter more or less at the
    end makes another word of a name ("Korea" / "Korean", "Ranger" / "Rangers", "Julian" /
    "Juliana"), and British against American spelling is house style ("Centre" / "Center")."""
    if written == word or not written[:1].isupper() or not written.isalpha() or len(written) < MIN_LETTERS:
        return False
    fw, fx = names.fold(word), names.fold(written)
    if fw.startswith(fx) or fx.startswith(fw) or names.house_spelling(word, written):
        return False
    return names.one_slip(word, written)
