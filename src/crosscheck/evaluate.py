"""Scoring the checker against labelled events: precision, recall and F1 per category.

The gold format is documented in `tests/gold/README.md`. Scoring works on the report's record
form (`Report.to_dict()`), so it judges exactly what a user would read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import names
from .errors import InputError
from .files import MAX_INPUT_BYTES, has_surrogate, printable, read_input
from .model import Category

GOLD_KEYS = frozenset({"event", "split", "sources", "attribution", "discrepancies", "agreements", "must_not"})
SPLITS = ("tune", "heldout")


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled fact: its category and strings the finding's values must contain."""

    category: str
    values: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A labelled event: its articles and what a careful editor expects reported."""

    event: str
    split: str
    sources: tuple[Path, ...]
    discrepancies: tuple[Label, ...]
    agreements: tuple[Label, ...]
    must_not: tuple[Label, ...]
    file: Path | None = None  # the gold file itself, so `eval -o` never writes over it


@dataclass(frozen=True, slots=True)
class EventScore:
    """How one event's report compares with its labels."""

    event: str
    split: str
    correct: tuple[dict[str, Any], ...]  # reported discrepancies that match a label
    false_positives: tuple[dict[str, Any], ...]
    found: tuple[Label, ...]
    misses: tuple[Label, ...]
    agreements_found: tuple[Label, ...]
    agreements_missed: tuple[Label, ...]


def load_gold(path: Path) -> GoldEvent:
    """Read and check one gold file; source paths are relative to the file.

    The read is bounded and refuses what is not a regular file (a FIFO would hang the run), and
    every field is checked here, so a malformed file is one line naming the file and the field,
    never a traceback from deep inside scoring.
    """
    shown = printable(path)
    try:
        text = read_input(path, MAX_INPUT_BYTES, shown).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{shown}: cannot read gold file ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(_yaml_error(shown, exc)) from None
    except RecursionError:
        raise InputError(f"{shown}: not valid YAML (nested too deeply)") from None
    except ValueError:  # int() refuses literals over sys.get_int_max_str_digits() digits
        raise InputError(f"{shown}: not valid YAML (a number has too many digits)") from None
    if not isinstance(data, dict):
        raise InputError(f"{shown}: a gold file is a mapping")
    if has_surrogate(data):
        raise InputError(f"{shown}: has a \\u escape that is a lone surrogate, not a character")
    unknown = sorted(str(k) for k in set(data) - GOLD_KEYS)
    if unknown:
        raise InputError(f"{shown}: unknown key {unknown[0]!r}")
    if data.get("split") not in SPLITS:
        raise InputError(f"{shown}: split must be one of {', '.join(SPLITS)}")
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources):
        raise InputError(f"{shown}: 'sources' must be a list of article paths, got {sources!r}")
    if len(sources) < 2:
        raise InputError(f"{shown}: an event needs at least two sources")
    return GoldEvent(
        event=printable(str(data.get("event") or path.stem)),
        split=data["split"],
        sources=tuple((path.parent / s).resolve() for s in sources),
        discrepancies=_labels(shown, "discrepancies", data.get("discrepancies")),
        agreements=_labels(shown, "agreements", data.get("agreements")),
        must_not=_labels(shown, "must_not", data.get("must_not")),
        file=path,
    )


def _yaml_error(shown: str, exc: yaml.YAMLError) -> str:
    """PyYAML's multi-line message as one line: the file, the line and the problem."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{shown}:{mark.line + 1}" if mark is not None else shown
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or "cannot be parsed"
    return f"{where}: not valid YAML ({' '.join(str(problem).split())})"


def _labels(shown: str, key: str, items: Any) -> tuple[Label, ...]:
    """The labels of one list (`discrepancies`, `agreements`, `must_not`), each checked."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InputError(f"{shown}: '{key}' must be a list of labels, got {items!r}")
    out = []
    categories = {str(c) for c in Category}
    for n, item in enumerate(items):
        where = f"{shown}: {key}[{n}]"
        if not isinstance(item, dict) or item.get("category") not in categories or not item.get("values"):
            raise InputError(f"{where}: each label needs a known category and values: {item!r}")
        values = item["values"]
        if not isinstance(values, list) or not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
            raise InputError(f"{where}: 'values' must be a list of strings, got {values!r}")
        out.append(Label(item["category"], tuple(str(v) for v in values), str(item.get("note", ""))))
    return tuple(out)


def load_dir(directory: Path, split: str | None = None) -> list[GoldEvent]:
    """Every gold event in a directory, by file name, optionally of one split."""
    try:
        is_dir = directory.is_dir()
    except OSError:  # a name too long, say
        is_dir = False
    if not is_dir:
        raise InputError(f"{printable(directory)}: not a directory of gold files")
    events = [load_gold(p) for p in sorted(directory.glob("*.yaml"))]
    if not events:
        raise InputError(f"{printable(directory)}: no gold files (*.yaml)")
    return of_split(events, split)


def of_split(events: list[GoldEvent], split: str | None) -> list[GoldEvent]:
    """The events of one split; all of them for None or "all"."""
    return [e for e in events if split in (None, "all", e.split)]


def _text(finding: dict[str, Any]) -> str:
    parts: list[str] = []
    for v in finding["values"]:
        parts.extend([v["value"]] if isinstance(v["value"], str) else v["value"])
    return " | ".join(parts).lower()


def matches(finding: dict[str, Any], label: Label, kind: str) -> bool:
    """A finding matches a label when kind and category agree and it names every labelled value."""
    if finding["kind"] != kind or finding["category"] != label.category:
        return False
    text = names.fold(_text(finding))
    return all(names.fold(v) in text for v in label.values)  # "Vendome" names "Vendôme"


def score(event: GoldEvent, report: dict[str, Any]) -> EventScore:
    """Compare one event's report with its labels."""
    disc = [f for f in report["findings"] if f["kind"] == "discrepancy"]
    agree = [f for f in report["findings"] if f["kind"] == "agreement"]
    correct, fps = [], []
    for f in disc:
        if any(matches(f, m, "discrepancy") for m in event.must_not):
            fps.append(f)
        elif any(matches(f, lab, "discrepancy") for lab in event.discrepancies):
            correct.append(f)
        else:
            fps.append(f)
    found = tuple(lab for lab in event.discrepancies if any(matches(f, lab, "discrepancy") for f in correct))
    misses = tuple(lab for lab in event.discrepancies if lab not in found)
    a_found = tuple(lab for lab in event.agreements if any(matches(f, lab, "agreement") for f in agree))
    a_missed = tuple(lab for lab in event.agreements if lab not in a_found)
    return EventScore(event.event, event.split, tuple(correct), tuple(fps), found, misses, a_found, a_missed)


def prf(tp_p: int, n_reported: int, tp_r: int, n_labels: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; None where undefined (nothing reported, nothing labelled)."""
    p = tp_p / n_reported if n_reported else None
    r = tp_r / n_labels if n_labels else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else None
    return p, r, f


def summary(scores: Sequence[EventScore]) -> dict[str, Any]:
    """Per-category and overall precision/recall/F1 over a set of scored events."""
    cats = [str(c) for c in Category]
    rows = {}
    for cat in [*cats, "overall"]:
        def pick(items: Iterable[Any], get: Callable[[Any], str], cat: str = cat) -> list[Any]:
            return [x for x in items if cat == "overall" or get(x) == cat]

        correct = sum(len(pick(s.correct, lambda f: f["category"])) for s in scores)
        reported = correct + sum(len(pick(s.false_positives, lambda f: f["category"])) for s in scores)
        found = sum(len(pick(s.found, lambda lab: lab.category)) for s in scores)
        labels = found + sum(len(pick(s.misses, lambda lab: lab.category)) for s in scores)
        p, r, f = prf(correct, reported, found, labels)
        rows[cat] = {"reported": reported, "correct": correct, "labelled": labels, "found": found, "precision": p, "recall": r, "f1": f}
    agreements = sum(len(s.agreements_found) for s in scores)
    agreements_total = agreements + sum(len(s.agreements_missed) for s in scores)
    return {"events": len(scores), "categories": rows, "agreement_recall": agreements / agreements_total if agreements_total else None}


def run(events: Sequence[GoldEvent], check: Callable[[Sequence[Path]], dict[str, Any]]) -> list[EventScore]:
    """Score every event with `check`, which turns source paths into a report's record form."""
    return [score(e, check(e.sources)) for e in events]


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def render_text(scores: Sequence[EventScore]) -> str:
    """Per-split tables of precision/recall/F1, then every false positive and miss by name."""
    from tabulate import tabulate

    out = []
    for split in ("tune", "heldout", "all"):
        chosen = [s for s in scores if split in ("all", s.split)]
        if not chosen:
            continue
        summ = summary(chosen)
        rows = [
            [cat, r["reported"], r["correct"], r["labelled"], r["found"], _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"])]
            for cat, r in summ["categories"].items()
            if r["reported"] or r["labelled"] or cat == "overall"
        ]
        out.append(f"{split}: {summ['events']} events, agreement recall {_fmt(summ['agreement_recall'])}")
        out.append(tabulate(rows, headers=["category", "reported", "correct", "labelled", "found", "precision", "recall", "F1"], tablefmt="github"))
        out.append("")
    for s in scores:
        if not (s.false_positives or s.misses):
            continue
        out.append(f"{s.event} ({s.split})")
        for f in s.false_positives:
            out.append(f"  false positive [{f['category']}/{f['severity']}]: {f['summary']}")
        for lab in s.misses:
            out.append(f"  missed [{lab.category}]: {' / '.join(lab.values)}" + (f" — {lab.note}" if lab.note else ""))
    return "\n".join(out).rstrip() + "\n"


def to_json(scores: Sequence[EventScore]) -> dict[str, Any]:
    """Scores as plain data, per split and per event."""
    return {
        "splits": {
            split: summary([s for s in scores if split in ("all", s.split)])
            for split in ("tune", "heldout", "all")
            if any(split in ("all", s.split) for s in scores)
        },
        "events": [
            {
                "event": s.event,
                "split": s.split,
                "false_positives": [{"category": f["category"], "severity": f["severity"], "summary": f["summary"]} for f in s.false_positives],
                "misses": [{"category": lab.category, "values": list(lab.values), "note": lab.note} for lab in s.misses],
                "correct": len(s.correct),
            }
            for s in scores
        ],
    }
