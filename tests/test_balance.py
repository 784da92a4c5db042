"""Quote balance: per-article and corpus shares, sides, bootstrap, outlets/months, validity.

The fixture is hand-written attribution rows for real paragraphs of the seed
(seeds/000_b5e02bd3c49893a3.txt, Global Times, January 2025), labelled as in
the gold file; every expected value below is worked out by hand in a comment.

Article "gt-davos" (seed paragraphs 9, 10, 11, 12, 15, 16):
  P9  von der Leyen said "we must engage constructively with China - to find
      solutions in our mutual interest."                       direct, 13 quoted words
  P10 The European Commission President added that "2025 marks 50 years ...
      investment ties."                                          direct, 36 quoted words
  P11 "Von der Leyen's contradictory ... toward China," Zhao Junjie ... told
      the Global Times                                           direct, 18 quoted words
  P12 ... aiming to pressure it into ceding its interests, Zhao said.   indirect
  P15 US President Donald Trump has promised ..., saying he will reverse
      that ..., Reuters reported.                     two records, both indirect
  P16 ..., Li Haidong, a professor at the China Foreign Affairs University,
      told the Global Times.                                      indirect
Article "gt-fm" (seed paragraph 5):
  P5  ... Guo said in response to a question concerning Trump's claim that
      China was effectively "operating" the Panama Canal ... "I have no
      additional information to share," Guo said.   Guo direct (7 words), Trump mixed (1 word)
Article "gt-quiet": no attribution at all.
"""

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.balance import (
    CORPUS_ROW,
    NOTE_NO_ATTRIBUTIONS,
    BalanceBuilder,
    balance_by,
    balance_in_blocks,
    balance_table,
    bootstrap_shares,
    load_side_mapping,
    normalized_entropy,
    side_shares,
    validity_table,
)
from analysis.corpus import InputError, count_words, load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
SEED_GOLD = ROOT / ".." / "shared" / "gold" / "000_b5e02bd3c49893a3"
COLUMNS = ["article", "paragraph", "speaker", "mention", "category", "origin", "quote", "cue", "quoted_words"]

VDL, TRUMP = "Ursula von der Leyen", "Donald Trump"
ROWS = [
    ("gt-fm", 5, "Guo Jiakun", "Guo", "official", "chinese", "direct", "said", 7),
    ("gt-fm", 5, TRUMP, "Trump", "official", "foreign", "mixed", "claim", 1),
    ("gt-davos", 9, VDL, "von der Leyen", "official", "foreign", "direct", "said", 13),
    ("gt-davos", 10, VDL, "The European Commission President", "official", "foreign", "direct", "added", 36),
    ("gt-davos", 11, "Zhao Junjie", "Zhao Junjie", "expert", "chinese", "direct", "told the Global Times", 18),
    ("gt-davos", 12, "Zhao Junjie", "Zhao", "expert", "chinese", "indirect", "said", 0),
    ("gt-davos", 15, TRUMP, "US President Donald Trump", "official", "foreign", "indirect", "saying", 0),
    ("gt-davos", 15, "Reuters", "Reuters", "foreign_media", "foreign", "indirect", "reported", 0),
    ("gt-davos", 16, "Li Haidong", "Li Haidong", "expert", "chinese", "indirect", "told the Global Times", 0),
]
# The words inside quotation marks, as printed in the seed, per (paragraph, speaker).
QUOTED = {
    (5, "Guo Jiakun"): ["I have no additional information to share,"],
    (5, TRUMP): ["operating"],
    (9, VDL): ["we must engage constructively with China - to find solutions in our mutual interest."],
    (10, VDL): ["2025 marks 50 years of our union's diplomatic relations with China. I see it as an opportunity to "
                "engage and deepen our relationship with China, and where possible, even to expand our trade and "
                "investment ties."],
    (11, "Zhao Junjie"): ["Von der Leyen's contradictory and divided remarks regarding China reflect the EU's dilemma "
                          "in its policy toward China,"],
}


def attributions_fixture() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=COLUMNS)


def articles_fixture() -> pd.DataFrame:
    # Corpus order: the FM answer first, then the Davos piece, then a piece nobody speaks in.
    return pd.DataFrame({
        "article": ["gt-fm", "gt-davos", "gt-quiet"],
        "outlet": ["Global Times", "Global Times", "China Daily"],
        "date": ["2025-01-21", "2025-01-22", "2024-12-30"],
    })


@pytest.fixture(scope="module")
def origin_table() -> pd.DataFrame:
    return balance_table(attributions_fixture(), articles_fixture())


def row(table: pd.DataFrame, article: str) -> pd.Series:
    return table.set_index("article").loc[article]


def test_fixture_quotes_are_real_seed_text_with_the_counted_words():
    paragraphs = load_corpus(SEED, segment=False).paragraphs.set_index("paragraph")["text"]
    for (paragraph, speaker), fragments in QUOTED.items():
        for fragment in fragments:
            assert fragment in paragraphs[paragraph]
        fixture = [r for r in ROWS if r[1] == paragraph and r[2] == speaker]
        assert fixture[0][-1] == sum(count_words(fragment) for fragment in fragments)
    for _, paragraph, _, mention, *_ in ROWS:
        assert mention in paragraphs[paragraph]


def test_per_article_counts_shares_and_index_by_origin(origin_table):
    table = origin_table
    assert table["article"].tolist() == ["gt-fm", "gt-davos", "gt-quiet", CORPUS_ROW]
    assert table["level"].tolist() == ["article", "article", "article", "corpus"]
    davos = row(table, "gt-davos")
    # chinese: Zhao (P11 direct, P12 indirect), Li (P16) -> 3 statements, 2 sources, 18 quoted words
    # foreign: von der Leyen (P9, P10 direct), Trump, Reuters -> 4 statements, 3 sources, 13 + 36 = 49 words
    assert (davos.statements_chinese, davos.sources_chinese, davos.quoted_words_chinese) == (3, 2, 18)
    assert (davos.statements_foreign, davos.sources_foreign, davos.quoted_words_foreign) == (4, 3, 49)
    assert (davos.statements, davos.sources, davos.quoted_words) == (7, 5, 67)
    assert davos.statement_share_chinese == pytest.approx(3 / 7)
    assert davos.statement_share_foreign == pytest.approx(4 / 7)
    assert davos.quoted_word_share_foreign == pytest.approx(49 / 67)
    # direct: 1 of Zhao/Li's 3, 2 of the foreign 4; no mixed quote in the article
    assert davos.direct_share_chinese == pytest.approx(1 / 3)
    assert davos.direct_share_foreign == pytest.approx(2 / 4)
    assert davos.mixed_share_foreign == 0
    # -(3/7 ln 3/7 + 4/7 ln 4/7) / ln 2 = (0.363128 + 0.319780) / 0.693147 = 0.985228
    assert davos.balance_index == pytest.approx(0.985228, abs=1e-6)
    # voice: chinese 1 + 0.5 + 0.5 = 2.0, foreign 1 + 1 + 0.5 + 0.5 = 3.0 -> 0.4 / 0.6
    assert davos.voice_share_chinese == pytest.approx(0.4)
    # -(0.4 ln 0.4 + 0.6 ln 0.6) / ln 2 = 0.970951
    assert davos.voice_balance_index == pytest.approx(0.970951, abs=1e-6)
    # von der Leyen opens (P9), Li Haidong closes (P16)
    assert (davos.first_word, davos.last_word) == ("foreign", "chinese")
    assert (davos.first_word_foreign, davos.last_word_chinese, davos.last_word_foreign) == (1, 1, 0)
    # by category: officials von der Leyen x2 + Trump, experts Zhao x2 + Li, Reuters
    assert (davos.statements_category_official, davos.statements_category_expert,
            davos.statements_category_foreign_media, davos.sources_category_official) == (3, 3, 1, 2)
    assert bool(davos.balance_defined) and davos.note == ""


def test_two_voices_at_even_strength_and_mixed_share(origin_table):
    fm = row(origin_table, "gt-fm")
    # Guo direct (chinese), Trump mixed (foreign): 1 statement each -> shares 0.5, index 1
    assert fm.statement_share_chinese == pytest.approx(0.5)
    assert fm.balance_index == pytest.approx(1.0)
    assert (fm.direct_share_chinese, fm.mixed_share_foreign, fm.direct_share_foreign) == (1.0, 1.0, 0.0)
    # voice 1.0 against 0.75 -> 4/7 and 3/7
    assert fm.voice_share_foreign == pytest.approx(3 / 7)
    assert (fm.first_word, fm.last_word) == ("chinese", "foreign")


def test_article_without_attributions_gets_zeros_and_an_undefined_index(origin_table):
    quiet = row(origin_table, "gt-quiet")
    assert (quiet.statements, quiet.sources_chinese, quiet.statements_foreign, quiet.quoted_words) == (0, 0, 0, 0)
    assert math.isnan(quiet.statement_share_chinese) and math.isnan(quiet.balance_index)
    assert not quiet.balance_defined
    assert quiet.note == NOTE_NO_ATTRIBUTIONS
    assert (quiet.first_word, quiet.last_word) == ("", "")


def test_no_attributions_at_all_gives_article_rows_and_a_corpus_row():
    empty = attributions_fixture().iloc[0:0]
    table = balance_table(empty, articles_fixture())
    assert table["article"].tolist() == ["gt-fm", "gt-davos", "gt-quiet", CORPUS_ROW]
    assert table["statements"].tolist() == [0, 0, 0, 0]
    assert not table["balance_defined"].any()


def test_corpus_row_pools_records_and_counts_each_speaker_once(origin_table):
    corpus = row(origin_table, CORPUS_ROW)
    # chinese 1 (Guo) + 3 = 4, foreign 1 (Trump) + 4 = 5 statements
    assert (corpus.statements_chinese, corpus.statements_foreign) == (4, 5)
    # Trump speaks in both articles but is one source: foreign = von der Leyen, Trump, Reuters
    assert (corpus.sources_chinese, corpus.sources_foreign, corpus.sources) == (3, 3, 6)
    assert (corpus.quoted_words_chinese, corpus.quoted_words_foreign) == (25, 50)
    assert corpus.statement_share_foreign == pytest.approx(5 / 9)
    # -(4/9 ln 4/9 + 5/9 ln 5/9) / ln 2 = 0.991076
    assert corpus.balance_index == pytest.approx(0.991076, abs=1e-6)
    # direct: Guo + Zhao = 2 of 4 chinese; von der Leyen x2 of 5 foreign; Trump's mixed 1 of 5
    assert (corpus.direct_share_chinese, corpus.direct_share_foreign, corpus.mixed_share_foreign) == (0.5, 0.4, 0.2)
    # first word: chinese in gt-fm, foreign in gt-davos; last word the other way round
    assert (corpus.first_word_chinese, corpus.first_word_foreign) == (1, 1)
    assert (corpus.last_word_chinese, corpus.last_word_foreign) == (1, 1)
    assert (corpus.first_word, corpus.last_word) == ("", "")


def _pieces_by_article():
    """The fixture as one piece per article, in corpus order (the quiet article's piece has no records)."""
    attributions, articles = attributions_fixture(), articles_fixture()
    return [(attributions[attributions["article"] == article].reset_index(drop=True),
             articles[articles["article"] == article].reset_index(drop=True)) for article in articles["article"]]


@pytest.mark.parametrize("side", ["origin", "category", {VDL: "eu", TRUMP: "us", "Guo Jiakun": "china"}])
@pytest.mark.parametrize("block_articles", [1, 2, 1000])
def test_balance_in_blocks_gives_the_whole_table(side, block_articles):
    expected = balance_table(attributions_fixture(), articles_fixture(), side=side)
    rows = list(balance_in_blocks(_pieces_by_article(), side=side, block_articles=block_articles))
    assert len(rows) == -(-3 // block_articles) + 1  # article blocks, then the corpus row
    got = pd.concat(rows, ignore_index=True)
    assert got.to_csv(index=False) == expected.to_csv(index=False)


def test_builder_counts_a_speaker_quoted_in_two_blocks_once():
    builder = BalanceBuilder()
    fm, davos, quiet = _pieces_by_article()
    article_rows = pd.concat([builder.add(*fm), builder.add(*davos), builder.add(*quiet)])
    corpus = builder.corpus_row().iloc[0]
    # Trump speaks in both blocks: foreign sources are gt-fm {Trump} + gt-davos {VDL, Trump, Reuters} = 4
    # per article, but {Trump, VDL, Reuters} = 3 in the corpus; 8 speakers counted once across blocks: 6.
    assert article_rows["sources_foreign"].sum() == 4
    assert corpus["sources_foreign"] == 3 and corpus["sources"] == 6
    # statements and first/last words add up: 2 + 7 + 0 records; firsts: gt-fm Guo (chinese), gt-davos VDL (foreign)
    assert corpus["statements"] == 9 and corpus["statements_chinese"] == 4
    assert (corpus["first_word_chinese"], corpus["first_word_foreign"]) == (1, 1)
    assert (corpus["last_word_chinese"], corpus["last_word_foreign"]) == (1, 1)
    assert corpus["statement_share_foreign"] == pytest.approx(5 / 9)


def test_category_sides():
    table = balance_table(attributions_fixture(), articles_fixture(), side="category")
    corpus = row(table, CORPUS_ROW)
    # officials: Guo, Trump (P5), von der Leyen x2, Trump (P15) = 5 of 9; experts 3; foreign media 1
    assert (corpus.statements_official, corpus.statements_expert, corpus.statements_foreign_media) == (5, 3, 1)
    assert corpus.statement_share_official == pytest.approx(5 / 9)
    assert corpus.statements_business == 0
    assert "statements_category_official" not in table.columns
    # over 6 categories: (5/9 ln 9/5 + 3/9 ln 3 + 1/9 ln 9) / ln 6
    #   = (0.326548 + 0.366204 + 0.244136) / 1.791759 = 0.522887
    assert corpus.balance_index == pytest.approx(0.522887, abs=1e-6)


def test_user_side_mapping_with_unmapped_speakers(tmp_path):
    mapping = {"Ursula von der Leyen": "EU", "donald trump": "US", "Zhao Junjie": "China",
               "Li Haidong": "China", "Guo Jiakun": "China"}
    table = balance_table(attributions_fixture(), articles_fixture(), side=mapping)
    davos = row(table, "gt-davos")
    # Reuters is in no mapping: counted apart, left out of the shares.
    # China 3, EU 2, US 1 of 6 -> 1/2, 1/3, 1/6
    assert davos.statements_unmapped == 1
    assert (davos.statements_China, davos.statements_EU, davos.statements_US) == (3, 2, 1)
    assert davos.statement_share_US == pytest.approx(1 / 6)
    # -(1/2 ln 1/2 + 1/3 ln 1/3 + 1/6 ln 1/6) / ln 3 = 0.920620
    assert davos.balance_index == pytest.approx(0.920620, abs=1e-6)
    as_frame = pd.DataFrame({"speaker": list(mapping), "side": list(mapping.values())})
    pd.testing.assert_frame_equal(balance_table(attributions_fixture(), articles_fixture(), side=as_frame), table)
    # the same mapping from a CSV file, with "unmapped" kept as a side of its own
    path = tmp_path / "sides.csv"
    path.write_text("speaker,side\n" + "".join(f"{name},{side}\n" for name, side in mapping.items()), encoding="utf-8")
    kept = balance_table(attributions_fixture(), articles_fixture(), side=str(path),
                         sides=["China", "EU", "US", "unmapped"])
    assert row(kept, "gt-davos").statement_share_unmapped == pytest.approx(1 / 7)
    assert row(kept, "gt-davos").statements_unmapped == 1


def test_mapping_reaches_a_speaker_through_aliases():
    frame = attributions_fixture().assign(aliases="")
    frame.loc[0, ["speaker", "aliases"]] = ["Chinese Foreign Ministry spokesperson", "Guo Jiakun; Guo"]
    table = balance_table(frame, articles_fixture(), side={"the Guo Jiakun": "China"})
    assert row(table, "gt-fm").statements_China == 1


def test_bad_mapping_rows_name_the_file_and_row(tmp_path):
    path = tmp_path / "sides.csv"
    path.write_text("speaker,side\nGuo Jiakun,China\nReuters,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sides.csv: row 2: empty side"):
        load_side_mapping(path)
    path.write_text("speaker,side\nGuo Jiakun,China\nguo  jiakun,PRC\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2: .* already has side 'China'"):
        load_side_mapping(path)
    path.write_text("name,side\nGuo Jiakun,China\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        load_side_mapping(path)
    with pytest.raises(InputError, match="no such side mapping"):
        balance_table(attributions_fixture(), articles_fixture(), side="orign")


def test_side_shares_long_form_matches_the_wide_table():
    tidy = side_shares(attributions_fixture(), articles_fixture())
    assert len(tidy) == 4 * 2  # 3 articles + corpus, 2 sides each
    corpus_foreign = tidy[(tidy.level == "corpus") & (tidy.side == "foreign")].iloc[0]
    counts = (corpus_foreign.statements, corpus_foreign.direct, corpus_foreign.mixed, corpus_foreign.indirect)
    assert counts == (5, 2, 1, 2)
    # voice 1 + 1 + 0.75 + 0.5 + 0.5 = 3.75
    assert corpus_foreign.voice == pytest.approx(3.75)
    quiet = tidy[tidy.article == "gt-quiet"]
    assert quiet["statements"].tolist() == [0, 0] and quiet["statement_share"].isna().all()


def test_normalized_entropy_edges():
    assert normalized_entropy([[1.0, 0.0]])[0] == 0.0
    assert normalized_entropy([[0.25, 0.25, 0.25, 0.25]])[0] == pytest.approx(1.0)
    assert math.isnan(normalized_entropy([[float("nan"), float("nan")]])[0])
    assert math.isnan(normalized_entropy([[1.0]])[0])


def test_bootstrap_is_seeded_and_its_interval_holds_the_estimate():
    first = bootstrap_shares(attributions_fixture(), articles_fixture(), n_boot=500, seed=7)
    again = bootstrap_shares(attributions_fixture(), articles_fixture(), n_boot=500, seed=7)
    pd.testing.assert_frame_equal(first, again)
    foreign = first.set_index("side").loc["foreign"]
    assert foreign.share == pytest.approx(5 / 9)
    assert foreign.ci_low <= foreign.share <= foreign.ci_high
    # a resample holds gt-fm (1/2 foreign), gt-davos (4/7) or both: shares stay within [1/2, 4/7]
    assert 0.5 - 1e-12 <= foreign.ci_low and foreign.ci_high <= 4 / 7 + 1e-12
    assert first["n_articles"].tolist() == [3, 3]


def test_bootstrap_of_identical_articles_has_no_spread():
    rows = [("a", 1, "Guo Jiakun", "Guo", "official", "chinese", "indirect", "said", 0),
            ("a", 1, TRUMP, "Trump", "official", "foreign", "mixed", "claim", 1),
            ("b", 2, "Guo Jiakun", "Guo", "official", "chinese", "indirect", "said", 0),
            ("b", 2, TRUMP, "Trump", "official", "foreign", "mixed", "claim", 1)]
    result = bootstrap_shares(pd.DataFrame(rows, columns=COLUMNS), pd.DataFrame({"article": ["a", "b"]}), n_boot=200)
    assert result["ci_low"].tolist() == [0.5, 0.5] and result["ci_high"].tolist() == [0.5, 0.5]


def test_balance_by_outlet_and_month():
    by_outlet = balance_by(attributions_fixture(), articles_fixture(), by="outlet")
    assert by_outlet["outlet"].tolist() == ["China Daily", "Global Times"]
    assert by_outlet["n_articles"].tolist() == [1, 2]
    global_times = by_outlet.set_index("outlet").loc["Global Times"]
    assert (global_times.statements_chinese, global_times.statements_foreign) == (4, 5)
    assert global_times.balance_index == pytest.approx(0.991076, abs=1e-6)
    assert not by_outlet.set_index("outlet").loc["China Daily"].balance_defined
    by_month = balance_by(attributions_fixture(), articles_fixture(), by="month")
    assert by_month["month"].tolist() == ["2024-12", "2025-01"]
    assert by_month.set_index("month").loc["2025-01"].last_word_foreign == 1


def test_balance_by_without_metadata_is_empty_with_the_same_columns():
    with_metadata = balance_by(attributions_fixture(), articles_fixture(), by="month")
    no_dates = balance_by(attributions_fixture(), articles_fixture().drop(columns="date"), by="month")
    assert no_dates.empty and list(no_dates.columns) == list(with_metadata.columns)
    blank = articles_fixture().assign(date=["", "not a date", None])
    assert balance_by(attributions_fixture(), blank, by="month").empty


def test_inputs_are_not_modified_and_output_is_stable(origin_table):
    attributions, articles = attributions_fixture(), articles_fixture()
    shuffled = attributions.sample(frac=1, random_state=3)
    before = shuffled.copy(), articles.copy()
    first = balance_table(shuffled, articles).to_csv(index=False)
    side_shares(shuffled, articles)
    bootstrap_shares(shuffled, articles, n_boot=50)
    balance_by(shuffled, articles, by="outlet")
    pd.testing.assert_frame_equal(shuffled, before[0])
    pd.testing.assert_frame_equal(articles, before[1])
    assert origin_table.to_csv(index=False) == first


def test_validity_treats_optional_gold_records_like_the_scorer():
    gold = attributions_fixture().drop(columns=["article", "mention", "quoted_words"])
    gold["aliases"] = [[] for _ in range(len(gold))]
    gold["optional"] = gold["speaker"].eq("Reuters")  # P15 Reuters: debatable
    predicted = attributions_fixture()
    predicted = predicted[predicted.speaker != "Li Haidong"]  # one miss
    extra = pd.DataFrame([("gt-davos", 12, "EU", "EU", "official", "foreign", "indirect", "said", 0)], columns=COLUMNS)
    predicted = pd.concat([predicted, extra], ignore_index=True)  # one spurious record
    table = validity_table(predicted, gold).set_index(["measure", "side"])
    # 7 true positives (Reuters matches an optional record and counts for nothing), 1 fp, 1 fn
    assert table.loc[("precision", ""), "value"] == pytest.approx(7 / 8)
    assert table.loc[("recall", ""), "value"] == pytest.approx(7 / 8)
    foreign = table.loc[("statement_share_origin", "foreign")]
    # suite counts TP + FP = 8, foreign von der Leyen x2, Trump x2, EU = 5 -> 0.625
    # gold required 8 (Reuters left out): foreign von der Leyen x2, Trump x2 = 4 -> 0.5
    assert (foreign.value, foreign.gold) == (pytest.approx(0.625), pytest.approx(0.5))
    assert foreign.difference_points == pytest.approx(12.5)
    assert not foreign.meets_target
    # context: every prediction 6/9 foreign, every gold record 5/9
    assert foreign.suite_all_records == pytest.approx(6 / 9)
    assert foreign.gold_with_optional == pytest.approx(5 / 9)
    # 6/9 lies above the band [4/8, 5/9] by 6/9 - 5/9 = 11.1 points
    assert foreign.band_distance_points == pytest.approx(100 / 9)
    official = table.loc[("statement_share_category", "official")]
    # suite officials Guo, Trump x2, von der Leyen x2, EU = 6/8; gold required 5/8
    assert official.difference_points == pytest.approx(12.5)
    by_category = validity_table(predicted, gold, side="category").set_index(["measure", "side"])
    assert by_category.loc[("statement_share_origin", "foreign"), "difference_points"] == pytest.approx(12.5)
    # experts: suite Zhao x2 of 8; gold required Zhao x2 + Li of 8 -> 25.0 - 37.5 = -12.5 points
    assert by_category.loc[("statement_share_category", "expert"), "difference_points"] == pytest.approx(-12.5)


def test_validity_on_the_seed_gold_is_zero_for_a_perfect_suite():
    if not SEED_GOLD.parent.is_dir():
        pytest.skip("../shared is not present")
    from analysis.evaluate import load_gold_attributions

    gold = load_gold_attributions(SEED_GOLD)
    for predicted in (gold, gold[~gold["optional"]]):
        table = validity_table(predicted, gold).set_index(["measure", "side"])
        foreign = table.loc[("statement_share_origin", "foreign")]
        # 22 of the 73 required gold records are foreign; 38 of all 95
        assert foreign.gold == pytest.approx(22 / 73)
        assert foreign.gold_with_optional == pytest.approx(38 / 95)
        assert foreign.difference_points == pytest.approx(0.0)
        assert foreign.band_distance_points == pytest.approx(0.0)
        assert table.loc[("statement_share_category", "official"), "meets_target"]
        assert table.loc[("category_alpha", ""), "value"] == pytest.approx(1.0)


def test_cli_prints_one_row_per_article_and_the_corpus_row(capsys):
    pytest.importorskip("analysis.attribution")
    import json

    from analysis.cli import main

    assert main(["balance", str(SEED), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    n_articles = len(load_corpus(SEED).articles)
    assert [r["level"] for r in rows] == ["article"] * n_articles + ["corpus"]
    assert rows[-1]["article"] == CORPUS_ROW
    assert rows[-1]["statements"] == sum(r["statements"] for r in rows[:-1])
    assert main(["balance", str(SEED), "--format", "csv", "--side", "category"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert "statement_share_official" in header and "balance_index" in header


def test_figures_plot_the_tables_they_return():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.balance import corpus_shares_figure, shares_by_article_figure, voice_by_quote_figure

    shares = side_shares(attributions_fixture(), articles_fixture())
    figure, table = shares_by_article_figure(shares)
    # gt-quiet has no statement and is left out; corpus order kept
    assert table["article"].drop_duplicates().tolist() == ["gt-fm", "gt-davos"]
    assert [tick.get_text() for tick in figure.axes[0].get_yticklabels()] == ["gt-fm", "gt-davos"]
    _, busiest = shares_by_article_figure(shares, max_articles=1)
    assert busiest["article"].drop_duplicates().tolist() == ["gt-davos"]  # 7 statements against 2
    figure_voice, voice = voice_by_quote_figure(shares)
    assert voice.set_index("side").loc["chinese", ["direct", "mixed", "indirect"]].tolist() == [2, 0, 2]
    figure_ci = corpus_shares_figure(bootstrap_shares(attributions_fixture(), articles_fixture(), n_boot=100))
    assert [tick.get_text() for tick in figure_ci.axes[0].get_yticklabels()] == ["chinese", "foreign"]
    plt.close("all")
