"""Comparing names of people and organisations across spellings.

Knows what varies between romanisations and house styles (Heydar/Heidar, Yevgeny/Evgeny, Min-jun/Min Jun,
Seo-yeon/Seo Yeon), and keeps apart two people who only share a family name. The only module besides
alignment that uses rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

TITLE_ABBREVIATIONS = (
    "Lt.", "Lieut.", "Sgt.", "Capt.", "Col.", "Maj.", "Cpl.", "Pvt.", "Pfc.", "Spc.", "Brig.", "Cmdr.",
    "Comdr.", "Det.", "Insp.", "Supt.", "Ofc.", "Atty.", "Msgr.", "Amb.",
)
"""Titles written shortened before a name whose stop spaCy's English tokenizer splits off, so
the sentence ends there ("… said Lt." / "Gregg Hastings of …"); it keeps "Gov.", "Sen.", "Dr."
whole. `nlp` keeps these whole too; as honorifics they are never part of a name."""
# Words that stand before a name as an honorific or office; never part of the name itself.
HONORIFICS = frozenset({title.rstrip(".").lower() for title in TITLE_ABBREVIATIONS}) | frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother "
    "sen senator rep representative gov governor gen general col colonel capt captain lt sgt "
    "president premier chancellor king queen prince princess pope minister secretary judge justice "
    "mayor ambassador chairman chairwoman chair ceo director officer commissioner sheikh emir "
    "vice deputy associate assistant acting former late prime chief staff district attorney sheriff "
    "detective inspector superintendent constable sergeant lieutenant major admiral marshal "
    "commander coach rabbi imam bishop cardinal archbishop pastor dean councillor councilman "
    "congressman congresswoman assemblyman delegate lawmaker mp trooper senior agent private corporal "
    "specialist patrolman firefighter".split()
)
ACADEMIC = frozenset({"dr", "prof", "professor"})
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord", "madam"})
"""Titles that say nothing about a person's office: "Mr Lane" can be anyone named Lane."""
_PARTICLES = frozenset("of for and the de la del der van von da di du le al el bin".split())
_NAME_ARTICLES = frozenset("al el ul ad ar as ash at az".split())
"""Arabic articles joined to a name by a hyphen, which many house styles drop ("al-Bashir")."""
_INITIALS = re.compile(r"^[a-z]\.?$|^(?:[a-z]\.){2,}[a-z]?$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SKELETON_RULES = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"yo"), "yu"),
    (re.compile(r"eo|ou|oo|u"), "u"),
    (re.compile(r"ae|ai|e"), "e"),
    (re.compile(r"y"), "i"),
    (re.compile(r"w(?=[aeiou])"), "w"),
    (re.compile(r"(.)\1"), r"\1"),
    (re.compile(r"h$"), ""),
)


class Variant(StrEnum):
    """How two spellings of one name differ, from harmless to suspicious."""

    SAME = "same"
    INITIALS = "initials"  # a middle name or initial given by one and not the other
    FORMAT = "format"  # case, hyphens, spaces, accents or a middle initial
    ROMANISATION = "romanisation"  # letters that romanisation systems render differently
    LETTERS = "letters"  # some other change of letters: a typo or a different name


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain."""
    if text.isascii():
        return text.lower()
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").lower()


def strip_name(text: str) -> tuple[str, str | None]:
    """Drop determiners, possessives and leading honorifics; return the name and its title."""
    words = text.strip().strip(",.;:'’\"`-–—").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    title = None
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        title = words[0].lower().rstrip(".") if title is None else title
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w for w in words if w), title


def syllables(name: str) -> list[str]:
    """The parts of a name, split at spaces and hyphens, folded."""
    return [p for p in re.split(r"[\s\-‐]+", fold(name)) if p and p != "."]


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    """A spelling key under which romanisation variants of a syllable coincide.

    Cached: linking compares every pair of names in an event, so each name is keyed many times.
    """
    s = re.sub(r"[^a-z]", "", fold(text))
    for pattern, repl in _SKELETON_RULES:
        s = pattern.sub(repl, s)
    return s


def variant(a: str, b: str) -> Variant:
    """Classify how two spellings of what is taken to be one name differ."""
    if a == b:
        return Variant.SAME
    pa, pb = syllables(a), syllables(b)
    if "".join(pa) == "".join(pb):
        return Variant.FORMAT
    ia = [p for p in pa if not _INITIALS.match(p)]
    ib = [p for p in pb if not _INITIALS.match(p)]
    if ia == ib or "".join(ia) == "".join(ib):
        return Variant.INITIALS
    if [p for p in pa if p not in _NAME_ARTICLES] == [p for p in pb if p not in _NAME_ARTICLES]:
        return Variant.INITIALS  # "Omar al-Bashir" / "Omar Bashir": the article is often left out
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) != len(wb) and wa[0] == wb[0] and wa[-1] == wb[-1]:
        return Variant.INITIALS  # "LuAnn Marie Johnson" / "Luann Johnson": a middle name left out
    if len(wa) == len(wb) >= 2 and wa[1:] == wb[1:] and is_nickname(wa[0], wb[0]):
        return Variant.INITIALS  # "Phil Schiller" and "Philip Schiller": a short form, not a spelling
    if fold(a).rstrip("s") == fold(b).rstrip("s"):
        return Variant.FORMAT  # "Tar Heel" / "Tar Heels"
    if skeleton(" ".join(pa)) == skeleton(" ".join(pb)):
        return Variant.ROMANISATION
    return Variant.LETTERS


GENERATIONS = r"Jr|Sr|II|III|IV"
"""The suffixes that tell a father and son of one name apart, as a pattern."""
_GENERATION = re.compile(rf",?\s+(?:{GENERATIONS})\.?$")


def without_generation(name: str) -> str:
    """A name without the suffix that tells a father and son of one name apart: "John Smith Jr."
    and "John Smith" are two people, but either may be meant where a source writes the name bare."""
    return _GENERATION.sub("", name)


@lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> float:
    """Confidence (0..1) that two full names denote one person; 0 when only a family name is shared.

    Both the first and the last part must match under romanisation, and the whole must be close:
    "Kim Min-jun" and "Kim Seo-yeon" share "Kim" but nothing else, so they stay apart.
    """
    pa, pb = syllables(a), syllables(b)
    if len(pa) < 2 or len(pb) < 2:
        return 0.0
    if "".join(pa) == "".join(pb):
        return 1.0  # "Kim Min-jun" / "Kim Minjun", "Mao Zedong" / "Mao Ze-dong"
    for x, y in ((a, b), (b, a)):
        if _INITIAL_FIRST.match(x) and not _INITIAL_FIRST.match(y) and len(x.split()) >= 3:
            return same_person(x.split(maxsplit=1)[1], y)  # "W. Mark Felt" / "Mark Felt": a first initial left out
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) and wa[1:] == wb[1:] and is_nickname(wa[0], wb[0]):
        return 0.9  # "Phil Schiller" / "Philip Schiller"
    if len(wa) != len(wb) and fold(wa[-1]) == fold(wb[-1]) and is_nickname(wa[0], wb[0]):
        # "Fred LaRue" / "Frederick C. LaRue": a short given name, and a middle name or initial
        # on one side only; compared as if both gave the full given name.
        return min(0.9, same_person(" ".join([wb[0], *wa[1:]]), b))
    if skeleton(pa[0]) != skeleton(pb[0]) and fuzz.ratio(pa[0], pb[0]) < 80:
        return 0.0
    given = wa[:-1] == wb[:-1] or len(wa) == len(wb) == 2 and is_nickname(wa[0], wb[0])
    if given and _slip(fold(wa[-1]), fold(wb[-1])) and len(wa[-1]) >= 4:
        # The same given names (or a short form of one) and a surname one slip apart: "A.J. Smith"
        # / "A.J. Simth", "Phil Schiller" / "Philip Shciller".
        return 0.9
    last_a, last_b = skeleton(wa[-1]), skeleton(wb[-1])
    if last_a != last_b and fuzz.ratio(last_a, last_b) < 75:
        return 0.0
    whole = fuzz.ratio(skeleton(a), skeleton(b)) / 100.0
    if whole < 0.85:
        # Middle names or initials may be missing on one side: compare first and last parts only.
        ends = fuzz.ratio(skeleton(wa[0] + wa[-1]), skeleton(wb[0] + wb[-1])) / 100.0
        return ends if ends >= 0.9 and min(len(wa), len(wb)) == 2 else 0.0
    return whole


_INITIAL_FIRST = re.compile(r"[A-Z]\.\s+[A-Z]")
"""A name that opens with an initial and its stop, before a given name ("W. Mark Felt", "J.
Edgar Hoover"); not an article ("a Tony Award", "A Tony Award")."""


def same_org(a: str, b: str) -> bool:
    """Whether two organisation names denote one body: equal, an acronym, or one the other's head.

    "Sony" and "Sony Group", "Toyota" and "Toyota Motor" match (the shorter is the leading part of
    the longer); "Virgin Group" and "Sony Group" do not.
    """
    fa, fb = fold(a).strip(), fold(b).strip()
    if fa == fb:
        return True
    if is_acronym(a, b) or is_acronym(b, a):
        return True
    ta, tb = fa.split(), fb.split()
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return bool(short) and long[: len(short)] == short and len(short[0]) > 1


def is_acronym(short: str, long: str) -> bool:
    """Whether `short` (e.g. "NATO", "UNESCO") is built from the initials of `long`."""
    letters = acronym_letters(short)
    return letters is not None and letters in _initials(long)


def acronym_keys(name: str, *, query: bool = False) -> set[str]:
    """Keys that meet between a name and every name it is an acronym of, or that is an acronym
    of it (`is_acronym`): an index holds a name's own letters if it is an acronym ("UN") and its
    initials ("United Nations"); a lookup asks for its letters among initials and its initials
    among acronyms. Two long names of the same initials ("Harbour Bridge 1", "Harbour Bridge 2")
    share no key: neither is the other's acronym."""
    letters = acronym_letters(name)
    own = {letters} if letters else set()
    initials = {k for k in _initials(name) if k and 2 <= len(k) <= 10}  # as long as an acronym can be
    as_acronym, as_initials = (initials, own) if query else (own, initials)
    return {"acronym:" + k for k in as_acronym} | {"initials:" + k for k in as_initials}


def acronym_letters(short: str) -> str | None:
    """The letters of a name written as an acronym ("U.N." is "UN"), or None for another name."""
    s = short.replace(".", "").strip()
    return s.upper() if 2 <= len(s) <= 10 and s.isupper() and " " not in s else None


def _initials(long: str) -> tuple[str, str]:
    """A name's initials without particles ("of", "the") and with them, in capitals."""
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    initials = "".join(w[0] for w in words if w.lower() not in _PARTICLES and w[0].isalpha())
    with_particles = "".join(w[0] for w in words if w[0].isalpha())
    return initials.upper(), with_particles.upper()


def _load_nicknames() -> frozenset[tuple[str, str]]:
    path = Path(__file__).with_name("data") / "nicknames.csv"
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, nick = line.split(",", 1)
            pairs.add((name, nick))
            pairs.add((nick, name))
    return frozenset(pairs)


NICKNAMES = _load_nicknames()
"""English given names and their short forms (Philip/Phil, William/Bill), both ways."""


def is_nickname(a: str, b: str) -> bool:
    """Whether one given name is a usual short form of the other."""
    return (fold(a).rstrip("."), fold(b).rstrip(".")) in NICKNAMES


def near_surname(word: str, name: str) -> str | None:
    """The part of full name `name` that `word` spells: either end exactly, or the surname with a
    slip ("Klitchsko").

    The first part counts exactly (family names come first in many languages) but never with a
    slip: a lone word one letter off a given name is more often another word or another person
    ("Sets" in a headline beside "Seth", a daughter "Joan" beside "John").
    """
    parts = name.split()
    if len(parts) < 2 or len(word) < 4:
        return None
    fw = fold(word)
    for part in (parts[-1], parts[0]):
        fp = fold(part)
        if fw == fp:
            return part
    last = fold(parts[-1])
    if extends(fw, last):
        return None  # Bell and Bella, Julian and Juliana: other names, not slips
    if len(last) >= 4 and fw[0] == last[0] and (skeleton(fw) == skeleton(last) or _slip(fw, last)):
        return parts[-1]
    return None


def _slip(a: str, b: str) -> bool:
    """One typing slip apart: a letter added, dropped, changed, or two neighbours swapped."""
    limit = 1 if min(len(a), len(b)) < 8 else 2
    return DamerauLevenshtein.distance(a, b) <= limit


def comparable(a: str, b: str) -> tuple[str, str]:
    """The parts of two names to show side by side: a bare surname against the same part of the other."""
    wa, wb = a.split(), b.split()
    if len(wa) == 1 and len(wb) > 1:
        return a, near_surname(a, b) or b
    if len(wb) == 1 and len(wa) > 1:
        return near_surname(b, a) or a, b
    return a, b


def spelling(a: str, b: str) -> tuple[str, str, Variant] | None:
    """The parts of two forms of one name to show side by side and how they differ, when the
    difference is one of spelling; None for house style (hyphens, spaces, initials), headline
    fragments, and two names that only share a word."""
    base, other = comparable(a, b)
    if fragments(base, other):
        return None
    kind = variant(base, other)
    if kind in (Variant.SAME, Variant.INITIALS, Variant.FORMAT):
        return None
    if kind is Variant.LETTERS and not respelling(base, other):
        return None
    return base, other, kind


_BRITISH = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(\w{3,})tre\b", r"\1ter"),  # Centre / Center, Theatre / Theater
        (r"(\w{4,})is(e|ed|es|ing|ations?)\b", r"\1iz\2"),  # Recognised / Recognized; not Louise
        (r"\b(lab|harb|hon|neighb|col|fav|behavi|arm|rum|savi)our", r"\1or"),  # Labour / Labor; not Seymour
        (r"\b(def|off|lic|pret)ence\b", r"\1ense"),  # Defence / Defense; not Lawrence
        (r"(\w{3,})ys(e|ed|es|ing)\b", r"\1yz\2"),  # Analyse / Analyze
    )
)


def american(text: str) -> str:
    """Folded text with British spellings made American (`_BRITISH`): "neighbourhood" reads
    "neighborhood". Names that merely end alike ("Louise", "Seymour", "Lawrence") are left as
    they are."""
    w = fold(text)
    for pattern, repl in _BRITISH:
        w = pattern.sub(repl, w)
    return w


def house_spelling(a: str, b: str) -> bool:
    """Whether two words differ only as British and American spelling do ("Centre" / "Center",
    "Recognised" / "Recognized", "Labour" / "Labor"): each outlet's style, not a name misspelt."""
    return fold(a) != fold(b) and american(a) == american(b)


NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
"""A word of a name: letters, joined by hyphens or apostrophes ("Jong-un", "O'Brien")."""
SLIP_LETTERS = 5
"""Letters a word must have before one typing slip in it counts as a misspelling: shorter words
one letter apart are as often two names ("Lea" / "Leah", "Kim" / "Kin", "Ward" / "Word")."""


def extends(a: str, b: str) -> bool:
    """Whether one word is the other with letters added at its end ("Bell" / "Bella", "Korea" /
    "Korean", "Ranger" / "Rangers"): another word of a name, not a slip."""
    fa, fb = fold(a), fold(b)
    return fa != fb and (fa.startswith(fb) or fb.startswith(fa))


def misspelt(word: str, written: str) -> bool:
    """Whether `written` is `word` with one typing slip inside it: letters added at the end make
    another word of a name ("Korea" / "Korean"), and British against American spelling is house
    style ("Centre" / "Center")."""
    if written == word or not written[:1].isupper() or not NAME_WORD.fullmatch(written) or len(written) < SLIP_LETTERS:
        return False
    if extends(word, written) or house_spelling(word, written):
        return False
    return one_slip(word, written)


def substitution(a: str, b: str) -> bool:
    """Whether two words differ in one letter put for another ("Obama" / "Osama"): the slip
    that most often spells another real name, unlike two letters swapped or one dropped."""
    fa, fb = fold(a), fold(b)
    return len(fa) == len(fb) and sum(x != y for x, y in zip(fa, fb, strict=True)) == 1


def one_slip(a: str, b: str) -> bool:
    """Exactly one typing slip apart, case and accents aside."""
    return DamerauLevenshtein.distance(fold(a), fold(b)) == 1


def respelling(a: str, b: str) -> bool:
    """Whether two forms can be one name spelt two ways: word for word alike ("Teixeira" /
    "Teixiera", "Oppal" / "OPAL"), not two names that share a word ("Mac Mini" / "Mac Box Set")."""
    wa, wb = fold(a).replace("-", " ").split(), fold(b).replace("-", " ").split()
    if len(wa) != len(wb):
        return DamerauLevenshtein.normalized_distance("".join(wa), "".join(wb)) <= 0.25
    return all(x == y or DamerauLevenshtein.normalized_distance(x, y) <= 0.5 for x, y in zip(wa, wb, strict=True))


DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ese", "i", "ean"})
"""What a country's name, less its last vowels, takes to name its people: "Russia" / "Russian",
"Iran" / "Iranian", "Sudan" / "Sudanese", "Israel" / "Israeli", "Somalia" / "Somali"."""


DEMONYM_FALSE_FRIENDS = frozenset({("niger", "nigerian")})
"""A country and the people of another it looks like: Nigerians are Nigeria's, not Niger's."""


def demonym(a: str, b: str) -> bool:
    """Whether one single-word name is the other's people or adjective ("Russian" for "Russia"),
    which sentences about one place use in turn ("in Iran" / "Iranian rescue workers")."""
    if " " in a or " " in b or a == b or tuple(sorted((fold(a), fold(b)), key=len)) in DEMONYM_FALSE_FRIENDS:
        return False
    for x, y in ((a, b), (b, a)):
        stem = x.rstrip("aeiou")
        if len(stem) >= 3 and y.startswith(stem) and y[len(stem) :] in DEMONYM_ENDINGS and len(y) > len(stem):
            return True
    return False


def surname_of(short: str, full: str) -> bool:
    """Whether `short` is `full` by its surname, or by fewer of its words ending with it ("Mueller"
    / "Robert S. Mueller III", "Newton" / "Cam Newton"): how a story names a person after the
    first time."""
    ws, wf = fold(short).split(), fold(without_generation(full)).split()
    return 0 < len(ws) < len(wf) and ws[-1] == wf[-1] and set(ws) <= set(wf)


def fragments(a: str, b: str) -> bool:
    """Whether two "names" are headline fragments the model took for one person ("RCMP Sgt" and
    "RCMP MAKE", "EYP Extending" and "EYP MCF"): an acronym glued to words that are no slip of
    each other. "INS Mysore" and "INS Msyore" is a ship's name misspelt, and is kept."""
    return (_acronym_mix(a) or _acronym_mix(b)) and DamerauLevenshtein.normalized_distance(a.lower(), b.lower()) > 0.25


def _acronym_mix(form: str) -> bool:
    words = re.findall(r"[^\W\d_]+", form)
    caps = [w for w in words if len(w) >= 3 and w.isupper()]
    return bool(caps) and len(caps) < len(words)
