"""Separating article text from page chrome, without moving a single character.

Scraped articles carry teaser lists, sign-up prompts, photo credits, bylines, time stamps and
stray counters. Cleaning keeps the original file intact and returns the paragraphs worth reading
as `Segment`s, each with its exact offsets, so every later span still slices the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Segment, Source

# Whole lines that are page furniture, not article text. Generic to news sites, not to one outlet.
_CHROME_LINE = re.compile(
    r"""^(?:
        (?:recommended|related|suggested|popular|trending|more|top|latest)\s+(?:stories|articles|reads?|news|videos?)\b.*
      | (?:read|see|watch)\s+(?:more|also|next)\b.*
      | sign\s*up\b.* | subscribe\b.* | advertisement | sponsored\b.* | share\s+this\b.* | follow\s+us\b.*
      | -?\s*list\s+(?:of\s+)?\d+\s+(?:of\s+\d+|items?).*
      | \d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago
      | [\d\s.,:/|·•-]*
      | (?:by|reporting\s+by|writing\s+by|edited\s+by)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s+(?:and|&)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?
      | (?:copyright|©).*
    )$""",
    re.I | re.X,
)
# A label or time stamp that starts a line: page furniture when the line is short, else the
# start of a whole article scraped onto one line (MAX_CHROME_CHARS).
_LABEL_LINE = re.compile(
    r"^(?:(?:photo|image|video|picture|graphic|source|credit|caption)s?\s*:.*|(?:updated|published|posted)\s*:?\s.*\d.*)$", re.I | re.S
)
# An agency credit such as "[AFP]" or "(Reuters)" glued to a caption: text after it is a new line.
_CREDIT = re.compile(r"[\[(](?:AFP|AP|Reuters|EPA|Getty Images|Bloomberg|Xinhua|Yonhap|AAP|PA|Kyodo)(?:/[^\])]*)?[\])]")
_URL = re.compile(r"(?:https?\s*:\s*/\s*/\s*|\bwww\s*\.\s*)[\w\-]+(?:\s*(?:/\s*_|[./_])\s*[\w\-?=&%~+#]+)*(?:\s*[/?])?")
"""A web address, as a detokeniser may space it out: "http: / / news. example. com / _ news / 2013 /
09 / story-slug? lite", "… / 2005-12-19-obit _ x. htm"."""
_ZONE = r"(?:\s*(?:[ECMP][SD]?T|GMT|BST|UTC|CES?T|IST|AE[SD]T|SGT|HKT|JST|KST)\b)?"
"""A time zone after a clock time ("3: 36 PM EST"); a list, so a dateline after a stamp ("3: 36 PM
NEW YORK (AP)") is not taken for one."""
# A time stamp glued into a line ("Published: July 29, 2004"): when the page appeared, not a fact.
_STAMP = re.compile(
    r"\b(?:First\s+)?(?:(?i:published|updated|posted|last\s+(?:updated|modified))\s*:|Published|Updated|Posted)\s*"
    r"(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:\d{4}|\d{2}\b(?=,?\s*\d{1,2}[:.]\s?\d{2})))"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\s?\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?" + _ZONE + ")?"
)
_CLOCKED = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r",?\s+\d{1,2}[:.]\s?\d{2}(?:\s*[AaPp]\.?\s?[Mm]\b\.?)?" + _ZONE +
    r"|\b\d{1,2}[:.]\s?\d{2}\s+\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{4}\b"
)
"""A date glued to a clock time ("Wednesday 31 Jul 2013 11:20 am", "13:26 14/09/2013"): when the
page was stamped, not when anything happened. Prose puts "at" before the time."""
_CUT = re.compile(f"{_CREDIT.pattern}|{_URL.pattern}|{_STAMP.pattern}|{_CLOCKED.pattern}")
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")
MAX_HEADING_WORDS = 6
"""A line this short with no closing punctuation is a heading, not a statement."""


def clean(source: Source) -> tuple[Segment, ...]:
    """The paragraphs of an article worth extracting claims from, by exact offsets."""
    return tuple(_segments(source))


def _segments(source: Source) -> Iterator[Segment]:
    text = source.text
    pos = source.body_start
    for line in text[pos:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        for a, b in _pieces(line):
            seg = _trim(text, start + a, start + b)
            if seg is None:
                continue
            s, e = seg
            piece = text[s:e]
            md = _MD_PREFIX.match(piece)
            if md and not piece.startswith(("-list", "- list")):
                s += md.end()
                piece = text[s:e]
            if _is_chrome(piece):
                continue
            for a, b in _bounded(text, s, e):
                yield Segment(source.id, a, b, text[a:b])


MAX_SEGMENT_CHARS = 20_000
"""The longest run of text parsed as one document. A scraped page may hold a whole article, or
a megabyte, as one paragraph, and spaCy's memory grows with the text it parses at once
(nlp.MAX_BATCH_CHARS). The longest paragraph of the 1,000-article corpus is 16,000 characters,
so no real paragraph is cut."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def _bounded(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The span text[a:b] in pieces of at most MAX_SEGMENT_CHARS, each cut after the last
    sentence end before the limit (else the last space, else at the limit)."""
    while b - a > MAX_SEGMENT_CHARS:
        limit = a + MAX_SEGMENT_CHARS
        ends = [m.end() for m in _SENTENCE_END.finditer(text, a + MAX_SEGMENT_CHARS // 2, limit)]
        space = text.rfind(" ", a + 1, limit)
        cut = ends[-1] if ends else space if space > a else limit
        piece = _trim(text, a, cut)
        if piece is not None:
            yield piece
        a = cut
    piece = _trim(text, a, b)
    if piece is not None:
        yield piece


def _pieces(line: str) -> Iterator[tuple[int, int]]:
    """Split a line at agency credits and web addresses, dropping them."""
    at = 0
    for m in _CUT.finditer(line):
        yield at, m.start()
        at = m.end()
    yield at, len(line)


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


MAX_CHROME_CHARS = 300
"""The longest line a label or time stamp at its start (`_LABEL_LINE`) drops whole. A scraped page
may hold the whole article on one line behind its time stamp ("Posted 12 / 19 / 2005 3: 36 PM Mob
boss …") or a label ("Sources: Sox May Not Be Out …"); such furniture is short (the longest in the
corpus has 80 characters), so a longer line is kept, less the stamp `_STAMP` cuts."""


def _is_chrome(piece: str) -> bool:
    if _CHROME_LINE.match(piece) or len(piece) <= MAX_CHROME_CHARS and _LABEL_LINE.match(piece):
        return True
    words = piece.split()
    if len(words) <= MAX_HEADING_WORDS and not _TERMINAL.search(piece):
        return True  # a section heading or a label
    letters = sum(ch.isalpha() for ch in piece)
    return letters < len(piece) * 0.5
