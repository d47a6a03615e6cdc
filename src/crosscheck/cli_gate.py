"""The CI gate's subcommands, `check` and `baseline`, wired into `cli.main`.

Kept apart from `cli.py` because they share a set of dataset options (paths, configuration,
cache, jobs) the article-level commands do not have. Errors are `CrosscheckError`s, which
`cli.main` prints as one line with exit status 2; nothing here exits or prints a traceback.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import FAIL_ON, LEADS_HELP, MAX_JOBS
from .errors import UsageError
from .files import check_output, printable, write_atomic, write_stdout

if TYPE_CHECKING:
    from .config import Config
    from .dataset import Event
    from .gate import GateResult

EPILOG = (
    "Exit status: 0 no new discrepancy reaches the failing severity, 1 one does, 2 usage, configuration "
    "or input error (the run cannot be trusted; nothing is written). See docs/ci.md."
)
FORMATS = ("table", "github", "sarif", "junit", "jsonl", "markdown")
DEFAULT_DATASET = "sources"


def _jobs(text: str) -> int:
    """`--jobs N`: 1 to MAX_JOBS; more would start that many spaCy processes, or crash trying."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes from 1 to {MAX_JOBS}, got {text!r}")
    return n


def add_parsers(sub: Any) -> None:
    """Add `check` and `baseline` to the CLI's subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a directory of event folders, a .jsonl file (one article per line with an 'event' key) or a "
        "crosscheck-manifest.toml/.json (default: paths in the configuration, else sources/)",
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: ./crosscheck.toml, else [tool.crosscheck] in ./pyproject.toml)",
    )
    common.add_argument("--jobs", type=_jobs, metavar="N", help="parse articles in N processes (default: 1)")
    common.add_argument("--leads", action="store_true", help=LEADS_HELP + " (configuration: leads = true)")
    common.add_argument("--no-cache", action="store_true", help="neither read nor write the cache of parsed articles")
    common.add_argument("--cache-dir", metavar="DIR", help="cache directory (default: .crosscheck-cache)")
    chk = sub.add_parser(
        "check",
        parents=[common],
        help="check every event of a dataset; fail on new discrepancies (CI gate)",
        description="Check every event of a curated dataset and print a summary per event and overall. "
        "With a baseline, only discrepancies not recorded in it can fail the run.",
        epilog=EPILOG,
    )
    chk.add_argument("--baseline", metavar="FILE", help="accepted findings, written by `crosscheck baseline`")
    chk.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    chk.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (atomically) instead of stdout")
    chk.add_argument(
        "--fail-on",
        choices=list(FAIL_ON),
        help="exit 1 when a new discrepancy of this severity or worse is found (default: the configuration's, else error)",
    )
    bl = sub.add_parser(
        "baseline",
        parents=[common],
        help="record the current discrepancies of a dataset as accepted",
        description="Check every event and write its discrepancies to FILE as accepted, keyed by content "
        "fingerprints (not line numbers). Reasons already recorded in FILE are kept.",
        epilog="Exit status: 0 the baseline was written, 2 usage, configuration or input error.",
    )
    bl.add_argument("-o", "--output", metavar="FILE", required=True, help="baseline file to write (atomically)")
    bl.add_argument("--reason", metavar="TEXT", help="why these findings are accepted (stored with new entries)")


def run_check(args: argparse.Namespace) -> int:
    """`crosscheck check`: render the gate's result; 1 when a new discrepancy fails it."""
    from . import baseline as baseline_mod
    from .render_ci import CI_RENDERERS

    config, events = _prepare(args)
    baseline_path = args.baseline or config.baseline
    accepted = baseline_mod.load(baseline_path) if baseline_path else None
    if args.output:
        baseline_input = [(baseline_path, "the baseline (use `crosscheck baseline` to update it)")] if baseline_path else []
        check_output(args.output, baseline_input + _inputs(config, events))
    result = _run(events, config, accepted, printable(baseline_path) if baseline_path else None)
    _emit(CI_RENDERERS[args.format](result), args.output)
    return 1 if result.failed() else 0


def run_baseline(args: argparse.Namespace) -> int:
    """`crosscheck baseline`: write every current discrepancy (not waived) to the baseline file."""
    from . import baseline as baseline_mod
    from .gate import Status
    from .render_ci import plural

    config, events = _prepare(args)
    check_output(args.output, _inputs(config, events))
    # Only a regular file can hold a previous baseline; -o /dev/null just discards the new one.
    previous = baseline_mod.load(args.output) if os.path.isfile(args.output) else None
    result = _run(events, config, None, None)
    found = [(r.event.name, c.finding) for r in result.events for c in r.checked if c.status is Status.NEW]
    recorded = baseline_mod.record(found, reason=args.reason, previous=previous)
    _emit(baseline_mod.dumps(recorded), args.output)
    what = f"{plural(len(recorded.entries), 'discrepancy')} of {plural(len(events), 'event')}"
    print(f"crosscheck: recorded {what} in {printable(args.output)}")
    return 0


def _prepare(args: argparse.Namespace) -> tuple[Config, tuple[Event, ...]]:
    """The configuration with the command line on top, and the dataset's events (read, not parsed)."""
    from .config import load
    from .dataset import discover

    config = load(args.config)
    changes: dict[str, Any] = {}
    if getattr(args, "fail_on", None):
        changes["fail_on"] = FAIL_ON[args.fail_on]
    if args.jobs:
        changes["jobs"] = args.jobs
    if args.leads:
        changes["leads"] = True
    if args.no_cache and args.cache_dir:
        raise UsageError("--no-cache and --cache-dir contradict each other")
    if args.cache_dir or args.no_cache:
        changes["cache_dir"] = args.cache_dir
    config = replace(config, **changes)
    paths = args.paths or list(config.paths)
    if not paths:
        if not Path(DEFAULT_DATASET).is_dir():
            raise UsageError(
                "no PATH given and no sources/ here: give a directory of event folders, a .jsonl file or a "
                "manifest, or set paths in crosscheck.toml"
            )
        paths = [DEFAULT_DATASET]
    return config, discover(paths, exclude=config.exclude)


def _run(events: tuple[Event, ...], config: Config, accepted: Any, baseline_path: str | None) -> GateResult:
    from . import nlp
    from .cache import open_cache
    from .gate import run
    from .progress import for_terminal

    cache = open_cache(config.cache_dir) if config.cache_dir else None
    progress = for_terminal()
    try:
        # Looked up at call time, so the model loads only when some article is not cached.
        return run(
            events,
            config,
            load_nlp=lambda: nlp.load_model(),
            baseline=accepted,
            baseline_path=baseline_path,
            cache=cache,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()


def _inputs(config: Config, events: tuple[Event, ...]) -> list[tuple[str, str]]:
    """Every file a gate run reads, named for the message refusing `-o` onto it."""
    kinds = {".json": "the manifest", ".toml": "the manifest", ".jsonl": "the dataset file"}
    out = [(config.file, "the configuration")] if config.file else []
    return out + [(f, kinds.get(Path(f).suffix.lower(), "a source article")) for ev in events for f in ev.files]


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        write_stdout(text)
