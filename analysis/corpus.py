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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv")
METADATA_FIELDS = ("outlet", "title", "date", "url")
ARTICLE_COLUMNS = ["article", "outlet", "title", "date", "url", "n_paragraphs", "n_words", "source_file"]
PARAGRAPH_COLUMNS = ["article", "paragraph", "text", "is_heading"]

_QUOTE_FOLD = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
}
# Runs of spaces become one plain space; a lone plain space is left alone (matching it costs time).
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]{2,}|[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\u00ad]")  # and the soft hyphen: "Chi\u00ad-chiu"
_NEEDS_CLEANING = re.compile(r"[\t\u00ad\u00a0\u2007\u202f\u2000-\u200a\u3000\ufeff\u200b\u200c\u200d\u2060]| {2}")
_WORD = re.compile(r"\w+(?:['\-]\w+)*")
_WORD_CHAR = re.compile(r"\w")
# bytes.translate tables giving 1 for an ASCII word character (or for ' and -, which glue two words) and 0 else
_WORD_BYTES = bytes(int(bool(_WORD_CHAR.match(chr(code)))) for code in range(256))
_GLUE_BYTES = bytes(int(code in b"'-") for code in range(256))
_COUNT_BATCH_CHARS = 1 << 20
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
    """Clean one paragraph for analysis: spaces, invisible marks, quote styles, and quotation marks a scraper
    escaped with a backslash ("Xi\\'s address")."""
    if "\\" in text:
        text = text.replace("\\'", "'").replace('\\"', '"')
    if text.isascii():  # the common case: no quote to fold, and spaces to clean only if doubled or tabs
        needs_cleaning = "  " in text or "\t" in text
    else:  # a few searches and replacements are much faster than str.translate or a regex substitution
        for curly, straight in _QUOTE_FOLD.items():
            if curly in text:
                text = text.replace(curly, straight)
        needs_cleaning = _NEEDS_CLEANING.search(text) is not None
    if needs_cleaning:
        return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()
    return text.strip()


def count_words(text: str) -> int:
    """Number of word tokens (hyphenated and apostrophe words count once)."""
    return len(_WORD.findall(text))


def word_counts(texts: Sequence[str]) -> np.ndarray:
    """:func:`count_words` of every text, vectorised over batches of about a million characters.

    A word is a run of word characters, and a ``'`` or ``-`` with word
    characters on both sides glues two runs into one, so the count of a text
    is its runs minus its glue marks; numpy finds both in one pass. ASCII
    texts (nearly all) are batched apart from the others, which need four
    bytes a character and a look-up of their non-ASCII characters.
    """
    counts = np.zeros(len(texts), dtype=np.int64)
    is_ascii = np.fromiter(map(str.isascii, texts), dtype=bool, count=len(texts))
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    for plain in (True, False):
        indexes = np.flatnonzero(is_ascii == plain)
        batch_numbers = np.cumsum(sizes[indexes]) // _COUNT_BATCH_CHARS
        for batch in np.split(indexes, np.flatnonzero(np.diff(batch_numbers)) + 1):
            if len(batch):
                counts[batch] = _batch_word_counts([texts[index] for index in batch.tolist()], plain)
    return counts


def _batch_word_counts(texts: list[str], plain: bool) -> np.ndarray:
    joined = "\n".join(texts)  # a line break neither is nor glues a word
    if plain:
        raw = joined.encode("ascii")
        word = np.frombuffer(raw.translate(_WORD_BYTES), dtype=bool)
        glue = np.frombuffer(raw.translate(_GLUE_BYTES), dtype=bool)
    else:  # surrogatepass: a lone surrogate can come from a JSON escape
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        distinct = np.unique(codes)
        word = np.isin(codes, distinct[[bool(_WORD_CHAR.match(chr(code))) for code in distinct.tolist()]])
        glue = (codes == ord("'")) | (codes == ord("-"))
    run_starts = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    if word[:1].any():
        run_starts = np.concatenate(([0], run_starts))
    glued = np.flatnonzero(glue[1:-1] & word[:-2] & word[2:]) + 1
    lengths = np.array([len(text) for text in texts])
    begins = np.concatenate(([0], np.cumsum(lengths[:-1] + 1)))
    ends = begins + lengths

    def within_texts(positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(positions, ends) - np.searchsorted(positions, begins)

    return within_texts(run_starts) - within_texts(glued)


def is_heading(text: str) -> bool:
    """A short line without sentence punctuation, such as ``Firm opposition``."""
    bare = text.strip("'\"")
    return (
        bare[:1].isupper()
        and len(bare.split(None, _HEADING_MAX_WORDS)) <= _HEADING_MAX_WORDS  # stops splitting after the limit
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


def check_not_binary(path: Path) -> None:
    """InputError for a file that cannot be read or holds a NUL byte in its first 64 KiB."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if b"\x00" in head:
        raise InputError(f"{path}: binary file, expected UTF-8 text")


def decode_error(path: Path, line: int) -> InputError:
    """The error for a byte that is not UTF-8 on ``line``."""
    return InputError(f"{path}: line {line}: not valid UTF-8 (Latin-1 or another encoding?); convert it to UTF-8")


def _read_text(path: Path) -> str:
    check_not_binary(path)
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise decode_error(path, data[: err.start].count(b"\n") + 1) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iter_lines(path: Path) -> Iterator[str]:
    """Lines of a UTF-8 file, read lazily; an empty file or a bad byte is an InputError."""
    check_not_binary(path)
    seen_text = False
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        try:
            for line in handle:
                seen_text = seen_text or bool(line.strip())
                yield line
        except UnicodeDecodeError:  # the decoder reads ahead of the lines it yields: find the line itself
            raise decode_error(path, _first_undecodable_line(path)) from None
    if not seen_text:
        raise InputError(f"{path}: file is empty")


def _first_undecodable_line(path: Path) -> int:
    """The number of the first line of ``path`` that is not valid UTF-8 (0 if every line is)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 0


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
    texts = [text for record in records for text in record["paragraphs"]]
    sizes = np.array([len(record["paragraphs"]) for record in records], dtype=np.int64)
    words_so_far = np.concatenate(([0], np.cumsum(word_counts(texts))))
    paragraph_ends = np.cumsum(sizes)
    articles = _table({
        "article": [record["id"] for record in records],
        **{field: [record.get(field, "") for record in records] for field in METADATA_FIELDS},
        "n_paragraphs": sizes,
        "n_words": words_so_far[paragraph_ends] - words_so_far[paragraph_ends - sizes],
        "source_file": [record["source_file"] for record in records],
    })
    paragraphs = _table({
        "article": [record["id"] for record in records for _ in record["paragraphs"]],
        "paragraph": np.arange(first_paragraph, first_paragraph + len(texts), dtype=np.int64),
        "text": texts,
        "is_heading": np.fromiter(map(is_heading, texts), dtype=bool, count=len(texts)),
    })
    return Corpus(articles=articles, paragraphs=paragraphs)


def _table(columns: dict[str, list | np.ndarray]) -> pd.DataFrame:
    """A frame built column by column; without rows, text columns are ``object`` as in a frame built from no rows."""
    if len(next(iter(columns.values()))):
        return pd.DataFrame(columns)
    numeric = {name: values.dtype for name, values in columns.items() if isinstance(values, np.ndarray)}
    return pd.DataFrame([], columns=list(columns)).astype(numeric)
