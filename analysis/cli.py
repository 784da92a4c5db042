"""Command line: ``python -m analysis SUB-COMMAND CORPUS ...``.

Every sub-command reads a corpus (file or folder), writes its result to
standard output and exits 0; bad input gives one line on standard error and
exit status 2, a failed run (report, dead worker, unreachable scheduler) exit
status 1.

``attributions``, ``terms`` and ``balance`` run through :mod:`analysis.engine`
(``--workers``, ``--engine``, ``--scheduler``, ``--chunk-size``, ``--cache``):
they read the corpus in blocks of articles, spool each block's rows to a
temporary file in input order and copy it to standard output only when every
block has succeeded, so a failed run prints nothing but its error line.
``attributions`` and ``terms`` get their rows already encoded by the workers
(:func:`analysis.engine.iter_encoded`); ``balance`` tallies the corpus here.

Modules that only some commands need (attribution, balance, evaluate, which
pulls in NLTK) are imported by those commands: every command, ``report``
included, and the parent process of a worker pool start sooner.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence

import pandas as pd

from analysis.corpus import InputError, load_corpus
from analysis.engine import (
    DEFAULT_CHUNK_SIZE,
    ENGINES,
    EngineError,
    EngineOptions,
    attributions_step,
    clear_cache,
    encode_table,
    iter_encoded,
    iter_results,
    terms_step,
)

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


class CommandError(RuntimeError):
    """A command that ran but failed; the message is one line for the user."""


def write_table(frame: pd.DataFrame, fmt: str, stream=None, *, header: bool = True) -> None:
    """Write a frame as JSON lines or CSV, the same bytes for the same frame (:func:`analysis.engine.encode_table`).

    ``header=False`` leaves out the CSV header, to append a frame to one already written.
    """
    stream = stream or sys.stdout
    for start in range(0, max(len(frame), 1), _WRITE_ROWS):  # a slice at a time: memory stays small
        rows = encode_table(frame.iloc[start:start + _WRITE_ROWS], fmt)
        stream.write((rows.header if header and start == 0 else "") + rows.text())


_WRITE_ROWS = 10_000


def _add_corpus(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", help="a .txt, .jsonl or .csv file, or a folder of them")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default: jsonl)")


def _add_engine(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("scale")
    group.add_argument("--workers", type=int, default=None, metavar="N",
                       help="processes (local) or local-cluster workers (dask); default: all cores")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="local (default) or dask: Dask tasks over blocks of the input files")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    group.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                       help="articles per block, and per Dask task for JSONL and Parquet "
                            f"(default: {DEFAULT_CHUNK_SIZE})")
    group.add_argument("--cache", metavar="DIR",
                       help="keep per-article results in DIR and analyse only new or changed articles")


def _engine_options(args: argparse.Namespace) -> EngineOptions:
    return EngineOptions(engine=args.engine, workers=args.workers, scheduler=args.scheduler,
                         chunk_size=args.chunk_size, cache=args.cache)


def _write_text(texts: Iterable[str]) -> None:
    """Spool text in order; copy it to standard output once all of it was made (a failed run prints nothing)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
        for text in texts:
            spool.write(text)
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)


def _tables_text(frames: Iterable[pd.DataFrame], fmt: str) -> Iterator[str]:
    """Frames as one table's text (one CSV header)."""
    for number, frame in enumerate(frames):
        out = io.StringIO()
        write_table(frame, fmt, out, header=number == 0)
        yield out.getvalue()


def _cmd_segment(args: argparse.Namespace) -> None:
    corpus = load_corpus(args.corpus)
    starts = corpus.paragraphs.groupby("article", sort=False)["paragraph"].min().tolist()
    print(json.dumps({"article_starts": starts}))


def _cmd_attributions(args: argparse.Namespace) -> None:
    step = attributions_step(args.registry)
    _write_text(iter_encoded(args.corpus, step, _engine_options(args), fmt=args.format))


def _cmd_terms(args: argparse.Namespace) -> None:
    step = terms_step(args.lexicon, replace=args.replace_lexicon)
    _write_text(iter_encoded(args.corpus, step, _engine_options(args), fmt=args.format))


def _cmd_balance(args: argparse.Namespace) -> None:
    """Article rows block by block, then the corpus row: memory holds corpus counts, not every record."""
    from analysis.balance import balance_in_blocks

    pieces = iter_results(args.corpus, attributions_step(args.registry), _engine_options(args))
    rows = balance_in_blocks(((piece.table, piece.articles) for piece in pieces), side=args.side)
    _write_text(_tables_text(rows, args.format))


def _cmd_cache(args: argparse.Namespace) -> None:
    removed = clear_cache(args.folder)
    print(f"cleared {args.folder}: {removed} cached article results removed")


def _cmd_evaluate(args: argparse.Namespace) -> None:
    from analysis.attribution import extract_attributions
    from analysis.evaluate import format_score, load_gold_attributions, score_attributions

    corpus = load_corpus(args.corpus)
    gold = load_gold_attributions(args.gold)
    predicted = extract_attributions(corpus.paragraphs, registry=args.registry, articles=corpus.articles)
    print(format_score(score_attributions(predicted, gold)))


def _cmd_report(args: argparse.Namespace) -> None:
    parameters = {}
    for item in args.parameter:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(f"-p {item}: expected NAME=VALUE")
        parameters[name] = value
    from analysis.report import run_report  # here, not at the top: it loads nbformat, slow to import

    out = run_report(args.corpus, out_dir=args.out, parameters=parameters, dated=args.dated)
    print(out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Measure how news media frame events.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    segment = commands.add_parser("segment", help="print the first paragraph of each article as JSON")
    _add_corpus(segment)
    segment.set_defaults(run=_cmd_segment)

    attributions = commands.add_parser("attributions", help="one record per (paragraph, source) credited with a statement")
    _add_corpus(attributions)
    _add_format(attributions)
    attributions.add_argument("--registry", help="CSV of extra known sources (name, category, origin, ...)")
    _add_engine(attributions)
    attributions.set_defaults(run=_cmd_attributions)

    terms = commands.add_parser("terms", help="one record per loaded-term hit")
    _add_corpus(terms)
    _add_format(terms)
    terms.add_argument("--lexicon", help="CSV lexicon that extends the shipped one")
    terms.add_argument("--replace-lexicon", action="store_true",
                       help="use only the --lexicon file, not the shipped lexicon")
    _add_engine(terms)
    terms.set_defaults(run=_cmd_terms)

    balance = commands.add_parser("balance", help="quote balance, one row per article plus a corpus row")
    _add_corpus(balance)
    _add_format(balance)
    balance.add_argument("--registry", help="CSV of extra known sources")
    balance.add_argument("--side", default="origin", help="what counts as a side: origin (default) or category")
    _add_engine(balance)
    balance.set_defaults(run=_cmd_balance)

    evaluate = commands.add_parser("evaluate", help="score attributions against gold annotations")
    _add_corpus(evaluate)
    evaluate.add_argument("--gold", required=True, help="gold prefix, e.g. ../shared/gold/000_b5e02bd3c49893a3")
    evaluate.add_argument("--registry", help="CSV of extra known sources")
    evaluate.set_defaults(run=_cmd_evaluate)

    report = commands.add_parser("report", help="run every notebook on the corpus into a report folder")
    _add_corpus(report)
    report.add_argument("--out", help="report folder (default: reports/<corpus-stem>)")
    report.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="notebook parameter; repeat for several")
    report.add_argument("--dated", action="store_true",
                        help="keep each run in <out>/<run-date>/ with 'latest' pointing to the newest")
    report.set_defaults(run=_cmd_report)

    cache = commands.add_parser("cache", help="manage the --cache folder of per-article results")
    cache.add_argument("action", choices=("clear",), help="clear: delete every cached result in FOLDER")
    cache.add_argument("folder", help="the folder given to --cache")
    cache.set_defaults(run=_cmd_cache)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; return the exit status."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], None] = args.run
    try:
        run(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (CommandError, EngineError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        sys.stderr.close()
    return 0


__all__ = ["CommandError", "build_parser", "main", "write_table"]
