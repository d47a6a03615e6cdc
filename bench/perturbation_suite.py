"""Build and score a perturbation suite from a corpus of multi-outlet articles.

For each event, two articles A and B of the same event are read. For every edit kind, one edit
is injected into a copy A' of A: (same) A' is checked against A, where the edit is the only
difference; (cross) the edited fact is one that B states too (crosscheck aligned it with B and
found agreement), and A' is checked against B. The perturbed copies are written to a scratch
directory, never to the repository (the corpus licences allow excerpts only). Results go to
reports/perturbation.md and reports/perturbation.json. `--salt S` draws other edits from the same
articles (reports/perturbation-S.md): a suite nobody has read misses from, to check that fixes made
from reading one draw's misses hold on edits not seen.

    python bench/perturbation_suite.py [--corpus ../shared/corpus] [--max-events 60] [--salt fresh]
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


def events(corpus: Path) -> list[tuple[str, Path, list[Path]]]:
    """(event name, A, partners): the first article of every same-event folder and the others, in
    order (ECB+ by number; NewsWCL50 L against R, M, RR, LL)."""
    out = []
    for folder in sorted((corpus / "ecbplus").glob("topic-*/*")):
        files = sorted(folder.glob("*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
        if len(files) >= 2:
            out.append((f"ecbplus-{folder.parent.name}-{folder.name}", files[0], files[1:]))
    for folder in sorted((corpus / "newswcl50").glob("event-*")):
        a, others = folder / "L.md", [folder / f"{x}.md" for x in ("R", "M", "RR", "LL")]
        others = [o for o in others if o.exists()]
        if a.exists() and others:
            out.append((f"newswcl50-{folder.name}", a, others))
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
    ap.add_argument("--partners", type=int, default=3, help="other articles of each event to build cross-outlet pairs against")
    ap.add_argument("--out", default=str(ROOT / "reports"))
    ap.add_argument("--salt", default="", help="draw other edits from the same articles (a fresh suite, written to perturbation-SALT.md)")
    ap.add_argument("--rescore", action="store_true", help=f"rewrite the report from its JSON with the reader judgements in {READ.relative_to(ROOT)}, without rerunning the checker")
    ap.add_argument("--to-judge", metavar="JSONL", help="also write the held-out cross-outlet pairs no reader has judged, for a reader to fill in")
    args = ap.parse_args(argv)
    if args.rescore:
        return rescore(Path(args.out), args.salt)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    nlp = load_model()
    tuned = tuned_topics()
    scratch = Path(tempfile.mkdtemp(prefix="crosscheck-perturbed-"))
    rows = []
    for name, a_path, partners in events(corpus)[: args.max_events]:
        a_src = read_source(a_path)
        # Against the first partner both modes; against the next ones cross-outlet pairs only, so
        # that about as many pairs test another outlet's article as test the same article.
        for k, b_path in enumerate(partners[: args.partners]):
            b_src = read_source(b_path)
            if a_src.id == b_src.id:
                b_src = read_sources([a_path, b_path])[1]
            analysis = analyse([a_src, b_src], nlp)
            for edit in perturb.Edit:
                for mode in ("same", "cross") if k == 0 else ("cross",):
                    salt = f"{edit}-{mode}{args.salt}" + (f"-{b_path.stem}" if k else "")
                    p = perturb.choose(a_src, perturb.options(analysis, edit, against=mode == "cross"), salt=salt)
                    if p is None:
                        continue
                    copy = scratch / f"{name}.{edit}.{mode}.{k}.md"
                    copy.write_text(p.apply(a_src.text), encoding="utf-8")
                    other = a_path if mode == "same" else b_path
                    gold = GoldEvent(f"{name}:{edit}:{mode}:{k}", "heldout", (copy, other), (Label(str(p.category), p.expect, p.note),), (), ())
                    report = check(read_sources([copy, other]), nlp, leads=True).to_dict()
                    s = evaluate.score(gold, report)
                    # A finding whose evidence holds the edited words is a consequence of the edit.
                    unrelated = [f for f in s.false_positives if not any(p.new and p.new in e["text"] for e in f["evidence"])]
                    s = type(s)(s.event, s.split, s.correct, tuple(unrelated), s.found, s.misses, s.agreements_found, s.agreements_missed)
                    held = a_path.parent.name not in tuned
                    sure = {**report, "findings": [f for f in report["findings"] if f["severity"] in SURE]}
                    sentence = next((t.text for t in analysis.parsed[0].sentences if t.start <= p.start < t.end), "")
                    rows.append({
                        "event": name, "partner": b_path.name if mode == "cross" else a_path.name, "edit": str(edit), "mode": mode,
                        "held_out": held, "note": p.note, "sentence": sentence,
                        "witnesses": perturb.witnesses(analysis.claims, a_src.id, p) if mode == "cross" else [],
                        "caught": bool(s.found), "caught_sure": bool(evaluate.score(gold, sure).found),
                        "other_discrepancies": len(s.false_positives),
                        "other_summaries": [f["summary"] for f in s.false_positives][:5],
                    })
    write(rows, Path(args.out), args.salt)
    if args.to_judge:
        todo = to_judge(rows, read_judgements())
        Path(args.to_judge).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in todo), encoding="utf-8")
        print(f"{len(todo)} pairs to judge written to {args.to_judge}")
    return 0


READ = ROOT / "bench" / "judged" / "perturbation-cross.jsonl"
"""A reader's word, per cross-outlet pair of a fact other than a name, on whether the other
article's agreeing sentence states the edited fact or another that reads alike ("three
touchdowns" in this game against three in another). The suite picks cross-outlet edits among
facts crosscheck finds both articles agree on, which is the checker's own judgement; this file
says how often that judgement was right, and recall is given on the pairs a reader confirmed."""


def _key(r: dict) -> tuple[str, str, str, str]:
    return (r["event"], r["partner"], r["edit"], r["note"])


def read_judgements(path: Path = READ) -> dict[tuple[str, str, str, str], bool]:
    """(event, partner, edit, note) -> whether the partner states the edited fact."""
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {_key(r): r["same_fact"] for r in rows if isinstance(r.get("same_fact"), bool)}


def to_judge(rows: list[dict], known: dict) -> list[dict]:
    """Held-out cross-outlet pairs of facts other than names that no reader has judged yet."""
    return [
        {**{k: r[k] for k in ("event", "partner", "edit", "note", "sentence", "witnesses")}, "same_fact": None, "reason": ""}
        for r in rows if r["mode"] == "cross" and r["edit"] != "name" and r["held_out"] and _key(r) not in known
    ]


def rescore(out: Path, salt: str) -> int:
    """Rewrite the report from its JSON rows, with the reader judgements READ now holds."""
    name = f"perturbation-{salt}" if salt else "perturbation"
    rows = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["pairs"]
    write(rows, out, salt)
    return 0


SURE = ("error", "warning")
"""Severities reported by default: readers found them nearly always real on unseen pairs. Info
findings are leads, reported with `--leads`."""


def _share(rows: list[dict], key: str) -> str:
    """"401/424 = 0.946": counts and three places, so a share just short of a target does not
    round up to it."""
    caught = sum(r[key] for r in rows)
    return f"{caught}/{len(rows)} = {caught / max(1, len(rows)):.3f}"


def _confirmed(held: list[dict]) -> list[str]:
    """Recall on the held-out pairs whose edited fact a reader confirmed the other article states
    (a name: a person both name, which the suite checks on the entities)."""
    judged = read_judgements()
    cross = [r for r in held if r["mode"] == "cross"]
    verdict = {id(r): True if r["edit"] == "name" else judged.get(_key(r)) for r in cross}
    sure = [r for r in cross if verdict[id(r)] is True]
    other = [r for r in cross if verdict[id(r)] is False]
    open_ = [r for r in cross if verdict[id(r)] is None]
    both = [r for r in held if r["mode"] == "same"] + sure
    by_edit = []
    for edit in sorted({r["edit"] for r in cross}):
        mine = [r for r in cross if r["edit"] == edit]
        ok = [r for r in mine if verdict[id(r)] is True]
        by_edit.append([edit, len(mine), len(ok), sum(verdict[id(r)] is False for r in mine),
                        f"{sum(r['caught'] for r in ok) / max(1, len(ok)):.2f}", f"{sum(r['caught_sure'] for r in ok) / max(1, len(ok)):.2f}"])
    from tabulate import tabulate

    if not judged:
        return [
            "## Cross-outlet pairs a reader checked",
            "",
            "Cross-outlet edits are drawn from facts crosscheck finds both articles agree on, which is the",
            f"checker's own judgement. No reader has yet checked them ({READ.relative_to(ROOT)} is absent):",
            "`--to-judge FILE` lists the held-out ones for a reader, `--rescore` rewrites this report once judged.",
            "",
        ]
    return [
        "## Cross-outlet pairs a reader checked",
        "",
        "Cross-outlet edits are drawn from facts crosscheck finds both articles agree on. A reader",
        f"checked, for every held-out one but names, whether the other article's agreeing sentence states that fact ({READ.relative_to(ROOT)}).",
        f"Confirmed: {len(sure)}; another fact that reads alike: {len(other)} (caught with `--leads`: {sum(r['caught'] for r in other)}); not judged: {len(open_)}.",
        f"Held-out, cross, confirmed: {_share(sure, 'caught')} with `--leads`, {_share(sure, 'caught_sure')} by default.",
        f"Held-out, same and confirmed cross: {_share(both, 'caught')} with `--leads`, {_share(both, 'caught_sure')} by default.",
        "",
        tabulate(by_edit, headers=["edit", "held-out cross pairs", "confirmed", "another fact", "recall with --leads", "recall by default"], tablefmt="github"),
        "",
    ]


def write(rows: list[dict], out: Path, salt: str = "") -> None:
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
        f"Generated by `python bench/perturbation_suite.py{f' --salt {salt}' if salt else ''}` (deterministic). One controlled edit per pair,",
        "injected into a copy of a real corpus article; *same*: checked against the original, *cross*:",
        "against another outlet's article on the same event, where the edited fact is one both state.",
        "",
        f"{len(rows)} perturbed pairs ({len(same)} same, {len(rows) - len(same)} cross); {len(held)} from corpus folders no tune event uses.",
        f"Held-out recall: {_share(held, 'caught')} with `--leads` (leads are info findings), "
        f"{_share(held, 'caught_sure')} by default (error and warning).",
        *(f"Held-out, {mode}: {_share(part, 'caught')} with `--leads`, {_share(part, 'caught_sure')} by default."
          for mode in ("same", "cross") for part in [[r for r in held if r["mode"] == mode]]),
        f"Other discrepancies reported on same-article pairs (where the edit is the only change): {extra}.",
        "",
        tabulate(table, headers=["edit", "mode", "pairs", "caught", "recall with --leads", "recall by default"], tablefmt="github"),
        "",
        *_confirmed(held),
        "## Missed edits",
        "",
    ]
    lines += [f"- {r['event']}{' vs ' + r['partner'] if r['mode'] == 'cross' else ''} [{r['edit']}/{r['mode']}]: {r['note']}" for r in rows if not r["caught"]] or ["None."]
    lines += ["", "## Other discrepancies on same-article pairs", ""]
    lines += [f"- {r['event']} [{r['edit']}]: {s}" for r in same for s in r["other_summaries"]] or ["None."]
    name = f"perturbation-{salt}" if salt else "perturbation"
    (out / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / f"{name}.json").write_text(json.dumps({"pairs": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines[:12]))


if __name__ == "__main__":
    sys.exit(main())
