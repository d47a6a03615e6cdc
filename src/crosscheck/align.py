"""Matching claims across sources: vectorised fuzzy similarity plus canonical-entity overlap.

For every claim kind and every pair of sources, a score matrix is built with rapidfuzz's
`cdist` and numpy, gated by what must be equal for two claims to be about the same fact (the
same person for a role, the same unit and counted thing for a quantity). Matches are taken
greedily, best first, one-to-one, and merged across sources into groups with at most one claim
per source.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from . import names
from .model import Claim, ClaimKind

STATEMENT_MIN = 0.72
"""Two sentences this similar (token-set and token-sort mix) state the same thing."""
QUANTITY_THING_MIN = 80
LIST_OVERLAP_MIN = 0.5
MINOR_LIST_TEXT_MIN = 0.9
"""A two-item list is compared with a longer one only in a near-identical sentence: a headline's
"Russia and the campaign" is a summary of the lead's three items, not a contradiction."""
MIN_SCORE = {
    ClaimKind.ROLE: 0.5,
    ClaimKind.QUOTE: 0.88,
    ClaimKind.QUANTITY: 0.55,
    ClaimKind.DATE: 0.5,
    ClaimKind.LIST: 0.5,
    ClaimKind.STATEMENT: STATEMENT_MIN,
}


TIE_BREAK = 0.001
"""Added when two claims state the same value: it only decides between equally good candidates
(so "2019" pairs with "2019", not with "Sunday" in the same sentence) and never lifts a pair over a
threshold, so an agreement needs exactly the evidence a discrepancy needs."""


@dataclass(frozen=True, slots=True)
class Group:
    """Claims (indices into the claim list) taken to state one fact, at most one per source."""

    members: tuple[int, ...]
    confidence: float


def align(claims: Sequence[Claim]) -> tuple[Group, ...]:
    """Group claims that state the same fact across sources, best matches first."""
    by_kind: dict[ClaimKind, list[int]] = {}
    for i, c in enumerate(claims):
        by_kind.setdefault(c.kind, []).append(i)
    groups: list[Group] = []
    for kind in ClaimKind:
        idx = by_kind.get(kind, [])
        if idx:
            groups.extend(_align_kind(claims, idx, kind))
    return tuple(sorted(groups, key=lambda g: g.members))


def _align_kind(claims: Sequence[Claim], idx: list[int], kind: ClaimKind) -> list[Group]:
    per_source: dict[str, list[int]] = {}
    for n, i in enumerate(idx):
        per_source.setdefault(claims[i].source_id, []).append(n)
    order = sorted(per_source, key=lambda s: per_source[s][0])
    matches: list[tuple[float, int, int]] = []
    if len(order) < 2:
        return _merge(claims, idx, matches)
    cs = [claims[i] for i in idx]
    if len(order) == 2:
        # Two sources: only the cross block is needed.
        a, b = per_source[order[0]], per_source[order[1]]
        blocks = {(order[0], order[1]): score_matrix([cs[i] for i in a], [cs[j] for j in b], kind)}
    else:
        # Many sources: one matrix over all claims of the kind, sliced per pair of sources. Only
        # the pairs across sources, one way round, are ever read, so only they are fuzzy-scored.
        rows = {s: np.array(per_source[s]) for s in order}
        rank = np.empty(len(cs), dtype=np.int64)
        for r, s in enumerate(order):
            rank[rows[s]] = r
        want = np.less.outer(rank, rank)  # a claim against the claims of every later source
        full = score_matrix(cs, cs, kind, want)
        blocks = {(sa, sb): full[rows[sa][:, None], rows[sb]] for sa, sb in combinations(order, 2)}
    for (sa, sb), score in blocks.items():
        a, b = per_source[sa], per_source[sb]
        for x, y in _one_to_one(score, MIN_SCORE[kind]):
            matches.append((float(score[x, y]), idx[a[x]], idx[b[y]]))
    return _merge(claims, idx, matches)


def score_matrix(a: Sequence[Claim], b: Sequence[Claim], kind: ClaimKind, want: np.ndarray | None = None) -> np.ndarray:
    """Similarity in 0..1 of every claim in `a` to every claim in `b`; 0 where they cannot match.

    `want`, a mask, limits the fuzzy scoring to the pairs it marks; the others may score 0.
    """
    text = _text_sim([_key(c) for c in a], [_key(c) for c in b], want)
    anchors = _anchor_jaccard(a, b)
    if kind is ClaimKind.STATEMENT:
        # Shared entities add confidence; sentences that name none are judged on their words.
        named = np.logical_or.outer(_has_anchors(a), _has_anchors(b))
        score = np.where(named, np.minimum(1.0, text + 0.1 * anchors), text)
        return np.where(text >= STATEMENT_MIN, score, 0.0)
    if kind is ClaimKind.ROLE:
        same = _equal(a, b, lambda c: c.subject)
        role = _cdist([str(c.norm) for c in a], [str(c.norm) for c in b], fuzz.token_set_ratio, want)
        return np.where(same, 0.5 + 0.3 * role + 0.2 * text, 0.0)
    if kind is ClaimKind.QUOTE:
        part = _cdist([str(c.norm) for c in a], [str(c.norm) for c in b], fuzz.partial_ratio, want)
        short = np.minimum.outer(_lengths(a), _lengths(b))
        ok = (part >= MIN_SCORE[kind]) & ((short >= 4) | (part >= 0.999))
        return np.where(ok, part, 0.0)
    if kind is ClaimKind.QUANTITY:
        unit = _equal(a, b, lambda c: c.get("unit"))
        thing = _cdist([c.get("thing") for c in a], [c.get("thing") for c in b], fuzz.token_set_ratio, want)
        verb = _equal(a, b, lambda c: c.get("verb")) | _either_empty(a, b, lambda c: c.get("verb"))
        # Ages are compared only in sentences that say alike things of the person: an age beside
        # the name in full may still be of another time ("At his first trial, Mark Devlin, 30,").
        ok = unit & (thing >= QUANTITY_THING_MIN / 100) & (verb | (text >= 0.6))
        # Between equally good candidates, the one stating the same value is the same fact.
        same = _equal(a, b, lambda c: str(c.norm))
        # An age is about one person: the person, not the sentence, says which ages to compare.
        age = _equal(a, b, lambda c: c.subject) & _equal(a, b, lambda c: c.get("thing")) & np.logical_and.outer(_is_age(a), _is_age(b))
        score = 0.35 * thing + 0.4 * text + 0.25 * anchors
        return np.where(ok, np.maximum(score, np.where(age, 0.8, 0.0)) + TIE_BREAK * same, 0.0)
    if kind is ClaimKind.DATE:
        event = _equal(a, b, lambda c: c.subject)
        precision = _equal(a, b, lambda c: str(len(str(c.norm))))
        same = _prefix_equal([str(c.norm) for c in a], [str(c.norm) for c in b])
        args = _overlap([x.get("args").split() for x in a], [y.get("args").split() for y in b]) > 0
        # The same event (verb or its noun) about the same thing is one fact however worded.
        ok = ((text >= 0.55) | (event & ((text >= 0.4) | args))) & (precision | same | (event & (text >= 0.6)))
        score = 0.35 * text + 0.2 * anchors + 0.25 * event + 0.2 * args
        # The same event about the same thing is one fact however differently the sentences run.
        score = np.maximum(score, np.where(event & args, 0.62, 0.0))
        return np.where(ok, score + TIE_BREAK * same, 0.0)
    if kind is ClaimKind.LIST:
        overlap = _list_overlaps(a, b)
        minor_a = np.array([bool(c.get("minor")) for c in a])
        minor_b = np.array([bool(c.get("minor")) for c in b])
        either = np.logical_or.outer(minor_a, minor_b)
        # A pair aligns only with a list naming both its members, in a near-identical sentence:
        # a longer list, or the same pair (wire copy printed by two outlets).
        ok = (overlap >= LIST_OVERLAP_MIN) & (text >= 0.45) & (~either | ((overlap >= 0.999) & (text >= MINOR_LIST_TEXT_MIN)))
        return np.where(ok, 0.7 * overlap + 0.3 * text, 0.0)
    raise ValueError(f"no alignment rule for claim kind {kind!r}")


def _key(c: Claim) -> str:
    """What a claim's sentence says, for comparing sentences: its content words, or, in a
    sentence of none ("She was 91."), all its words, so that "She was 114." is nearer to "She
    was 91." than a long sentence that merely gives the same age."""
    return c.key or " ".join(re.findall(r"[a-z]+", c.evidence.text.lower()))


def list_overlap(a: Claim, b: Claim, memo: dict[tuple[str, str], bool] | None = None) -> float:
    """Share of the shorter list's members that the other list names too."""
    xs, ys = list(a.value), list(b.value)
    if not xs or not ys:
        return 0.0
    matched = len(member_pairs(xs, ys, memo))
    return matched / min(len(xs), len(ys))


def member_pairs(xs: Sequence[str], ys: Sequence[str], memo: dict[tuple[str, str], bool] | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs of list members naming the same thing ("Sony" and "Sony Group")."""
    memo = {} if memo is None else memo
    pairs, used = [], set()
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if j in used:
                continue
            same = memo.get((x, y))
            if same is None:
                same = memo[(x, y)] = same_member(x, y)
            if same:
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def same_member(x: str, y: str) -> bool:
    """Whether two list members name one thing: equal, an organisation's short name, or one stem."""
    fx, fy = names.fold(x).strip(), names.fold(y).strip()
    if fx == fy or names.same_org(x, y):
        return True
    bare_x, bare_y = re.sub(r"[\W_]+", "", fx), re.sub(r"[\W_]+", "", fy)
    if bare_x == bare_y:
        return True  # "health care" / "healthcare", "E.U." / "EU"
    wx, wy = fx.split(), fy.split()
    short, long = sorted((wx, wy), key=len)
    untitled = long[1:] if long and long[0].rstrip(".") in names.HONORIFICS else long
    if len(short) == 1 and len(untitled) in (2, 3) and untitled[-1] == short[0] and untitled is not long:
        return True  # "Williams" / "coach Roy Williams": a person by surname and in full
    if len(short) >= 2 and long[-len(short):] == short and any(len(w) > 3 for w in short):
        return True  # "Fish and Wildlife Service" / "U. S. Fish and Wildlife Service"
    if _title_and_name(x, y) or _title_and_name(y, x):
        return True  # "athletics director" / "athletic director Dick Baddour"
    if _name_with_words(x, y) or _name_with_words(y, x):
        return True  # "his IBF" / "IBF", "IBO world" / "IBO"
    if len(wx) == 1 and len(wy) == 1:
        a, b = sorted((wx[0], wy[0]), key=len)
        return len(a) >= 5 and b.startswith(a[: max(5, len(a) - 2)])
    return fuzz.token_sort_ratio(fx, fy) >= 90


def _title_and_name(title: str, named: str) -> bool:
    """Whether `title` is a lower-case title of two words or more that `named` gives, spelt
    alike, before a capitalised name: "athletics director" / "athletic director Dick Baddour",
    one person listed once by post and once by post and name."""
    t, n = title.split(), named.split()
    rest = n[len(t) :]
    if len(t) < 2 or not rest or not title.islower() or not all(w[:1].isupper() for w in rest):
        return False
    return fuzz.ratio(names.fold(title), names.fold(" ".join(n[: len(t)]))) >= 90


def _name_with_words(name: str, member: str) -> bool:
    """Whether `member` is `name`, capitalised words alone, with words of its sentence the parser
    took into the member: a determiner before it ("his IBF") or a lower-case word after it ("IBO
    world", of "the IBF, WBO, IBO world titles"). A word before it that says which one ("deputy
    Mayor Smith", "northern Iraq") makes another member."""
    words = member.split()
    caps = [k for k, w in enumerate(words) if not w[:1].islower()]
    if not caps or name.split() != [words[k] for k in caps] or caps != list(range(caps[0], caps[-1] + 1)):
        return False
    before, after = words[: caps[0]], words[caps[-1] + 1 :]
    return bool(before or after) and all(w.lower() in DETERMINERS for w in before) and len(after) <= 1


DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})


def _prefix_equal(a: list[str], b: list[str]) -> np.ndarray:
    """Whether one value is a prefix of the other, for every pair ('2026-01' and '2026-01-04')."""
    la = np.array([len(x) for x in a])
    lb = np.array([len(y) for y in b])
    shorter = np.minimum.outer(la, lb)
    out = np.zeros((len(a), len(b)), dtype=bool)
    for n in np.unique(shorter):
        eq = _equal_values([x[:n] for x in a], [y[:n] for y in b])
        out |= eq & (shorter == n)
    return out


def _overlap(a: Sequence[Iterable[str]], b: Sequence[Iterable[str]]) -> np.ndarray:
    """How many distinct items each pair of rows shares, as float32.

    This is the product of the rows' 0/1 incidence matrices, but a row holds a dozen words out
    of thousands: that product costs rows x rows x vocabulary, while meeting each row's items
    with the rows of the other side that hold them costs only the shared items there are.
    """
    vocab: dict[str, int] = {}
    rows_a, codes_a = _entries(a, vocab)
    rows_b, codes_b = _entries(b, vocab)
    if not len(rows_a) or not len(rows_b):
        return np.zeros((len(a), len(b)), dtype=np.float32)
    # b's entries sorted by item: each entry of a meets the run of b's entries with its item.
    order = np.argsort(codes_b, kind="stable")
    held_by, codes_b = rows_b[order], codes_b[order]
    lo = np.searchsorted(codes_b, codes_a, "left")
    runs = np.searchsorted(codes_b, codes_a, "right") - lo
    x = np.repeat(rows_a, runs)
    y = held_by[np.repeat(lo - np.cumsum(runs) + runs, runs) + np.arange(int(runs.sum()))]
    counts = np.bincount(x * len(b) + y, minlength=len(a) * len(b))
    return counts.reshape(len(a), len(b)).astype(np.float32)


def _entries(items: Sequence[Iterable[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(row, code) of each distinct item of each row, as two arrays; an item new to `vocab`
    is given the next code there."""
    distinct = [dict.fromkeys(ws) for ws in items]
    codes = [vocab.setdefault(w, len(vocab)) for d in distinct for w in d]
    rows = np.repeat(np.arange(len(items)), [len(d) for d in distinct])
    return rows, np.array(codes, dtype=np.int64)


def _list_overlaps(a: Sequence[Claim], b: Sequence[Claim]) -> np.ndarray:
    """list_overlap for every pair, computed only where the lists share a member's first word."""
    def heads(c: Claim) -> list[str]:
        return [names.fold(m).split()[0][:5] for m in c.value if m.strip()]

    candidates = _overlap([heads(c) for c in a], [heads(c) for c in b]) > 0
    out = np.zeros((len(a), len(b)))
    memo: dict[tuple[str, str], bool] = {}  # members recur across lists: compare each pair once
    for x, y in zip(*np.nonzero(candidates), strict=True):
        out[x, y] = list_overlap(a[x], b[y], memo)
    return out


def _one_to_one(score: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    xs, ys = np.nonzero(score >= minimum)
    order = sorted(zip(xs.tolist(), ys.tolist(), strict=True), key=lambda p: (-score[p], p))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for x, y in order:
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            out.append((x, y))
    return out


def _merge(claims: Sequence[Claim], idx: list[int], matches: list[tuple[float, int, int]]) -> list[Group]:
    group_of = {i: n for n, i in enumerate(idx)}
    members: dict[int, list[int]] = {n: [i] for n, i in enumerate(idx)}
    conf: dict[int, float] = {}
    for score, i, j in sorted(matches, key=lambda m: (-m[0], m[1], m[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if {claims[k].source_id for k in members[gi]} & {claims[k].source_id for k in members[gj]}:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
        conf[gi] = min(conf.get(gi, 1.0), conf.pop(gj, 1.0), score)
    return [Group(tuple(sorted(m)), round(conf.get(g, 1.0) if len(m) > 1 else 0.0, 3)) for g, m in members.items()]


def _cdist(a: list[str], b: list[str], scorer: Callable[..., float], want: np.ndarray | None = None) -> np.ndarray:
    """`scorer` / 100 for every pair, or for the pairs `want` marks (0 elsewhere)."""
    return _raw(a, b, scorer, want) / 100.0


def _raw(a: list[str], b: list[str], scorer: Callable[..., float], want: np.ndarray | None, dense: bool | None = None) -> np.ndarray:
    """`scorer` (0..100) for the pairs `want` marks (every pair when None), 0 elsewhere.

    `dense` scores every pair in one `cdist` call and masks after, cheaper when most are wanted;
    by default only a missing mask is dense.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    if dense is None:
        dense = want is None
    if dense:
        full = np.asarray(process.cdist(a, b, scorer=scorer, dtype=np.float32, workers=-1))
        return full if want is None else np.where(want, full, np.float32(0.0))
    assert want is not None, "picking pairs needs a mask"
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    xs, ys = np.nonzero(want)
    if len(xs):
        out[xs, ys] = process.cpdist([a[i] for i in xs], [b[j] for j in ys], scorer=scorer, dtype=np.float32, workers=-1)
    return out


PREFILTER_OVERLAP = 0.2
"""Pairs whose keys share less than this share of the shorter key's words are not fuzzy-scored:
their similarity is far below every threshold, and skipping them keeps alignment near-linear."""


def _text_sim(a: list[str], b: list[str], want: np.ndarray | None = None) -> np.ndarray:
    """Token-set similarity tempered by token-sort, so a short key inside a long one is not 1.0."""
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    if not a or not b:
        return out
    wa, wb = [k.split() for k in a], [k.split() for k in b]
    shared = _overlap(wa, wb)
    shorter = np.minimum.outer(np.array([max(1, len(set(w))) for w in wa]), np.array([max(1, len(set(w))) for w in wb]))
    keep = shared / shorter >= PREFILTER_OVERLAP
    if want is not None:
        keep &= want
    dense = bool(keep.mean() > 0.3)  # scoring every pair at once is cheaper than picking
    set_r, sort_r = (_raw(a, b, scorer, keep, dense) for scorer in (fuzz.token_set_ratio, fuzz.token_sort_ratio))
    return ((0.5 * set_r + 0.5 * sort_r) / 100.0).astype(np.float32)


def _is_age(cs: Sequence[Claim]) -> np.ndarray:
    return np.array([c.get("thing") == "age" and not c.subject.endswith("(person)") for c in cs], dtype=bool)


def _has_anchors(cs: Sequence[Claim]) -> np.ndarray:
    return np.array([bool(c.anchors) for c in cs], dtype=bool)


def _lengths(cs: Sequence[Claim]) -> np.ndarray:
    return np.array([len(str(c.norm).split()) for c in cs])


def _codes(values: list[str]) -> dict[str, int]:
    return {v: n for n, v in enumerate(sorted(set(values)))}


def _equal(a: Sequence[Claim], b: Sequence[Claim], key: Callable[[Claim], str]) -> np.ndarray:
    return _equal_values([key(c) for c in a], [key(c) for c in b])


def _equal_values(va: list[str], vb: list[str]) -> np.ndarray:
    codes = _codes(va + vb)
    return np.equal.outer(np.array([codes[v] for v in va]), np.array([codes[v] for v in vb]))


def _either_empty(a: Sequence[Claim], b: Sequence[Claim], key: Callable[[Claim], str]) -> np.ndarray:
    ea = np.array([not key(c) for c in a])
    eb = np.array([not key(c) for c in b])
    return np.logical_or.outer(ea, eb)


def _anchor_jaccard(a: Sequence[Claim], b: Sequence[Claim]) -> np.ndarray:
    inter = _overlap([c.anchors for c in a], [c.anchors for c in b])
    size_a = np.array([len(set(c.anchors)) for c in a], dtype=np.float32)
    size_b = np.array([len(set(c.anchors)) for c in b], dtype=np.float32)
    union = size_a[:, None] + size_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
