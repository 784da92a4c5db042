"""The sealed blind gold in tests/data/blind is well-formed: SCHEMA value sets, paragraphs in range, texts in ../shared.

The texts stay in ../shared; only annotations are in the repo. The set is sealed for the final forecast: the
module is never run on it here, and ``benchmarks/attribution_devgold.py --set blind`` is run only at the end.
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
DATA = ROOT / "tests" / "data"
BLIND = DATA / "blind"
N_PARAGRAPHS = 152
# Value sets as written in shared/gold/SCHEMA.md (kept here, not imported, so a drift in the module shows).
CATEGORIES = {"official", "expert", "foreign_media", "state_media", "business", "other"}
ORIGINS = {"chinese", "foreign"}
QUOTES = {"direct", "mixed", "indirect"}
REQUIRED_FIELDS = {"paragraph", "speaker", "aliases", "category", "origin", "quote", "cue"}
OPTIONAL_FIELDS = {"optional", "category_also"}
PRONOUNS = {"he", "she", "it", "her", "his", "they", "their", "them"}
CHINA_DAILY_FILES = {"state_media/chinadaily_covid_origins_2020_2021.jsonl",
                     "state_media/chinadaily_democracy_2013_2015.jsonl"}
GUARDIAN_FILE = "western/covid_origins_china_2020_2021.jsonl"


def _benchmark():
    spec = importlib.util.spec_from_file_location("attribution_devgold", ROOT / "benchmarks" / "attribution_devgold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _listing(folder: Path) -> list[dict]:
    return json.loads((folder / "articles.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    lines = (BLIND / "blind.attributions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def corpus():
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared is not present")
    return _benchmark().load_set_corpus("blind")


def test_listing_has_five_china_daily_and_five_guardian_articles_in_no_other_set():
    articles = _listing(BLIND)
    files = [item["file"] for item in articles]
    assert sum(file in CHINA_DAILY_FILES for file in files) == 5
    assert files.count(GUARDIAN_FILE) == 5
    ids = [item["id"] for item in articles]
    assert len(set(ids)) == 10
    assert not set(ids) & {item["id"] for name in ("devgold", "heldout") for item in _listing(DATA / name)}


def test_every_record_uses_the_schema_fields_and_value_sets(records):
    for number, record in enumerate(records, 1):
        assert REQUIRED_FIELDS <= record.keys() <= REQUIRED_FIELDS | OPTIONAL_FIELDS, number
        assert record["category"] in CATEGORIES, number
        assert record["origin"] in ORIGINS, number
        assert record["quote"] in QUOTES, number
        assert set(record.get("category_also", [])) <= CATEGORIES - {record["category"]}, number
        assert record.get("optional", True) is True, number
        assert record["speaker"].strip() and isinstance(record["cue"], str), number
        assert all(isinstance(alias, str) and alias.strip() for alias in record["aliases"]), number


def test_record_counts_and_paragraph_range(records):
    required = [record for record in records if not record.get("optional")]
    assert (len(records), len(required)) == (154, 121)
    assert all(1 <= record["paragraph"] <= N_PARAGRAPHS for record in records)
    assert [record["paragraph"] for record in records] == sorted(record["paragraph"] for record in records)
    # China Daily is paragraphs 1-73, the Guardian 74-152.
    assert sum(record["paragraph"] <= 73 for record in required) == 56
    assert len({(record["paragraph"], record["speaker"]) for record in records}) == len(records)
    # A source without a cue in its paragraph (a quotation carried over, P62) is only ever optional.
    assert {record["paragraph"] for record in records if record["cue"] == ""} == {62, 65, 83, 125, 132, 137, 142}
    assert all(record.get("optional") for record in records if record["cue"] == "")


def test_loader_reads_every_record(records):
    gold = load_gold_attributions(BLIND / "blind")
    assert len(gold) == len(records)
    assert int(gold["optional"].sum()) == 33
    assert gold.loc[gold["paragraph"] == 4, ["speaker", "quote"]].values.tolist() == [["100 Chinese scholars", "direct"]]


def test_listed_articles_are_found_in_shared_and_numbered_in_order(corpus):
    assert corpus.articles["article"].tolist() == [item["id"] for item in _listing(BLIND)]
    assert corpus.articles["n_paragraphs"].tolist() == [9, 12, 18, 18, 16, 14, 19, 19, 17, 10]
    assert corpus.paragraphs["paragraph"].tolist() == list(range(1, N_PARAGRAPHS + 1))
    text = corpus.paragraphs.set_index("paragraph")["text"]
    assert text[22] == "Customs officials say CRO framework signals tariff gains, higher productivity"
    assert text[73] == "wangjinhui@chinadaily.com.cn"


def test_gold_records_fit_their_paragraphs(corpus, records):
    texts = corpus.paragraphs.set_index("paragraph")["text"].str.lower()
    article_of = corpus.paragraphs.set_index("paragraph")["article"]
    article_texts = corpus.paragraphs.groupby("article")["text"].apply(" ".join).str.lower()
    for record in records:
        paragraph = record["paragraph"]
        assert record["cue"].lower() in texts[paragraph], (paragraph, record["cue"])
        names = [record["speaker"], *record["aliases"]]
        article_text = article_texts[article_of[paragraph]]
        for name in (name for name in names if name.lower() not in PRONOUNS):
            assert re.search(re.escape(name.lower()), article_text), (paragraph, name)
        if record["cue"]:
            # A cued record names its source in its own paragraph, by name, alias or pronoun.
            assert any(re.search(rf"\b{re.escape(name.lower())}\b", texts[paragraph]) for name in names), paragraph
        if record["quote"] != "indirect":
            assert '"' in texts[paragraph], paragraph


def test_gold_scored_against_itself_is_perfect_per_outlet_and_edition(corpus):
    benchmark = _benchmark()
    gold = benchmark.load_set_gold("blind")
    scores = benchmark.score_by_outlet(gold, gold, corpus)
    assert list(scores) == ["China Daily (US edition)", "China Daily", "China Daily, all editions", "The Guardian",
                            "overall"]
    assert [scores[name].summary["tp"] for name in scores] == [36, 20, 56, 65, 121]
    assert all(score.summary["fp"] == 0 and score.summary["fn"] == 0 for score in scores.values())
