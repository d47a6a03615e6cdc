"""The command line: `main(argv) -> int`; user errors become one line on stderr and exit 2."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import CrosscheckError, UsageError
from .model import Severity
from .render import RENDERERS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting, so errors stay one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog="crosscheck",
        description="Check news articles about the same event against each other: what they agree on, "
        "where they disagree, and what only one of them states.",
        epilog="Exit status: 0 nothing reaches --fail-on, 1 a discrepancy does, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    cmp = sub.add_parser(
        "compare",
        help="compare two or more articles",
        description="Compare two or more articles (plain text or Markdown, optional YAML front matter "
        "with title, outlet, url, published, language) and report agreements, discrepancies and "
        "claims only one source makes.",
        epilog="Exit status: 0 nothing reaches --fail-on, 1 a discrepancy does, 2 usage or input error.",
    )
    cmp.add_argument("sources", nargs="+", metavar="SOURCE", help="article files (two or more)")
    cmp.add_argument("--format", choices=sorted(RENDERERS), default="table", help="output format (default: table)")
    cmp.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    cmp.add_argument(
        "--reference",
        metavar="SOURCE",
        help="treat this source (id or path) as ground truth: report what the others contradict or add",
    )
    cmp.add_argument(
        "--fail-on",
        choices=["error", "warning", "never"],
        default="error",
        help="exit 1 when a discrepancy of this severity or worse is found (default: error)",
    )
    ev = sub.add_parser(
        "eval",
        help="score the checker against labelled events",
        description="Run the checker on every labelled event (*.yaml, format in tests/gold/README.md) in DIR "
        "and print precision, recall and F1 per category, with every false positive and miss.",
    )
    ev.add_argument("directory", metavar="DIR", help="directory of gold files")
    ev.add_argument("--split", choices=["tune", "heldout", "all"], default="all", help="which labelled events to run (default: all)")
    ev.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    ev.add_argument("-o", "--output", metavar="FILE", help="write the results to FILE (atomically)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run crosscheck with `argv`; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        if not args_list:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        args = parser.parse_args(args_list)
        if args.command == "compare":
            return _compare(args)
        if args.command == "eval":
            return _eval(args)
        raise UsageError("a command is required: compare or eval")
    except CrosscheckError as exc:
        print(f"crosscheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        return 130


def _compare(args: argparse.Namespace) -> int:
    from .pipeline import compare

    if len(args.sources) < 2:
        raise UsageError("compare needs at least two SOURCE files")
    if args.output:
        _check_output(args.output, args.sources)
    report = compare(args.sources, reference=args.reference)
    text = RENDERERS[args.format](report)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    threshold = None if args.fail_on == "never" else Severity(args.fail_on)
    return EXIT_FINDINGS if report.fails(threshold) else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    import json

    from . import evaluate
    from .nlp import load_model
    from .pipeline import check
    from .sources import read_sources

    events = evaluate.load_dir(Path(args.directory), args.split)
    if args.output:
        _check_output(args.output, [])
    nlp = load_model()
    scores = evaluate.run(events, lambda paths: check(read_sources(paths), nlp).to_dict())
    if args.format == "json":
        text = json.dumps(evaluate.to_json(scores), indent=2, ensure_ascii=False) + "\n"
    else:
        text = evaluate.render_text(scores)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _check_output(output: str, sources: Sequence[str]) -> None:
    real = os.path.realpath(output)
    if any(os.path.realpath(s) == real for s in sources):
        raise UsageError(f"-o {output}: refusing to overwrite a source article")
    parent = Path(real).parent
    if not parent.is_dir():
        raise UsageError(f"-o {output}: directory {parent} does not exist")


def write_atomic(path: str, text: str) -> None:
    """Write a file so readers see the old or the new content, never a partial one."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CrosscheckError(f"cannot write {path}: {exc.strerror or exc}") from None
