"""The pipeline end to end: sources → clean → nlp → entities → claims → align → compare → report.

This is where the stages are wired together, and the Python API behind the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import nlp as nlp_stage
from .align import align
from .claims import all_claims, dedupe
from .clean import clean
from .compare import Scene
from .compare import compare as compare_claims
from .entities import adopt_slips, find_entities, link
from .errors import UsageError
from .files import printable
from .model import Claim, Entities, Parsed, Source
from .report import Report, against_reference, build, is_lead
from .sources import read_sources
from .spelling import name_findings, slip_findings
from .timing import Timer, maybe

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from a set of sources, before alignment."""

    parsed: tuple[Parsed, ...]
    entities: tuple[Entities, ...]
    global_names: dict[str, str]
    claims: tuple[Claim, ...]


def analyse(
    sources: Sequence[Source], nlp: Language | None, *, timer: Timer | None = None, parsed: Sequence[Parsed] | None = None
) -> Analysis:
    """Clean, parse, resolve entities and extract claims for every source.

    `parsed` (one per source, in order) skips cleaning and parsing: the CI gate passes parses it
    read from its cache, and then `nlp` may be None.
    """
    if parsed is None:
        if nlp is None:
            raise ValueError("analyse needs a language pipeline or the parsed sources")
        with maybe(timer, "clean"):
            segments = [clean(s) for s in sources]
        with maybe(timer, "parse"):
            parsed = nlp_stage.parse(nlp, sources, segments)
    parsed = tuple(parsed)
    with maybe(timer, "extract"):
        ents = adopt_slips(parsed, [find_entities(p) for p in parsed])
        global_names = link(ents)
        claims = dedupe(all_claims(parsed, ents, global_names))
    return Analysis(parsed, ents, global_names, claims)


def check(
    sources: Sequence[Source],
    nlp: Language | None,
    *,
    reference: str | None = None,
    timer: Timer | None = None,
    parsed: Sequence[Parsed] | None = None,
    leads: bool = False,
) -> Report:
    """Compare already-read sources with a loaded pipeline (or their `parsed` form) and return the report.

    `leads` keeps the info-level conflicts between sentences that only resemble each other; they
    are left out by default because readers judged few of them real (see `is_lead`).
    """
    if len(sources) < 2:
        raise UsageError("need at least two sources to compare")
    a = analyse(sources, nlp, timer=timer, parsed=parsed)
    with maybe(timer, "align"):
        groups = align(a.claims)
    with maybe(timer, "compare"):
        sentences = {p.source.id: p.sentences for p in a.parsed}
        spelt = name_findings(a.entities, a.global_names, sentences)
        scene = Scene.of(a.entities, a.global_names, a.claims, {p.source.id: p.source.published for p in a.parsed})
        findings = [*compare_claims(a.claims, groups, scene, spelt, sentences), *spelt]
        findings += slip_findings(a.entities, a.global_names, sentences, findings)
        report = build(sources, [f for f in findings if leads or not is_lead(f)])
    if reference is not None:
        report = against_reference(report, resolve_reference(sources, reference))
    return report


def compare(
    paths: Sequence[str | os.PathLike[str]], *, reference: str | None = None, nlp: Language | None = None, leads: bool = False
) -> Report:
    """Read two or more article files and report where they agree and disagree."""
    sources = read_sources(paths)
    if len(sources) < 2:
        raise UsageError("need at least two sources to compare")
    if reference is not None:
        resolve_reference(sources, reference)
    return check(sources, nlp or nlp_stage.load_model(), reference=reference, leads=leads)


def resolve_reference(sources: Sequence[Source], reference: str) -> str:
    """The id of the source named by `reference`, given as an id or a path."""
    for s in sources:
        if reference == s.id:
            return s.id
    real = os.path.realpath(reference)
    # A source's path is kept printable (files.printable): a name with bytes that are not UTF-8
    # is matched in that form too.
    alike = {real, printable(real)}
    for s in sources:
        if os.path.realpath(s.path) in alike:
            return s.id
    ids = ", ".join(s.id for s in sources)
    raise UsageError(f"--reference {reference!r} is neither a source id ({ids}) nor a given path")
