"""The language stage's plain values match what spaCy's own objects say, token for token."""

from __future__ import annotations

from typing import Any

from crosscheck import nlp as nlp_stage
from crosscheck.model import Segment, Sentence, Token

TEXT = (
    "Dr. Ana Lima, 54, told Reuters on Tuesday that 1,200 workers at Acme Corp. in São Paulo "
    "would not return.  \"We are done,\" she said.\nThe union, the Workers' Party and the mayor "
    "disagreed. Talks end May 3."
)


def test_sentences_match_spacy(nlp: Any) -> None:
    seg = Segment("a", 100, 100 + len(TEXT), TEXT)
    doc = nlp(TEXT)
    got = list(nlp_stage._sentences(doc, seg, start_index=7))
    spans = list(doc.sents)
    assert len(got) == len(spans) >= 3
    for n, (sent, span) in enumerate(zip(got, spans, strict=True)):
        assert sent.index == 7 + n
        assert sent.text == span.text.rstrip()
        assert TEXT[sent.start - 100 : sent.end - 100] == sent.text
        assert [t.text for t in sent.tokens] == [t.text for t in span]
        assert [(t.lemma, t.pos, t.tag, t.dep, t.ent_type, t.ent_iob) for t in sent.tokens] == [
            (t.lemma_, t.pos_, t.tag_, t.dep_, t.ent_type_, t.ent_iob_) for t in span
        ]
        assert [t.head for t in sent.tokens] == [t.head.i - span.start for t in span]
        assert [t.idx for t in sent.tokens] == [100 + t.idx for t in span]
        assert [(m.text, m.label, m.first, m.last, m.start, m.end) for m in sent.mentions] == [
            (e.text, e.label_, e.start - span.start, e.end - 1 - span.start, 100 + e.start_char, 100 + e.end_char)
            for e in span.ents
        ]
    assert any(sent.mentions for sent in got)


def _token(text: str, head: int) -> Token:
    return Token(text=text, idx=0, lemma=text, pos="X", tag="X", dep="dep", head=head)


def test_children_are_the_tokens_headed_by_each_token() -> None:
    heads = [1, 1, 1, 4, 2]  # token 1 is the root (its own head)
    sent = Sentence("a", 0, 0, 9, "a b c d e", tuple(_token(w, h) for w, h in zip("abcde", heads, strict=True)))
    assert [sent.children(i) for i in range(5)] == [(), (0, 2), (4,), (), (3,)]
    # Derived, so not part of equality: a sentence whose table was built equals a fresh one.
    assert sent == Sentence("a", 0, 0, 9, "a b c d e", sent.tokens)


def test_a_huge_paragraph_is_cut_after_sentences_with_exact_offsets() -> None:
    from crosscheck.clean import MAX_SEGMENT_CHARS, clean
    from crosscheck.model import Source

    body = " ".join(f"Mr Smith{i} said {i} people died on Monday." for i in range(2000))  # one 90,000-character paragraph
    text = f"---\ntitle: t\n---\n{body}\n"
    source = Source(id="a", path="a.md", text=text, body_start=text.index("Mr"))
    segments = clean(source)
    assert len(segments) > 1 and all(len(s.text) <= MAX_SEGMENT_CHARS for s in segments)
    assert all(text[s.start : s.end] == s.text and s.text.endswith("Monday.") for s in segments)
    assert " ".join(s.text for s in segments) == body  # nothing lost, nothing doubled


def test_batches_hold_at_most_64_texts_and_a_bounded_amount_of_text() -> None:
    assert nlp_stage._batch_sizes([100] * 130) == [64, 64, 2]
    limit = nlp_stage.MAX_BATCH_CHARS
    assert nlp_stage._batch_sizes([limit // 2, limit // 2, 1, limit * 2, 5]) == [2, 1, 1, 1]
    assert nlp_stage._batch_sizes([]) == []
