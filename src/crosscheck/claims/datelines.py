"""Datelines: the page's own date, run into the headline and the first paragraph.

Scraped articles often arrive as one run of text: "Three killed as rioters bomb Greek bank May 5,
2010 A firebomb attack on a bank …", "… dies Wednesday, July 28, 2004 Fred LaRue, a Watergate
figure …". The date there says when the page was published, not when anything the sentence
reports happened: read as the event's date it contradicts another outlet's date of death, and
read as the year a count belongs to it sets the count apart from the other outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import is_month
from ..model import Mention, Sentence, Source, Token
from .base import CLOCK_WORDS

DATELINE_REACH = 400
"""How far into an article's body a dateline stands: after a headline (and, in scraped pages, the
address of the page), before the first paragraph's own words."""
HEADLINE_MIN_TOKENS = 3
"""Words of headline before a dateline: a date that opens a sentence ("On May 5, 2010 police …")
is the sentence's own."""
PROSE_BEFORE = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "from", "since", "until", "during", "before", "after"})
"""Words that make a date part of the sentence ("the May 5, 2010 Athens bombing", "in the early
hours of May 5, 2010 Nikos Papas …"), unless a page's "Published on" comes before them."""
PUBLISHED = frozenset({"published", "posted", "updated", "released"})
_YEAR = re.compile(r"(1[6-9]|20)\d\d")
_DAY = re.compile(r"\d{1,2}(st|nd|rd|th)?")
_CLOCK = re.compile(r"\d{1,2}([AaPp]\.?[Mm]\.?)?|[:,@.]|[A-Z]{2,4}T")
"""Tokens of a time of day, besides base.CLOCK_WORDS, that may follow a dateline's date ("…, 8:
12 PM", "… @ 8: 13am PDT")."""


def is_dateline(source: Source, sent: Sentence, m: Mention) -> bool:
    """Whether a date mention is the page's dateline: a full date (day and year) near the top of
    the article, after some words of headline and straight before a capitalised word that starts
    the body, with at most a time of day between ("… Police MAR. 14, 2013, 8: 12 PM Hostility has
    been mounting …"), in a page that gives no publication date of its own (a scrape; one with
    front matter has been tidied). A date in running text is followed by lower-case words or a
    comma ("On February 29, 2012, AMD announced …"), or comes after a word that makes it part of
    the sentence ("the May 5, 2010 Athens bombing"), so it stays the sentence's own."""
    if source.published is not None or m.start - source.body_start > DATELINE_REACH:
        return False
    toks = sent.tokens
    first = _month_and_day_before(toks, m.first)
    if first < HEADLINE_MIN_TOKENS:
        return False
    if toks[first - 1].lower_text in PROSE_BEFORE and toks[first - 2].lower_text not in PUBLISHED:
        return False
    span = range(first, m.last + 1)
    years = [k for k in span if _YEAR.fullmatch(toks[k].text)]
    if not years or not any(_DAY.fullmatch(toks[k].text) for k in span if k != years[-1]):
        return False
    k = years[-1] + 1
    if k + 1 < len(toks) and toks[k].text in (",", "@") and toks[k + 1].text[:1].isdigit():
        while k < len(toks) and (_CLOCK.fullmatch(toks[k].text) or toks[k].lower_text in CLOCK_WORDS):
            k += 1  # the time of day the page was posted
    return k < len(toks) and toks[k].text[:1].isupper() and toks[k].text.isalpha()


def _month_and_day_before(toks: Sequence[Token], first: int) -> int:
    """Where a date starts when the parser took only its year: "Nov 28, 2005" read as "2005"
    begins at "Nov"; any other mention at `first`."""
    if first >= 3 and toks[first - 1].text == "," and _DAY.fullmatch(toks[first - 2].text):
        if is_month(toks[first - 3].text):
            return first - 3
    return first
