"""``python -m parallax``: a thin shell over the package.

It parses arguments, builds :class:`CompareOptions`, calls the core and
writes JSON or CSV. Every problem with the input becomes one line on stderr
and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .archive import ArchiveError, Progress, source_of
from .compare import compare, describe
from .export import comparison_json, matrix_csv, matrix_json
from .ingest import IngestError, parse_published, read_article
from .matrix import story_matrix
from .model import Analysis, Article
from .nlp import ModelMissingError
from .options import CompareOptions, load_options
from .parallel import analyse_all
from .status import Status

EXIT_INPUT = 2  # bad input or arguments
EXIT_INTERNAL = 1


class CliError(Exception):
    """A problem to report in one line."""


def _cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m parallax",
        description="Compare news reports of one story: shared passages, entities and dates.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--published", metavar="YYYY-MM-DD", help="publication date for every file (overrides front matter)"
        )
        p.add_argument("--config", metavar="TOML", type=Path, help="a TOML file overriding parallax/defaults.toml")
        p.add_argument(
            "--workers",
            metavar="N",
            type=_positive,
            default=_cores(),
            help="processes for parsing long articles and scoring large clusters (default: one per core)",
        )

    p = sub.add_parser(
        "analyse",
        help="analyse each file on its own",
        description="Analyse each file: sentences, boilerplate, entities, dates.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help=".md (front matter), .txt or .html files, or http(s):// addresses"
    )
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one object (an array for several files); jsonl: one object per line",
    )
    common(p)

    p = sub.add_parser(
        "compare", help="compare two files", description="Compare two files: matches, coverage, entities, dates."
    )
    p.add_argument("a", metavar="A", help="first article: a file or an http(s):// address")
    p.add_argument("b", metavar="B", help="second article: a file or an http(s):// address")
    p.add_argument("--format", choices=("json",), default="json", help="output format")
    common(p)

    p = sub.add_parser(
        "matrix",
        help="coverage and reuse matrices, families and sources of a cluster",
        description="coverage[i][j] = share of article i's statements found in article j; "
        "reuse[i][j] = share of article i's wording taken from article j; families and likely sources.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="two or more article files or http(s):// addresses")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="output format")
    p.add_argument(
        "--figure",
        choices=("coverage", "reuse"),
        default="coverage",
        help="with --format csv: which matrix to write (coverage: statements found; reuse: wording taken)",
    )
    common(p)

    p = sub.add_parser(
        "report",
        help="a report of two articles to send (HTML or PDF)",
        description="One self-contained file: the verdict, both articles side by side with their marks, what "
        "changed, the entities and the timeline. Nothing in it fetches anything.",
    )
    p.add_argument("a", metavar="A", help="first article: a file or an http(s):// address")
    p.add_argument("b", metavar="B", help="second article: a file or an http(s):// address")
    p.add_argument("--format", choices=("html", "pdf"), default="html", help="html (default) or pdf")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="page size for the PDF and for printing")
    p.add_argument("--output", "-o", metavar="FILE", type=Path, required=True, help="the file to write")
    common(p)

    p = sub.add_parser(
        "archive",
        help="who copied whom across an archive (local or Spark)",
        description="Find every pair of articles that share wording in a folder of files, a JSON Lines or a Parquet "
        "file, scored as matrix scores them. Writes pairs.jsonl, pairs.parquet, families.jsonl and "
        "summary.json to OUT; progress goes to stderr.",
    )
    p.add_argument(
        "input",
        metavar="IN",
        help="a folder of .md/.txt/.html files, or a .jsonl or .parquet file "
        "with id, text and optional title, outlet, published, url",
    )
    p.add_argument("--output", "-o", metavar="OUT", required=True, type=Path, help="the folder to write")
    p.add_argument("--engine", choices=("local", "spark"), default="local", help="local (one process) or spark")
    p.add_argument("--master", default="local[2]", help="Spark master URL (local[N], spark://host:7077, yarn)")
    p.add_argument("--partitions", type=int, default=0, help="Spark partitions for shuffles (default: 2 x cores)")
    p.add_argument("--config", metavar="TOML", type=Path, help="a TOML file overriding parallax/defaults.toml")
    return parser


def args_to_options(args: argparse.Namespace) -> CompareOptions:
    try:
        return load_options(args.config)
    except FileNotFoundError as exc:
        raise CliError(f"config file not found: {args.config}") from exc
    except (ValueError, OSError) as exc:
        raise CliError(f"config file {args.config} is not usable: {exc}") from exc


def _published(args: argparse.Namespace) -> dt.date | None:
    if args.published is None:
        return None
    return parse_published(args.published, "--published")


def _load(
    paths: Sequence[str], published: dt.date | None, options: CompareOptions, workers: int, status: Status
) -> list[Analysis]:
    from .fetch import article_from_url, is_url  # deferred: the network stack is only for addresses

    articles: list[Article] = []
    for name in paths:
        status.say(f"reading {name}")
        if is_url(name):
            article = article_from_url(name, source="file", max_chars=options.max_chars)
        else:
            article = read_article(Path(name), max_chars=options.max_chars)
        if published is not None:
            article = Article(**{**article.__dict__, "published": published})
        articles.append(article)
    total = len(articles)
    words = f"{sum(len(a.text.split()) for a in articles):,} words"
    status.say(f"parsing {total} article{'s' if total > 1 else ''} ({words})")
    return analyse_all(articles, options, workers, lambda done: status.say(f"parsed {done} of {total} ({words})"))


def run(argv: Sequence[str], out: TextIO) -> None:
    args = build_parser().parse_args(argv)
    options = args_to_options(args)
    if args.command == "archive":
        run_archive(args, options, out)
        return
    status = Status(sys.stderr)  # a status line on a terminal only; erased before any output or error
    try:
        _run_command(args, options, out, status)
    finally:
        status.clear()


def _run_command(args: argparse.Namespace, options: CompareOptions, out: TextIO, status: Status) -> None:
    published = _published(args)
    if args.command == "analyse":
        analyses = _load(args.files, published, options, args.workers, status)
        status.clear()
        results = [comparison_json(describe(a, options)) for a in analyses]
        if args.format == "jsonl":
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            json.dump(results[0] if len(results) == 1 else results, out, ensure_ascii=False, indent=1)
            out.write("\n")
    elif args.command == "compare":
        a, b = _load([args.a, args.b], published, options, args.workers, status)
        status.say("comparing")
        result = comparison_json(compare(a, b, options))
        status.clear()
        json.dump(result, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.command == "report":
        from .report import report_html, report_pdf  # deferred: reports are one command of several

        a, b = _load([args.a, args.b], published, options, args.workers, status)
        status.say("comparing")
        document = report_html(compare(a, b, options), paper=args.paper)
        status.say(f"writing the {args.format.upper()} report")
        try:
            data = report_pdf(document) if args.format == "pdf" else document.encode("utf-8")
        except RuntimeError as exc:
            raise CliError(str(exc)) from exc
        status.clear()
        try:
            args.output.write_bytes(data)
        except OSError as exc:
            raise CliError(f"cannot write {args.output} ({exc.strerror}). Choose another path.") from exc
        out.write(f"wrote {args.output} ({len(data):,} bytes)\n")
    elif args.command == "matrix":
        if len(args.files) < 2:
            raise CliError("matrix needs at least two files")
        analyses = _load(args.files, published, options, args.workers, status)
        status.say(f"comparing {len(analyses)} articles")
        story = story_matrix(analyses, options, workers=args.workers)
        status.clear()
        if args.format == "csv":
            out.write(matrix_csv(analyses, story.reuse if args.figure == "reuse" else story.coverage))
        else:
            json.dump(matrix_json(analyses, story), out, ensure_ascii=False, indent=1)
            out.write("\n")


def run_archive(args: argparse.Namespace, options: CompareOptions, out: TextIO) -> None:
    progress = Progress(lambda line: print(line, file=sys.stderr, flush=True))
    source = source_of(Path(args.input))
    if args.engine == "spark":
        from .archive_spark import run_spark

        summary = run_spark(source, args.output, options, progress, args.master, args.partitions)
    else:
        from .archive_local import run_local

        summary = run_local(source, args.output, options, progress)
    json.dump(summary, out, indent=1)
    out.write("\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Entry point; returns the exit status (0 success, 2 bad input, 1 internal error)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with contextlib.redirect_stderr(err):  # argparse's usage errors go to the caller's stream
            run(list(sys.argv[1:] if argv is None else argv), out)
    except SystemExit as exc:  # argparse has already printed its usage line
        return int(exc.code or 0)
    except (IngestError, CliError, ModelMissingError, ArchiveError) as exc:
        err.write(f"parallax: error: {exc}\n")
        return EXIT_INPUT
    except KeyboardInterrupt:
        err.write("parallax: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say to it
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed pipe until exit
        return 141
    except Exception as exc:  # last resort: one line, never a traceback, for any input
        err.write(f"parallax: internal error: {type(exc).__name__}: {exc}. Please report it with the input file.\n")
        return EXIT_INTERNAL
    return 0


def tune_for_one_run() -> None:
    """Collect young objects in bigger batches: a run builds hundreds of thousands of small objects
    that live to the end (words, sentences, mentions), and the default thresholds traverse them
    again and again (0.17 s of collection at 8,000 words, 0.53 s at 50,000; 0.04 s and 0.11 s after,
    measured with ``gc.callbacks``). For a process that exits when the command is done; the app
    keeps the defaults. ``bench/worker.py`` gives the floor the same setting, to compare like with like."""
    gc.set_threshold(100_000, 20, 100)


def console() -> None:
    """The ``parallax`` console script (the same as ``python -m parallax``)."""
    tune_for_one_run()
    sys.exit(main())
