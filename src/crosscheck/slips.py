"""Names misspelt where the language model saw no name: "Sutopo Purwo Nguroho said".

The entity model tags a name it knows the shape of; a slip of the fingers in one word of it
("Nguroho", "Ceramery", "Lhoan") often leaves the mention untagged, or tagged under another
label, so the spelling checks, which compare people's tagged names, never see it. A source that
prints every other word of a multi-word name in place, and in the one left a word a typing slip
off the name's own, printed nowhere else, misspells that name.

What keeps two real names apart: a person's given name one letter off is another person as often
("Maria" / "Mario Lopez"), so only a surname slips; a word printed twice is a spelling of its own,
not a slip, which is made once ("Clare County" twice beside "Clark County").

Pure string functions: the comparer hands in the names the sources tag and their sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import names

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
    abbreviation stops dropped ("Nugroho's", "Inc."), curly apostrophes straight ("O’Neill")."""
    return [_POSSESSIVE.sub("", w).rstrip(".").replace("’", "'") for w in _TOKEN.findall(text)]


def slipped_mentions(
    known: Mapping[str, frozenset[str]], sentences: Mapping[str, Sequence[str]], tagged: Mapping[str, frozenset[str]]
) -> list[Slip]:
    """Mentions, in each source's sentences, of a `known` multi-word name (with the entity labels
    the sources give it) with every word in place but one: capitalised, names.SLIP_LETTERS long,
    one typing slip off the name's word, printed once in all the sentences, and a surname if the
    name is a person's.

    `tagged` are the folded names the sources tag, with their labels. A word of another tagged
    name is a name of its own ("Steward" of "Martha Steward" beside "William Seward"); a mention
    tagged whole is checked all the same, since the entity checks compare only people, and only
    those the linker joins ("Armando Ianucci" and "Armando Iannucci" tagged as two bodies,
    "Hormouzgan province" and "Hormozgan province" as two places). When the name and the slip
    could each be the other (both tagged, under other labels), the slip is the one whose word is
    printed fewer times, so the report does not depend on the order the sources come in.
    """
    tagged_words = frozenset(w for n in tagged for w in n.split())
    # Each name's words and the positions a slip may stand in, read once for every source.
    forms = [(form, _slippable(form, labels)) for name, labels in sorted(known.items()) if len(form := words(name)) >= 2]
    tokens = {sid: [words(t) for t in texts] for sid, texts in sentences.items()}
    printed = Counter(w for ts in tokens.values() for ws in ts for w in ws)
    found: dict[frozenset[str], Slip] = {}
    for source_id, source_tokens in sorted(tokens.items()):
        where: dict[str, list[tuple[int, int]]] = {}
        for s, ws in enumerate(source_tokens):
            for p, token in enumerate(ws):
                where.setdefault(token, []).append((s, p))
        for form, slippable in forms:  # a one-word name has no other words to hold a slip in place
            for i in slippable:
                # Look the name up by its rarest other word ("Purwo", not "the").
                anchor = min((j for j in range(len(form)) if j != i), key=lambda j: len(where.get(form[j], ())))
                for s, p in where.get(form[anchor], ()):
                    ws = source_tokens[s][p - anchor : p - anchor + len(form)] if p >= anchor else []
                    if len(ws) != len(form) or printed[ws[i]] != 1 or any(ws[j] != form[j] for j in range(len(form)) if j != i):
                        continue  # not the name, or its word printed more than once: no slip
                    written = ws[i]
                    if not names.misspelt(form[i], written):
                        continue
                    mention = " ".join((*form[:i], written, *form[i + 1 :]))
                    if names.fold(written) in tagged_words and names.fold(mention) not in tagged:
                        continue  # a word of another name the sources tag
                    slip = Slip(source_id, s, " ".join(form), mention, form[i], written)
                    pair = frozenset((names.fold(slip.name), names.fold(mention)))
                    held = found.get(pair)
                    if held is None or (printed[held.word], held.typed) < (printed[slip.word], slip.typed):
                        found[pair] = slip
    return sorted(found.values(), key=lambda x: (x.source_id, x.sentence, x.name, x.written))


def _slippable(form: Sequence[str], labels: frozenset[str]) -> list[int]:
    """Positions of the words of a name a slip is looked for in: long, capitalised words of
    letters ("O'Neill", not "8900"), and of a person's name only the last."""
    ok = [i for i, w in enumerate(form) if len(w) >= names.SLIP_LETTERS and names.NAME_WORD.fullmatch(w) and w[:1].isupper()]
    return [i for i in ok if i == len(form) - 1] if "PERSON" in labels else ok
