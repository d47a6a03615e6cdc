"""The CI gate: check every event of a dataset, then apply the configuration and the baseline.

`analyse_events` orders the dataset-wide work so that nothing is done twice: cached results are
read first, the model is loaded only if some article still needs parsing, every such article is
parsed in one batch (in `jobs` processes), and each remaining event goes through
`pipeline.check`. The rest is pure functions on frozen values: `configure` drops disabled
categories and applies severity overrides, `judge` sorts discrepancies into new, baselined and
waived, and `GateResult.to_dict` is the one record form every CI format renders from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from . import __version__
from . import cache as cache_mod
from . import nlp as nlp_stage
from .baseline import Baseline, Entry, Waiver, fingerprint
from .clean import clean
from .config import Config
from .dataset import Event
from .findings import CODES
from .model import SEVERITY_RANK, Finding, Kind, Parsed, Severity, Source
from .report import Report, build, is_lead

if TYPE_CHECKING:
    from spacy.language import Language

ProgressFn = Callable[[str, int, int], None]
RECORD_VERSION = 1


class Status(StrEnum):
    """What the gate makes of a discrepancy."""

    NEW = "new"
    BASELINED = "baselined"
    WAIVED = "waived"


@dataclass(frozen=True, slots=True)
class Checked:
    """A discrepancy with its fingerprint, its status and whether it fails the build."""

    finding: Finding
    fingerprint: str
    status: Status
    fails: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class EventResult:
    """One event's report (after configuration) and its judged discrepancies."""

    event: Event
    report: Report
    checked: tuple[Checked, ...]

    def failed(self) -> bool:
        """Whether a new discrepancy of this event reaches the failing severity."""
        return any(c.fails for c in self.checked)


@dataclass(frozen=True, slots=True)
class GateResult:
    """The whole run: every event, the failing severity and what the baseline no longer matches."""

    events: tuple[EventResult, ...]
    fail_on: Severity | None
    baseline: str | None = None
    stale: tuple[Entry, ...] = ()
    stale_waivers: tuple[Waiver, ...] = ()

    def failed(self) -> bool:
        """Whether the build fails (exit status 1)."""
        return any(r.failed() for r in self.events)

    def to_dict(self) -> dict[str, Any]:
        """The run as plain JSON-ready records, the one form every CI format renders from."""
        events = [_event_record(r) for r in self.events]
        totals = {k: sum(e["counts"][k] for e in events) for k in events[0]["counts"]} if events else {}
        return {
            "version": RECORD_VERSION,
            "tool": {"name": "crosscheck", "version": __version__},
            "fail_on": str(self.fail_on) if self.fail_on else "never",
            "failed": self.failed(),
            "baseline": self.baseline,
            "events": events,
            "totals": {"events": len(events), "failed_events": sum(e["failed"] for e in events), **totals},
            "stale": [e.to_dict() for e in self.stale],
            "stale_waivers": [{"waiver": w.token, "source": w.source_id, "where": w.where} for w in self.stale_waivers],
        }


def reaches(severity: Severity, fail_on: Severity | None) -> bool:
    """Whether a discrepancy of `severity` is at or above the failing severity."""
    return fail_on is not None and SEVERITY_RANK[severity] <= SEVERITY_RANK[fail_on]


def configure(report: Report, config: Config) -> Report:
    """The report without disabled categories, without leads unless asked, with the configured severities.

    Leads are dropped before severities are set, so a severity set for a category applies to
    what is reported: to gate on leads, ask for them (`leads = true` or `--leads`).
    """
    kept = [
        replace(f, severity=config.severity_of(f.category, f.severity)) if f.kind is Kind.DISCREPANCY else f
        for f in report.findings
        if f.category not in config.disable and (config.leads or not is_lead(f))
    ]
    return build(report.sources, kept)


def judge(event: Event, report: Report, accepted: dict[str, Entry], fail_on: Severity | None) -> EventResult:
    """Sort the event's discrepancies into new, baselined and waived; new ones may fail."""
    checked = []
    for f in report.of_kind(Kind.DISCREPANCY):
        fp = fingerprint(event.name, f)
        involved = {v.source for v in f.values} | {e.source for e in f.evidence}
        waiver = next((w for w in event.waivers if w.source_id in involved and w.matches(fp, f.id)), None)
        if fp in accepted:
            checked.append(Checked(f, fp, Status.BASELINED, False, accepted[fp].reason))
        elif waiver is not None:
            checked.append(Checked(f, fp, Status.WAIVED, False, waiver.reason))
        else:
            checked.append(Checked(f, fp, Status.NEW, reaches(f.severity, fail_on)))
    return EventResult(event, report, tuple(checked))


def run(
    events: Sequence[Event],
    config: Config,
    *,
    load_nlp: Callable[[], Language],
    baseline: Baseline | None = None,
    baseline_path: str | None = None,
    cache: cache_mod.Cache | None = None,
    progress: ProgressFn | None = None,
) -> GateResult:
    """Check every event and judge its discrepancies against the configuration and baseline."""
    reports = analyse_events(events, load_nlp=load_nlp, cache=cache, jobs=config.jobs, progress=progress)
    return decide(events, reports, config, baseline=baseline, baseline_path=baseline_path)


def decide(
    events: Sequence[Event],
    reports: Sequence[Report],
    config: Config,
    *,
    baseline: Baseline | None = None,
    baseline_path: str | None = None,
) -> GateResult:
    """The gate's verdict on already-made reports (one per event): configure, judge, find what is stale."""
    accepted = {e.fingerprint: e for e in baseline.entries} if baseline else {}
    results = tuple(judge(ev, configure(rep, config), accepted, config.fail_on) for ev, rep in zip(events, reports, strict=True))
    current = {c.fingerprint for r in results for c in r.checked}
    checked_events = {ev.name for ev in events}
    stale = tuple(e for e in baseline.stale(current) if e.event in checked_events) if baseline else ()
    stale_waivers = tuple(
        w for r in results for w in r.event.waivers if not any(w.matches(c.fingerprint, c.finding.id) for c in r.checked)
    )
    return GateResult(results, config.fail_on, baseline_path, stale, stale_waivers)


def analyse_events(
    events: Sequence[Event],
    *,
    load_nlp: Callable[[], Language],
    cache: cache_mod.Cache | None = None,
    jobs: int = 1,
    progress: ProgressFn | None = None,
) -> tuple[Report, ...]:
    """Every event's report, from the cache where possible; the model loads only if needed."""
    loaded: list[Language] = []

    def nlp() -> Language:
        if not loaded:
            loaded.append(load_nlp())
        return loaded[0]

    model = ""
    if cache is not None:
        model = nlp_stage.installed_model_id() or nlp_stage.model_id(nlp())
    code = cache_mod.code_id() if cache is not None else ""
    reports: dict[int, Report] = {}
    for i, ev in enumerate(events):
        if cache is not None:
            found = cache_mod.decode_findings(cache.get("result", cache_mod.result_key(ev.sources, model, code)), ev.sources)
            if found is not None:
                reports[i] = Report(ev.sources, found)
    todo = [i for i in range(len(events)) if i not in reports]
    if not todo:
        return tuple(reports[i] for i in range(len(events)))
    # Imported here, so a fully cached run never imports numpy and rapidfuzz.
    from .pipeline import check

    parsed = _parse_all([s for i in todo for s in events[i].sources], nlp, model, cache, jobs, progress)
    for n, i in enumerate(todo, 1):
        ev = events[i]
        report = check(ev.sources, None, parsed=[parsed[s] for s in ev.sources], leads=True)  # kept and cached; `configure` chooses
        if cache is not None:
            cache.put("result", cache_mod.result_key(ev.sources, model, code), cache_mod.encode_findings(report.findings))
        reports[i] = report
        if progress is not None:
            progress("checking events", n, len(todo))
    return tuple(reports[i] for i in range(len(events)))


def _parse_all(
    sources: Sequence[Source],
    nlp: Callable[[], Language],
    model: str,
    cache: cache_mod.Cache | None,
    jobs: int,
    progress: ProgressFn | None,
) -> dict[Source, Parsed]:
    """Parses of every source: from the cache, else all together in one batched pass."""
    code = cache_mod.code_id(cache_mod.PARSE_MODULES) if cache is not None else ""
    out: dict[Source, Parsed] = {}
    todo: dict[str, Source] = {}  # one parse per distinct text, even if two events share an article
    keys: dict[Source, str] = {}
    for s in sources:
        keys[s] = key = cache_mod.parse_key(s, model, code) if cache is not None else s.text
        if s in out or key in todo:
            continue
        found = cache_mod.decode_sentences(cache.get("parse", key), s.id, s.text) if cache is not None else None
        if found is not None:
            out[s] = Parsed(s, found)
        else:
            todo[key] = s
    if todo:
        batch = list(todo.values())
        count = [0]

        def done(_: int) -> None:
            count[0] += 1
            if progress is not None:
                progress("parsing articles", count[0], len(batch))

        fresh = nlp_stage.parse(nlp(), batch, [clean(s) for s in batch], n_process=max(1, jobs), done=done)
        for key, p in zip(todo, fresh, strict=True):
            out[p.source] = p
            if cache is not None:
                cache.put("parse", key, cache_mod.encode_sentences(p.sentences))
    by_key = {keys[s]: p for s, p in out.items()}
    for s in sources:
        if s not in out:  # same text as a parsed source, under another id
            p = by_key[keys[s]]
            out[s] = Parsed(s, tuple(replace(x, source_id=s.id) for x in p.sentences))
    return out


def _event_record(r: EventResult) -> dict[str, Any]:
    """One event's counts and its discrepancies, each evidence with file, line and column."""
    where = {s.id: (s, o) for s, o in zip(r.event.sources, r.event.origins, strict=True)}

    def locate(e: Any) -> dict[str, Any]:
        source, origin = where[e.source]
        line, column = origin.position(source.text, e.start)
        end_line, end_column = origin.position(source.text, e.end)
        return {
            "source": e.source,
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "path": origin.file,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
        }

    findings = [
        {
            "event": r.event.name,
            "fingerprint": c.fingerprint,
            "status": str(c.status),
            "fails": c.fails,
            "reason": c.reason,
            "id": c.finding.id,
            "code": CODES[c.finding.category],
            "category": str(c.finding.category),
            "severity": str(c.finding.severity),
            "subject": c.finding.subject,
            "summary": c.finding.summary,
            "values": [
                {"source": v.source, "value": v.value if isinstance(v.value, str) else list(v.value)} for v in c.finding.values
            ],
            "evidence": [locate(e) for e in c.finding.evidence],
            "confidence": c.finding.confidence,
        }
        for c in r.checked
    ]
    counts = {
        "articles": len(r.event.sources),
        "discrepancies": len(r.checked),
        "new": sum(c.status is Status.NEW for c in r.checked),
        "failing": sum(c.fails for c in r.checked),
        "baselined": sum(c.status is Status.BASELINED for c in r.checked),
        "waived": sum(c.status is Status.WAIVED for c in r.checked),
        "agreements": len(r.report.of_kind(Kind.AGREEMENT)),
        "unique": len(r.report.of_kind(Kind.UNIQUE)),
    }
    return {
        "name": r.event.name,
        "where": r.event.where,
        "failed": r.failed(),
        "sources": [{"id": s.id, "path": o.file} for s, o in zip(r.event.sources, r.event.origins, strict=True)],
        "counts": counts,
        "findings": findings,
    }
