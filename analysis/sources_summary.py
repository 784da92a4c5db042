"""Who gets a voice: small summaries of attributions for the sources notebook.

They take the tables of :mod:`analysis.attribution` (``extract_attributions``
records and ``count_attributions`` counts) and return new tidy frames in a
fixed order, so a figure and the CSV behind it are the same every run:

* :func:`totals_by`: statements and quoted words per category, origin or quote
  type, with shares, every schema value listed (zero rows included) so charts
  of different corpora line up;
* :func:`per_article_table`: one row per article, one column per value;
* :func:`top_sources`: the most-quoted sources.
"""

from __future__ import annotations

import pandas as pd

from analysis.evaluate import CATEGORIES, ORIGINS, QUOTES

VALUE_ORDER = {"category": CATEGORIES, "origin": ORIGINS, "quote": QUOTES}


def _values(column: str, present) -> list[str]:
    """Schema values in schema order, then any other value found, sorted."""
    known = list(VALUE_ORDER.get(column, ()))
    return known + sorted({str(value) for value in present} - set(known))


def totals_by(counts: pd.DataFrame, column: str) -> pd.DataFrame:
    """Sum ``count_attributions`` counts over one column (category, origin or quote).

    Columns: ``column``, n_attributions, quoted_words, share (of statements,
    0-1; NaN when there is none).
    """
    summed = counts.groupby(column, sort=False)[["n_attributions", "quoted_words"]].sum()
    summed = summed.reindex(_values(column, summed.index), fill_value=0).astype("int64")
    total = summed["n_attributions"].sum()
    summed["share"] = summed["n_attributions"] / total if total else float("nan")
    return summed.rename_axis(column).reset_index()


def per_article_table(counts: pd.DataFrame, column: str, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements per article (rows) and value of ``column`` (columns), plus a total.

    ``counts`` is ``count_attributions(..., by="article")``. With ``articles``
    every article is listed in corpus order, those without any statement as
    zeros; otherwise articles appear in sorted order.
    """
    wide = counts.pivot_table(index="article", columns=column, values="n_attributions", aggfunc="sum", fill_value=0)
    order = list(articles["article"]) if articles is not None else sorted(wide.index)
    wide = wide.reindex(index=order, columns=_values(column, wide.columns), fill_value=0).astype("int64")
    wide["total"] = wide.sum(axis=1)
    wide.columns.name = None
    return wide.rename_axis("article").reset_index()


def top_sources(attributions: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` sources with the most statements (paragraphs in which they speak).

    Columns: speaker, category, origin (the speaker's most frequent labels,
    ties broken alphabetically), n_attributions, n_articles, quoted_words.
    Sorted by statements, then quoted words (both descending), then speaker.
    """
    columns = ["speaker", "category", "origin", "n_attributions", "n_articles", "quoted_words"]
    if attributions.empty:
        return pd.DataFrame(columns=columns)
    totals = attributions.groupby("speaker").agg(
        n_attributions=("paragraph", "size"),
        n_articles=("article", "nunique"),
        quoted_words=("quoted_words", "sum"),
    )
    for label in ("category", "origin"):
        frequent = attributions.groupby(["speaker", label]).size().rename("n").reset_index()
        frequent = frequent.sort_values(["speaker", "n", label], ascending=[True, False, True], kind="mergesort")
        totals[label] = frequent.drop_duplicates("speaker").set_index("speaker")[label]
    ranked = totals.reset_index().sort_values(
        ["n_attributions", "quoted_words", "speaker"], ascending=[False, False, True], kind="mergesort")
    return ranked[columns].head(n).astype({"n_attributions": "int64", "n_articles": "int64",
                                          "quoted_words": "int64"}).reset_index(drop=True)
