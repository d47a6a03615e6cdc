"""The command line: `main(argv) -> int`; user errors become one line on stderr and exit 2."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, cli_gate
from .config import FAIL_ON, LEADS_HELP
from .errors import CrosscheckError, UsageError
from .files import check_output, discard_stdout, printable, write_atomic, write_stdout
from .perturb import Edit
from .render import RENDERERS, render_table

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
    cmp.add_argument("--leads", action="store_true", help=LEADS_HELP)
    cmp.add_argument(
        "--fail-on",
        choices=list(FAIL_ON),
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
    ev.add_argument("--leads", action="store_true", help="score the leads too, as `compare --leads` reports them")
    ev.add_argument("-o", "--output", metavar="FILE", help="write the results to FILE (atomically)")
    pt = sub.add_parser(
        "perturb",
        help="write a copy of an article with recorded edits, and the gold for them",
        description="Write copies of ARTICLE, each with one controlled edit (a respelt name, a changed number, "
        "a shifted date, a dropped list member, a swapped quote speaker, a negation), and for each a gold "
        "file (format in tests/gold/README.md) that `crosscheck eval` scores. The article is never modified.",
    )
    pt.add_argument("article", metavar="ARTICLE", help="the article to copy and edit")
    pt.add_argument("-o", "--output-dir", metavar="DIR", required=True, help="directory for the copies and gold files (created)")
    pt.add_argument("--edit", action="append", choices=[str(e) for e in Edit], help="edit kind (repeatable; default: all)")
    pt.add_argument(
        "--against",
        metavar="OTHER",
        help="another outlet's article on the same event: edit only facts OTHER states too, and pair the copy with it",
    )
    pt.add_argument("--seed", default="", help="changes which candidate edit is chosen (default: none)")
    cli_gate.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run crosscheck with `argv`; return the exit status.

    Every failure is one line on stderr and exit 2. An unexpected exception is a bug, but a
    traceback helps no user of a CLI: it is shown as one "internal error" line unless the
    environment sets CROSSCHECK_DEBUG, which lets it through for whoever debugs it.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            status = _dispatch(args_list)
        except SystemExit:  # --help and --version print, then leave through argparse's exit
            _flush_stdout()
            raise
        _flush_stdout()
        return status
    except CrosscheckError as exc:
        print(f"crosscheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): nothing is wrong to report, as with any other CLI.
        discard_stdout()
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("CROSSCHECK_DEBUG"):
            raise
        message = " ".join(str(exc).split())
        print(f"crosscheck: error: internal error: {type(exc).__name__}: {message}", file=sys.stderr)
        return EXIT_USAGE


def _flush_stdout() -> None:
    """Flush stdout now: on a full device the error must be our one line, not one at interpreter exit."""
    if sys.stdout is not None:
        write_stdout("")


def _dispatch(args_list: list[str]) -> int:
    """Parse the arguments and run the command they name."""
    parser = build_parser()
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(args_list)
    if args.command == "compare":
        return _compare(args)
    if args.command == "eval":
        return _eval(args)
    if args.command == "perturb":
        return _perturb(args)
    if args.command == "check":
        return cli_gate.run_check(args)
    if args.command == "baseline":
        return cli_gate.run_baseline(args)
    raise UsageError("a command is required: compare, check, baseline, eval or perturb")


def _compare(args: argparse.Namespace) -> int:
    from .pipeline import compare

    if len(args.sources) < 2:
        raise UsageError("compare needs at least two SOURCE files")
    if args.output:
        check_output(args.output, [(s, "a source article") for s in args.sources])
    report = compare(args.sources, reference=args.reference, leads=args.leads)
    if args.format == "table" and not args.output and sys.stdout is not None and sys.stdout.isatty():
        # Fit and colour only for a person at a terminal; files and pipes get the fixed, plain layout.
        colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        text = render_table(report, width=shutil.get_terminal_size().columns, color=colour)
    else:
        text = RENDERERS[args.format](report)
    if args.output:
        write_atomic(args.output, text)
    else:
        write_stdout(text)
    threshold = FAIL_ON[args.fail_on]
    return EXIT_FINDINGS if report.fails(threshold) else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    import json

    from . import evaluate
    from .nlp import load_model
    from .pipeline import check
    from .sources import read_sources

    everything = evaluate.load_dir(Path(args.directory))
    if args.output:  # every gold file is an input, and so is every article one names
        check_output(
            args.output,
            [(e.file, "a gold file") for e in everything if e.file] + [(s, "a source article") for e in everything for s in e.sources],
        )
    events = evaluate.of_split(everything, args.split)
    nlp = load_model()
    scores = evaluate.run(events, lambda paths: check(read_sources(paths), nlp, leads=args.leads).to_dict())
    if args.format == "json":
        text = json.dumps({"leads": args.leads, **evaluate.to_json(scores)}, indent=2, ensure_ascii=False) + "\n"
    else:
        mode = "with leads (--leads)" if args.leads else "as reports show them by default, leads left out (--leads adds them)"
        text = f"Discrepancies scored {mode}.\n\n" + evaluate.render_text(scores)
    if args.output:
        write_atomic(args.output, text)
    else:
        write_stdout(text)
    return EXIT_OK


def _perturb(args: argparse.Namespace) -> int:
    from . import perturb
    from .nlp import load_model
    from .pipeline import analyse
    from .sources import read_sources

    paths = [args.article] + ([args.against] if args.against else [])
    sources = read_sources(paths)
    out = Path(args.output_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"-o {out}: cannot create directory ({exc.strerror or exc})") from None
    analysis = analyse(sources, load_model())
    article = sources[0]
    written = 0
    for edit in [Edit(e) for e in (args.edit or [str(e) for e in Edit])]:
        p = perturb.choose(article, perturb.options(analysis, edit, against=bool(args.against)), salt=f"{edit}{args.seed}")
        if p is None:
            print(f"crosscheck: no {edit} edit possible in {article.path}", file=sys.stderr)
            continue
        stem = Path(args.article).stem
        copy = out / f"{stem}.{edit}.md"
        gold_file = out / f"{stem}.{edit}.yaml"
        for written_to in (copy, gold_file):
            check_output(str(written_to), [(x, "a source article") for x in paths])
        write_atomic(str(copy), p.apply(article.text))
        partner = Path(os.path.relpath(Path(paths[-1]).resolve(), out.resolve()))
        gold = perturb.gold_yaml(f"{stem}.{edit}", "heldout", [copy.name, str(partner)], p, f"perturbed copy of {article.path}")
        write_atomic(str(gold_file), gold)
        print(f"{printable(copy)}: {p.note}")
        written += 1
    return EXIT_OK if written else EXIT_FINDINGS
