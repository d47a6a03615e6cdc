"""Build and score a perturbation suite from a corpus of multi-outlet articles.

For each event, two articles A and B of the same event are read. For every edit kind, one edit
is injected into a copy A' of A: (same) A' is checked against A, where the edit is the only
difference; (cross) the edited fact is one that B states too (crosscheck aligned it with B and
found agreement), and A' is checked against B. The perturbed copies are written to a scratch
directory, never to the repository (the corpus licences allow excerpts only). Results go to
reports/perturbation.md and reports/perturbation.json.

    python bench/perturbation_suite.py [--corpus ../shared/corpus] [--max-events 60]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from crosscheck import evaluate, perturb  # noqa: E402
from crosscheck.evaluate import GoldEvent, Label  # noqa: E402
from crosscheck.nlp import load_model  # noqa: E402
from crosscheck.pipeline import analyse, check  # noqa: E402
from crosscheck.sources import read_source, read_sources  # noqa: E402


def events(corpus: Path) -> list[tuple[str, Path, Path]]:
    """(event name, A, B): the first two articles of every same-event folder."""
    out = []
    for folder in sorted((corpus / "ecbplus").glob("topic-*/*")):
        files = sorted(folder.glob("*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
        if len(files) >= 2:
            out.append((f"ecbplus-{folder.parent.name}-{folder.name}", files[0], files[1]))
    for folder in sorted((corpus / "newswcl50").glob("event-*")):
        a, b = folder / "L.md", folder / "R.md"
        if a.exists() and b.exists():
            out.append((f"newswcl50-{folder.name}", a, b))
    return out


def tuned_topics() -> set[str]:
    """Corpus folders that labelled tune events use: reported apart, as not held out."""
    names = set()
    for gold in evaluate.load_dir(ROOT / "tests" / "gold", "tune"):
        for s in gold.sources:
            names.add(s.parent.name)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--max-events", type=int, default=200)
    ap.add_argument("--out", default=str(ROOT / "reports"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    nlp = load_model()
    tuned = tuned_topics()
    scratch = Path(tempfile.mkdtemp(prefix="crosscheck-perturbed-"))
    rows = []
    for name, a_path, b_path in events(corpus)[: args.max_events]:
        a_src, b_src = read_source(a_path), read_source(b_path)
        if a_src.id == b_src.id:
            b_src = read_sources([a_path, b_path])[1]
        analysis = analyse([a_src, b_src], nlp)
        a_claims = [c for c in analysis.claims if c.source_id == a_src.id]
        linked = {analysis.global_names[e.key] for e in analysis.entities[1].entities}
        a_ents = analysis.entities[0]
        for edit in perturb.Edit:
            for mode in ("same", "cross"):
                if mode == "same":
                    options = perturb.candidates(a_src, a_ents, a_claims, edit, analysis.global_names)
                else:
                    options = perturb.candidates(a_src, a_ents, perturb.agreed_claims(analysis.claims, a_src.id), edit, analysis.global_names)
                    if edit is perturb.Edit.NAME:
                        keep = {e.name for e in a_ents.entities if analysis.global_names[e.key] in linked}
                        options = [p for p in options if any(p.old in n for n in keep)]
                p = perturb.choose(a_src, options, salt=f"{edit}-{mode}")
                if p is None:
                    continue
                copy = scratch / f"{name}.{edit}.{mode}.md"
                copy.write_text(p.apply(a_src.text), encoding="utf-8")
                other = a_path if mode == "same" else b_path
                # Against another outlet a respelt name is reported beside B's spelling, which need
                # not be A's ("Heffner" in A, "Hefner" in B): the finding must name the new one.
                expect = (p.new,) if mode == "cross" and edit is perturb.Edit.NAME else p.expect
                gold = GoldEvent(f"{name}:{edit}:{mode}", "heldout", (copy, other), (Label(str(p.category), expect, p.note),), (), ())
                report = check(read_sources([copy, other]), nlp, leads=True).to_dict()
                s = evaluate.score(gold, report)
                # A finding whose evidence holds the edited words is a consequence of the edit.
                unrelated = [f for f in s.false_positives if not any(p.new and p.new in e["text"] for e in f["evidence"])]
                s = type(s)(s.event, s.split, s.correct, tuple(unrelated), s.found, s.misses, s.agreements_found, s.agreements_missed)
                held = a_path.parent.name not in tuned
                sure = {**report, "findings": [f for f in report["findings"] if f["severity"] in SURE]}
                rows.append({
                    "event": name, "edit": str(edit), "mode": mode, "held_out": held, "note": p.note,
                    "caught": bool(s.found), "caught_sure": bool(evaluate.score(gold, sure).found),
                    "other_discrepancies": len(s.false_positives),
                    "other_summaries": [f["summary"] for f in s.false_positives][:5],
                })
    write(rows, Path(args.out))
    return 0


SURE = ("error", "warning")
"""Severities reported by default: readers found them nearly always real on unseen pairs. Info
findings are leads, reported with `--leads`."""


def write(rows: list[dict], out: Path) -> None:
    from tabulate import tabulate

    out.mkdir(parents=True, exist_ok=True)
    table = []
    stats: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        for key in ((r["edit"], r["mode"]), ("all", r["mode"]), ("all", "all")):
            stats[key][0] += r["caught"]
            stats[key][1] += r["caught_sure"]
            stats[key][2] += 1
    held = [r for r in rows if r["held_out"]]
    for (edit, mode), (caught, sure, n) in sorted(stats.items()):
        table.append([edit, mode, n, caught, f"{caught / n:.2f}", f"{sure / n:.2f}"])
    same = [r for r in rows if r["mode"] == "same"]
    extra = sum(r["other_discrepancies"] for r in same)
    lines = [
        "# Perturbation suite",
        "",
        "Generated by `python bench/perturbation_suite.py` (deterministic). One controlled edit per pair,",
        "injected into a copy of a real corpus article; *same*: checked against the original, *cross*:",
        "against another outlet's article on the same event, where the edited fact is one both state.",
        "",
        f"{len(rows)} perturbed pairs ({len(same)} same, {len(rows) - len(same)} cross); {len(held)} from corpus folders no tune event uses.",
        f"Held-out recall: {sum(r['caught'] for r in held) / max(1, len(held)):.2f} with `--leads` (leads are info findings), "
        f"{sum(r['caught_sure'] for r in held) / max(1, len(held)):.2f} by default (error and warning).",
        f"Other discrepancies reported on same-article pairs (where the edit is the only change): {extra}.",
        "",
        tabulate(table, headers=["edit", "mode", "pairs", "caught", "recall with --leads", "recall by default"], tablefmt="github"),
        "",
        "## Missed edits",
        "",
    ]
    lines += [f"- {r['event']} [{r['edit']}/{r['mode']}]: {r['note']}" for r in rows if not r["caught"]] or ["None."]
    lines += ["", "## Other discrepancies on same-article pairs", ""]
    lines += [f"- {r['event']} [{r['edit']}]: {s}" for r in same for s in r["other_summaries"]] or ["None."]
    (out / "perturbation.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "perturbation.json").write_text(json.dumps({"pairs": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines[:12]))


if __name__ == "__main__":
    sys.exit(main())
