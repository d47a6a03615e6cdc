"""Speed and memory benchmark: writes reports/benchmarks.md and reports/benchmarks.json.

Every figure that matters is a ratio measured in one run, since these machines are shared and
noisy: crosscheck's end-to-end time over a corpus against a bare spaCy `nlp.pipe` pass over the
same texts, stage by stage, both as `crosscheck check` runs a dataset (one batched parse, then
each event) and one event at a time as `crosscheck compare` runs; growth with sources per event and with article length; articles
of shapes real ones seldom take (`STRESS`); alignment of 1,000 by 1,000 claims; peak memory by corpus size, each size in a
fresh process.

    python bench/speed.py [--corpus ../shared/corpus] [--quick]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from crosscheck import __version__  # noqa: E402
from crosscheck.model import Claim, ClaimKind, Evidence, Source  # noqa: E402
from crosscheck.clean import clean  # noqa: E402
from crosscheck.nlp import load_model, model_id, parse  # noqa: E402
from crosscheck.pipeline import check  # noqa: E402
from crosscheck.render import RENDERERS  # noqa: E402
from crosscheck.sources import read_sources, unique_ids  # noqa: E402
from crosscheck.timing import STAGES, Timer  # noqa: E402


def corpus_events(corpus: Path) -> list[list[Path]]:
    """Every same-event folder of the corpus as a list of article paths."""
    events = []
    for folder in sorted((corpus / "ecbplus").glob("topic-*/*")) + sorted((corpus / "newswcl50").glob("event-*")):
        files = sorted(folder.glob("*.md"), key=lambda p: (int(re.sub(r"\D", "", p.stem) or 0), p.stem))
        if len(files) >= 2:
            events.append(files)
    return events


def bare_spacy(nlp, sources: list[Source]) -> float:  # type: ignore[no-untyped-def]
    """Seconds for one nlp.pipe pass over the articles' text, nothing else."""
    start = time.perf_counter()
    for _ in nlp.pipe((s.text[s.body_start :] for s in sources), batch_size=64):
        pass
    return time.perf_counter() - start


def run_dataset(nlp, events: list[list[Path]]) -> tuple[Timer, int, int]:  # type: ignore[no-untyped-def]
    """crosscheck over every event as `crosscheck check` runs a dataset (without its cache): every
    article parsed in one batched pass, then each event compared; timed per stage."""
    timer = Timer()
    with timer.stage("load"):
        per_event = [read_sources(paths) for paths in events]
    flat = [s for sources in per_event for s in sources]
    with timer.stage("clean"):
        segments = [clean(s) for s in flat]
    with timer.stage("parse"):
        parsed = parse(nlp, flat, segments)
    first = 0
    for sources in per_event:
        report = check(sources, None, parsed=parsed[first : first + len(sources)], timer=timer)
        first += len(sources)
        with timer.stage("render"):
            RENDERERS["json"](report)
    return timer, len(flat), sum(len(s.text.split()) for s in flat)


def run_events(nlp, events: list[list[Path]]) -> tuple[Timer, int, int]:  # type: ignore[no-untyped-def]
    """crosscheck over every event, one `compare` at a time, timed per stage; (timer, articles, words)."""
    timer = Timer()
    articles = words = 0
    for paths in events:
        with timer.stage("load"):
            sources = read_sources(paths)
        report = check(sources, nlp, timer=timer)
        with timer.stage("render"):
            RENDERERS["json"](report)
        articles += len(sources)
        words += sum(len(s.text.split()) for s in sources)
    return timer, articles, words


def corpus_ratio(nlp, events: list[list[Path]], repeats: int) -> dict:  # type: ignore[no-untyped-def]
    """Best of `repeats` interleaved runs of bare spaCy and of crosscheck both ways over the same texts:
    one event at a time (`compare`) and as a dataset (`check`)."""
    all_sources = [s for paths in events for s in read_sources(paths)]
    best_sp = float("inf")
    best: dict[str, tuple[float, Timer]] = {"per_event": (float("inf"), Timer()), "dataset": (float("inf"), Timer())}
    articles = words = 0
    for _ in range(repeats):
        best_sp = min(best_sp, bare_spacy(nlp, all_sources))
        for mode, run in (("per_event", run_events), ("dataset", run_dataset)):
            timer, articles, words = run(nlp, events)
            total = sum(timer.seconds.values())
            if total < best[mode][0]:
                best[mode] = (total, timer)
    out: dict = {"events": len(events), "articles": articles, "words": words, "bare_spacy_s": round(best_sp, 3)}
    for mode, (total, timer) in best.items():
        out[mode] = {
            "crosscheck_s": round(total, 3), "ratio": round(total / best_sp, 3),
            "stages_s": {name: round(timer.seconds.get(name, 0.0), 3) for name in STAGES},
            "beyond_parse_share_of_spacy": round((total - timer.seconds.get("parse", 0.0)) / best_sp, 3),
        }
    return out


def by_sources(nlp, events: list[list[Path]]) -> list[dict]:  # type: ignore[no-untyped-def]
    """One event's first k articles for k = 2, 3, 5, 10: time and ratio to bare spaCy."""
    big = max(events, key=len)
    rows = []
    for k in (2, 3, 5, 10):
        if k > len(big):
            break
        sources = read_sources(big[:k])
        sp = min(bare_spacy(nlp, sources) for _ in range(3))
        best = float("inf")
        timer = Timer()
        for _ in range(3):
            t = Timer()
            start = time.perf_counter()
            check(sources, nlp, timer=t)
            elapsed = time.perf_counter() - start
            if elapsed < best:
                best, timer = elapsed, t
        rows.append({"sources": k, "crosscheck_s": round(best, 3), "bare_spacy_s": round(sp, 3), "ratio": round(best / sp, 3),
                     "align_s": round(timer.seconds.get("align", 0), 4)})
    return rows


def by_length(nlp, pair: list[Path]) -> list[dict]:  # type: ignore[no-untyped-def]
    """A pair of articles, each body repeated 1, 2, 4, 8, 16 times: growth per stage."""
    base = read_sources(pair)
    rows = []
    for n in (1, 2, 4, 8, 16):
        sources = unique_ids([
            Source(id=s.id, path=s.path, text=s.text[: s.body_start] + "\n".join([s.text[s.body_start :]] * n), body_start=s.body_start)
            for s in base
        ])
        sp = bare_spacy(nlp, list(sources))
        timer = Timer()
        start = time.perf_counter()
        check(sources, nlp, timer=timer)
        total = time.perf_counter() - start
        rows.append({"length_x": n, "words": sum(len(s.text.split()) for s in sources), "crosscheck_s": round(total, 3),
                     "bare_spacy_s": round(sp, 3), "ratio": round(total / sp, 3),
                     **{f"{k}_s": round(v, 4) for k, v in timer.seconds.items()}})
    return rows


STRESS = {
    "one paragraph, many sentences": lambda n: " ".join(f"Officials in Town{i % 40} said {i} people were hurt on Monday." for i in range(n)),
    "many quotes": lambda n: "\n\n".join(f'"We will rebuild section {i} of the road soon," said Mayor Ann Lee{i % 30}.' for i in range(n)),
    "many named things": lambda n: "\n\n".join(f"Route {i} and the Harbour Bridge {i} reopened in Springfield on Monday." for i in range(n)),
    "one long list": lambda n: "The members are " + ", ".join(f"Member{i}" for i in range(n)) + " and Zed.",
    "one long sentence": lambda n: " ".join(("Smith", "said", "the", str(i % 90), "people", "in", "Paris", "and", "Jones", "of", "Acme", "Corp")[i % 12] for i in range(n * 10)) + ".",
}
"""Synthetic articles of shapes real ones seldom take, each made of n repeated units: any stage
whose work grows with the square of a count (sentences, quotes, named things, list members,
tokens in one sentence) shows up as time beyond parsing that grows far more than 4 times when n
does."""


def stress(nlp, n: int) -> list[dict]:  # type: ignore[no-untyped-def]
    """Each STRESS shape at n and 4n units, against a one-sentence article: crosscheck against
    a bare spaCy pass, and its time beyond parsing."""
    rows = []
    other = Source(id="other", path="other.md", text="Officials said 12 people were hurt on Monday.\n")
    for shape, make in STRESS.items():
        for units in (n, 4 * n):
            sources = [Source(id="stress", path="stress.md", text=make(units) + "\n"), other]
            sp = bare_spacy(nlp, sources)
            timer = Timer()
            start = time.perf_counter()
            check(sources, nlp, timer=timer)
            total = time.perf_counter() - start
            rows.append({"shape": shape, "units": units, "words": sum(len(s.text.split()) for s in sources), "crosscheck_s": round(total, 3),
                         "bare_spacy_s": round(sp, 3), "ratio": round(total / sp, 3),
                         "beyond_parse_s": round(total - timer.seconds.get("parse", 0.0), 3)})
    for small, big in zip(rows[::2], rows[1::2], strict=True):
        big["beyond_parse_growth"] = round(big["beyond_parse_s"] / max(small["beyond_parse_s"], 1e-3), 2)
    return rows


def align_1000() -> dict:
    """Alignment of 1,000 by 1,000 hand-made claims of every kind."""
    from crosscheck.align import align

    words = "summit leaders agreed trade security visit minister talks signed memorandum region economy".split()
    claims = []
    for src in ("a", "b"):
        for i in range(1000):
            kind = list(ClaimKind)[i % len(ClaimKind)]
            text = " ".join(words[(i * 7 + j) % len(words)] for j in range(8)) + f" n{i % 50}"
            value: str | tuple[str, ...] = (f"member{i % 9}", f"member{(i + 1) % 9}", f"member{(i + 2) % 9}") if kind is ClaimKind.LIST else text
            claims.append(Claim(
                source_id=src, kind=kind, subject=f"subject{i % 40}", value=value,
                norm=value if kind is ClaimKind.LIST else (f"{i % 30}" if kind is ClaimKind.QUANTITY else text),
                evidence=Evidence(src, text, 0, len(text)), key=text, anchors=(f"E{i % 17}", f"E{i % 5}"),
                detail=(("unit", ""), ("thing", f"thing{i % 20}"), ("verb", "say"), ("speaker", f"P{i % 10}"),
                        ("event", "meet"), ("args", "trade"), ("affiliations", "")),
            ))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        align(claims)
        best = min(best, time.perf_counter() - start)
    return {"claims_per_source": 1000, "seconds": round(best, 3)}


def memory_child(events_file: str, n_articles: int) -> None:
    """(In a fresh process) check events until n_articles are read; print peak RSS in MB."""
    events = [[Path(p) for p in e] for e in json.loads(Path(events_file).read_text())]
    nlp = load_model()
    done = 0
    i = 0
    while done < n_articles:
        paths = events[i % len(events)]
        check(read_sources(paths), nlp)
        done += len(paths)
        i += 1
    print(json.dumps({"articles": done, "peak_rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's `ru_maxrss` carries the parent's high-water mark across fork and exec, so a child
    started by a large parent reports the parent's peak; `VmHWM` belongs to the new address
    space alone. Elsewhere fall back to `ru_maxrss` (KB on Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def memory(events: list[list[Path]], sizes: list[int]) -> list[dict]:
    """Peak memory for growing numbers of articles, each in a fresh process."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([[str(p) for p in e] for e in events], fh)
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--memory-child", fh.name, str(n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    Path(fh.name).unlink()
    return rows


def write(results: dict) -> None:
    from tabulate import tabulate

    out = ROOT / "reports"
    out.mkdir(exist_ok=True)
    (out / "benchmarks.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    c = results["corpus"]
    ways = {"dataset": "as `crosscheck check` runs a dataset: every article parsed in one batched pass, then each event compared",
            "per_event": "one event at a time, as `crosscheck compare` runs"}
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `python bench/speed.py` on {results['machine']}, crosscheck {results['version']}, model {results['model']}.",
        "Times are best-of-N wall clock in one run; the ratios are the figures to compare between runs.",
        "",
        "## Corpus: crosscheck against a bare spaCy pass over the same texts",
        "",
        f"{c['events']} events, {c['articles']} articles, {c['words']} words; bare `nlp.pipe` over every body "
        f"(batches of 64): {c['bare_spacy_s']} s. Targets: ratio ≤ 1.25, everything beyond parsing ≤ 0.25 of the bare pass.",
        "",
        tabulate([[mode, c[mode]["crosscheck_s"], f"**{c[mode]['ratio']}**", c[mode]["beyond_parse_share_of_spacy"], how]
                  for mode, how in ways.items()],
                 headers=["run", "crosscheck s", "ratio", "beyond parsing", "how"], tablefmt="github"),
        "",
        "Seconds per stage:",
        "",
        tabulate([[k, c["dataset"]["stages_s"][k], f"{c['dataset']['stages_s'][k] / c['dataset']['crosscheck_s']:.1%}", v,
                   f"{v / c['per_event']['crosscheck_s']:.1%}"] for k, v in c["per_event"]["stages_s"].items()],
                 headers=["stage", "dataset s", "share", "per event s", "share"], tablefmt="github"),
        "",
        "## Sources per event",
        "",
        tabulate([[r["sources"], r["crosscheck_s"], r["bare_spacy_s"], r["ratio"], r["align_s"]] for r in results["by_sources"]],
                 headers=["sources", "crosscheck s", "bare spaCy s", "ratio", "align s"], tablefmt="github"),
        "",
        "## Article length (a pair, bodies repeated)",
        "",
        tabulate([[r["length_x"], r["words"], r["crosscheck_s"], r["ratio"], r.get("extract_s", 0), r.get("align_s", 0), r.get("compare_s", 0)] for r in results["by_length"]],
                 headers=["length", "words", "crosscheck s", "ratio to spaCy", "extract s", "align s", "compare s"], tablefmt="github"),
        "",
        "## Shapes real articles seldom take (one synthetic article against one sentence)",
        "",
        "Each shape at n and 4n units. Time beyond parsing that grows about 4 times with the input is",
        "linear; about 16 times, quadratic.",
        "",
        tabulate([[r["shape"], r["units"], r["words"], r["crosscheck_s"], r["bare_spacy_s"], r["ratio"], r["beyond_parse_s"], r.get("beyond_parse_growth", "")]
                  for r in results.get("stress", [])],
                 headers=["shape", "units", "words", "crosscheck s", "bare spaCy s", "ratio", "beyond parsing s", "growth ×4"], tablefmt="github"),
        "",
        f"## Alignment of 1,000 by 1,000 claims: {results['align_1000']['seconds']} s (target < 1 s)",
        "",
        "The bare pass parses each body as one document while crosscheck parses paragraph by paragraph,",
        "so on very long bodies crosscheck's whole run can be quicker than the bare pass.",
        "",
        "## Peak memory (fresh process per size)",
        "",
        "Events are checked one at a time and nothing is kept between them, so the peak is set by the",
        "largest event, not by the corpus size (measured as the child process's own `VmHWM`).",
        "",
        tabulate([[r["articles"], r["peak_rss_mb"]] for r in results["memory"]], headers=["articles", "peak RSS MB"], tablefmt="github"),
        "",
    ]
    (out / "benchmarks.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--quick", action="store_true", help="fewer events and repeats, for a smoke run")
    ap.add_argument("--memory-child", nargs=2, metavar=("EVENTS_JSON", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return 0
    events = corpus_events(Path(args.corpus))
    if not events:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    nlp = load_model()
    chosen = events[:12] if args.quick else events
    nw = [e for e in events if "newswcl50" in str(e[0])]
    results = {
        "version": __version__, "model": model_id(nlp), "machine": f"{platform.machine()} {platform.python_version()}",
        "corpus": corpus_ratio(nlp, chosen, 1 if args.quick else 3),
        "by_sources": by_sources(nlp, events),
        "by_length": by_length(nlp, nw[0][:2] if nw else events[0][:2]),
        "stress": stress(nlp, 100 if args.quick else 500),
        "align_1000": align_1000(),
        "memory": memory(events, [50, 100] if args.quick else [125, 250, 500, 1000]),
    }
    write(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
