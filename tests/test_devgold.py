"""The development gold in tests/data/devgold: its corpus builds from ../shared and its records fit the texts.

The texts stay in ../shared; only annotations are in the repo. Module quality is measured by
benchmarks/attribution_devgold.py, not asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from analysis.evaluate import load_gold_attributions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DEVGOLD = ROOT / "tests" / "data" / "devgold"
PRONOUNS = {"he", "she", "it", "her", "his", "they", "their"}


def _benchmark():
    spec = importlib.util.spec_from_file_location("attribution_devgold", ROOT / "benchmarks" / "attribution_devgold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus():
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared is not present")
    return _benchmark().load_devgold_corpus()


@pytest.fixture(scope="module")
def gold():
    return load_gold_attributions(DEVGOLD / "devgold")


def test_listing_has_four_china_daily_and_four_guardian_articles():
    articles = json.loads((DEVGOLD / "articles.json").read_text(encoding="utf-8"))["articles"]
    files = [item["file"] for item in articles]
    assert files.count("state_media/chinadaily_covid_origins_2020_2021.jsonl") == 4
    assert files.count("western/covid_origins_china_2020_2021.jsonl") == 4
    assert len({item["id"] for item in articles}) == 8


def test_corpus_is_numbered_across_articles_in_listed_order(corpus):
    assert corpus.articles["n_paragraphs"].tolist() == [12, 16, 14, 14, 12, 17, 19, 18]
    assert corpus.paragraphs["paragraph"].tolist() == list(range(1, 123))
    first = corpus.paragraphs.set_index("paragraph")["text"]
    assert first[13] == "Point of transmission from animals to humans a mystery, says academic"
    assert first[85] == "With Paul Karp"


def test_gold_records_fit_their_paragraphs(corpus, gold):
    texts = corpus.paragraphs.set_index("paragraph")["text"].str.lower()
    article_of = corpus.paragraphs.set_index("paragraph")["article"]
    article_texts = corpus.paragraphs.groupby("article")["text"].apply(" ".join).str.lower()
    assert gold["paragraph"].between(1, 122).all()
    for row in gold.itertuples(index=False):
        assert row.cue.lower() in texts[row.paragraph], (row.paragraph, row.cue)
        names = [row.speaker, *(alias for alias in row.aliases if alias.lower() not in PRONOUNS)]
        article_text = article_texts[article_of[row.paragraph]]
        assert any(re.search(re.escape(name.lower()), article_text) for name in names), (row.paragraph, row.speaker)


def test_gold_scored_against_itself_is_perfect_per_outlet(corpus, gold):
    scores = _benchmark().score_by_outlet(gold, gold, corpus)
    assert [name for name in scores] == ["China Daily (US edition)", "The Guardian", "overall"]
    assert [scores[name].summary["tp"] for name in scores] == [49, 68, 117]
    assert all(score.summary["fp"] == 0 and score.summary["fn"] == 0 for score in scores.values())
