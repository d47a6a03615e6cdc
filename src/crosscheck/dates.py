"""Resolving dates as news writes them ("on Sunday", "last year", "Jan 4") against publication.

Values are ISO strings at the precision the text gives: '2026-01-04', '2026-01' or '2019'.
A weekday resolves to the most recent such day on or before publication, or the next one when
the sentence speaks of the future, so "Sunday" and "Jan 4" compare equal when they are.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}


def is_month(word: str) -> bool:
    """A capitalised month name, abbreviated or not: "May 4", "Nov. 28"; not "20 may have died"."""
    return word[:1].isupper() and word.lower().rstrip(".") in MONTHS


WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(january|february|march|april|may|june|july|august|september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?"


def resolve(text: str, published: dt.date | None, *, future: bool = False) -> str | None:
    """The ISO date (at the precision given) that a date phrase denotes, or None if unsure."""
    t = text.lower().replace("’", "'").strip()
    if re.search(r"\b(ago|recent|years?'|decades?|centuries|century|season|weeks|days|months|past|coming|earlier|later|early|late|mid)\b", t) and not re.search(r"\d{4}|" + _MONTH, t):
        return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?", t) or None
    day_first = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s*(\d{4}))?", t)
    if m:
        month, day, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        return _month_day(month, day, year, published, future)
    if day_first:
        day, month, year = int(day_first.group(1)), MONTHS[day_first.group(2)], day_first.group(3)
        return _month_day(month, day, year, published, future)
    m = re.search(r"\b" + _MONTH + r"(?:\s+(\d{4}))?\b", t)
    if m and not re.search(r"\bmay\b", t) or (m and m.group(2)):
        assert m is not None
        month = MONTHS[m.group(1)]
        if m.group(2):
            return f"{int(m.group(2)):04d}-{month:02d}"
        if published is None:
            return None
        shift = re.search(r"\b(last|next|this) year\b", t)  # "April last year"
        year = published.year + {"last": -1, "next": 1, "this": 0}[shift.group(1)] if shift else _year_for(month, published, future)
        return f"{year:04d}-{month:02d}"
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", t)
    if m and not re.search(r"\d{4}s\b", t):
        return m.group(1)
    if published is None:
        return None
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", t):
            delta = (published.weekday() - wd) % 7
            if "next" in t or (future and delta):
                when = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
            elif "last" in t and delta == 0:
                when = published - dt.timedelta(days=7)
            else:
                when = published - dt.timedelta(days=delta)
            return when.isoformat()
    rel = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, d in rel.items():
        if re.search(rf"\b{word}\b", t):
            return (published + dt.timedelta(days=d)).isoformat()
    if re.fullmatch(r"(this|last|next) year", t):
        off = {"this": 0, "last": -1, "next": 1}[t.split()[0]]
        return f"{published.year + off:04d}"
    if re.fullmatch(r"(this|last|next) month", t):
        off = {"this": 0, "last": -1, "next": 1}[t.split()[0]]
        y, mo = divmod(published.year * 12 + published.month - 1 + off, 12)
        return f"{y:04d}-{mo + 1:02d}"
    return None


def is_span(text: str) -> bool:
    """Whether a date phrase spans years ("from 1974 to 1978", "1995-99", "2005/06"): no one date
    to set against another's ("finished his career in 1978" is its end, not another date). Two
    figures after a year's dash are a later year only where they end the phrase: "Dec. 7, 2011 -
    70 years to the day" is one date, and "2013-12" a month."""
    if len(set(re.findall(r"\b(?:1[89]|20)\d\d\b", text))) > 1:
        return True
    m = re.search(r"\b(?:1[89]|20)(\d\d)\s?[-–/]\s?(\d\d)\W*$", text)
    return m is not None and int(m.group(2)) > int(m.group(1))


def compatible(a: str, b: str) -> bool:
    """Whether two resolved dates can denote the same day: one is a prefix of the other."""
    return a.startswith(b) or b.startswith(a)


def _month_day(month: int, day: int, year: str | None, published: dt.date | None, future: bool) -> str | None:
    if year:
        return _iso(int(year), month, day)
    if published is None:
        return f"--{month:02d}-{day:02d}"
    return _iso(_year_for(month, published, future), month, day)


def _year_for(month: int, published: dt.date, future: bool) -> int:
    """News names a month without a year when it is within the last (or next) half year."""
    diff = month - published.month
    if future:
        return published.year + (1 if diff < -2 else 0)
    return published.year - (1 if diff > 2 else 0)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
