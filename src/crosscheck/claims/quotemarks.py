"""Where quotations are: the spans between quotation marks, found once per paragraph."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Sentence

QUOTE_CLOSERS = ("”", "''", '"')
QUOTE_MARKS = "“”\"'‘’"
"""Every mark that opens or closes a quote, single or double, curly or straight."""
MAX_QUOTE_CHARS = 700
"""A quotation mark left open longer than this is a detokenisation or typing slip, not a quote."""


def find_quotes(text: str, sentences: Sequence[Sentence]) -> tuple[tuple[int, int], ...]:
    """(start, end) of every quoted passage, scanning each paragraph once from its start.

    Scanning per paragraph, not per sentence, keeps a closing mark at the start of a sentence
    from being read as an opening one.
    """
    out: list[tuple[int, int]] = []
    stop = -1  # where the last paragraph scanned ends: sentences come in reading order
    for sent in sentences:
        if sent.start <= stop:
            continue  # in a paragraph already scanned
        # Searched back no further than that paragraph's end, so that a long paragraph of many
        # sentences is not searched again for each of them.
        para = text.rfind("\n", max(stop, 0), sent.start) + 1
        stop = text.find("\n", para)
        stop = len(text) if stop < 0 else stop
        pos = max(para, sent.start)
        while pos < stop:
            ch = text[pos]
            if ch in "“\"" and _is_opening(text, pos):
                end = _closing(text, pos + 1)
                if end is None:
                    pos += 1
                    continue
                out.append((pos + 1, end))
                pos = end + (2 if text.startswith("''", end) else 1)
                continue
            pos += 1
    return tuple(out)


def _closing(text: str, start: int) -> int | None:
    """Where the quote opened just before `start` closes, within its paragraph and a sane length."""
    para_end = text.find("\n", start)
    limit = min(len(text) if para_end < 0 else para_end, start + MAX_QUOTE_CHARS)
    found = [i for i in (text.find(c, start, limit) for c in QUOTE_CLOSERS) if i >= 0]
    if found:
        return min(found)
    # A quote running to the end of its paragraph is closed by the paragraph's end.
    return limit if para_end >= 0 and limit == para_end else None


def _is_opening(text: str, pos: int) -> bool:
    """Whether the mark at `pos` can open a quote: a curly one always; a straight one after a
    non-word character, or glued between two words as detokenised text has it (`estimates"at`)."""
    if text[pos] == "“" or pos == 0 or not text[pos - 1].isalnum():
        return True
    return pos + 1 < len(text) and text[pos + 1].isalnum()


def inside_quote(text: str, offset: int, spans: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether `offset` lies between quotation marks: in one of the quote `spans` found, if given,
    else by counting marks within its paragraph."""
    if spans is not None:
        return any(a <= offset < b for a, b in spans)
    para = text[text.rfind("\n", 0, offset) + 1 : offset]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1
