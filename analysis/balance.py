"""How balanced is the quoting? Voice per side, per article and for the corpus.

A *side* is what a record of the attributions frame (one source given a
statement in one paragraph) is counted for:

* ``side="origin"`` (default): ``chinese`` / ``foreign``;
* ``side="category"``: ``official``, ``expert``, ``foreign_media``,
  ``state_media``, ``business``, ``other``;
* a user's own mapping from speaker to side: a ``{speaker: side}`` dict, a
  DataFrame or a CSV file with columns ``speaker`` and ``side``. Names are
  compared case-folded, with white space folded and a leading "the" stripped;
  a record whose speaker is not in the mapping is tried through its
  ``aliases`` (when the frame has them) and otherwise gets the side
  ``unmapped``.

``sides`` lists the sides that get columns and enter the shares and the
balance index (default: all origins, all categories, or every side of the
mapping in sorted order). Records of any other side (``unmapped`` speakers, an
empty origin, a category left out of ``sides``) are counted in
``statements_unmapped`` and left out of every share; pass
``sides=[..., "unmapped"]`` to treat them as a side of their own.

Measures (per article, per outlet/month and for the corpus):

* ``sources_<side>``: distinct speakers (compared like mapping names);
  ``statements_<side>``: records; ``quoted_words_<side>``: words inside
  quotation marks;
* ``statement_share_<side>``, ``quoted_word_share_<side>``: the side's part of
  the listed sides' statements / quoted words;
* ``direct_share_<side>``, ``mixed_share_<side>``: the part of the side's own
  statements that quote whole sentences (``direct``) or a fragment (``mixed``);
  the rest is paraphrase;
* ``voice_share_<side>``: statements weighted by quote type
  (``DEFAULT_VOICE_WEIGHTS``: direct 1, mixed 0.75, indirect 0.5), because a
  side that is only paraphrased has less voice than one quoted verbatim;
* ``first_word`` / ``last_word``: the side of the first / last record in
  paragraph order; ``first_word_<side>`` / ``last_word_<side>`` count the
  articles in which the side has it (0 or 1 on an article row);
* ``balance_index``: normalized Shannon entropy of the statement shares,
  ``-sum(p * ln p) / ln(k)`` over the ``k`` listed sides (``0 ln 0 = 0``). It
  is 0 when one side has every statement and 1 when every side has the same
  number; for two sides at 75/25 it is 0.811. ``voice_balance_index`` is the
  same on voice shares.

Corpus and group rows pool the records (shares are ratios of totals, not means
of article shares) and count a speaker once however many articles quote them.
A row with no statement by the listed sides has NaN shares and index,
``balance_defined`` False and a ``note``; nothing divides by zero.

Also here: :class:`BalanceBuilder` and :func:`balance_in_blocks` (the same
table for a corpus read in blocks, holding corpus counts instead of every
record), :func:`side_shares` (the same measures in long form),
:func:`bootstrap_shares` (corpus shares with intervals over articles),
:func:`balance_by` (per outlet or month), :func:`validity_table` (suite
against gold) and the three figures notebook 04 shows.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import InputError
from analysis.evaluate import (
    CATEGORIES, ORIGINS, QUOTES, category_agreement, normalize_speaker, score_attributions,
)

CORPUS_ROW = "__corpus__"
UNMAPPED = "unmapped"
DEFAULT_VOICE_WEIGHTS = {"direct": 1.0, "mixed": 0.75, "indirect": 0.5}
SHARE_TARGET_POINTS = 3.0
NOTE_NO_ATTRIBUTIONS = "no attributions"
NOTE_NO_LISTED_SIDE = "no statement by the listed sides"
NOTE_ONE_SIDE = "index needs at least two sides"
_REQUIRED_COLUMNS = ("paragraph", "speaker", "quote")
_GROUPINGS = ("outlet", "month")
_SCORE_MEASURES = (
    "precision", "recall", "f1", "tp", "fp", "fn",
    "category_accuracy", "origin_accuracy", "quote_accuracy",
)
VALIDITY_COLUMNS = [
    "measure", "side", "value", "gold", "difference_points", "target_points",
    "suite_all_records", "gold_with_optional", "band_distance_points", "meets_target",
]


# --------------------------------------------------------------------------- sides

def load_side_mapping(mapping: Mapping | pd.DataFrame | str | Path) -> dict[str, str]:
    """Read a speaker -> side mapping into ``{normalized speaker: side}``.

    Accepts a dict, a DataFrame or a CSV path with columns ``speaker`` and
    ``side``. An empty name or side, or one speaker given two different sides,
    raises :class:`InputError` naming the file (or "side mapping") and row.
    """
    if isinstance(mapping, Mapping):
        where, rows = "side mapping", [{"speaker": k, "side": v} for k, v in mapping.items()]
    elif isinstance(mapping, pd.DataFrame):
        where = "side mapping"
        _check_mapping_columns(where, mapping.columns)
        rows = mapping[["speaker", "side"]].to_dict("records")
    else:
        path = Path(mapping)
        where = str(path)
        if not path.is_file():
            raise InputError(f"{where}: no such side mapping file (expected origin, category or a CSV path)")
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            _check_mapping_columns(where, reader.fieldnames or [])
            rows = list(reader)
    table: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        speaker = normalize_speaker(row.get("speaker"))
        value = row.get("side")
        label = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
        if not speaker:
            raise InputError(f"{where}: row {number}: empty speaker")
        if not label:
            raise InputError(f"{where}: row {number}: empty side for {row.get('speaker')!r}")
        if table.get(speaker, label) != label:
            raise InputError(f"{where}: row {number}: {row.get('speaker')!r} already has side {table[speaker]!r}")
        table[speaker] = label
    return table


def _check_mapping_columns(where: str, columns) -> None:
    missing = {"speaker", "side"} - set(columns)
    if missing:
        raise InputError(f"{where}: missing column(s) {', '.join(sorted(missing))} (need speaker, side)")


NAMED_SIDES = ("origin", "category")


def _is_named(side, name: str | None = None) -> bool:
    """Whether ``side`` is "origin" or "category" (or the given one of them), not a mapping."""
    return isinstance(side, str) and side in NAMED_SIDES and (name is None or side == name)


def _resolve_side(side) -> tuple[str | None, dict[str, str] | None]:
    """``("origin"|"category", None)`` or ``(None, mapping)``."""
    if _is_named(side):
        return side, None
    return None, load_side_mapping(side)


def default_sides(side="origin") -> list[str]:
    """The sides that get columns when ``sides`` is not given."""
    return _default_sides(*_resolve_side(side))


def _default_sides(column: str | None, mapping: dict[str, str] | None) -> list[str]:
    if column == "origin":
        return list(ORIGINS)
    if column == "category":
        return list(CATEGORIES)
    return sorted(set(mapping.values()))


def _aliases(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(alias) for alias in value]
    if isinstance(value, str):
        return [alias for alias in value.split(";") if alias.strip()]
    return []


def _mapped_side(row: dict, mapping: dict[str, str]) -> str:
    for name in [row["speaker"], *_aliases(row.get("aliases"))]:
        found = mapping.get(normalize_speaker(name))
        if found is not None:
            return found
    return UNMAPPED


def _prepare(attributions: pd.DataFrame, side, sides, *,
             need_article: bool = True) -> tuple[pd.DataFrame, list[str]]:
    """A working copy (one row per record with its side, in paragraph order) and the listed sides."""
    column, mapping = _resolve_side(side)
    sides = _listed_sides(column, mapping, sides)
    return _records(attributions, column, mapping, need_article=need_article), sides


def _listed_sides(column: str | None, mapping: dict[str, str] | None, sides) -> list[str]:
    sides = _default_sides(column, mapping) if sides is None else [str(name) for name in sides]
    if len(set(sides)) != len(sides):
        raise ValueError(f"sides repeat a value: {sides}")
    return sides


def _records(attributions: pd.DataFrame, column: str | None, mapping: dict[str, str] | None, *,
             need_article: bool = True) -> pd.DataFrame:
    """One row per record (``n`` = 1) with its side, in paragraph order; checks the columns and quote values."""
    required = _REQUIRED_COLUMNS + (("article",) if need_article else ())
    missing = [name for name in required if name not in attributions.columns]
    if column and column not in attributions.columns:
        missing.append(column)
    if missing:
        raise ValueError(f"attributions lack column(s): {', '.join(missing)}")
    unknown = sorted(set(attributions["quote"].astype(str)) - set(QUOTES))
    if unknown:
        raise ValueError(f"attributions: unknown quote value(s) {', '.join(unknown)} (expected {', '.join(QUOTES)})")
    records = pd.DataFrame({
        "article": attributions["article"].astype(str) if need_article else "",
        "paragraph": attributions["paragraph"].astype("int64"),
        "speaker_key": attributions["speaker"].map(normalize_speaker),
        "category": attributions["category"].astype(str) if "category" in attributions.columns else "",
        "quote": attributions["quote"].astype(str),
        "quoted_words": (
            pd.to_numeric(attributions["quoted_words"], errors="coerce").fillna(0).astype("int64")
            if "quoted_words" in attributions.columns else 0
        ),
    }).reset_index(drop=True)
    if column:
        values = attributions[column].reset_index(drop=True)
        records["side"] = values.where(values.notna() & (values.astype(str) != ""), UNMAPPED).astype(str)
    else:
        records["side"] = [_mapped_side(row, mapping) for row in attributions.to_dict("records")]
    records["n"] = np.ones(len(records), dtype="int64")
    records["order"] = np.arange(len(records))
    return records.sort_values(["paragraph", "order"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- measures

def _per_unit_side(records: pd.DataFrame, units: list[str], sides: list[str], value: str | None = None) -> pd.DataFrame:
    """units x sides table of row counts (or sums of ``value``, e.g. ``n`` records), zeros filled."""
    unit_index = pd.Index(units, dtype=object).get_indexer(records["unit"])
    side_index = pd.Index(sides, dtype=object).get_indexer(records["side"])
    keep = (unit_index >= 0) & (side_index >= 0)
    weights = records[value].to_numpy(dtype="float64")[keep] if value else None
    flat = np.bincount(unit_index[keep] * len(sides) + side_index[keep], weights=weights,
                       minlength=len(units) * len(sides))
    return pd.DataFrame(flat.reshape(len(units), len(sides)).astype("float64"),
                        index=pd.Index(units, dtype=object), columns=sides)


def _shares(counts: pd.DataFrame) -> pd.DataFrame:
    totals = counts.sum(axis=1)
    return counts.div(totals.where(totals > 0), axis=0)


def normalized_entropy(shares: np.ndarray) -> np.ndarray:
    """Balance index per row: ``-sum(p ln p) / ln k``; NaN for a NaN row or k < 2."""
    shares = np.atleast_2d(np.asarray(shares, dtype="float64"))
    k = shares.shape[1]
    if k < 2:
        return np.full(shares.shape[0], np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(shares > 0, shares * np.log(np.where(shares > 0, shares, 1.0)), 0.0)
    index = -terms.sum(axis=1) / math.log(k)
    index[np.isnan(shares).any(axis=1)] = np.nan
    return np.clip(index, 0.0, 1.0) + 0.0  # + 0.0 turns -0.0 into 0.0


def _first_last(records: pd.DataFrame) -> pd.DataFrame:
    """Per article: side of the first and of the last record (records are in paragraph order)."""
    if records.empty:
        return pd.DataFrame(columns=["first_word", "last_word"], dtype=object)
    grouped = records.groupby("article", sort=False)["side"]
    return pd.DataFrame({"first_word": grouped.first(), "last_word": grouped.last()})


def _measure_blocks(records: pd.DataFrame, units: list[str], sides: list[str], voice_weights,
                    article_unit: dict[str, str] | None) -> dict:
    """Every per-side measure as a units x sides frame (first/last word only with ``article_unit``).

    ``records`` may be single records or a tally (:func:`_tally`): a row
    stands for ``n`` records and ``quoted_words`` is their sum.
    """
    listed = records[records["side"].isin(sides)]
    sources = _per_unit_side(listed.drop_duplicates(["unit", "side", "speaker_key"]), units, sides)
    quoted = _per_unit_side(listed, units, sides, "quoted_words")
    by_quote = {quote: _per_unit_side(listed[listed["quote"] == quote], units, sides, "n") for quote in QUOTES}
    statements = sum(by_quote.values())
    with np.errstate(divide="ignore", invalid="ignore"):
        own_total = statements.where(statements > 0)
        blocks = {
            "sources": sources,
            "statements": statements,
            "quoted_words": quoted,
            **by_quote,
            "statement_share": _shares(statements),
            "quoted_word_share": _shares(quoted),
            "direct_share": by_quote["direct"] / own_total,
            "mixed_share": by_quote["mixed"] / own_total,
        }
    if voice_weights is not None:
        weights = _voice_weights(voice_weights)
        voice = sum(by_quote[quote] * weights[quote] for quote in QUOTES)
        blocks["voice"] = voice
        blocks["voice_share"] = _shares(voice)
    if article_unit is None:
        return blocks
    first_last = _first_last(records).reindex(list(article_unit))
    for which in ("first_word", "last_word"):
        frame = pd.DataFrame({"unit": [article_unit[a] for a in first_last.index],
                              "side": first_last[which].to_numpy()})
        frame = frame.dropna()
        blocks[which] = _per_unit_side(frame, units, sides)
    return blocks


def _voice_weights(voice_weights: Mapping) -> dict[str, float]:
    missing = [quote for quote in QUOTES if quote not in voice_weights]
    if missing:
        raise ValueError(f"voice_weights lack quote type(s): {', '.join(missing)}")
    return {quote: float(voice_weights[quote]) for quote in QUOTES}


def _totals(records: pd.DataFrame, units: list[str], sides: list[str]) -> pd.DataFrame:
    grouped = records.groupby("unit")
    totals = pd.DataFrame({
        "statements": grouped["n"].sum(),
        "sources": grouped["speaker_key"].nunique(),
        "quoted_words": grouped["quoted_words"].sum(),
        "statements_unmapped": records[~records["side"].isin(sides)].groupby("unit")["n"].sum(),
    })
    return totals.reindex(units).fillna(0).astype("int64")


def _defined_and_note(totals: pd.DataFrame, listed_statements: pd.Series, n_sides: int) -> tuple[pd.Series, pd.Series]:
    note = pd.Series("", index=totals.index, dtype=object)
    note[listed_statements == 0] = NOTE_NO_LISTED_SIDE
    note[totals["statements"] == 0] = NOTE_NO_ATTRIBUTIONS
    if n_sides < 2:
        note[note == ""] = NOTE_ONE_SIDE
    return note == "", note


_COUNT_BLOCKS = ("sources", "statements", "quoted_words")
_SHARE_BLOCKS = ("statement_share", "quoted_word_share", "direct_share", "mixed_share")


def _wide(blocks: dict, totals: pd.DataFrame, sides: list[str], category_blocks: dict | None) -> pd.DataFrame:
    """One row per unit: totals, per-side blocks, first/last counts, index."""
    columns = {name: totals[name] for name in ("statements", "sources", "quoted_words", "statements_unmapped")}
    for block in _COUNT_BLOCKS:
        for side in sides:
            columns[f"{block}_{side}"] = blocks[block][side].astype("int64")
    for block in _SHARE_BLOCKS + (("voice_share",) if "voice_share" in blocks else ()):
        for side in sides:
            columns[f"{block}_{side}"] = blocks[block][side]
    for block in ("first_word", "last_word"):
        for side in sides:
            columns[f"{block}_{side}"] = blocks[block][side].astype("int64")
    if category_blocks is not None:
        for block in ("sources", "statements"):
            for category in CATEGORIES:
                columns[f"{block}_category_{category}"] = category_blocks[block][category].astype("int64")
    wide = pd.DataFrame(columns)
    wide["balance_index"] = normalized_entropy(blocks["statement_share"][sides].to_numpy())
    if "voice_share" in blocks:
        wide["voice_balance_index"] = normalized_entropy(blocks["voice_share"][sides].to_numpy())
    defined, note = _defined_and_note(totals, blocks["statements"].sum(axis=1), len(sides))
    wide["balance_defined"] = defined.astype(bool)
    wide["note"] = note
    return wide


def _article_order(records: pd.DataFrame, articles: pd.DataFrame | None) -> list[str]:
    """Articles in the order of the articles table, then any others sorted."""
    listed = [] if articles is None else [str(a) for a in articles["article"]]
    seen = set(listed)
    return listed + sorted(set(records["article"]) - seen)


def _compute(records: pd.DataFrame, units: list[str], article_unit: dict[str, str], sides: list[str],
             voice_weights, with_categories: bool) -> tuple[dict, pd.DataFrame, dict | None]:
    records = records.assign(unit=records["article"].map(article_unit))
    records = records[records["unit"].notna()]
    blocks = _measure_blocks(records, units, sides, voice_weights, article_unit)
    totals = _totals(records, units, sides)
    category_blocks = None
    if with_categories:
        by_category = records.assign(side=records["category"])
        category_blocks = _measure_blocks(by_category, units, list(CATEGORIES), None, None)
    return blocks, totals, category_blocks


def balance_table(attributions: pd.DataFrame, articles: pd.DataFrame | None, *, side="origin",
                  sides: Sequence[str] | None = None,
                  voice_weights: Mapping[str, float] | None = DEFAULT_VOICE_WEIGHTS) -> pd.DataFrame:
    """Quote balance per article plus a final corpus row (``level`` "article" / "corpus").

    ``side``: "origin", "category" or a speaker -> side mapping (dict,
    DataFrame, CSV path); ``sides``: the sides that get columns (module
    docstring). Every article of ``articles`` gets a row, in its order, even
    with no attribution (zeros, NaN shares, ``balance_defined`` False); the
    corpus row has ``article == "__corpus__"``. When ``side`` is not
    "category", ``sources_category_*`` / ``statements_category_*`` add the
    counts by category. ``voice_weights=None`` leaves out the voice columns.
    The inputs are not modified. For a corpus read in blocks, use
    :class:`BalanceBuilder` (same rows, memory flat).
    """
    builder = BalanceBuilder(side=side, sides=sides, voice_weights=voice_weights)
    article_rows = builder.add(attributions, articles)
    return pd.concat([article_rows, builder.corpus_row()], ignore_index=True)


_TALLY_KEYS = ["side", "category", "speaker_key", "quote"]
_LEAD_COLUMNS = ["level", "article", "statements", "sources", "quoted_words", "statements_unmapped",
                 "first_word", "last_word"]


class BalanceBuilder:
    """:func:`balance_table` block by block, for corpora too large to hold their attributions.

    ``add(attributions, articles)`` returns the article rows of one block (the
    block's articles and their records) and keeps only additive corpus
    counts: records and quoted words per (side, category, speaker, quote
    type) and first/last-word counts per side, so memory grows with the
    number of distinct speakers, never with the number of records.
    ``corpus_row()`` gives the corpus row. The rows of every ``add`` followed
    by ``corpus_row()`` are exactly :func:`balance_table` of the whole corpus,
    because every article measure depends on that article's records only.
    """

    def __init__(self, *, side="origin", sides: Sequence[str] | None = None,
                 voice_weights: Mapping[str, float] | None = DEFAULT_VOICE_WEIGHTS) -> None:
        self._column, self._mapping = _resolve_side(side)
        self.sides = _listed_sides(self._column, self._mapping, sides)
        self.voice_weights = voice_weights
        self._with_categories: bool | None = None
        self._tally: pd.DataFrame | None = None
        self._first_last = {which: np.zeros(len(self.sides), dtype="int64") for which in ("first_word", "last_word")}

    def add(self, attributions: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
        """The article rows of one block; its records join the corpus counts."""
        records = _records(attributions, self._column, self._mapping)
        if self._with_categories is None:
            self._with_categories = self._column != "category" and "category" in attributions.columns
        order = _article_order(records, articles)
        blocks, totals, category_blocks = _compute(records, order, {article: article for article in order},
                                                   self.sides, self.voice_weights, self._with_categories)
        rows = _wide(blocks, totals, self.sides, category_blocks)
        first_last = _first_last(records).reindex(order)
        rows.insert(0, "first_word", first_last["first_word"].fillna("").to_numpy())
        rows.insert(1, "last_word", first_last["last_word"].fillna("").to_numpy())
        for which, counts in self._first_last.items():
            counts += blocks[which][self.sides].to_numpy().sum(axis=0).astype("int64")
        tally = _tally(records)
        self._tally = tally if self._tally is None else _tally(pd.concat([self._tally, tally], ignore_index=True))
        return _finish(rows, "article")

    def corpus_row(self) -> pd.DataFrame:
        """The corpus row: records pooled over every block added, each speaker counted once."""
        tally = self._tally if self._tally is not None else _EMPTY_TALLY
        records = tally.assign(unit=CORPUS_ROW)
        blocks = _measure_blocks(records, [CORPUS_ROW], self.sides, self.voice_weights, None)
        for which, counts in self._first_last.items():
            blocks[which] = pd.DataFrame([counts.astype("float64")], index=pd.Index([CORPUS_ROW], dtype=object),
                                         columns=self.sides)
        totals = _totals(records, [CORPUS_ROW], self.sides)
        category_blocks = None
        if self._with_categories:
            by_category = records.assign(side=records["category"])
            category_blocks = _measure_blocks(by_category, [CORPUS_ROW], list(CATEGORIES), None, None)
        row = _wide(blocks, totals, self.sides, category_blocks)
        row.insert(0, "first_word", "")
        row.insert(1, "last_word", "")
        return _finish(row, "corpus")


BLOCK_ARTICLES = 2000


def balance_in_blocks(pieces: Iterable[tuple[pd.DataFrame, pd.DataFrame]], *, side="origin",
                      sides: Sequence[str] | None = None,
                      voice_weights: Mapping[str, float] | None = DEFAULT_VOICE_WEIGHTS,
                      block_articles: int = BLOCK_ARTICLES) -> Iterator[pd.DataFrame]:
    """:func:`balance_table` of a corpus given as ``(attributions, articles)`` pieces in corpus order.

    Yields the article rows of every ``block_articles`` articles or so (small
    pieces are gathered first: each block has a fixed pandas cost), then the
    corpus row, holding at most one block of records at a time.
    """
    builder = BalanceBuilder(side=side, sides=sides, voice_weights=voice_weights)
    tables, articles, held = [], [], 0
    for table, piece_articles in pieces:
        tables.append(table)
        articles.append(piece_articles)
        held += len(piece_articles)
        if held >= block_articles:
            yield builder.add(_joined(tables), _joined(articles))
            tables, articles, held = [], [], 0
    if tables:
        yield builder.add(_joined(tables), _joined(articles))
    yield builder.corpus_row()


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _tally(records: pd.DataFrame) -> pd.DataFrame:
    """Records summed per (side, category, speaker, quote type): ``n`` records, their quoted words."""
    grouped = records.groupby(_TALLY_KEYS, sort=False, dropna=False)
    return grouped.agg(n=("n", "sum"), quoted_words=("quoted_words", "sum")).reset_index()


_EMPTY_TALLY = pd.DataFrame({**{key: pd.Series(dtype=object) for key in _TALLY_KEYS},
                             "n": pd.Series(dtype="int64"), "quoted_words": pd.Series(dtype="int64")})


def _finish(rows: pd.DataFrame, level: str) -> pd.DataFrame:
    """Wide rows indexed by unit -> the published column order with ``level`` and ``article`` first."""
    rows.insert(0, "article", rows.index.astype(str))
    rows.insert(0, "level", level)
    rows = rows.reset_index(drop=True)
    return rows[_LEAD_COLUMNS + [c for c in rows.columns if c not in _LEAD_COLUMNS]]


SIDE_SHARE_COLUMNS = [
    "level", "article", "side", "sources", "statements", "quoted_words", "direct", "mixed", "indirect",
    "statement_share", "quoted_word_share", "direct_share", "mixed_share", "voice", "voice_share",
    "first_word", "last_word",
]


def side_shares(attributions: pd.DataFrame, articles: pd.DataFrame | None, *, side="origin",
                sides: Sequence[str] | None = None,
                voice_weights: Mapping[str, float] | None = DEFAULT_VOICE_WEIGHTS) -> pd.DataFrame:
    """The per-side measures of :func:`balance_table` in long form.

    One row per (article, side) and per side for the corpus (``level``
    "article"/"corpus", ``article`` "__corpus__"), sides in ``sides`` order,
    every side present (zeros where it is silent). ``first_word`` /
    ``last_word`` count the articles in which the side has it. Voice columns
    are NaN when ``voice_weights`` is None.
    """
    records, sides = _prepare(attributions, side, sides)
    order = _article_order(records, articles)
    frames = []
    for level, units, article_unit in (
        ("article", order, {a: a for a in order}),
        ("corpus", [CORPUS_ROW], {a: CORPUS_ROW for a in order}),
    ):
        blocks, _, _ = _compute(records, units, article_unit, sides, voice_weights, False)
        long = {}
        for name in SIDE_SHARE_COLUMNS[3:]:
            block = blocks.get(name)
            long[name] = (block.stack(future_stack=True) if block is not None
                          else pd.DataFrame(np.nan, index=units, columns=sides).stack(future_stack=True))
        frame = pd.DataFrame(long)
        frame.index = frame.index.set_names(["article", "side"])
        frame = frame.reset_index()
        frame.insert(0, "level", level)
        frames.append(frame)
    tidy = pd.concat(frames, ignore_index=True)
    for name in ("sources", "statements", "quoted_words", "direct", "mixed", "indirect", "first_word", "last_word"):
        tidy[name] = tidy[name].astype("int64")
    return tidy[SIDE_SHARE_COLUMNS]


# --------------------------------------------------------------------------- uncertainty

BOOTSTRAP_COLUMNS = ["side", "statements", "share", "ci_low", "ci_high", "ci", "n_boot", "n_articles"]
_BOOTSTRAP_CELLS = 2_000_000


def bootstrap_shares(attributions: pd.DataFrame, articles: pd.DataFrame | None, *, side="origin",
                     sides: Sequence[str] | None = None, n_boot: int = 2000, seed: int = 0,
                     ci: float = 0.95) -> pd.DataFrame:
    """Corpus share of statements per side with percentile bootstrap intervals.

    Articles (every article of ``articles``, silent ones included) are
    resampled with replacement ``n_boot`` times; each replicate's share is
    its pooled side count over its pooled count of the listed sides. The
    interval holds the central ``ci`` of the replicate shares (replicates with
    no statement are left out). Seeded: the same inputs and seed give the same
    numbers.
    """
    if n_boot < 1:
        raise ValueError("n_boot must be at least 1")
    if not 0 < ci < 1:
        raise ValueError("ci must lie strictly between 0 and 1")
    records, sides = _prepare(attributions, side, sides)
    order = _article_order(records, articles)
    counts = _per_unit_side(records[records["side"].isin(sides)].assign(unit=records["article"]), order, sides)
    matrix = counts.to_numpy()
    totals = matrix.sum(axis=0)
    share = totals / totals.sum() if totals.sum() > 0 else np.full(len(sides), np.nan)
    low = high = np.full(len(sides), np.nan)
    n_articles = len(order)
    if n_articles and totals.sum() > 0:
        replicates = _bootstrap_totals(matrix, n_boot, seed)
        sums = replicates.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = np.where(sums > 0, replicates / np.where(sums > 0, sums, 1.0), np.nan)
        tail = (1 - ci) / 2
        low, high = np.nanquantile(shares, [tail, 1 - tail], axis=0)
    return pd.DataFrame({
        "side": sides,
        "statements": totals.astype("int64"),
        "share": share,
        "ci_low": low,
        "ci_high": high,
        "ci": ci,
        "n_boot": n_boot,
        "n_articles": n_articles,
    })[BOOTSTRAP_COLUMNS]


def _bootstrap_totals(matrix: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """n_boot x sides pooled counts of article resamples, in blocks to bound memory."""
    rng = np.random.default_rng(seed)
    n = matrix.shape[0]
    block = max(1, _BOOTSTRAP_CELLS // n)
    out = np.empty((n_boot, matrix.shape[1]))
    for start in range(0, n_boot, block):
        size = min(block, n_boot - start)
        draws = rng.integers(0, n, size=(size, n))
        offsets = (np.arange(size) * n)[:, None]
        multiplicity = np.bincount((draws + offsets).ravel(), minlength=size * n).reshape(size, n)
        out[start:start + size] = multiplicity @ matrix
    return out


# --------------------------------------------------------------------------- outlets and months

def _group_keys(articles: pd.DataFrame | None, by: str) -> pd.Series:
    """article -> outlet or YYYY-MM month; articles without the field are left out."""
    if by not in _GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(_GROUPINGS)}, got {by!r}")
    field = "outlet" if by == "outlet" else "date"
    if articles is None or field not in articles.columns:
        return pd.Series(dtype=object)
    values = articles.set_index(articles["article"].astype(str))[field]
    if by == "outlet":
        keys = values.where(values.notna(), "").astype(str).str.strip()
    else:
        dates = pd.to_datetime(values.where(values.notna(), "").astype(str).str.strip(), format="%Y-%m-%d",
                               errors="coerce")
        keys = dates.dt.strftime("%Y-%m").where(dates.notna(), "")
    return keys[keys != ""]


def balance_by(attributions: pd.DataFrame, articles: pd.DataFrame | None, *, by: str = "outlet", side="origin",
               sides: Sequence[str] | None = None,
               voice_weights: Mapping[str, float] | None = DEFAULT_VOICE_WEIGHTS) -> pd.DataFrame:
    """The measures of :func:`balance_table` per outlet or per month (``articles.date`` YYYY-MM-DD).

    One row per group, sorted by its key (column ``outlet`` or ``month``),
    with ``n_articles``; records are pooled within a group. Articles without
    an outlet or a valid date are left out; with no such metadata at all the
    frame is empty but has the same columns.
    """
    records, sides = _prepare(attributions, side, sides)
    keys = _group_keys(articles, by)
    groups = sorted(set(keys))
    article_unit = keys.to_dict()
    with_categories = not _is_named(side, "category") and "category" in attributions.columns
    blocks, totals, category_blocks = _compute(records, groups, article_unit, sides, voice_weights, with_categories)
    table = _wide(blocks, totals, sides, category_blocks)
    n_articles = keys.value_counts().reindex(groups).fillna(0).astype("int64")
    table.insert(0, "n_articles", n_articles.to_numpy())
    table.insert(0, by, table.index.astype(str))
    table.insert(0, "level", by)
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- validity

def corpus_statement_shares(attributions: pd.DataFrame, *, side="origin",
                            sides: Sequence[str] | None = None) -> pd.Series:
    """Share of the listed sides' statements per side (no ``article`` needed); NaN when none."""
    records, sides = _prepare(attributions, side, sides, need_article=False)
    counts = records["side"].value_counts().reindex(sides).fillna(0)
    total = counts.sum()
    return counts / total if total > 0 else counts * np.nan


def scored_predictions(score) -> pd.DataFrame:
    """The predictions the scorer counts: true positives (predicted labels) and false positives.

    Predictions matched to an optional gold record are left out, as the
    scorer lets them count for nothing. True positives keep only the columns
    of ``score.matches`` (paragraph, speaker, category, origin, quote).
    """
    matched = score.matches.rename(columns={
        "predicted_speaker": "speaker", "predicted_category": "category",
        "predicted_origin": "origin", "predicted_quote": "quote",
    })[["paragraph", "speaker", "category", "origin", "quote"]]
    return pd.concat([matched, score.extras], ignore_index=True).sort_values("paragraph", kind="stable")


def validity_table(predicted: pd.DataFrame, gold: pd.DataFrame, *, side="origin",
                   sides: Sequence[str] | None = None, target_points: float = SHARE_TARGET_POINTS) -> pd.DataFrame:
    """How far the suite's records and shares are from gold, as one tidy table.

    Rows: the scorer's precision, recall, F1, tp, fp, fn and category /
    origin / quote accuracy, Krippendorff's alpha on category
    (``category_alpha``), then ``statement_share_<origin|category|side>`` per
    side; the two target figures, the share of ``foreign`` sources and of
    ``official`` ones, are always included. ``value`` is the suite's figure.

    Optional gold records are treated as the scorer treats them, counting
    neither way: ``gold`` is the share among REQUIRED gold records and
    ``value`` the share among the predictions the scorer counts (true and
    false positives; those matched to an optional record left out). So a
    suite that finds exactly the required records, or those plus every
    optional one, is 0 points off, and every point of ``difference_points``
    (100 * (value - gold)) comes from missed, spurious or mislabelled
    records. For context, ``suite_all_records`` is the share over every
    prediction (what a balance table of the suite shows) and
    ``gold_with_optional`` the share over every gold record (on the seed the
    optional records alone move the gold foreign share from 30 to 40%);
    ``band_distance_points`` is how far ``suite_all_records`` lies outside the
    band between those two gold shares (0 inside it), in points: roughly the
    error a reader of the suite's own balance table sees. It is context, not a
    verdict: a suite that finds only some of the debatable records can leave
    the band without a single scoring error.
    ``meets_target``: ``|difference_points| <= target_points``.
    """
    score = score_attributions(predicted, gold)
    rows = [{"measure": name, "side": "", "value": float(score.summary[name])} for name in _SCORE_MEASURES]
    rows.append({"measure": "category_alpha", "side": "", "value": category_agreement(score)})
    counted = scored_predictions(score)
    required = gold[~gold["optional"].astype(bool)] if "optional" in gold.columns else gold
    if not _is_named(side):
        side = load_side_mapping(side)  # read a file once, not once per share
    chosen = default_sides(side) if sides is None else list(sides)
    comparisons = [(side, chosen, chosen)]
    if not _is_named(side, "origin"):
        comparisons.append(("origin", ["foreign"], list(ORIGINS)))
    if not _is_named(side, "category"):
        comparisons.append(("category", ["official"], list(CATEGORIES)))
    for kind, shown, all_sides in comparisons:
        shares = {
            name: corpus_statement_shares(frame, side=kind, sides=all_sides)
            for name, frame in (("value", counted), ("suite_all_records", predicted),
                                ("gold", required), ("gold_with_optional", gold))
        }
        label = kind if _is_named(kind) else "side"
        for name in shown:
            difference = 100 * (shares["value"][name] - shares["gold"][name])
            low, high = sorted((shares["gold"][name], shares["gold_with_optional"][name]))
            outside = max(low - shares["suite_all_records"][name], shares["suite_all_records"][name] - high, 0.0)
            rows.append({
                "measure": f"statement_share_{label}",
                "side": name,
                **{column: float(values[name]) for column, values in shares.items()},
                "difference_points": difference,
                "target_points": target_points,
                "band_distance_points": 100 * outside,
                "meets_target": bool(abs(difference) <= target_points) if not math.isnan(difference) else False,
            })
    table = pd.DataFrame(rows, columns=VALIDITY_COLUMNS)
    for column in VALIDITY_COLUMNS[2:-1]:
        table[column] = table[column].astype("float64")
    table["meets_target"] = table["meets_target"].astype(object)
    return table


# --------------------------------------------------------------------------- figures

SIDE_COLORS = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C")
_ROW_INCHES = 0.3


def _stacked_bars(table: pd.DataFrame, *, label: str, segments: Sequence[str], title: str, xlabel: str):
    """Horizontal stacked bars, one per row of ``table`` (first on top), one colour per segment column."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(8.0, max(2.5, 1.2 + _ROW_INCHES * len(table))))
    left = np.zeros(len(table))
    for number, segment in enumerate(segments):
        values = table[segment].to_numpy(dtype="float64")
        axes.barh(range(len(table)), values, left=left, label=str(segment),
                  color=SIDE_COLORS[number % len(SIDE_COLORS)])
        left = left + values
    axes.set_yticks(range(len(table)), [str(value) for value in table[label]])
    axes.set_ylim(len(table) - 0.5, -0.5)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", visible=True)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def shares_by_article_figure(shares: pd.DataFrame, *, max_articles: int = 40):
    """Stacked bars of each article's statement shares by side, from :func:`side_shares`.

    Articles with no statement are left out; when more than ``max_articles``
    remain, those with the most statements are shown (corpus order kept).
    Returns ``(figure, table)``, the table holding the plotted rows (article,
    side, statements, statement_share).
    """
    per_article = shares[shares["level"] == "article"]
    sides = list(dict.fromkeys(per_article["side"]))
    totals = per_article.groupby("article", sort=False)["statements"].sum()
    totals = totals[totals > 0]
    if len(totals) > max_articles:
        kept = set(totals.sort_values(ascending=False, kind="stable").index[:max_articles])
        totals = totals[[article in kept for article in totals.index]]
    table = per_article[per_article["article"].isin(totals.index)][["article", "side", "statements", "statement_share"]]
    wide = (table.pivot(index="article", columns="side", values="statement_share")
            .reindex(index=totals.index, columns=sides).fillna(0.0).reset_index())
    fig = _stacked_bars(wide, label="article", segments=sides, title="Who speaks in each article",
                        xlabel="Share of the article's statements")
    fig.axes[0].set_xlim(0, 1)
    return fig, table.reset_index(drop=True)


def voice_by_quote_figure(shares: pd.DataFrame):
    """Stacked bars of each side's corpus statements by quote type, from :func:`side_shares`.

    Returns ``(figure, table)``: per side, statements, direct, mixed,
    indirect, voice and voice_share.
    """
    table = shares[shares["level"] == "corpus"][["side", "statements", *QUOTES, "voice", "voice_share"]]
    table = table.reset_index(drop=True)
    fig = _stacked_bars(table, label="side", segments=QUOTES, title="Voice by side and quote type",
                        xlabel="Statements")
    return fig, table


def corpus_shares_figure(intervals: pd.DataFrame):
    """Points with bootstrap intervals: the corpus share of statements per side, from :func:`bootstrap_shares`."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(8.0, max(2.5, 1.0 + 0.4 * len(intervals))))
    positions = np.arange(len(intervals))
    errors = np.vstack([intervals["share"] - intervals["ci_low"], intervals["ci_high"] - intervals["share"]])
    axes.errorbar(intervals["share"], positions, xerr=errors, fmt="o", color=SIDE_COLORS[0], capsize=4)
    axes.set_yticks(positions, [str(side) for side in intervals["side"]])
    axes.set_ylim(len(intervals) - 0.5, -0.5)
    axes.set_xlim(0, 1)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", visible=True)
    level = float(intervals["ci"].iloc[0]) if len(intervals) else 0.95
    axes.set_xlabel(f"Share of statements ({level:.0%} bootstrap interval over articles)")
    axes.set_title("Corpus share of statements by side")
    return fig
