"""Run a per-article analysis over a corpus of any size: in chunks, on many cores or on Dask.

A *step* is a module-level function ``function(corpus, **options) ->
DataFrame`` applied to a :class:`~analysis.corpus.Corpus` chunk whose rows
carry ``article`` and ``paragraph`` (see :func:`attributions_step`,
:func:`terms_step`). :func:`iter_results` yields, in input order, one
:class:`Piece` per block of articles with article ids and paragraph numbers
exactly as :func:`analysis.corpus.load_corpus` gives them, so concatenating
the pieces equals running the step on the whole corpus at once.

How the work is spread (:class:`EngineOptions`):

* ``engine="local", workers=1``: blocks run one after the other in this process.
* ``engine="local", workers=N``: this process only cuts the input into
  blocks of ``chunk_size`` articles: byte ranges of a JSONL file, found by
  one scan of its raw bytes and read by the workers themselves, or CSV and
  Parquet rows read here; a pool of N processes reads, parses, segments and
  analyses them, with at most ``2 N`` blocks in flight, so memory stays flat
  however large the corpus is. A ``.txt`` file is one block (its articles are
  found by segmenting the whole file).
* ``engine="dask"``: Dask tasks on the scheduler at ``scheduler`` or on a
  local cluster of ``workers`` processes. The workers read the files
  themselves (the path must be readable by them, e.g. a shared filesystem):
  one task per ``chunk_size`` records of a JSONL file (the same byte ranges),
  per run of Parquet row groups holding ``chunk_size`` rows, and per ``.txt``
  or ``.csv`` file.

Every block is numbered from paragraph 1 where it runs; the gatherer here
re-offsets ``paragraph`` and makes article ids unique across blocks in input
order (renaming the step's ``article`` column), which is why every engine
gives the same bytes. A step must therefore treat articles independently and
sort its rows by paragraph first, as the suite's per-article functions do.

Output: :func:`iter_encoded` gives the rows as CSV or JSON lines text instead
of tables. The workers encode their blocks (:func:`encode_table`), leaving the
leading ``article`` and ``paragraph`` columns as slots, and this process only
fills the slots with global ids and numbers (one string format per row): it
never unpickles, concatenates or encodes a DataFrame, so with many workers
almost all the work runs in the pool. A step's table must therefore begin
with its ``article`` and ``paragraph`` columns (text ids, integer paragraph
numbers), as the suite's tables do.

The local pool forks when this process has one thread and uses a fork server
otherwise; before forking it runs the step's ``prepare`` here (the shipped
steps import their module and build the lexicon's automaton), so the workers
inherit that warm-up instead of each doing it again. Scripts (not notebooks)
that run the pool need the usual ``if __name__ == "__main__":`` guard.

Cache (``cache=FOLDER``): results are stored per article under the SHA-256 of
its metadata and paragraph texts plus a fingerprint of the package code,
its shipped lexicons, the step, its options and the user files it reads
(``--registry``, ``--lexicon``). Changing any of these changes every key, so a
nightly run over a growing corpus analyses only new or edited articles.
Paragraph numbers are stored relative to the article and re-offset on read.
Workers only read the cache; this process writes it.

Failures: bad input raises :class:`~analysis.corpus.InputError` naming the
file; a dead worker or an unreachable scheduler raises :class:`EngineError`.
Nothing is yielded after a failure, and callers write output only once every
block has succeeded.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import itertools
import json
import os
import pickle
import sqlite3
from collections import deque
from concurrent.futures import CancelledError
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import __version__
from analysis import corpus as corpus_module
from analysis.corpus import METADATA_FIELDS, Corpus, InputError

PACKAGE = Path(__file__).resolve().parent
ENGINES = ("local", "dask")
FILE_SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
CACHE_FILE = "framing-cache.sqlite"
DEFAULT_CHUNK_SIZE = 100
PARQUET_BATCH_ROWS = 1024
SCHEDULER_TIMEOUT = "10s"


class EngineError(RuntimeError):
    """The run failed for a reason other than its input; the message is one line for the user."""


@dataclass(frozen=True)
class EngineOptions:
    """Where and how to run a step; the defaults use every core of this machine."""

    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    chunk_size: int = DEFAULT_CHUNK_SIZE
    cache: str | Path | None = None
    segment: bool = True

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise InputError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.chunk_size < 1:
            raise InputError(f"chunk size must be at least 1, got {self.chunk_size}")
        if self.workers is not None and self.workers < 1:
            raise InputError(f"workers must be at least 1, got {self.workers}")
        if self.scheduler and self.engine != "dask":
            raise InputError("--scheduler needs --engine dask")

    @property
    def n_workers(self) -> int:
        return self.workers or available_cores()


@dataclass(frozen=True)
class Step:
    """A per-chunk analysis: ``function(corpus, **dict(options))``, plus the files its results depend on.

    ``prepare``: a function called with the same options in a forking pool's
    parent before the workers start, to import the modules the step needs and
    build the tables it makes on first use (patterns, the lexicon's automaton)
    once, for every worker to inherit instead of making them again in each.
    """

    function: Callable[..., pd.DataFrame]
    options: tuple[tuple[str, object], ...] = ()
    files: tuple[str, ...] = ()
    prepare: Callable[..., None] | None = None

    def __call__(self, chunk: Corpus) -> pd.DataFrame:
        return self.function(chunk, **dict(self.options))


@dataclass(frozen=True)
class Piece:
    """The articles of one block and the step's rows for them, numbered as in the whole corpus."""

    articles: pd.DataFrame
    table: pd.DataFrame


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- the shipped steps


def _attributions_of(chunk: Corpus, *, registry=None) -> pd.DataFrame:
    from analysis.attribution import extract_attributions

    return extract_attributions(chunk.paragraphs, registry=registry, articles=chunk.articles)


def _terms_of(chunk: Corpus, *, lexicon=None, replace=False) -> pd.DataFrame:
    from analysis.terms import find_terms

    return find_terms(chunk.paragraphs, lexicon=lexicon, replace=replace)


# Made-up paragraphs that take extract_attributions through its common paths (quote, cue, role, title,
# organisation, nationality, document, "according to", Chinese and Western names), so that a forking pool's
# parent builds the tables and patterns the module makes on first use once, before the workers inherit them.
_WARM_UP_PARAGRAPHS = (
    '"We will keep working with our partners," Foreign Ministry spokesperson Wang Wenbin said at a regular '
    "news conference in Beijing on Monday.",
    "According to a statement issued by the World Health Organization on Tuesday, the virus had spread to 12 "
    "countries.",
    'The British health secretary, John Smith, told reporters that the plan was "a serious mistake" and urged '
    "ministers to reconsider.",
    "He Lifeng, China's vice-premier, said the country would continue to open up, while Professor Jane Miller of "
    "Oxford University, who studies trade, added that talks had stalled.",
    "Officials in Guangdong province said the report, published by the US Department of State, was biased. "
    '"It is groundless," the ministry said in a post on its website.',
    "A spokesman for the company declined to comment, but analysts warned that prices could rise further, Reuters "
    "reported, citing two sources familiar with the matter.",
    'Li Qiang, premier of the State Council, stressed that "development is the top priority". Zhang, a farmer in '
    "Yunnan, said she was pleased.",
)


def _prepare_attributions(*, registry=None) -> None:
    """Import the attribution module and run it on :data:`_WARM_UP_PARAGRAPHS` (with the step's registry):
    the lexicon tables and the patterns it builds on first use are then made here, once."""
    from analysis.attribution import extract_attributions

    extract_attributions(_warm_up_chunk().paragraphs, registry=registry)


def _prepare_terms(*, lexicon=None, replace=False) -> None:
    """Import the terms module and build the lexicon's automaton (a scan of no paragraphs)."""
    from analysis.terms import find_terms

    find_terms(_empty_chunk().paragraphs, lexicon=lexicon, replace=replace)


def attributions_step(registry: str | Path | None = None) -> Step:
    """:func:`analysis.attribution.extract_attributions` as a step (``registry``: extra sources CSV)."""
    return _user_file_step(_attributions_of, _prepare_attributions, "registry", registry)


def terms_step(lexicon: str | Path | None = None, *, replace: bool = False) -> Step:
    """:func:`analysis.terms.find_terms` as a step (``lexicon``: CSV that extends, or with
    ``replace``, replaces the shipped one)."""
    step = _user_file_step(_terms_of, _prepare_terms, "lexicon", lexicon)
    if replace and lexicon is not None:
        step = Step(step.function, (*step.options, ("replace", True)), step.files, step.prepare)
    return step


def _user_file_step(function, prepare, name: str, source) -> Step:
    if source is None:
        return Step(function, prepare=prepare)
    if isinstance(source, pd.DataFrame):
        return Step(function, ((name, source),), prepare=prepare)
    return Step(function, ((name, str(source)),), (str(source),), prepare)


# ---------------------------------------------------------------- public API


def iter_results(path: str | Path, step: Step, options: EngineOptions = EngineOptions()) -> Iterator[Piece]:
    """Yield the step's results block by block, in input order (see the module docstring)."""
    for result, article_ids, paragraph_offset in _placed_results(path, step, options, None):
        yield _placed_piece(result, article_ids, paragraph_offset)


def iter_encoded(path: str | Path, step: Step, options: EngineOptions = EngineOptions(), *,
                 fmt: str = "jsonl") -> Iterator[str]:
    """The step's rows as ``fmt`` ("jsonl" or "csv", header first) text, block by block in input order.

    The same text as :func:`analysis.cli.write_table` writes for the concatenated
    :func:`iter_results` tables, but encoded by the workers (see the module docstring).
    """
    if fmt not in OUTPUT_FORMATS:
        raise InputError(f"format must be one of {', '.join(OUTPUT_FORMATS)}, not {fmt!r}")
    first = True
    for result, article_ids, paragraph_offset in _placed_results(path, step, options, fmt):
        yield (result.rows.header if first else "") + result.rows.text(article_ids, paragraph_offset)
        first = False


def _placed_results(path, step: Step, options: EngineOptions, fmt: str | None):
    """Each block's result with its global article ids and paragraph offset, in input order."""
    files = engine_files(path)
    cache = Cache(options.cache, fingerprint(step)) if options.cache else None
    placer = _Placer()
    runner = _run_dask if options.engine == "dask" else _run_local
    empty = True
    for result in runner(files, step, options, cache, fmt):
        if cache is not None:
            cache.store(result.new_entries, result.columns, result.dtypes)
        empty = False
        yield result, *placer.place(result)
    if empty:  # files without a single article: still give the step's (empty) table and its columns
        result = _analyse_block(_Block(files[0], "rows"), step, options.chunk_size, None, fmt)
        yield result, *placer.place(result)


def collect(path: str | Path, step: Step, options: EngineOptions = EngineOptions()) -> Piece:
    """All of :func:`iter_results` as one :class:`Piece` (articles table, step table)."""
    pieces = list(iter_results(path, step, options))
    return Piece(_concat([p.articles for p in pieces]), _concat([p.table for p in pieces]))


def attributions(path: str | Path, *, registry=None, **engine) -> Piece:
    """Articles and attributions of a corpus of any size; ``engine``: fields of :class:`EngineOptions`."""
    return collect(path, attributions_step(registry), EngineOptions(**engine))


def terms(path: str | Path, *, lexicon=None, **engine) -> Piece:
    """Articles and loaded-term hits of a corpus of any size; ``engine``: fields of :class:`EngineOptions`."""
    return collect(path, terms_step(lexicon), EngineOptions(**engine))


def engine_files(path: str | Path) -> list[Path]:
    """The files a corpus path stands for (``.parquet`` too), in the order :func:`load_corpus` reads them."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if not path.is_dir():
        if path.suffix.lower() not in FILE_SUFFIXES:
            raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'}; "
                             "use .txt, .jsonl, .csv or .parquet")
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
    if not files:
        raise InputError(f"{path}: folder holds no .txt, .jsonl, .csv or .parquet file")
    return files


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    non_empty = [frame for frame in frames if len(frame)]
    if not non_empty:
        return frames[0].iloc[0:0].reset_index(drop=True) if frames else pd.DataFrame()
    return pd.concat(non_empty, ignore_index=True)


# ---------------------------------------------------------------- blocks of raw input


@dataclass
class _Block:
    """Raw input for one block: a whole file, a byte range of JSON lines or CSV/Parquet rows of one file."""

    path: Path
    kind: str  # "file", "rows" (data sent along), "bytes" or "row_groups" (read by the worker)
    items: list = field(default_factory=list)
    first_line: int = 1
    first_number: int = 1
    segment: bool = True


def _blocks(files: list[Path], chunk_size: int, segment: bool) -> Iterator[_Block]:
    """Cut the corpus into blocks cheaply: raw lines and rows are parsed in the workers."""
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".txt":
            yield _Block(path, "file", segment=segment)
        elif suffix == ".jsonl":
            yield from _jsonl_byte_ranges(path, chunk_size)
        else:
            rows = _csv_rows(path) if suffix == ".csv" else _parquet_rows(path)
            number = 1
            for batch in _batched(rows, chunk_size):
                yield _Block(path, "rows", batch, first_number=number)
                number += len(batch)


def _csv_rows(path: Path) -> Iterator[dict]:
    reader = csv.DictReader(corpus_module.iter_lines(path))
    try:
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise InputError(f"{path}: CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
        yield from reader
    except csv.Error as err:
        raise InputError(f"{path}: broken CSV ({err})") from None


def _parquet_rows(path: Path) -> Iterator[dict]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the install
        raise InputError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from None
    try:
        table = pq.ParquetFile(path)
        if "text" not in table.schema_arrow.names:
            raise InputError(f"{path}: Parquet file has no 'text' column "
                             f"(columns: {', '.join(table.schema_arrow.names)})")
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            yield from batch.to_pylist()
    except (OSError, ValueError) as err:
        if isinstance(err, InputError):
            raise
        raise InputError(f"{path}: broken Parquet file ({' '.join(str(err).split())})") from None


def _partitions(files: list[Path], chunk_size: int, segment: bool) -> Iterator[_Block]:
    """Dask partitions that the workers read themselves: byte ranges of JSONL, row groups of
    Parquet, whole ``.txt`` and ``.csv`` files."""
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl_byte_ranges(path, chunk_size)
        elif suffix == ".parquet":
            yield from _parquet_row_groups(path, chunk_size)
        else:
            yield _Block(path, "file", segment=segment)


def _jsonl_byte_ranges(path: Path, chunk_size: int) -> Iterator[_Block]:
    """Cut a JSONL file every ``chunk_size`` records by one scan of its raw bytes.

    Lines and records are counted as :func:`analysis.corpus.iter_lines` reads
    them (line breaks ``\\n``, ``\\r\\n`` or ``\\r``; a line of white space is no
    record), but nothing is decoded or sent here: each worker reads, decodes
    and parses its own range and names the line of a bad byte.
    """
    corpus_module.check_not_binary(path)
    with path.open("rb") as handle:
        offset = 3 if handle.read(3) == b"\xef\xbb\xbf" else 0
        handle.seek(offset)
        start, first_line, number, records, line_number = offset, 1, 1, 0, 0
        for raw in handle:
            for line in raw.splitlines(keepends=True) if b"\r" in raw else (raw,):
                line_number += 1
                offset += len(line)
                records += not _is_blank(line)
                if records == chunk_size:
                    yield _Block(path, "bytes", [start, offset], first_line, number)
                    start, first_line, number, records = offset, line_number + 1, number + records, 0
    if records:
        yield _Block(path, "bytes", [start, offset], first_line, number)
    elif number == 1:
        raise InputError(f"{path}: file is empty")


def _is_blank(line: bytes) -> bool:
    """Whether a raw line is white space only as ``str.strip`` sees it (Unicode spaces included)."""
    if 0x20 < line[0] < 0x80:  # printable ASCII first, e.g. the brace of a JSON object: no copy of the line
        return False
    stripped = line.strip()
    if not stripped:
        return True
    if 0x20 < stripped[0] < 0x80:
        return False
    return not line.decode("utf-8", "replace").strip()


def _parquet_row_groups(path: Path, chunk_size: int) -> Iterator[_Block]:
    """Runs of whole row groups holding at least ``chunk_size`` rows, from the file's metadata."""
    import pyarrow.parquet as pq

    try:
        metadata = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: broken Parquet file ({' '.join(str(err).split())})") from None
    groups, rows, number = [], 0, 1
    for index in range(metadata.num_row_groups):
        groups.append(index)
        rows += metadata.row_group(index).num_rows
        if rows >= chunk_size:
            yield _Block(path, "row_groups", groups, first_number=number)
            groups, number, rows = [], number + rows, 0
    if groups or number == 1:
        yield _Block(path, "row_groups", groups, first_number=number)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _block_records(block: _Block) -> list[dict]:
    """Article records of a block, with the numbers and messages of a whole-file read."""
    path = block.path
    if block.kind == "bytes":
        start, end = block.items
        with path.open("rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        try:
            lines = io.StringIO(data.decode("utf-8"), newline="")
        except UnicodeDecodeError as err:
            line = block.first_line + len((data[:err.start] + b"?").splitlines()) - 1
            raise corpus_module.decode_error(path, line) from None
        return list(corpus_module.articles_from_jsonl(
            path, lines, first_line=block.first_line, first_number=block.first_number))
    if block.kind == "row_groups":
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(path)
            if "text" not in table.schema_arrow.names:
                raise InputError(f"{path}: Parquet file has no 'text' column "
                                 f"(columns: {', '.join(table.schema_arrow.names)})")
            rows = table.read_row_groups(block.items).to_pylist() if block.items else []
        except (OSError, ValueError) as err:
            if isinstance(err, InputError):
                raise
            raise InputError(f"{path}: broken Parquet file ({' '.join(str(err).split())})") from None
        return [corpus_module.article_record(path, row, number, f"row {number}")
                for number, row in enumerate(rows, start=block.first_number)]
    if block.kind == "rows":
        return [corpus_module.article_record(path, row, number, f"row {number}")
                for number, row in enumerate(block.items, start=block.first_number)]
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return list(corpus_module.iter_articles(path, segment=block.segment))
    if suffix == ".jsonl":
        return list(corpus_module.articles_from_jsonl(path, corpus_module.iter_lines(path)))
    rows = _csv_rows(path) if suffix == ".csv" else _parquet_rows(path)
    return [corpus_module.article_record(path, row, number, f"row {number}")
            for number, row in enumerate(rows, start=1)]


# ---------------------------------------------------------------- running one block (in a worker)


@dataclass
class _BlockResult:
    """What a worker sends back: ids as read and as numbered in the block, its paragraph count, its
    tables numbered from 1 (or, with an output format, its rows encoded), new cache entries."""

    raw_ids: list[str]
    local_ids: list[str]
    n_paragraphs: int
    articles: pd.DataFrame | None
    table: pd.DataFrame | None
    rows: EncodedRows | None
    new_entries: list[tuple[str, bytes]]
    columns: list[str] | None
    dtypes: dict[str, str] | None


def _analyse_block(block: _Block, step: Step, chunk_size: int, cache: Cache | None,
                   fmt: str | None = None) -> _BlockResult:
    records = _block_records(block)
    raw_ids = [record["id"] for record in records]
    keys = [cache.key(record) for record in records] if cache else []
    seen: dict[str, int] = {}
    next_paragraph, articles, tables, entries = 1, [], [], []
    columns = dtypes = None
    for start in range(0, len(records), chunk_size):
        chunk = corpus_module.build_tables(records[start:start + chunk_size], first_paragraph=next_paragraph,
                                            seen_ids=seen)
        next_paragraph += len(chunk.paragraphs)
        articles.append(chunk.articles)
        if cache is None:
            tables.append(step(chunk))
            continue
        table, new, shape = cache.run(step, chunk, keys[start:start + chunk_size])
        tables.append(table)
        entries.extend(new)
        if shape is not None and (columns is None or len(table)):
            columns, dtypes = shape
    if not records:
        empty = _empty_chunk()
        articles, tables = [empty.articles], [step(empty)]
    articles, table = _concat(articles), _concat(tables)
    local_ids = articles["article"].tolist()
    rows = encode_table(table, fmt, article_ids=local_ids) if fmt else None
    if rows is not None:
        articles = table = None  # the encoded rows are all the gatherer needs
    return _BlockResult(raw_ids, local_ids, next_paragraph - 1, articles, table, rows, entries, columns, dtypes)


def _empty_chunk() -> Corpus:
    """A chunk without articles (the tables and columns of an empty input)."""
    return corpus_module.build_tables([], first_paragraph=1, seen_ids={})


def _warm_up_chunk() -> Corpus:
    """A one-article chunk of :data:`_WARM_UP_PARAGRAPHS`."""
    record = {"id": "warm-up", "paragraphs": list(_WARM_UP_PARAGRAPHS), "source_file": "warm-up",
              **{name: "" for name in METADATA_FIELDS}}
    return corpus_module.build_tables([record], first_paragraph=1, seen_ids={})


class _Placer:
    """Number blocks into the whole corpus: global paragraph numbers and unique article ids."""

    def __init__(self) -> None:
        self.next_paragraph = 1
        self.seen: dict[str, int] = {}

    def place(self, result: _BlockResult) -> tuple[list[str], int]:
        """The block's article ids in the whole corpus and the number to add to its paragraph numbers."""
        renamed = [{"id": article_id} for article_id in result.raw_ids]
        corpus_module.unique_ids(renamed, self.seen)
        offset = self.next_paragraph - 1
        self.next_paragraph += result.n_paragraphs
        return [record["id"] for record in renamed], offset


def _placed_piece(result: _BlockResult, article_ids: list[str], paragraph_offset: int) -> Piece:
    """The block's tables (fresh frames: changed in place) with global ids and paragraph numbers."""
    articles, table = result.articles, result.table
    if result.local_ids != article_ids:
        articles["article"] = article_ids
        if "article" in table.columns:
            table["article"] = table["article"].map(dict(zip(result.local_ids, article_ids)))
    if "paragraph" in table.columns and paragraph_offset:
        table["paragraph"] = table["paragraph"] + paragraph_offset
    return Piece(articles, table)


# ---------------------------------------------------------------- encoded output


OUTPUT_FORMATS = ("jsonl", "csv")
PLACED_COLUMNS = ("article", "paragraph")
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_JSON_STRING = json.encoder.encode_basestring  # what that encoder does with a str, without its checks


@dataclass
class EncodedRows:
    """A table's rows as CSV or JSON lines, with its leading ``article``/``paragraph`` columns left open.

    Row ``i`` is ``template.format(*lead values, tails[i])``: :meth:`text`
    fills the lead columns (``lead``, in table order) with the global id of
    the row's article (``article_at[i]``: its position among the block's
    articles) and its paragraph number plus an offset.
    """

    fmt: str
    header: str  # the CSV header line; "" for JSON lines
    template: str
    lead: tuple[str, ...]
    tails: list[str]
    article_at: np.ndarray
    paragraphs: np.ndarray

    def text(self, article_ids: list[str] = (), paragraph_offset: int = 0) -> str:
        """The rows, with ``article_ids`` for the block's articles and paragraphs moved by ``paragraph_offset``."""
        values = []
        for name in self.lead:
            if name == "article":
                cells = [encode_cell(article_id, self.fmt) for article_id in article_ids]
                values.append([cells[at] for at in self.article_at.tolist()])
            else:
                values.append((self.paragraphs + paragraph_offset).tolist())
        return "".join(map(self.template.format, *values, self.tails))


def encode_table(frame: pd.DataFrame, fmt: str, *, article_ids: list[str] | None = None) -> EncodedRows:
    """Encode a table's rows as ``fmt`` ("jsonl" or "csv"), the same bytes for the same frame.

    With ``article_ids`` (the ids of the block's articles, which its
    ``article`` values are), the table's leading ``article`` and ``paragraph``
    columns are left open for :meth:`EncodedRows.text` to number: each row is
    encoded whole, then its lead is cut off by length (the template's own
    characters, :func:`encode_cell` of its article id, the digits of its
    paragraph number), so the rest of the row is exactly what the encoder wrote.
    """
    lead: tuple[str, ...] = ()
    if article_ids is not None:
        for name in frame.columns:
            if name not in PLACED_COLUMNS or name in lead:
                break
            lead += (name,)
        if any(name in frame.columns and name not in lead for name in PLACED_COLUMNS):
            raise EngineError(f"a step's table must begin with its {' and '.join(PLACED_COLUMNS)} columns "
                              f"(columns: {', '.join(map(str, frame.columns))})")
        if "paragraph" in lead and frame["paragraph"].dtype.kind not in "iu":
            raise EngineError(f"a step's paragraph numbers must be integers, not {frame['paragraph'].dtype}")
    if fmt == "csv":
        header = frame.head(0).to_csv(index=False, lineterminator="\n")
        head = ",".join("{}" for _ in lead)
    else:
        header = ""
        keys = [encode_cell(name, fmt).replace("{", "{{").replace("}", "}}") for name in lead]
        head = "{{" + ", ".join(f"{key}: {{}}" for key in keys) if lead else ""
    lines = _encoded_lines(frame, fmt)
    # each row's lead is the head's own characters plus its article cell and paragraph number
    lead_chars = np.full(len(frame), len(head.format(*[""] * len(lead))), dtype=np.int64)
    article_at = paragraphs = np.zeros(0, dtype=np.int64)
    if "article" in lead:
        article_at = pd.Index(article_ids).get_indexer(frame["article"])
        if (article_at < 0).any():
            raise EngineError("a step gave rows for an article that is not in its chunk")
        cell_chars = np.array([len(encode_cell(article_id, fmt)) for article_id in article_ids], dtype=np.int64)
        lead_chars += cell_chars[article_at]
    if "paragraph" in lead:
        paragraphs = frame["paragraph"].to_numpy(dtype=np.int64)
        lead_chars += np.char.str_len(paragraphs.astype(str))
    tails = [line[chars:] for line, chars in zip(lines, lead_chars.tolist())]
    return EncodedRows(fmt, header, head + "{}\n", lead, tails, article_at, paragraphs)


def encode_cell(value: str, fmt: str) -> str:
    """One text value as a CSV field or a JSON string, as in an encoded row."""
    if fmt != "csv":
        return _JSON_STRING(value)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([value, ""])  # a second field: a lone "" would be quoted
    return buffer.getvalue()[:-2]


def _encoded_lines(frame: pd.DataFrame, fmt: str) -> list[str]:
    """Each row of a frame as one CSV record (pandas' ``to_csv``) or JSON object, without its line break."""
    if fmt == "csv":
        return _csv_records(frame.to_csv(index=False, header=False, lineterminator="\n"))
    keys = list(frame.columns)
    columns = [_json_values(frame.iloc[:, index]) for index in range(len(keys))]
    return [_JSON_ENCODE(dict(zip(keys, row))) for row in zip(*columns)]


def _csv_records(text: str) -> list[str]:
    """CSV text cut into records: a line break inside a quoted field (odd count of quotes so far) is kept."""
    records, pending = [], None
    for line in text.split("\n")[:-1]:
        pending = line if pending is None else pending + "\n" + line
        if pending.count('"') % 2 == 0:
            records.append(pending)
            pending = None
    return records


def _json_values(column: pd.Series) -> list:
    """A column's values as JSON values: Python numbers, None for NaN, lists for tuples."""
    values = column.tolist()
    if column.dtype.kind in "iub":
        return values
    if column.dtype.kind == "f":
        return [None if value != value else value for value in values]
    if all(type(value) is str for value in values):  # text, the common case: nothing to turn
        return values
    return [_plain(value) for value in values]


def _plain(value):
    """Turn a numpy scalar, NaN or tuple into a JSON value."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, str)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- local engine


def _run_local(files, step, options: EngineOptions, cache, fmt) -> Iterator[_BlockResult]:
    blocks = _blocks(files, options.chunk_size, options.segment)
    reader = cache.reader() if cache else None
    first = next(blocks, None)
    if first is None:
        return
    if options.n_workers == 1:
        yield _analyse_block(first, step, options.chunk_size, reader, fmt)
        for block in blocks:
            yield _analyse_block(block, step, options.chunk_size, reader, fmt)
        return
    second = next(blocks, None)
    if second is None:  # one block: a pool would only add start-up time
        yield _analyse_block(first, step, options.chunk_size, reader, fmt)
        return
    yield from _run_pool([first, second], blocks, step, options, reader, fmt)


def _run_pool(head: list[_Block], blocks: Iterator[_Block], step, options: EngineOptions, reader, fmt):
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _pool_context()
    forking = context.get_start_method() == "fork"
    if forking:
        if step.prepare is not None:
            step.prepare(**dict(step.options))
        # The workers inherit every object made so far (modules, tables, patterns); frozen, the cyclic
        # collector of each worker neither walks them again nor writes to their pages (copy on write).
        # Unfrozen once the pool is done, so this process's own objects are collected as before.
        gc.freeze()
    limit = 2 * options.n_workers
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=options.n_workers, mp_context=context) as pool:
        try:
            for block in itertools.chain(head, blocks):
                pending.append((block, pool.submit(_analyse_block, block, step, options.chunk_size, reader, fmt)))
                if len(pending) >= limit:
                    yield _result_of(*pending.popleft())
            while pending:
                yield _result_of(*pending.popleft())
        except BrokenProcessPool:
            raise EngineError(f"a worker process died while analysing {pending[0][0].path}"
                              if pending else "a worker process died") from None
        finally:
            for _, future in pending:
                future.cancel()
            if forking:
                gc.unfreeze()


def _pool_context():
    """``fork`` (no start-up cost) from a single-threaded process, else ``forkserver`` (fork is unsafe with threads)."""
    import multiprocessing
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["analysis.engine", "analysis.corpus", "pandas"])
    return context


def _result_of(block: _Block, future) -> _BlockResult:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise EngineError(f"a worker process died while analysing {block.path}; no output written") from None


# ---------------------------------------------------------------- dask engine


def _run_dask(files, step, options: EngineOptions, cache, fmt) -> Iterator[_BlockResult]:
    """One task per partition, gathered in input order with at most 2 tasks per worker in flight."""
    try:
        from distributed import Client, LocalCluster
        from distributed.scheduler import KilledWorker
    except ImportError:
        raise EngineError('--engine dask needs dask.distributed: pip install "dask[distributed]"') from None
    import logging

    quiet = logging.CRITICAL
    logging.getLogger("distributed").setLevel(quiet)
    cluster = None
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            reason = " ".join(str(err).split()) or type(err).__name__
            raise EngineError(f"cannot reach the Dask scheduler at {options.scheduler} ({reason})") from None
    else:
        cluster = LocalCluster(n_workers=options.n_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=":0", silence_logs=quiet)
        client = Client(cluster)
    reader = cache.reader() if cache else None
    try:
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or options.n_workers)
        pending: deque = deque()
        for block in _partitions(files, options.chunk_size, options.segment):
            pending.append((block.path, client.submit(_analyse_block, block, step, options.chunk_size, reader, fmt,
                                                      pure=False)))
            if len(pending) >= limit:
                yield _dask_result(*pending.popleft(), KilledWorker)
        while pending:
            yield _dask_result(*pending.popleft(), KilledWorker)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_result(path: Path, future, killed_worker: type) -> _BlockResult:
    try:
        return future.result()
    except killed_worker:
        raise EngineError(f"a Dask worker died while analysing {path}; no output written") from None
    except (OSError, TimeoutError, CancelledError) as err:
        raise EngineError(f"lost the Dask scheduler while analysing {path} ({type(err).__name__}); "
                          "no output written") from None


# ---------------------------------------------------------------- cache


def fingerprint(step: Step) -> str:
    """SHA-256 of what a step's results depend on besides the article: code, lexicons, options, user files."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{step.function.__module__}.{step.function.__qualname__}\0".encode())
    for name, value in step.options:
        text = value.to_csv(index=False) if isinstance(value, pd.DataFrame) else repr(value)
        digest.update(f"{name}={text}\0".encode())
    for path in sorted([*PACKAGE.glob("*.py"), *PACKAGE.glob("lexicons/*")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in step.files:
        user = Path(name)
        digest.update(b"\0" + (user.read_bytes() if user.is_file() else name.encode()))
    return digest.hexdigest()


class Cache:
    """Per-article results in ``FOLDER/framing-cache.sqlite``, keyed by content and :func:`fingerprint`."""

    def __init__(self, folder: str | Path, fingerprint: str, *, writable: bool = True) -> None:
        self.folder = Path(folder)
        self.file = self.folder / CACHE_FILE
        self.fingerprint = fingerprint
        self.writable = writable
        if writable:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                with self._connect() as db:
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, rows BLOB)")
                    db.execute("CREATE TABLE IF NOT EXISTS shapes (fingerprint TEXT PRIMARY KEY, shape TEXT)")
            except (OSError, sqlite3.Error) as err:
                raise InputError(f"{self.file}: cannot use as a cache ({err})") from None

    def __getstate__(self):
        return {"folder": self.folder, "fingerprint": self.fingerprint}

    def __setstate__(self, state) -> None:
        self.__init__(state["folder"], state["fingerprint"], writable=False)

    def reader(self) -> Cache:
        """A read-only handle for workers."""
        return Cache(self.folder, self.fingerprint, writable=False)

    def _connect(self) -> sqlite3.Connection:
        if self.writable:
            return sqlite3.connect(self.file, timeout=60)
        return sqlite3.connect(f"file:{self.file}?mode=ro", uri=True, timeout=60)

    def key(self, record: dict) -> str:
        """SHA-256 of an article's metadata and paragraph texts under this cache's fingerprint."""
        content = [record.get(name, "") for name in METADATA_FIELDS] + list(record["paragraphs"])
        payload = self.fingerprint + "\0" + json.dumps(content, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _lookup(self, keys: list[str]) -> tuple[dict[str, list], tuple | None]:
        if not self.file.exists():
            return {}, None
        found: dict[str, list] = {}
        with self._connect() as db:
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                marks = ",".join("?" * len(part))
                for key, rows in db.execute(f"SELECT key, rows FROM entries WHERE key IN ({marks})", part):
                    found[key] = pickle.loads(rows)
            shape = db.execute("SELECT shape FROM shapes WHERE fingerprint = ?", (self.fingerprint,)).fetchone()
        return found, (tuple(json.loads(shape[0])) if shape else None)

    def run(self, step: Step, chunk: Corpus, keys: list[str]):
        """The step's table for a chunk, analysing only the articles not cached; and the new entries."""
        hits, shape = self._lookup(keys)
        articles = chunk.articles["article"].tolist()
        missing = [article for article, key in zip(articles, keys) if key not in hits]
        starts = _article_starts(chunk)
        firsts = dict(zip(articles, starts))
        computed_rows: dict[str, list] = {}
        new_entries = []
        if missing or shape is None:
            wanted = chunk.articles["article"].isin(missing)
            sub = Corpus(chunk.articles[wanted].reset_index(drop=True),
                         chunk.paragraphs[chunk.paragraphs["article"].isin(missing)].reset_index(drop=True))
            computed = step(sub)
            shape = (list(computed.columns), {c: str(t) for c, t in computed.dtypes.items()})
            computed_rows = _rows_by_article(computed, missing, firsts)
            new_entries = [(key, pickle.dumps(computed_rows[article], protocol=5))
                           for article, key in zip(articles, keys) if article in computed_rows]
        columns, dtypes = shape
        rows = []
        offset_at = columns.index("paragraph") if "paragraph" in columns else None
        article_at = columns.index("article") if "article" in columns else None
        for article, key, start in zip(articles, keys, starts):
            stored = computed_rows[article] if article in computed_rows else hits[key]
            for row in stored:
                row = list(row)
                if offset_at is not None:
                    row[offset_at] = row[offset_at] + start
                if article_at is not None:
                    row[article_at] = article
                rows.append(row)
        table = pd.DataFrame(rows, columns=columns)
        if rows:
            table = table.astype(dtypes)
        return table, new_entries, (columns, dtypes)

    def store(self, entries: list[tuple[str, bytes]], columns, dtypes) -> None:
        """Write new entries (in this process only)."""
        if not entries and columns is None:
            return
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO entries (key, rows) VALUES (?, ?)", entries)
            if columns is not None:
                known = db.execute("SELECT 1 FROM shapes WHERE fingerprint = ?", (self.fingerprint,)).fetchone()
                if not known or entries:
                    db.execute("INSERT OR REPLACE INTO shapes (fingerprint, shape) VALUES (?, ?)",
                               (self.fingerprint, json.dumps([columns, dtypes])))


def _article_starts(chunk: Corpus) -> list[int]:
    """Number of the first paragraph of each article of a chunk (as if it had one, for empty articles)."""
    number = int(chunk.paragraphs["paragraph"].iloc[0]) if len(chunk.paragraphs) else 1
    starts = []
    for count in chunk.articles["n_paragraphs"].tolist():
        starts.append(number)
        number += count
    return starts


def _rows_by_article(table: pd.DataFrame, articles: list[str], firsts: dict) -> dict[str, list]:
    """Rows of each article as tuples, with paragraph numbers relative to the article (0 = its first)."""
    rows: dict[str, list] = {article: [] for article in articles}
    if table.empty:
        return rows
    columns = list(table.columns)
    offset_at = columns.index("paragraph") if "paragraph" in columns else None
    article_at = columns.index("article")
    for row in table.itertuples(index=False, name=None):
        row = list(row)
        if offset_at is not None:
            row[offset_at] = int(row[offset_at]) - firsts[row[article_at]]
        rows[row[article_at]].append(tuple(row))
    return rows


def clear_cache(folder: str | Path) -> int:
    """Delete the cache in ``folder``; return how many article entries it held."""
    file = Path(folder) / CACHE_FILE
    if not file.exists():
        return 0
    try:
        with sqlite3.connect(file) as db:
            count = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{file}{suffix}").unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as err:
        raise InputError(f"{file}: cannot clear the cache ({err})") from None
    return int(count)


__all__ = [
    "Cache", "DEFAULT_CHUNK_SIZE", "ENGINES", "EncodedRows", "EngineError", "EngineOptions", "OUTPUT_FORMATS",
    "Piece", "Step", "attributions", "attributions_step", "available_cores", "clear_cache", "collect",
    "encode_cell", "encode_table", "engine_files", "fingerprint", "iter_encoded", "iter_results", "terms",
    "terms_step",
]
