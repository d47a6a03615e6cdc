"""Quote claims: words inside quotation marks, with the person the source says spoke them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..model import Claim, ClaimKind
from ..names import american
from ..quantities import ORDINALS
from .base import Context, _words, extractor
from .quotemarks import find_quotes
from .speakers import _entity_label, _speaker

MIN_QUOTE_WORDS = 3
_EDITORIAL = re.compile(r"\[[^\]]*\]|\([^)]*\)")
"""An editor's insertion in a quote ("[US]", "(rule)"): not the speaker's words."""


_FILLER = frozenset(
    "a an the that which who it its is are was were be been being am will would shall should can "
    "could may might must ca wo just so and i we you he she they m ve ll re d s of to "
    "this these those another".split()
)
"""Words a transcription drops, contracts or shifts into reported speech ("I'm" / "I am", "will"
/ "would", "the things that I've done" / "the things I've done") or hears one way or another
("the regulation" / "this regulation") without changing what was said. Words with an opposite
("on" / "off", "in" / "out", "here" / "there") are never filler: dropping one would let "lights
on" agree with "lights off". Tense stays: "we wanted" and "we had wanted" are two wordings."""
_ORDINAL_FORMS = {w: f"{n}{('st', 'nd', 'rd')[n - 1] if n <= 3 else 'th'}" for w, n in ORDINALS.items()}
_ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(_ORDINAL_FORMS) + r")\b", re.I)


def gist(quote: str) -> str:
    """A quote's words without filler, negation kept ("can't" reads "ca not"), in one house style
    ("6:00 p.m." reads "6 p.m.", "neighbourhood" "neighborhood"): what two transcriptions of one
    utterance share."""
    text = re.sub(r"n[’']t\b", " not", _EDITORIAL.sub(" ", quote).replace("cannot", "can not"))
    text = re.sub(r"[’']ve\b", " have", text)
    text = re.sub(r"[’']s been\b", " has been", text)  # "my daughter's been shot"
    text = _ORDINAL_WORD.sub(lambda m: _ORDINAL_FORMS[m.group(0).lower()], text)  # "Twelfth" / "12th"
    text = _ON_THE_HOUR.sub(r"\1", text)  # "6:00 p.m." / "6 p.m."
    return " ".join(american(w) for w in _words(text) if w not in _FILLER)  # "neighbourhood" / "neighborhood"


_ON_THE_HOUR = re.compile(r"\b(\d{1,2}) ?[:.] ?00(?= ?[ap]\.? ?m\b)", re.I)


def _titled(text: str) -> bool:
    """Whether every word of three or more is capitalised: a title, not speech."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 2]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


@extractor(ClaimKind.QUOTE)
def quotes(ctx: Context) -> Iterator[Claim]:
    """Words inside quotation marks, with the person the source says spoke them."""
    sent = ctx.sentence
    text = ctx.source.text
    for q_start, q_end, last_sent in _quote_spans(ctx):
        quote = text[q_start:q_end].strip()
        words = _words(_EDITORIAL.sub(" ", quote))
        if len(words) < MIN_QUOTE_WORDS or _titled(quote):
            continue  # too short to compare, or a title in quotation marks ("Do You Feel It?")
        who = _speaker(ctx, q_start, q_end, last_sent)
        speaker = who.name
        yield Claim(
            source_id=ctx.source.id,
            kind=ClaimKind.QUOTE,
            subject=speaker or "(unattributed)",
            value=quote,
            norm=" ".join(words),
            evidence=ctx.evidence(ctx.index, last_sent),
            key=" ".join(words),
            anchors=ctx.anchors(),
            sentence=ctx.index,
            span=(q_start, q_end),
            detail=(
                ("speaker", speaker),
                ("speaker_kind", _entity_label(ctx, speaker)),
                ("speaker_named", "1" if who.named and speaker else ""),
            ),
        )
    del sent


def _quote_spans(ctx: Context) -> Iterator[tuple[int, int, int]]:
    """Quotes that open in this sentence: (start, end) of the quoted words and the last sentence."""
    sents = ctx.sentences
    sent = ctx.sentence
    spans = ctx.quotes if ctx.quotes is not None else find_quotes(ctx.source.text, sents)
    # The spans come in reading order: only those opening in this sentence are looked at, so
    # that an article of many quotes is not read through once per sentence.
    k = bisect.bisect_left(spans, (sent.start + 1,))
    while k < len(spans) and spans[k][0] - 1 < sent.end:
        start, end = spans[k]
        k += 1
        last = ctx.index
        while last + 1 < len(sents) and sents[last + 1].start < end:
            last += 1
        yield start, end, last
