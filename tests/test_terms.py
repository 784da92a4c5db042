"""Loaded terms, "so-called" targets, quoted fragments, verb stance, KWIC and keyness on real sentences."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import InputError, load_corpus
from analysis.terms import (
    compare_corpora,
    comparison_corpora,
    find_terms,
    gold_term_counts,
    inflections,
    kwic,
    load_lexicon,
    quoted_fragments,
    so_called_counts,
    so_called_targets,
    term_rates,
    verb_stance,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
SHARED = ROOT / ".." / "shared"
GOLD_TERMS = SHARED / "gold" / "000_b5e02bd3c49893a3.terms.json"

# Real sentences: Global Times seed, China Daily (state_media corpora) and People's Daily.
TRADE = ("Therefore, with so many years of trade already passing by, why has America only just become "
         "obsessed with a so called trade imbalance?")
BBC = "BBC should think about its wrongs, give up its Cold War mentality, and stop manufacturing fake news."
OCCUPY = "Essentially, the opposition camp is fighting for so-called genuine democracy at the expense of the rule of law."
SHAME = ("In reverting to type by firing off blame-and-shame tweets implying the novel virus is one that has Chinese "
         "characteristics, he has not only sought to foist on China responsibility for the coronavirus chaos in the "
         "United States, he has attempted to do so by pandering to the baser instincts of the crowd.")
LAMBASTED = ("China's Foreign Ministry (FM) on Tuesday lambasted new rules issued by US President Joe Biden's "
             "administration that reportedly aim to keep advanced artificial intelligence (AI) chips and technology "
             "out of China, as the country vowed to take firm measures to safeguard the legitimate and lawful rights "
             "and interests of Chinese companies.")
CRACK = ('While the US has and will likely continue to crack down on Chinese technological industries such as AI, '
         '"in the long run, the US\' restrictions are not that significant. There will always be competition and '
         'even crackdown in competing for the leading position. However, even the harsh crackdown measures will not '
         'stop China\'s technological development," an executive of a chip firm based in Guangzhou, South China\'s '
         'Guangdong, who requested to be identified as Zhou, told the Global Times on Tuesday.')
TIBET = ('In response to inquiry on remarks made by the so-called "Tibetan government-in-exile", Chinese Foreign '
         'Ministry spokesperson Guo Jiakun said on Monday that the so-called "Tibetan government-in-exile" is an '
         'outright separatist political group, which is not recognized by any country in the world, and that we '
         'are highly vigilant to its separatist nature and political schemes.')
TIERS = ('Guo further pointed out that AI is humanity\'s common asset, and should not become "a game for the rich '
         'countries and the wealthy" or be used to generate another development divide. To maintain its supremacy, '
         'the US chooses to split the world into tiers, granting access to countries that are "close" and barring '
         'access to "the rest."')
FUTILE = "'Futile attempt'"
XI = '"But we can prevail with our hard work. As always, we grow in the wind and rain, and we get stronger through hard times. We must be confident," Xi said.'


def paragraphs(*texts, article="a1"):
    return pd.DataFrame({"article": article, "paragraph": range(1, len(texts) + 1), "text": list(texts),
                         "is_heading": False})


def terms_of(hits):
    return sorted(zip(hits["term"], hits["match"]))


# ---------------------------------------------------------------- matching rules


def test_hyphen_and_space_spellings_are_one_term_and_offsets_point_at_the_text():
    hits = find_terms(paragraphs(TRADE, OCCUPY))
    so_called = hits[hits["entry"] == "so-called"]
    assert list(so_called["match"]) == ["so called", "so-called"]
    assert list(so_called["term"]) == ["so-called", "so-called"]
    for paragraph, start, end, match in hits[["paragraph", "start", "end", "match"]].itertuples(index=False):
        assert [TRADE, OCCUPY][paragraph - 1][start:end] == match
    assert so_called.iloc[0][["start", "end"]].tolist() == [TRADE.index("so called"), TRADE.index("so called") + 9]


def test_matching_ignores_case_and_nested_terms_are_flagged():
    hits = find_terms(paragraphs(BBC))
    assert terms_of(hits) == [("cold war", "Cold War"), ("cold war mentality", "Cold War mentality"),
                              ("fake news", "fake news")]
    assert dict(zip(hits["term"], hits["nested"])) == {"cold war": True, "cold war mentality": False, "fake news": False}
    assert term_rates(hits, pd.DataFrame({"article": ["a1"], "outlet": ["China Daily"], "n_words": [17]}),
                      by="corpus", level="category")["count"].sum() == 2


def test_hits_come_by_position_longest_first_with_text_columns_as_python_strings():
    hits = find_terms(paragraphs(BBC, OCCUPY, TRADE))
    assert list(zip(hits["paragraph"], hits["term"], hits["start"], hits["end"], hits["nested"])) == [
        (1, "cold war mentality", 47, 65, False), (1, "cold war", 47, 55, True), (1, "fake news", 90, 99, False),
        (2, "so-called", 49, 58, False), (3, "so-called", 108, 117, False)]
    assert hits["match"].tolist() == ["Cold War mentality", "Cold War", "fake news", "so-called", "so called"]
    assert hits["category"].tolist()[:2] == ["accusation", "conflict_metaphor"]
    assert {column: str(dtype) for column, dtype in hits.dtypes.items()} == {
        "article": "object", "paragraph": "int64", "term": "object", "entry": "object", "category": "object",
        "direction": "object", "match": "object", "start": "int64", "end": "int64", "nested": "bool"}


def test_whole_words_only():
    # "shame" holds "sham", "blame-and-shame" holds no "blame game"
    assert find_terms(paragraphs(SHAME)).empty


def test_inflections_are_their_own_terms_under_one_entry():
    hits = find_terms(paragraphs(LAMBASTED, CRACK))
    assert hits[["term", "entry", "category", "direction"]].values.tolist() == [
        ["lambasted", "lambaste", "hostile_reporting_verb", "none"],
        ["crack down", "crack down", "accusation", "none"],
        ["crackdown", "crack down", "accusation", "none"],
        ["crackdown", "crack down", "accusation", "none"],
    ]
    assert inflections("slam") == ["slam", "slams", "slamed", "slaming", "slammed", "slamming"]
    assert inflections("politicize")[-1] == "politicizing"
    assert inflections("bully") == ["bully", "bullies", "bullied", "bullying"]


def test_a_next_word_listed_in_not_followed_by_cancels_the_hit():
    # China Daily: the verb "lies in" is not the noun "lies"
    hits = find_terms(paragraphs("The key lies in infection prevention and control.",
                                 "This allowed the truth to outrun the lies, effectively raising social awareness on the "
                                 "prevention and control of the epidemic."))
    assert hits[["paragraph", "term"]].values.tolist() == [[2, "lies"]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["so-called", "So called", "smear", "smears", "Cold War", "cold-war mentality", "win–win",
                                 "a", "shame", "mobile", "Ürümqi", "—", '"', "'", ",", "anti-China", "x1"]), max_size=25),
       st.sampled_from([" ", "-", "", "  "]))
def test_every_hit_is_a_whole_word_at_its_offsets(words, glue):
    text = glue.join(words)
    for start, end, match in find_terms(paragraphs(text))[["start", "end", "match"]].itertuples(index=False):
        assert text[start:end] == match
        assert start == 0 or not text[start - 1].isalnum()
        assert end == len(text) or not text[end].isalnum()


def test_seed_counts_equal_the_gold_counts():
    if not GOLD_TERMS.is_file():
        pytest.skip("../shared gold not available")
    gold = json.loads(GOLD_TERMS.read_text(encoding="utf-8"))["counts"]
    hits = find_terms(load_corpus(SEED).paragraphs)
    counts = hits.groupby("term").size()
    assert {term: int(counts.get(term, 0)) for term in gold} == gold
    prefix = str(GOLD_TERMS).removesuffix(".terms.json")
    assert gold_term_counts(hits, prefix, SEED)["exact"].all()
    assert gold_term_counts(hits, prefix, "other_corpus.jsonl") is None


def test_term_rates_by_article_and_outlet():
    frame = paragraphs(TIBET, BBC)
    frame["article"] = ["gt1", "cd1"]
    articles = pd.DataFrame({"article": ["gt1", "cd1"], "outlet": ["Global Times", "China Daily"], "n_words": [60, 17]})
    hits = find_terms(frame)
    by_article = term_rates(hits, articles, by="article")
    gt = by_article[by_article["article"] == "gt1"]
    assert gt[["term", "count", "words"]].values.tolist() == [["separatist", 2, 60], ["so-called", 2, 60]]
    assert gt["per_1000_words"].tolist() == [33.3333, 33.3333]
    by_outlet = term_rates(hits, articles, by="outlet", level="direction")
    assert by_outlet[["outlet", "direction", "count"]].values.tolist() == [
        ["China Daily", "none", 1], ["China Daily", "pro_government", 1],
        ["Global Times", "none", 2], ["Global Times", "pro_government", 2]]


# ---------------------------------------------------------------- lexicon files


def test_shipped_lexicon_covers_both_directions():
    lexicon = load_lexicon()
    counts = lexicon["direction"].value_counts()
    assert counts["pro_government"] >= 50 and counts["anti_government"] >= 40
    assert lexicon["source"].str.len().min() > 0 and lexicon["note"].str.len().min() > 0


def test_user_lexicon_extends_or_replaces(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("term,category,direction\ngenuine democracy,slogan,none\n", encoding="utf-8")
    extended = find_terms(paragraphs(OCCUPY), lexicon=str(path))
    assert sorted(extended["term"]) == ["genuine democracy", "so-called"]
    replaced = find_terms(paragraphs(OCCUPY), lexicon=pd.read_csv(path), replace=True)
    assert replaced[["term", "category", "start"]].values.tolist() == [["genuine democracy", "slogan", 59]]


@pytest.mark.parametrize("body, problem", [
    ("term,category,direction\nsmear,accusation,none\nhegemony,accusation,sideways\n",
     "row 3: direction 'sideways' is not one of pro_government, anti_government, none"),
    ("term,category,inflect\n,accusation,no\n", "row 2: empty term"),
    ("term,category,inflect\nsmear,accusation,maybe\n", "row 2: inflect 'maybe' is not yes or no"),
    ("term,direction\nsmear,none\n", "row 1: missing column(s) category"),
    ("term,category,not_followed_by\nlies,accusation,in|lies in\n", "row 2: not_followed_by takes single words separated by |"),
])
def test_bad_lexicon_rows_name_file_and_row(tmp_path, body, problem):
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as error:
        find_terms(paragraphs(OCCUPY), lexicon=path)
    assert str(error.value) == f"{path}: {problem}"


# ---------------------------------------------------------------- so-called targets


def test_so_called_targets_quoted_phrase_or_noun_phrase():
    frame = paragraphs(TIBET, OCCUPY, TRADE, "It seems the WHO is reluctant to insist on the closure of so-called wet markets in Asia.")
    targets = so_called_targets(frame)
    assert targets[["paragraph", "target", "quoted"]].values.tolist() == [
        [1, "Tibetan government-in-exile", True], [1, "Tibetan government-in-exile", True],
        [2, "genuine democracy", False], [3, "trade imbalance", False], [4, "wet markets", False]]
    assert targets["start"].tolist()[:2] == [TIBET.index("so-called"), TIBET.rindex("so-called")]
    assert so_called_counts(targets).values.tolist() == [
        ["tibetan government-in-exile", 2, 1], ["genuine democracy", 1, 1], ["trade imbalance", 1, 1], ["wet markets", 1, 1]]


def test_so_called_target_stops_at_a_verb_after_the_noun():
    # People's Daily (tariffs set); "conducted" is a lower-case -ed word after the noun phrase
    text = ("These charges draw heavily on the March findings of a so-called Section 301 investigation conducted by the "
            "US Trade Representative, Robert Lighthizer, a report which has become central to the national anti-China narrative.")
    assert so_called_targets(paragraphs(text))["target"].tolist() == ["Section 301 investigation"]


def test_so_called_target_keeps_the_quoted_word_without_its_comma():
    text = ('In a speech delivered on Tuesday at the World Economic Forum (WEF), European Commission President Ursula '
            'von der Leyen mentioned China 14 times, claiming a "China shock" to world trade was caused by the so-called '
            '"over-capacity," while at the same time expressing a willingness to "engage and deepen" EU\'s relationship with China.')
    assert so_called_targets(paragraphs(text))["target"].tolist() == ["over-capacity"]


# ---------------------------------------------------------------- quoted fragments

GUO = pd.DataFrame([{"article": "a1", "paragraph": 1, "speaker": "Guo Jiakun", "mention": "Guo", "category": "official",
                     "origin": "chinese", "quote": "mixed", "cue": "pointed out", "quoted_words": 11}])


def test_fragments_are_partial_quotes_of_a_credited_source():
    fragments = quoted_fragments(paragraphs(TIERS), GUO)
    # the 8-word "a game for the rich countries and the wealthy" is too long to be a fragment
    assert fragments[["text", "n_words", "speaker", "kind", "so_called"]].values.tolist() == [
        ["close", 1, "Guo Jiakun", "partial_quote", False], ["the rest", 2, "Guo Jiakun", "partial_quote", False]]


def test_fragments_without_a_source_are_scare_quotes_and_so_called_is_flagged():
    empty = GUO.iloc[0:0]
    fragments = quoted_fragments(paragraphs(FUTILE, TIBET, XI), empty)
    assert fragments[["paragraph", "text", "kind", "so_called"]].values.tolist() == [
        [1, "Futile attempt", "scare_quote", False],
        [2, "Tibetan government-in-exile", "scare_quote", True],
        [2, "Tibetan government-in-exile", "scare_quote", True]]
    # Xi's quoted sentences are whole sentences, not fragments
    assert (fragments["paragraph"] == 3).sum() == 0


def test_quote_marks_pair_by_side_when_a_quotation_runs_on_from_another_paragraph():
    # Western corpus (timeline entry): the first mark opens a quotation that never closes in this paragraph
    text = ('JAN 10:"Chinese government expert Wang Guangfa describes the Wuhan pneumonia as "under control" and a '
            '"mild condition" on state television.')
    fragments = quoted_fragments(paragraphs(text), GUO.iloc[0:0])
    assert fragments[["text", "start", "kind"]].values.tolist() == [
        ["under control", text.index('"under'), "scare_quote"], ["mild condition", text.index('"mild'), "scare_quote"]]


# ---------------------------------------------------------------- verb stance


def test_verb_stance_by_origin_and_category():
    records = pd.DataFrame([
        # seed: Guo Jiakun said; the Ministry of Commerce slammed; Nvidia blasted; Reuters reported; ITI said
        ("a1", 2, "Guo Jiakun", "official", "chinese", "said"),
        ("a1", 51, "Chinese Ministry of Commerce", "official", "chinese", "slammed"),
        ("a1", 52, "Nvidia", "business", "foreign", "blasted"),
        ("a1", 15, "Reuters", "foreign_media", "foreign", "reported"),
        ("a1", 52, "Information Technology Industry Council", "business", "foreign", "said in a statement"),
    ], columns=["article", "paragraph", "speaker", "category", "origin", "cue"])
    table = verb_stance(records)
    rows = {(o, c, s): (n, share) for o, c, s, n, share in table.itertuples(index=False)}
    assert rows[("chinese", "official", "evaluative")] == (1, 0.5)
    assert rows[("foreign", "business", "evaluative")] == (1, 0.5)
    assert rows[("foreign", "foreign_media", "neutral")] == (1, 1.0)
    assert rows[("foreign", "all", "neutral")] == (2, 0.6667)
    assert table["category"].tolist()[-2:] == ["all", "all"]


# ---------------------------------------------------------------- KWIC and keyness


def test_kwic_for_a_term_and_for_hits():
    rows = kwic(paragraphs(TIBET), "so called", width=20)
    assert rows[["left", "match", "right"]].values.tolist()[0] == [
        "remarks made by the ", "so-called", ' "Tibetan government']
    hits = find_terms(paragraphs(TIBET))
    traced = kwic(paragraphs(TIBET), hits[hits["term"] == "separatist"], width=10)
    assert traced[["left", "match", "right"]].values.tolist() == [
        [" outright ", "separatist", " political"], ["nt to its ", "separatist", " nature an"]]


def test_compare_corpora_log_likelihood():
    hits_a = pd.DataFrame({"term": ["win-win"] * 10 + ["smear"] * 2, "nested": False})
    hits_b = pd.DataFrame({"term": ["smear"] * 2, "nested": False})
    table = compare_corpora(hits_a, 1000, hits_b, 1000, labels=("state", "western"))
    first = table.iloc[0]
    assert first["term"] == "win-win" and first["count_state"] == 10 and first["count_western"] == 0
    assert math.isclose(first["g2"], round(2 * 10 * math.log(2), 4))
    assert first["rate_difference"] == 10.0 and first["more_in"] == "state"
    assert table.iloc[1][["term", "g2", "more_in"]].tolist() == ["smear", 0.0, "equal"]


def test_comparison_falls_back_to_halves_of_the_corpus():
    comparison = comparison_corpora("missing_a.jsonl", "missing_b.jsonl", SEED)
    assert (comparison.label_a, comparison.label_b) == ("first_half", "second_half")
    assert len(comparison.articles_a) + len(comparison.articles_b) == len(load_corpus(SEED).articles)
    assert set(comparison.paragraphs_a["article"]).isdisjoint(comparison.paragraphs_b["article"])


def test_cli_terms_with_a_user_lexicon(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("term,category\nChina shock,metaphor\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "terms", str(SEED), "--format", "csv", "--lexicon", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "article,paragraph,term,entry,category,direction,match,start,end,nested"
    assert sum(",china shock,china shock,metaphor," in line for line in lines) == 3
    assert len(lines) == 1 + 44 + 3
