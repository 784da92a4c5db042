"""Source summaries for the sources notebook: totals with shares, per-article table, top sources."""

import math

import pandas as pd

from analysis.sources_summary import per_article_table, top_sources, totals_by

COLUMNS = ["article", "paragraph", "speaker", "category", "origin", "quote", "quoted_words"]
ATTRIBUTIONS = pd.DataFrame([
    ("a1", 2, "Guo Jiakun", "official", "chinese", "indirect", 0),
    ("a1", 5, "Guo Jiakun", "official", "chinese", "direct", 14),
    ("a1", 5, "Donald Trump", "official", "foreign", "mixed", 3),
    ("a2", 8, "Ursula von der Leyen", "official", "foreign", "direct", 20),
    ("a2", 11, "Zhao Junjie", "expert", "chinese", "direct", 14),
    ("a3", 15, "Reuters", "foreign_media", "foreign", "indirect", 0),
    ("a3", 16, "Donald Trump", "official", "foreign", "indirect", 0),
    ("a3", 17, "Guo Jiakun", "other", "chinese", "indirect", 0),
], columns=COLUMNS)
ARTICLES = pd.DataFrame({"article": ["a1", "a2", "a3", "a4"]})


def counts(by):
    """What count_attributions returns: statements and quoted words per group x category x origin x quote."""
    keys = ([by] if by else []) + ["category", "origin", "quote"]
    return (ATTRIBUTIONS.groupby(keys).agg(n_attributions=("speaker", "size"), quoted_words=("quoted_words", "sum"))
            .reset_index())


def test_totals_by_lists_every_schema_value_in_order_with_shares():
    table = totals_by(counts(None), "category")
    assert table["category"].tolist() == ["official", "expert", "foreign_media", "state_media", "business", "other"]
    assert table["n_attributions"].tolist() == [5, 1, 1, 0, 0, 1]
    assert table["quoted_words"].tolist() == [37, 14, 0, 0, 0, 0]
    assert table["share"].tolist() == [5 / 8, 1 / 8, 1 / 8, 0.0, 0.0, 1 / 8]
    quotes = totals_by(counts(None), "quote")
    assert quotes[["quote", "n_attributions"]].values.tolist() == [["direct", 3], ["mixed", 1], ["indirect", 4]]


def test_totals_by_on_no_statements_has_zero_rows_and_nan_shares():
    empty = counts(None).iloc[0:0]
    table = totals_by(empty, "origin")
    assert table["origin"].tolist() == ["chinese", "foreign"]
    assert table["n_attributions"].tolist() == [0, 0]
    assert all(math.isnan(share) for share in table["share"])


def test_per_article_table_keeps_corpus_order_and_articles_without_statements():
    table = per_article_table(counts("article"), "origin", ARTICLES)
    assert table.columns.tolist() == ["article", "chinese", "foreign", "total"]
    assert table.values.tolist() == [["a1", 2, 1, 3], ["a2", 1, 1, 2], ["a3", 1, 2, 3], ["a4", 0, 0, 0]]


def test_top_sources_ranks_by_statements_then_quoted_words():
    table = top_sources(ATTRIBUTIONS, 3)
    assert table.values.tolist() == [
        ["Guo Jiakun", "official", "chinese", 3, 2, 14],
        ["Donald Trump", "official", "foreign", 2, 2, 3],
        ["Ursula von der Leyen", "official", "foreign", 1, 1, 20],
    ]


def test_summaries_do_not_mutate_input():
    before = ATTRIBUTIONS.copy(deep=True)
    top_sources(ATTRIBUTIONS)
    pd.testing.assert_frame_equal(ATTRIBUTIONS, before)
