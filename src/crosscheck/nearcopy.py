"""Near copies: two sources' sentences that are the same word for word but for one word.

Outlets often run one wire sentence with a word changed: a name respelt, a count updated, a year
shifted, a "not" added. When everything else matches word for word, the changed word is the whole difference,
and the claim-level guards (scope, entities, verbs) that keep loosely aligned sentences from
being compared have nothing left to guard: there is no second reading of "the same sentence
with one number changed". The named-entity model, on the other hand, often misses a misspelt
word ("Msyore" is no entity to it), so this reads the words themselves.

Pure string functions: the statement comparer hands in two sentences and their entity names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from . import names
from .dates import is_month
from .claims.base import STOP
from .model import Category
from .nlp import SPACED_NOT
from .quantities import NUMBER_WORDS, closed, parse_amount

MIN_SHARED = 10
"""Words two sentences must share, in order, before one word apart counts as a copy."""
SHARED_SHARE = 0.85
"""Share of the longer sentence's words the copies must share."""
MAX_CHANGED = 3
"""Words either side of the one difference may span ("Ten" / "about twelve", "Herbert Flynn" /
"Christopher Kenyon Simpson")."""

_WORD = re.compile(r"\w+(?:[.,'’-]\w+)*(?:(?<=[nN]) ?[’'] ?[tT]\b)?")
"""A word, or a contraction some copy spaces out ("hadn ’ t"), which `_denial` reads as one when
it is one of "not" (nlp.SPACED_NOT). Matched loosely and checked after: an alternation on the
contractions first would make every word of every sentence slower to find."""
NOT_LISTED = "(not listed)"
_QUOTE_MARK = re.compile(r"[\"“”]|''")  # '' closes a quote in some wire copy
_NEGATORS = frozenset({"not", "never"})
_CONTRACTED = {"can't": "can", "cannot": "can", "won't": "will", "shan't": "shall"}
"""Denials whose affirmed form is not the word less its "n't" ("can't" is no "ca")."""
_GLYPHS = "\ufffd½¼¾"
"""A fraction, or a character lost in conversion, that sticks to a number ("4½", "4�")."""
_ADDING = frozenset({"only", "just", "merely"})
"""Words after a "not" that add to what is said rather than deny it ("not only")."""
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_COUNTED = frozenset("people men women children staff police personnel".split())
"""Plurals without an s: after one, a four-digit number is a count ("1800 people"), not a year."""
_SPEECH = frozenset(
    "said says say told tells added adds according asked explained insisted stated wrote recalled recalls "
    "warned replied announced declared admitted acknowledged confirmed denied argued stressed urged testified".split()
)
"""Speech verbs as a sentence prints them. Not derived from the parser's lemmas (claims/speakers.py):
this module reads words, and many forms of those lemmas are nouns as often ("points", "reports",
"claims", "calls", "notes", "quotes"); these are not."""


@dataclass(frozen=True, slots=True)
class Change:
    """The one difference between two near-copy sentences, as each writes it."""

    category: Category
    first: str
    second: str
    about: str
    """The word after the difference in the first sentence ("boats" after "two"), for a subject."""


def change(first: str, second: str, entity_names: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()) -> Change | None:
    """The name, number, year or "not" two otherwise identical sentences differ in, if that is all.

    `entity_names` are the names either source's entities go by: a capitalised word that occurs in
    one of them (or is a slip of one) is a name, not a word that starts a sentence. `people` are
    those of them that name people: only a person put in place of another is a quote given to
    someone else ("told Reuters" / "told AFP" is not).
    """
    first, second = _joined(first), _joined(second)
    ma, mb = list(_WORD.finditer(first)), list(_WORD.finditer(second))
    a, b = [m.group() for m in ma], [m.group() for m in mb]
    la, lb = [_folded(w) for w in a], [_folded(w) for w in b]
    if abs(len(a) - len(b)) > MAX_CHANGED or len(set(la) ^ set(lb)) > 2 * MAX_CHANGED:
        return None  # more than one change, told cheaply: most aligned sentences are no copies
    ops = SequenceMatcher(None, la, lb, autojunk=False).get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) != 1:
        return None
    _, i1, i2, j1, j2 = changed[0]
    shared = len(a) - (i2 - i1)
    if shared < MIN_SHARED or shared < SHARED_SHARE * max(len(a), len(b)):
        return None
    old, new = _unsuffixed(a[i1:i2], b[j1:j2])
    if _negates(old) != _negates(new) and _affirmed(old) == _affirmed(new):
        return Change(Category.STATEMENT, " ".join(old) or "-", " ".join(new) or "-", "statement")
    if len(old) > MAX_CHANGED or len(new) > MAX_CHANGED:
        return None
    if not old or not new:
        return _dropped(first, ma, i1, i2, second, mb, j1, j2)
    if _garbled(first, ma, i1, i2) or _garbled(second, mb, j1, j2):
        return None  # "4½" read as "4�", "41 / 2" or "412": one number mangled, not two
    about = a[i2] if i2 < len(a) else a[i1 - 1]
    before = a[i1 - 1] if i1 else ""
    raw = (first[ma[i1].start() : ma[i2 - 1].end()], second[mb[j1].start() : mb[j2 - 1].end()])
    whole = (_whole_date(first, ma, i1, i2), _whole_date(second, mb, j1, j2))
    return (
        _number(old, new, raw, whole, about, before)
        or _name(old, new, about, entity_names)
        or _speaker(old, new, (_run(a, i1, i2), _run(b, j1, j2)), first, la, people)
    )


def _dropped(first: str, ma: list[re.Match[str]], i1: int, i2: int, second: str, mb: list[re.Match[str]], j1: int, j2: int) -> Change | None:
    """A list member one sentence names and the copy leaves out ("A, B and C" / "A and C").

    Any other word added or dropped changes emphasis, not a fact this module can name.
    """
    longer, words, lo, hi, first_longer = (first, ma, i1, i2, True) if i2 > i1 else (second, mb, j1, j2, False)
    start, end = words[lo].start(), words[hi - 1].end()
    span = longer[start:end]
    member = re.sub(r"^(?:and|or)\s+|\s+(?:and|or)$", "", span.strip(" ,"))
    member = re.sub(r"^(?:the|a|an)\s+", "", member, flags=re.I)  # "the Israelis" is listed as "Israelis"
    if not member or not any(ch.isalpha() for ch in member) or member.lower() in ("and", "or"):
        return None
    before, after = longer[:start].rstrip(), longer[end:].lstrip()
    separated_before = before.endswith(",") or re.search(r"(?:,|\band|\bor)$", before) is not None
    # The next item is followed by a separator too: "York, Hull and", not the appositive "Acme, said".
    separated_after = re.match(r"(?:and|or)\b|,\s*(?:and|or)\b|,\s*[^,.;:]{1,40}?(?:,|\s(?:and|or)\s)", after) is not None
    tail_item = re.match(r"(?:and|or)\s", span) is not None and "," in before[-60:]
    if not (separated_before and separated_after or tail_item and re.match(r"[.;:!?)]|$", after)):
        return None
    pair = (member, NOT_LISTED) if first_longer else (NOT_LISTED, member)
    return Change(Category.LIST_MEMBERSHIP, pair[0], pair[1], member)


def _denial(word: str) -> str | None:
    """What a word of denial affirms: "" for "not" and "never", "is" for "isn't", "can" for
    "can't" and "cannot"; None for a word that denies nothing."""
    if " " in word and not SPACED_NOT.fullmatch(word):
        return None  # "Dan ’ t": a name and a stray letter, not a contraction
    w = _folded(word).replace(" ", "")  # "hadn ’ t" reads "hadn't"
    if w in _NEGATORS:
        return ""
    if w in _CONTRACTED:
        return _CONTRACTED[w]
    return w[:-3] if w.endswith("n't") else None


def _denials(words: Sequence[str]) -> list[tuple[int, str]]:
    """(position, affirmed form) of each denial in lower-case words, but "not only" and the like."""
    return [(i, d) for i, w in enumerate(words) if (d := _denial(w)) is not None and "".join(words[i + 1 : i + 2]) not in _ADDING]


def _negates(words: list[str]) -> bool:
    return any(_denial(w) is not None for w in words)


def _affirmed(words: list[str]) -> list[str]:
    """The words without their negation: "isn't" reads "is", "not" and "never" go."""
    read = [(w, _denial(w)) for w in words]
    return [w.lower() if d is None else d for w, d in read if d != ""]


def _garbled(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """Whether anything but spaces lies between the changed words, or a stray symbol right after them."""
    start = words[first].start()
    end = words[last - 1].end()
    between = text[start:end]
    after = text[end : end + 3].lstrip()
    return any(not (ch.isalnum() or ch.isspace() or ch in ".,'’-") for ch in between) or after[:1] in ("/", *_GLYPHS)


def _number(old: list[str], new: list[str], raw: tuple[str, str], whole: tuple[str, str], about: str, before: str) -> Change | None:
    """A number or year changed (`raw` as each sentence prints it); a day of the month is shown as
    the `whole` date it belongs to ("May 26, 2003")."""
    if not (all(_numeric(w) for w in old) and all(_numeric(w) for w in new)):
        return None
    if _suffix(old[-1]) != _suffix(new[-1]):
        return None  # "200ft" / "60m": one distance in two units
    x, y = parse_amount(raw[0]), parse_amount(raw[1])  # the text as written: "6. 1-magnitude" is 6.1
    if x is None or y is None or x.value == y.value:
        return None
    year = len(old) == len(new) == 1 and _YEAR.match(old[0]) and _YEAR.match(new[0])
    counted = about.islower() and (about.endswith("s") or about in _COUNTED)  # "2000 jobs", "1800 people"
    if year and not counted:
        return Change(Category.DATE, old[0], new[0], about)
    if is_month(before) or is_month(about):
        return Change(Category.DATE, whole[0], whole[1], about)  # "August 2" / "August 4": a day of the month
    return Change(Category.NUMBER, raw[0], raw[1], about)


def _whole_date(text: str, words: list[re.Match[str]], first: int, last: int) -> str:
    """The date a changed day of the month belongs to, as the sentence prints it: the month
    before or after the day, and a year after both ("May 26, 2003", "14 October 2011")."""
    if first and is_month(words[first - 1].group()):
        first -= 1
    elif last < len(words) and is_month(words[last].group()):
        last += 1
    if last < len(words) and _YEAR.match(words[last].group()):
        last += 1
    return text[words[first].start() : words[last - 1].end()]


def _numeric(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word.lower() in NUMBER_WORDS


def _speaker(
    old: list[str], new: list[str], runs: tuple[str, str], sentence: str, words: list[str], people: frozenset[str]
) -> Change | None:
    """One named person put in place of another in a quoted sentence: the words given to someone else.

    `runs` are the capitalised runs the changed words stand in ("Dana Kemp" around "Kemp"): each
    must be someone a source names, in full or by a surname it names, and the two must share no word.
    """
    if not _QUOTE_MARK.search(sentence) or not all(w[:1].isupper() and names.NAME_WORD.fullmatch(w) for w in old + new):
        return None
    named = {names.fold(n) for n in people}
    surnames = {n.split()[-1] for n in named if n.split()}
    x, y = (names.fold(names.strip_name(r)[0]) for r in runs)  # "President Kemp" is Kemp
    if not all(r in named or r.split()[-1:] and r.split()[-1] in surnames for r in (x, y)) or set(x.split()) & set(y.split()):
        # Unless the changed words are two whole names: the words around them ("Interior Secretary
        # Dirk Kempthorne") are a title both sentences keep, not a given name shared.
        whole = (" ".join(old), " ".join(new))
        known = all(names.fold(w) in named or names.fold(w).split()[-1] in surnames for w in whole)
        if not (len(old) >= 2 and len(new) >= 2 and known):
            return None  # "Dana Kemp" / "Dana Osei": a surname changed, for the name checks to judge
        runs = whole
    if not _attributes(words, runs[0]):
        return None  # "… after meeting Osei": another person, not the one the words are given to
    shown = [names.strip_name(r)[0] for r in runs]  # "Lt Dana Kemp" is reported as Dana Kemp
    return Change(Category.QUOTE_SPEAKER, shown[0], shown[1], shown[0])


def _attributes(words: list[str], name: str) -> bool:
    """Whether a speech verb stands just before the name or within eight words after it ("said
    Kemp", "Kemp, founder of the firm, told"); `words` are the sentence's, in lower case."""
    parts = name.split()
    for i in range(len(words) - len(parts) + 1):
        if words[i : i + len(parts)] == [p.lower() for p in parts]:
            near = words[max(0, i - 3) : i] + words[i + len(parts) : i + len(parts) + 8]
            if _SPEECH & set(near):
                return True
    return False


def _run(words: list[str], first: int, last: int) -> str:
    """The capitalised words around words[first:last]: the whole name a changed word belongs to."""
    while first > 0 and words[first - 1][:1].isupper() and words[first - 1].isalpha():
        first -= 1
    while last < len(words) and words[last][:1].isupper() and words[last].isalpha():
        last += 1
    return " ".join(words[first:last])


def _suffix(word: str) -> str:
    """The letters a number carries ("ft" of "200ft"), or the word itself when it has no digits."""
    return re.sub(r"^[\d.,]+", "", word.lower()) if word[:1].isdigit() else ""


def _name(old: list[str], new: list[str], about: str, entity_names: frozenset[str]) -> Change | None:
    if len(old) != 1 or len(new) != 1:
        return None
    x, y = old[0], new[0]
    if not (x[:1].isupper() and y[:1].isupper() and x.isalpha() and y.isalpha()) or min(len(x), len(y)) < 4:
        return None
    if names.fold(x) == names.fold(y) or {x.lower(), y.lower()} & names.HONORIFICS:
        return None
    if not names.one_slip(x, y):
        return None  # "Monday" / "Sunday", "Iran" / "Oman": other words, not one word misspelt
    words = {names.fold(w) for n in entity_names for w in n.split()}
    if names.fold(x) not in words and names.fold(y) not in words:
        return None  # capitalised, but not part of anything either source names
    named = sorted(n for n in entity_names if names.fold(x) in names.fold(n).split() or names.fold(y) in names.fold(n).split())
    return Change(Category.NAME_SPELLING, x, y, named[0] if named else x)


def in_copied_passage(first: Sequence[str], second: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of differing sentences, `first[i]` and `second[j]`, that stand where a copied
    passage puts them: `copied_after` on the sentences' `passage_keys`."""
    return copied_after(passage_keys(first), passage_keys(second))


def passage_keys(texts: Sequence[str]) -> tuple[str, ...]:
    """Each sentence's words in lower case, what `copied_after` matches sentences on.

    A source is read against every other source of an event, so callers key its sentences once
    and pass the keys to every pairing rather than re-reading the words per pair.
    """
    return tuple(" ".join(map(str.lower, _WORD.findall(t))) for t in texts)


def copied_after(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of differing sentences, by their `passage_keys`, that stand where a copied
    passage puts them: right after a long sentence both texts print word for word, once each, at
    i - 1 and j - 1, past the first sentence of either.

    Too few words to be a copy on their own, "She was 91." and "She was 114." are one sentence when
    the wire sentence before them is the same in both: outlets run a passage whole. So is a
    sentence whose one change ("Herbert Flynn" / "Christopher Kenyon Simpson") is too large a share
    of it, or one the parser cut from its quote ('"…," said Lt.' / "Gregg Hastings of the state
    police."). The pairs are the candidates: `change` on each read after its copied sentence
    decides whether they differ in one fact. Only after: what stands before a copied lead is a
    byline or a dateline, whose date differs whenever two outlets run one wire story on two days.
    """
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    where = {k: j for j, k in enumerate(keys_b) if j >= 1 and count_b[k] == 1 and len(k.split()) >= MIN_SHARED}
    out = []
    for i, k in enumerate(keys_a[:-1]):
        j = where.get(k)
        if i >= 1 and j is not None and count_a[k] == 1 and j + 1 < len(keys_b) and keys_a[i + 1] != keys_b[j + 1]:
            out.append((i + 1, j + 1))
    return out


_CONTRACTION = re.compile(r"['’](?:s|d|ll|re|ve|m)$", re.I)


def _unsuffixed(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """The changed words less a contraction both end in ("Klitchko’s" / "Klitschko’s" is the
    name respelt, "2012’s" / "2013’s" the year changed): `_joined` keeps it on the word."""
    if len(old) == len(new) == 1:
        x, y = _CONTRACTION.search(old[0]), _CONTRACTION.search(new[0])
        if x and y and _folded(x.group()) == _folded(y.group()):
            return [old[0][: x.start()]], [new[0][: y.start()]]
    return old, new


_SPACED_APOSTROPHE = re.compile(r"(?<=\w) ([’']) (?=(?:s|d|ll|re|ve|m)\b)")


def _joined(text: str) -> str:
    """A sentence with what detokenisation split closed up again: numbers ("15, 000" is 15,000)
    and contractions ("she ’ s" is "she’s"), so that one copy printed each way reads as one."""
    return _SPACED_APOSTROPHE.sub(r"\1", closed(text))


def _folded(word: str) -> str:
    """A word as copies are compared: lower case, curly apostrophes straight ("Company’s" is
    "company's")."""
    return word.lower().replace("’", "'")


def _lower_words(text: str, pattern: re.Pattern[str] = _WORD) -> list[str]:
    """A sentence's words for comparing runs of them: numbers and contractions closed up
    (`_joined`), then `_folded`."""
    return [_folded(w) for w in pattern.findall(_joined(text))]


def _cased_words(text: str, pattern: re.Pattern[str] = _WORD) -> list[str]:
    """`_lower_words` as the sentence prints them, capitals kept."""
    return [w.replace("’", "'") for w in pattern.findall(_joined(text))]


def _copied_around(a: Sequence[str], i: int, b: Sequence[str], j: int, least: int, *, skip: int = 1) -> bool:
    """Whether `a` around position i and `b` around position j print the same words, at least
    one on each side and `least` in all. Words a[i] and b[j:j + skip] are the difference and
    not counted (skip 0: `b` has nothing where `a` has its word)."""
    before = _run_length(a[:i][::-1], b[:j][::-1])
    after = _run_length(a[i + 1 :], b[j + skip :])
    return before > 0 and after > 0 and before + after >= least


def _run_length(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


DENIED_WORDS = 5
"""Words around a "not" (two before, three after: all of them) the other sentence must print in a row."""


def affirms_denied(negated: str, plain: str) -> bool:
    """Whether `plain` prints the phrase `negated` denies: word for word ("He has not been charged
    with" against "He has been charged with"), or in another tense ("has not been charged with
    vehicular" against "was charged with vehicular", `_affirms_in_other_tense`).

    Two sentences aligned only loosely may differ in a "not" that belongs to another clause; when
    the words right around it are the other sentence's own, the denial is of what it states.
    """
    a, b = _lower_words(negated), _lower_words(plain)
    other = f" {' '.join(b)} "
    for i, affirmed in _denials(a):
        phrase = a[max(0, i - 2) : i] + ([affirmed] if affirmed else []) + a[i + 1 : i + 4]
        if len(phrase) >= DENIED_WORDS and f" {' '.join(phrase)} " in other:
            return True
    return _affirms_in_other_tense(a, b)


AUXILIARIES = frozenset({"be", "is", "was", "were", "are", "am", "been", "being", "have", "has", "had", "do", "does", "did"})
LEFT_OUT = AUXILIARIES | {"a", "an", "the"}
"""Words the tense rule reads past: auxiliaries, which change with the tense, and articles, which
change with the wording ("was not a special assistant to" / "served as special assistant to")."""
TENSED_WORDS = 3
"""Words after a "not", auxiliaries and articles aside (LEFT_OUT), the other sentence must print
in a row, one of them a content word of four letters or more: "not been charged with vehicular"
reads "charg with vehicular"."""
HEDGES = frozenset({"whether", "if", "would", "could", "may", "might", "will", "shall", "should", "can", "must",
                    "unlikely", "likely", "expected", "expects", "due", "hopes", "wants", "seeks", "plans",
                    "without", "yet", "no"})
"""Words before the phrase that keep the other sentence from stating it: "is unlikely to be
charged with", "declined to say whether he would be charged with", "has not yet been charged
with". Not "to" alone: "the first woman to be elected to the board" states that she was."""


def _affirms_in_other_tense(negated: Sequence[str], plain: Sequence[str]) -> bool:
    """Whether `plain` (lower-case words) states, in a row, the TENSED_WORDS words that follow a
    "not" in `negated`, auxiliaries left out (and articles too, or not: LEFT_OUT) and endings cut
    (`_stem`), with no hedge or denial (HEDGES, `_denial`) in the three words before them:
    "Thomas was not placed on IR" against "Thomas had been placed on IR". The words before the
    "not" are the sentence's subject, which an outlet words its own way ("This is not the fifth
    successful operation" / "This anti-piracy action … was the fifth successful operation")."""
    return any(_affirms_leaving_out(negated, plain, left) for left in (AUXILIARIES, LEFT_OUT))


def _affirms_leaving_out(negated: Sequence[str], plain: Sequence[str], left: frozenset[str]) -> bool:
    """`_affirms_in_other_tense` with the words `left` out of both sentences."""
    at = [j for j, w in enumerate(plain) if w not in left]  # where each kept word stands
    stems = [_stem(plain[j]) for j in at]
    for i, _ in _denials(negated):
        words = [w for w in negated[i + 1 : i + 1 + 2 * TENSED_WORDS] if w not in left][:TENSED_WORDS]
        if len(words) < TENSED_WORDS or not any(len(w) >= 4 and w not in STOP for w in words):
            continue
        after = [_stem(w) for w in words]
        for k in range(len(stems) - TENSED_WORDS + 1):
            if stems[k : k + TENSED_WORDS] == after and not _hedged(plain, at[k]):
                return True
    return False


def _hedged(words: Sequence[str], j: int) -> bool:
    """Whether a hedge or a denial ("hadn ’ t" too, one word to `_WORD`) stands in the three
    words before position j."""
    return any(w in HEDGES or _denial(w) is not None for w in words[max(0, j - 3) : j])


def _stem(word: str) -> str:
    """A word without its inflection, roughly: "charged", "charges" and "charge" read "charg",
    "died" and "die" read "die", "planned" and "plans" read "plan". A stem keeps three letters."""
    for ending in ("ing", "ied", "ies", "ed", "es", "s", "d", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # "planned": "plann"
    return word


def copied_denial(negated: str, plain: str) -> bool:
    """Whether `plain` prints, in one run, MIN_SHARED or more of the words around a "not" in
    `negated`, with at least one on each side: "… office where the bomb was not found" against
    "… office where the bomb was found by a bank employee".

    `affirms_denied` finds the denied phrase; this finds a copied clause, as long as the shortest
    near copy, that differs in the denial alone: one fact, stated and denied.
    """
    return _denied_copy(negated, plain) is not None


def named_apart(negated: str, plain: str) -> bool:
    """Whether the copied clause `copied_denial` finds stands after two other capitalised words,
    one in each sentence: "Tom Smith has been charged with …" / "Ben Brown has not been charged
    with …" states one thing of two people, both true. "The victim, who was in her 60s, was
    taken to …" / "Johnson was not taken to …" names one of them only."""
    found = _denied_copy(negated, plain)
    if found is None:
        return False
    x, y = found
    return x != y and x[:1].isupper() and y[:1].isupper() and x.isalpha() and y.isalpha()


def _denied_copy(negated: str, plain: str) -> tuple[str, str] | None:
    """The words right before the clause `plain` copies around a "not" in `negated`, as each
    sentence prints them ("" at a sentence's start); None when it copies none."""
    a, b = _lower_words(negated), _lower_words(plain)
    for i, affirmed in _denials(a):
        # "isn't" reads "is not": the "is" is a word both print, the "not" the difference
        words, k = ([*a[:i], affirmed, "not", *a[i + 1 :]], i + 1) if affirmed else (a, i)
        for j in range(len(b) + 1):
            if _copied_around(words, k, b, j, MIN_SHARED, skip=0):
                before = _run_length(words[:k][::-1], b[:j][::-1])
                x, y = i - before + (1 if affirmed else 0), j - before
                ca, cb = _cased_words(negated), _cased_words(plain)
                return (ca[x - 1] if x > 0 else ""), (cb[y - 1] if y > 0 else "")
    return None


FIGURE_WORDS = 5
"""Words around a figure, in a row on both sides of it, two sentences must print alike for their
figures to be one fact: "after falling about 150 metres at" / "after falling about 188 metres at"."""
_PLAIN_WORD = re.compile(rf"[\w{_GLYPHS}]+(?:[.,'’/][\w{_GLYPHS}]+)*")
"""A word for figures: hyphens split, so "36-year-old" reads 36, year, old; a fraction or a
mangled glyph stays with its number ("4½", "4�" are not 4)."""
_FIGURE = re.compile(r"\d[\d.,]*")
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


def copied_figure(first: str, x_at: tuple[int, int], second: str, y_at: tuple[int, int]) -> bool:
    """Whether two sentences print the same words around the one figure in which the values at
    offsets `x_at` and `y_at` differ, at least one word on each side and FIGURE_WORDS in all; or
    FIGURE_WORDS before a figure that closes a clause in both ("… for Health and Human Rights in
    1996, and" / "… in 1998, among"), where nothing after it can make it another figure.

    Two facts that read alike ("three touchdowns" in this game and three in another, "10 people"
    killed here and "10 people" hurt there) share the number's noun but seldom the words that lead
    up to it; a figure set in the same run of words is one fact, reported two ways, however
    loosely the rest of the sentences align.
    """
    found = _one_changed(first, x_at, second, y_at)
    return found is not None and _copied(first, second, *found)


def moved_figure(first: str, x_at: tuple[int, int], second: str, y_at: tuple[int, int]) -> bool:
    """Whether two sentences print the very same words, MIN_SHARED or more, but for the values at
    offsets `x_at` and `y_at`, in another order, and the values differ in one figure: "Three bank
    employees were killed in Athens on May 5, 2010, when …" / "On May 4, 2010, three bank
    employees were killed in Athens when …". One sentence rewritten by moving a phrase, so its
    one changed figure is one fact reported two ways, as a figure in copied words is."""
    return _one_changed(first, x_at, second, y_at) is not None and _moved(first, x_at, second, y_at)


def figure_in_same_words(first: str, x_at: tuple[int, int], second: str, y_at: tuple[int, int]) -> bool:
    """`copied_figure` or `moved_figure`, reading the sentences' figures once."""
    found = _one_changed(first, x_at, second, y_at)
    return found is not None and (_copied(first, second, *found) or _moved(first, x_at, second, y_at))


def _copied(first: str, second: str, a: list[str], i: int, b: list[str], j: int) -> bool:
    if _copied_around(a, i, b, j, FIGURE_WORDS):
        return True
    return _run_length(a[:i][::-1], b[:j][::-1]) >= FIGURE_WORDS and _ends_clause(first, i) and _ends_clause(second, j)


def _moved(first: str, x_at: tuple[int, int], second: str, y_at: tuple[int, int]) -> bool:
    def rest(text: str, at: tuple[int, int]) -> Counter[str]:
        return Counter(_lower_words(text[: at[0]] + " " + text[at[1] :], _PLAIN_WORD))

    a, b = rest(first, x_at), rest(second, y_at)
    return a == b and a.total() >= MIN_SHARED


def _one_changed(first: str, x_at: tuple[int, int], second: str, y_at: tuple[int, int]) -> tuple[list[str], int, list[str], int] | None:
    """Both sentences' words and the position in each of the one figure in which the values at
    `x_at` and `y_at` differ; None when no figure differs, or several do ("14 October 2011" /
    "15 November 2012"), or the values are no figures alike ("4½", "4G")."""
    a, fa = _figures_at(first, x_at)
    b, fb = _figures_at(second, y_at)
    changed = [(i, j) for i, j in zip(fa, fb, strict=False) if parse_amount(a[i]) != parse_amount(b[j])]  # "7" is "seven"
    if len(fa) != len(fb) or len(changed) != 1:
        return None
    i, j = changed[0]
    return a, i, b, j


_CLAUSE_END = re.compile(r"\s*(?:[.;:!?)]|,(?!\s*(?:(?:and|or)\s+)?(?:\d|(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b)))", re.I)
"""What closes a clause after a figure: a stop, or a comma not followed by another figure ("in
1996, 1998 and 2002" is a list of years). Not the end of the text: a sentence with no stop may be
one the parser cut short ("idle for 12" / "idle for 15", days or hours)."""


def _ends_clause(text: str, k: int) -> bool:
    """Whether word k of a sentence (as `_figures_at` counts words) closes a clause (_CLAUSE_END)."""
    closed_text = _joined(text)
    words = list(_PLAIN_WORD.finditer(closed_text))
    return k < len(words) and _CLAUSE_END.match(closed_text, words[k].end()) is not None


def _figures_at(text: str, at: tuple[int, int]) -> tuple[list[str], list[int]]:
    """A sentence's words, and the positions of the figures among the words of the value at
    offsets `at`: digits ("150", "4,051") and number words, not scale words ("million") and not
    fractions, mangled glyphs or labels ("4½", "4�", "4G")."""
    words = _lower_words(text, _PLAIN_WORD)
    lo, hi = (len(_lower_words(text[:n], _PLAIN_WORD)) for n in at)
    return words, [k for k in range(lo, hi) if _FIGURE.fullmatch(words[k]) or words[k] in NUMBER_WORDS - _SCALES]
