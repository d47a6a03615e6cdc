"""The language stage's plain values match what spaCy's own objects say, token for token."""

from __future__ import annotations

from typing import Any

from crosscheck import nlp as nlp_stage
from crosscheck.model import Segment, Sentence, Source, Token

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


def test_a_spaced_out_contraction_is_read_as_a_denial(nlp: Any) -> None:
    """Copy that spaces "hadn't" as "hadn ’ t" is parsed as "had" and a "not", at the offsets of
    the original text; unjoined, the model reads it as three nouns and the denial is lost."""
    text = "Police said the driver hadn ’ t been charged, and his lawyer don ' t think he will be."
    source = Source("a", "a.md", text)
    (parsed,) = nlp_stage.parse(nlp, [source], [[Segment("a", 0, len(text), text)]])
    tokens = [t for s in parsed.sentences for t in s.tokens]
    for t in tokens:
        assert text[t.idx : t.idx + len(t.text)] == t.text
    denials = [t for t in tokens if t.dep == "neg"]
    assert [(t.text, t.lemma) for t in denials] == [("n ’ t", "not"), ("n ' t", "not")]
    assert [t.text for t in tokens if t.text in ("had", "do")] == ["had", "do"]
    # At a sentence's end the stop stays a token of its own, and the sentence still ends there.
    end = "He said he wouldn ’ t. The board met on Monday."
    (parsed,) = nlp_stage.parse(nlp, [Source("b", "b.md", end)], [[Segment("b", 0, len(end), end)]])
    assert [s.text for s in parsed.sentences] == ["He said he wouldn ’ t.", "The board met on Monday."]
    assert [t.text for t in parsed.sentences[0].tokens][-3:] == ["would", "n ’ t", "."]
    # Other spacing is left as the tokenizer had it: never a stray half of a split word.
    odd = "He hadn  ’  t gone."
    assert [t.text for t in nlp_stage._contractions_joined(nlp.make_doc(odd), odd)] == [t.text for t in nlp.make_doc(odd)]
