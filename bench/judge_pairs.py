"""Collect every discrepancy crosscheck reports on real, unlabelled pairs of outlets.

For each same-event folder of the corpus that no labelled event uses, two pairs of articles are
compared (`--round 0`: articles 1-2 and 3-4, or outlets L-R and M-LL; `--round 1` to `7`: pairs
the earlier rounds never showed, for judging a checker tuned on them). Each reported discrepancy
is written with its evidence to a JSON Lines file for a person to judge, who adds "judgement"
("real" or "not real") and "reason" to every line. `--score` reads judged files back and writes
the share judged real to reports/real_pairs.md.

    python bench/judge_pairs.py --round 1 --out /tmp/round1.jsonl
    python bench/judge_pairs.py --score "round 1, first look=judged1.jsonl" --score "round 1=judged1b.jsonl"
    python bench/judge_pairs.py --scores bench/judged/scores.txt   # every judged round, as reported
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from perturbation_suite import events  # noqa: E402

from crosscheck import evaluate  # noqa: E402
from crosscheck.nlp import load_model  # noqa: E402
from crosscheck.pipeline import check  # noqa: E402
from crosscheck.sources import read_sources  # noqa: E402


def collect(corpus: Path, out: Path, round_: int = 0) -> None:
    labelled = {s.parent.name for g in evaluate.load_dir(ROOT / "tests" / "gold") for s in g.sources}
    nlp = load_model()
    rows = []
    for name, a, b, c, d in _pairs(corpus, round_):
        if a is None or a.parent.name in labelled:
            continue
        for x, y in ((a, b), (c, d)):
            if x is None or y is None:
                continue
            _collect_pair(nlp, name, x, y, rows)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} discrepancies from {len({r['event'] for r in rows})} events written to {out}")


ROUNDS = {
    0: ((0, 1), (2, 3), ("L", "R"), ("M", "LL")),
    1: ((4, 5), (6, 7), ("R", "RR"), ("LL", "L")),
    2: ((8, 9), (10, 11), ("M", "RR"), ("R", "LL")),
    3: ((1, 2), (3, 4), ("L", "M"), ("LL", "RR")),
    4: ((5, 6), (7, 8), ("L", "RR"), ("M", "R")),
    5: ((0, 2), (1, 3), None, None),
    6: ((0, 3), (2, 4), None, None),
    7: ((1, 4), (2, 5), None, None),
    8: ((0, 4), (1, 5), None, None),
    9: ((3, 5), (0, 5), None, None),
    10: ((0, 6), (3, 6), None, None),
    11: ((1, 6), (4, 6), None, None),
    12: ((2, 6), (0, 7), None, None),
    13: ((1, 7), (3, 7), None, None),
    14: ((4, 7), (5, 7), None, None),
    15: ((2, 7), (6, 8), None, None),
    16: ((0, 8), (1, 9), None, None),
    17: ((2, 8), (3, 9), None, None),
    18: ((4, 8), (5, 9), None, None),
    19: ((5, 8), (4, 9), None, None),
    20: ((6, 9), (7, 9), None, None),
    21: ((1, 8), (0, 9), None, None),
    22: ((3, 8), (2, 9), None, None),
    23: ((0, 10), (1, 11), None, None),
    24: ((2, 10), (3, 11), None, None),
    25: ((4, 10), (5, 11), None, None),
    26: ((6, 10), (7, 11), None, None),
    27: ((8, 10), (9, 11), None, None),
}
"""Which two pairs of each folder a round compares; each round holds pairs no earlier round showed
(rounds 3 to 15 re-pair articles of earlier rounds, so their discrepancies are new to a reader;
rounds 5 to 16 are ECB+ only, as rounds 0 to 4 use every pair of NewsWCL50 outlets; round 16
reaches past the eighth article, as rounds 0 to 15 use every pair of the first eight; round 17
pairs articles of round 16's reach anew, and so do rounds 18 to 22; rounds 23 to 27 reach the
eleventh and twelfth articles of the folders that have them)."""


def _pairs(corpus: Path, round_: int):  # type: ignore[no-untyped-def]
    """Per same-event folder: two pairs of articles (by number for ECB+, by outlet for NewsWCL50)."""
    import re

    first, second, wcl_first, wcl_second = ROUNDS[round_]
    wcl_first, wcl_second = wcl_first or ("", ""), wcl_second or ("", "")
    for name, a, _ in events(corpus):
        folder = a.parent
        if "newswcl50" in str(folder):
            picked = [(folder / f"{x}.md", folder / f"{y}.md") for x, y in (wcl_first, wcl_second) if x]
        else:
            files = sorted(folder.glob("*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
            picked = [(files[x], files[y]) for x, y in (first, second) if y < len(files)]
        picked = [(x, y) for x, y in picked if x.exists() and y.exists()]
        picked += [(None, None)] * (2 - len(picked))
        yield name, picked[0][0], picked[0][1], picked[1][0], picked[1][1]


def _collect_pair(nlp, name: str, a: Path, b: Path, rows: list) -> None:  # type: ignore[no-untyped-def]
    report = check(read_sources([a, b]), nlp, leads=True).to_dict()  # leads too, so they are judged
    for f in report["findings"]:
        if f["kind"] == "discrepancy":
            rows.append({"event": name, "id": f["id"], "category": f["category"], "severity": f["severity"],
                         "summary": f["summary"], "values": f["values"],
                         "evidence": [{"source": e["source"], "text": e["text"]} for e in f["evidence"]],
                         "articles": [str(a), str(b)]})


def score(judged: list[tuple[str, Path]]) -> None:
    """Write reports/real_pairs.md: per judged file (a round, before or after a fix), the share real."""
    from collections import Counter

    lines = ["# Discrepancies on real pairs, judged by reading", "",
             "Every discrepancy crosscheck reported on pairs of articles from unlabelled corpus folders",
             "(`python bench/judge_pairs.py --round N`), each judged real or not by a reader who saw both",
             "articles and not the checker's code. A first look is the checker's output on pairs nobody had",
             "read before; later rows of a round are after fixes made from reading it, so tuned on it.",
             "Severities are those the checker gave at the time: from round 8 on, error is a near copy (one",
             "word changed in an otherwise identical sentence), warning a name spelt two ways, info a lead",
             "(a conflict between sentences that only resemble each other), listed apart in reports; from",
             "round 13 on, leads are reported only with `--leads` (rounds collect them, to judge them), so the",
             "error + warning column is what a report shows by default.", "",
             "| run | reported | judged real | share | error + warning: real / reported | info (leads): real / reported |",
             "|---|---|---|---|---|---|"]
    details = []
    for label, path in judged:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        real = sum(r.get("judgement") == "real" for r in rows)
        sure = [r for r in rows if r.get("severity") in ("error", "warning")]
        leads = [r for r in rows if r.get("severity") == "info"]
        tiers = [f"{sum(r.get('judgement') == 'real' for r in t)} / {len(t)}" for t in (sure, leads)]
        if any("severity" not in r for r in rows):
            tiers = ["–", "–"]  # judged before severities were recorded
        lines.append(f"| {label} | {len(rows)} | {real} | {real / max(1, len(rows)):.2f} | {tiers[0]} | {tiers[1]} |")
        by_cat = Counter(r["category"] for r in rows)
        real_cat = Counter(r["category"] for r in rows if r.get("judgement") == "real")
        details += ["", f"## {label}", "", ", ".join(f"{c}: {real_cat[c]}/{by_cat[c]}" for c in sorted(by_cat)) or "nothing reported", ""]
        details += [f"- not real, {r['event']} [{r['category']}]: {r['summary']} — {r.get('reason', '')}"
                    for r in rows if r.get("judgement") != "real"]
    (ROOT / "reports" / "real_pairs.md").write_text("\n".join(lines + details) + "\n", encoding="utf-8")
    print("\n".join(lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--out", default="/tmp/to-judge.jsonl")
    ap.add_argument("--score", metavar="LABEL=JUDGED_JSONL", action="extend", nargs="+",
                    help="score judged files (repeat: one per round or stage) into reports/real_pairs.md")
    ap.add_argument("--scores", metavar="FILE", help="read LABEL=JUDGED_JSONL lines from FILE, as --score (bench/judged/scores.txt lists every round)")
    ap.add_argument("--round", type=int, choices=sorted(ROUNDS), default=0, help="which pairs of each folder (1: pairs round 0 never showed)")
    args = ap.parse_args()
    if args.scores:
        lines = Path(args.scores).read_text(encoding="utf-8").splitlines()
        args.score = [*(args.score or []), *(line for line in lines if line.strip())]
    if args.score:
        score([(label, Path(path)) for label, path in (item.split("=", 1) for item in args.score)])
    else:
        collect(Path(args.corpus), Path(args.out), args.round)
    return 0


if __name__ == "__main__":
    sys.exit(main())
