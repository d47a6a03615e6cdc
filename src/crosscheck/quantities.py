"""Reading numbers as people write them in news: "some 200", "US$300 billion", "four", "$350bn".

Pure string functions: the claims stage finds the number phrase, this module says what value
it denotes, in which unit, and whether the writer marked it as approximate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "a": 1, "an": 1,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25}
NUMBER_WORDS = frozenset(_UNITS) - {"a", "an"} | {"hundred", "thousand", "million", "billion", "trillion"}
"""Words that are numbers on their own ("twelve", "dozen", "million"), not articles or abbreviations."""
ORDINALS = {
    w: n + 1
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


def parse_ordinal(text: str) -> int | None:
    """The rank an ordinal names: 'fifth' -> 5, '81st' -> 81."""
    t = text.strip().lower()
    if t in ORDINALS:
        return ORDINALS[t]
    m = _ORDINAL_DIGITS.match(t)
    return int(m.group(1)) if m else None
APPROXIMATORS = (
    "some", "about", "around", "nearly", "almost", "roughly", "approximately", "approx",
    "more than", "over", "less than", "fewer than", "under", "up to", "at least", "at most",
    "close to", "an estimated", "estimated", "upwards of", "just over", "just under", "as many as",
    "as few as", "well over", "no fewer than", "no more than", "several", "dozens", "hundreds",
    "thousands", "millions", "tens of",
)
_APPROX = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in APPROXIMATORS) + r")\b", re.I)
_UPPER = re.compile(r"\b(?:up to|at most|less than|fewer than|under|no more than|as many as|just under|within)\b", re.I)
_LOWER = re.compile(r"\b(?:at least|more than|over|upwards of|no fewer than|well over|just over|in excess of)\b", re.I)
_CURRENCY = (
    (re.compile(r"US\$|USD|\bUS dollars?\b"), "USD"),
    (re.compile(r"S\$|SGD"), "SGD"),
    (re.compile(r"HK\$|HKD"), "HKD"),
    (re.compile(r"A\$|AUD"), "AUD"),
    (re.compile(r"C\$|CAD"), "CAD"),
    (re.compile(r"€|\beuros?\b|EUR", re.I), "EUR"),
    (re.compile(r"£|\bpounds? sterling\b|GBP"), "GBP"),
    (re.compile(r"¥|\byen\b|JPY", re.I), "JPY"),
    (re.compile(r"\byuan\b|CNY|RMB", re.I), "CNY"),
    (re.compile(r"₩|\bwon\b|KRW"), "KRW"),
    (re.compile(r"\$|\bdollars?\b", re.I), "USD"),
)
_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(bn|mn|mln|tn|trn|k|m|b)\b)?", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as written: its value, a currency or percent unit, and whether it is approximate."""

    value: float
    unit: str = ""
    approximate: bool = False
    bound: str = ""  # "min" for "at least 3", "max" for "up to 8": the value is a limit, not a count

    def norm(self) -> str:
        """A comparable text form: '200', '3e+11 USD', '4.5 %'."""
        v = f"{self.value:.6g}"
        return f"{v} {self.unit}".strip()


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(set(_UNITS) - {"a", "an"})) + r")\b")


def parse_amount(text: str) -> Amount | None:
    """The amount a number phrase denotes, or None if it holds no number."""
    t = text.replace("\u2009", " ").replace("\xa0", " ").strip()
    approx = bool(_APPROX.search(t))
    bound = "max" if _UPPER.search(t) else "min" if _LOWER.search(t) else ""
    unit = "%" if re.search(r"%|\bper ?cent\b|\bpercent\b", t, re.I) else ""
    if not unit:
        for pattern, code in _CURRENCY:
            if pattern.search(t):
                unit = code
                break
    value = _digits(t)
    lead = re.split(r"\d", t, maxsplit=1)[0].lower()
    if value is None or _NUMBER_WORD.search(lead):
        value = _words(t.lower() if value is None else lead)  # "seven to 75 years" is seven
    if value is None:
        return None
    return Amount(value, unit, approx, bound)


def closed(text: str) -> str:
    """Numbers split by detokenisation closed up again: "8. 6" is 8.6 and "15, 000" is 15,000."""
    text = re.sub(r"(?<![\d.])(\d{1,2})\. (\d)\b", r"\1.\2", text)
    return re.sub(r"(?<![\d.,])(\d{1,3})((?:, \d{3})+)\b", lambda m: m.group(1) + m.group(2).replace(" ", ""), text)


def _digits(t: str) -> float | None:
    t = closed(t)
    m = _NUM.search(t)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    suffix = (m.group(2) or "").lower()
    if suffix:
        value *= _SCALES[suffix]
    rest = t[m.end():].lower()
    scale = re.match(r"\s*-?\s*(hundred|thousand|million|billion|trillion)\b", rest)
    if scale:
        value *= _SCALES[scale.group(1)]
    return value


def _words(t: str) -> float | None:
    words = re.findall(r"[a-z]+", t)
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _FRACTIONS:
            current = _FRACTIONS[w] * (current or 1)  # "a third", "half a million"
            seen = True
            continue
        if w == "dozen":
            current = (current or 1) * 12  # "a dozen", "two dozen"
            seen = True
            continue
        if w in ("a", "an"):
            current = current or (1 if not seen else current)
            continue
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _SCALES and len(w) > 2:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1e3:
                total += current
                current = 0
            seen = True
    return total + current if seen else None


def within_bound(a: Amount, b: Amount) -> bool:
    """Whether one amount is a limit the other satisfies: "up to 8" and 4, "at least 3" and 5."""
    for limit, value in ((a, b), (b, a)):
        if limit.bound and not value.bound:
            if limit.bound == "max" and value.value <= limit.value:
                return True
            if limit.bound == "min" and value.value >= limit.value:
                return True
    return False


def same_amount(a: Amount, b: Amount) -> bool:
    """Whether two amounts agree: equal, or within what approximate wording allows."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.value == b.value:
        return True
    if a.approximate or b.approximate:
        hi = max(abs(a.value), abs(b.value))
        return hi > 0 and abs(a.value - b.value) / hi <= 0.1
    return False
