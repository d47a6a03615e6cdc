"""Collect every discrepancy crosscheck reports on real, unlabelled pairs of outlets.

For each same-event folder of the corpus that no labelled event uses, two pairs of articles are
compared (`--round 0`: articles 1-2 and 3-4, or outlets L-R and M-LL; `--round 1` and `2`: pairs
the earlier rounds never showed, for judging a checker tuned on them); each reported discrepancy is written with its evidence to a JSON Lines file for a person
to judge (real or not). `--score FILE` reads the judged file back and writes the precision to
reports/real_pairs.md.

    python bench/judge_pairs.py --out /tmp/to-judge.jsonl
    python bench/judge_pairs.py --score judged.jsonl
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
}
"""Which two pairs of each folder a round compares; round 1 holds pairs round 0 never showed."""


def _pairs(corpus: Path, round_: int):  # type: ignore[no-untyped-def]
    """Per same-event folder: two pairs of articles (by number for ECB+, by outlet for NewsWCL50)."""
    import re

    first, second, wcl_first, wcl_second = ROUNDS[round_]
    for name, a, _ in events(corpus):
        folder = a.parent
        if "newswcl50" in str(folder):
            picked = [(folder / f"{x}.md", folder / f"{y}.md") for x, y in (wcl_first, wcl_second)]
        else:
            files = sorted(folder.glob("*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
            picked = [(files[x], files[y]) for x, y in (first, second) if y < len(files)]
        picked = [(x, y) for x, y in picked if x.exists() and y.exists()]
        picked += [(None, None)] * (2 - len(picked))
        yield name, picked[0][0], picked[0][1], picked[1][0], picked[1][1]


def _collect_pair(nlp, name: str, a: Path, b: Path, rows: list) -> None:  # type: ignore[no-untyped-def]
    if True:
        report = check(read_sources([a, b]), nlp).to_dict()
        for f in report["findings"]:
            if f["kind"] == "discrepancy":
                rows.append({"event": name, "id": f["id"], "category": f["category"], "severity": f["severity"],
                             "summary": f["summary"], "values": f["values"],
                             "evidence": [{"source": e["source"], "text": e["text"]} for e in f["evidence"]],
                             "articles": [str(a), str(b)]})


def score(judged: Path) -> None:
    from collections import Counter

    rows = [json.loads(line) for line in judged.read_text(encoding="utf-8").splitlines() if line.strip()]
    real = Counter(r["category"] for r in rows if r.get("judgement") == "real")
    total = Counter(r["category"] for r in rows)
    lines = ["# Discrepancies on real pairs, judged by reading", "",
             "Every discrepancy crosscheck reported on two pairs of articles of each unlabelled corpus folder",
             "(`python bench/judge_pairs.py`), each judged real or not by a person reading both articles.", "",
             f"Overall: {sum(real.values())} of {len(rows)} judged real ({sum(real.values()) / max(1, len(rows)):.2f}).", "",
             "| category | reported | judged real |", "|---|---|---|"]
    lines += [f"| {c} | {total[c]} | {real[c]} |" for c in sorted(total)]
    lines += ["", "## Not real", ""]
    lines += [f"- {r['event']} [{r['category']}]: {r['summary']} — {r.get('reason', '')}" for r in rows if r.get("judgement") != "real"] or ["None."]
    (ROOT / "reports" / "real_pairs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:8]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--out", default="/tmp/to-judge.jsonl")
    ap.add_argument("--score", metavar="JUDGED_JSONL")
    ap.add_argument("--round", type=int, choices=sorted(ROUNDS), default=0, help="which pairs of each folder (1: pairs round 0 never showed)")
    args = ap.parse_args()
    if args.score:
        score(Path(args.score))
    else:
        collect(Path(args.corpus), Path(args.out), args.round)
    return 0


if __name__ == "__main__":
    sys.exit(main())
