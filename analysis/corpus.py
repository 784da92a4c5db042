"""Read a corpus into the two tables every analysis starts from.

``load_corpus(path)`` accepts a ``.txt`` file (one paragraph a line, articles
concatenated without separators: they are found by :mod:`analysis.segment`),
a ``.jsonl`` or ``.csv`` file (one article a row, ``text`` required; ``id``,
``outlet``, ``title``, ``date``, ``url`` optional), or a folder of such files.

It returns a :class:`Corpus` with

* ``articles``: one row per article (``article``, ``outlet``, ``title``,
  ``date``, ``url``, ``n_paragraphs``, ``n_words``, ``source_file``);
* ``paragraphs``: one row per paragraph (``article``, ``paragraph``,
  ``text``, ``is_heading``), numbered from 1 in the order of the whole input,
  continuing across articles and files, as in ``shared/gold/SCHEMA.md``.

Text is normalized for analysis without changing the numbering: byte-order
marks, CRLF, non-breaking and zero-width spaces are cleaned, and curly quotes
are folded to straight ones one character for one, so every module sees a
single double-quote and a single apostrophe character.

Bad input raises :class:`InputError` with a one-line message naming the file
and, where it helps, the line.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv")
METADATA_FIELDS = ("outlet", "title", "date", "url")
ARTICLE_COLUMNS = ["article", "outlet", "title", "date", "url", "n_paragraphs", "n_words", "source_file"]
PARAGRAPH_COLUMNS = ["article", "paragraph", "text", "is_heading"]

_QUOTE_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
})
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060]")
_WORD = re.compile(r"\w+(?:['\-]\w+)*")
_HEADING_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"""[.!?:;,"')\]]\s*$""")


class InputError(ValueError):
    """A corpus that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Corpus:
    """The two tables of a loaded corpus."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame


def normalize_text(text: str) -> str:
    """Clean one paragraph for analysis: spaces, invisible marks, quote styles."""
    text = text.translate(_QUOTE_FOLD)
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # the common case needs no regex
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def count_words(text: str) -> int:
    """Number of word tokens (hyphenated and apostrophe words count once)."""
    return len(_WORD.findall(text))


def is_heading(text: str) -> bool:
    """A short line without sentence punctuation, such as ``Firm opposition``."""
    bare = text.strip("'\"")
    words = bare.split()
    return (
        0 < len(words) <= _HEADING_MAX_WORDS
        and bare[0].isupper()
        and not _SENTENCE_END.search(bare)
    )


def load_corpus(path: str | Path, *, segment: bool = True) -> Corpus:
    """Load a file or folder into a :class:`Corpus`.

    ``segment=False`` keeps each ``.txt`` file as a single article.
    """
    return build_tables(list(iter_articles(path, segment=segment)), first_paragraph=1, seen_ids={})


def iter_corpus(path: str | Path, *, chunk_size: int = 1000, segment: bool = True) -> Iterator[Corpus]:
    """Yield the corpus in chunks of ``chunk_size`` articles, reading files lazily.

    Concatenating the chunks gives exactly the tables of :func:`load_corpus`
    (paragraph numbers and article ids continue across chunks), so memory stays
    flat however large the corpus is.
    """
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, got {chunk_size}")
    next_paragraph, seen_ids, batch = 1, {}, []
    for record in iter_articles(path, segment=segment):
        batch.append(record)
        if len(batch) == chunk_size:
            chunk = build_tables(batch, first_paragraph=next_paragraph, seen_ids=seen_ids)
            next_paragraph += len(chunk.paragraphs)
            batch = []
            yield chunk
    if batch:
        yield build_tables(batch, first_paragraph=next_paragraph, seen_ids=seen_ids)


def corpus_files(path: str | Path) -> list[Path]:
    """The files a corpus path stands for, in reading order; checks that there are some."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not files:
        raise InputError(f"{path}: folder holds no .txt, .jsonl or .csv file")
    return files


def iter_articles(path: str | Path, *, segment: bool = True) -> Iterator[dict]:
    """Yield one record per article (``id``, ``paragraphs``, metadata), file by file."""
    for file in corpus_files(path):
        suffix = file.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise InputError(f"{file}: unsupported file type {suffix or '(none)'}; use .txt, .jsonl or .csv")
        if suffix == ".txt":
            yield from _articles_from_txt(file, _read_text(file), segment=segment)
        elif suffix == ".jsonl":
            yield from articles_from_jsonl(file, iter_lines(file))
        else:
            yield from _articles_from_csv(file, iter_lines(file))


def _check_not_binary(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if b"\x00" in head:
        raise InputError(f"{path}: binary file, expected UTF-8 text")


def _decode_error(path: Path, line: int) -> InputError:
    return InputError(f"{path}: line {line}: not valid UTF-8 (Latin-1 or another encoding?); convert it to UTF-8")


def _read_text(path: Path) -> str:
    _check_not_binary(path)
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _decode_error(path, data[: err.start].count(b"\n") + 1) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iter_lines(path: Path) -> Iterator[str]:
    """Lines of a UTF-8 file, read lazily; an empty file or a bad byte is an InputError."""
    _check_not_binary(path)
    line_number, seen_text = 0, False
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        try:
            for line_number, line in enumerate(handle, start=1):
                seen_text = seen_text or bool(line.strip())
                yield line
        except UnicodeDecodeError:
            raise _decode_error(path, line_number + 1) from None
    if not seen_text:
        raise InputError(f"{path}: file is empty")


def _split_paragraphs(text: str) -> list[str]:
    lines = (normalize_text(line) for line in text.split("\n"))
    return [line for line in lines if line]


def _articles_from_txt(path: Path, text: str, *, segment: bool) -> list[dict]:
    from analysis.segment import find_article_starts

    paragraphs = _split_paragraphs(text)
    if not paragraphs:
        raise InputError(f"{path}: file holds no text")
    starts = find_article_starts(paragraphs) if segment else [1]
    bounds = list(starts) + [len(paragraphs) + 1]
    return [
        {"id": f"{path.stem}-{number:03d}", "paragraphs": paragraphs[begin - 1 : end - 1], "source_file": str(path)}
        for number, (begin, end) in enumerate(zip(bounds, bounds[1:]), start=1)
    ]


def article_record(path: Path, row: dict, number: int, where: str) -> dict:
    text = row.get("text")
    if not isinstance(text, str):
        raise InputError(f"{path}: {where}: no 'text' field" if text is None else f"{path}: {where}: 'text' is not a string")
    record = {
        "id": str(row["id"]) if row.get("id") not in (None, "") else f"{path.stem}-{number:03d}",
        "paragraphs": _split_paragraphs(text),
        "source_file": str(path),
    }
    for field in METADATA_FIELDS:
        value = row.get(field)
        record[field] = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return record


def articles_from_jsonl(path: Path, lines: Iterable[str], *, first_line: int = 1, first_number: int = 1) -> Iterator[dict]:
    """Article records from JSON lines; ``first_line``/``first_number`` place a block of a larger file."""
    number = first_number
    for line_number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}: line {line_number}: broken JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}: line {line_number}: expected a JSON object with a 'text' field")
        yield article_record(path, row, number, f"line {line_number}")
        number += 1


def _articles_from_csv(path: Path, lines: Iterable[str]) -> Iterator[dict]:
    reader = csv.DictReader(lines)
    try:
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise InputError(f"{path}: CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
        for number, row in enumerate(reader, start=1):
            yield article_record(path, row, number, f"row {number}")
    except csv.Error as err:
        raise InputError(f"{path}: broken CSV ({err})") from None


def unique_ids(records: list[dict], seen: dict[str, int]) -> None:
    for record in records:
        base = record["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            record["id"] = f"{base}~{seen[base]}"


def build_tables(records: list[dict], *, first_paragraph: int, seen_ids: dict[str, int]) -> Corpus:
    unique_ids(records, seen_ids)
    article_rows, paragraph_rows = [], []
    number = first_paragraph - 1
    for record in records:
        for text in record["paragraphs"]:
            number += 1
            paragraph_rows.append((record["id"], number, text, is_heading(text)))
        article_rows.append((
            record["id"], *(record.get(field, "") for field in METADATA_FIELDS),
            len(record["paragraphs"]), sum(count_words(text) for text in record["paragraphs"]), record["source_file"],
        ))
    articles = pd.DataFrame(article_rows, columns=ARTICLE_COLUMNS)
    paragraphs = pd.DataFrame(paragraph_rows, columns=PARAGRAPH_COLUMNS)
    articles = articles.astype({"n_paragraphs": "int64", "n_words": "int64"})
    paragraphs = paragraphs.astype({"paragraph": "int64", "is_heading": "bool"})
    return Corpus(articles=articles, paragraphs=paragraphs)
