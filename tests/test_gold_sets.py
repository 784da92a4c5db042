"""The hand-annotated gold sets in tests/data (devgold, heldout, blind, blind2 ... blind20) are well-formed.

Each set lists real articles read from ../shared at run time (only annotations are in the repo). These tests
check the annotations against SCHEMA.md's value sets and against the texts; module quality on the sets is
measured by ``benchmarks/attribution_devgold.py --set NAME`` and never asserted here. devgold is for development,
heldout was the first honest forecast, and blind to blind20 were each sealed for one forecast, then became
development sets (blind-blind14 China Daily with the Guardian, blind15-blind17 with the New York Times, blind18 with
the last Guardian and New York Times articles, blind19 China Daily only, blind20 China Daily with the Guardian again).
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.evaluate import load_gold_attributions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DATA = ROOT / "tests" / "data"
# Value sets as written in shared/gold/SCHEMA.md (kept here, not imported, so a drift in the module shows).
CATEGORIES = {"official", "expert", "foreign_media", "state_media", "business", "other"}
ORIGINS = {"chinese", "foreign"}
QUOTES = {"direct", "mixed", "indirect"}
REQUIRED_FIELDS = {"paragraph", "speaker", "aliases", "category", "origin", "quote", "cue"}
OPTIONAL_FIELDS = {"optional", "category_also"}
PRONOUNS = {"he", "she", "it", "her", "his", "they", "their", "them"}
GUARDIAN_FILE = "western/covid_origins_china_2020_2021.jsonl"


@dataclass(frozen=True)
class Expected:
    """What one set holds, counted by hand from its files."""

    china_daily: int
    records: int
    required: int
    last_china_daily: int
    china_daily_required: int
    no_cue: set[int]
    n_paragraphs: list[int]
    sample_texts: dict[int, str]
    outlets: list[str]
    true_positives: list[int]


EDITIONS = ["China Daily (US edition)", "China Daily", "China Daily, all editions", "The Guardian", "overall"]
SETS = {
    "devgold": Expected(
        china_daily=4, records=151, required=117, last_china_daily=56, china_daily_required=49,
        no_cue={79, 80, 81, 88}, n_paragraphs=[12, 16, 14, 14, 12, 17, 19, 18],
        sample_texts={13: "Point of transmission from animals to humans a mystery, says academic", 85: "With Paul Karp"},
        outlets=["China Daily (US edition)", "The Guardian", "overall"], true_positives=[49, 68, 117]),
    "heldout": Expected(
        china_daily=5, records=184, required=144, last_china_daily=78, china_daily_required=69,
        no_cue={4, 67, 90, 91, 92, 96, 106, 169}, n_paragraphs=[18, 9, 17, 19, 15, 19, 19, 19, 18, 20],
        sample_texts={28: "Diplomatic envoy applauds China's 'unprecedented' response to pandemic",
                      78: "amyhe@chinadailyusa.com"},
        outlets=EDITIONS, true_positives=[40, 29, 69, 75, 144]),
    "blind": Expected(
        china_daily=5, records=154, required=121, last_china_daily=73, china_daily_required=56,
        no_cue={62, 65, 83, 125, 132, 137, 142}, n_paragraphs=[9, 12, 18, 18, 16, 14, 19, 19, 17, 10],
        sample_texts={22: "Customs officials say CRO framework signals tariff gains, higher productivity",
                      73: "wangjinhui@chinadaily.com.cn"},
        outlets=EDITIONS, true_positives=[36, 20, 56, 65, 121]),
    "blind2": Expected(
        china_daily=5, records=172, required=124, last_china_daily=73, china_daily_required=58,
        no_cue={20, 77, 80, 81, 105, 115}, n_paragraphs=[12, 11, 17, 17, 16, 17, 16, 17, 13, 19],
        sample_texts={12: "zhoujin@chinadaily.com.cn", 155: "Reuters news agency contributed to this report"},
        outlets=EDITIONS, true_positives=[18, 40, 58, 66, 124]),
    "blind3": Expected(
        china_daily=5, records=163, required=119, last_china_daily=78, china_daily_required=57,
        no_cue={6, 50, 86, 99, 100, 118, 135}, n_paragraphs=[18, 19, 10, 13, 18, 11, 12, 18, 19, 18],
        sample_texts={78: "Contact the writer at chenweihua@chinadailyusa.com",
                      136: "But some members of the government's backbench were not so diplomatic."},
        outlets=EDITIONS, true_positives=[39, 18, 57, 62, 119]),
    "blind4": Expected(
        china_daily=6, records=190, required=131, last_china_daily=86, china_daily_required=54,
        no_cue={47, 94, 167, 187}, n_paragraphs=[15, 13, 11, 16, 16, 15, 13, 18, 19, 14, 19, 18],
        sample_texts={70: "kahon@chinadailyhk.com", 136: "The Associated Press and AFP contributed to this report"},
        outlets=EDITIONS, true_positives=[43, 11, 54, 77, 131]),
    "blind5": Expected(
        china_daily=9, records=174, required=131, last_china_daily=132, china_daily_required=88,
        no_cue={21, 112, 114, 137, 146}, n_paragraphs=[15, 12, 14, 10, 17, 15, 18, 14, 17, 14, 16, 20],
        sample_texts={80: "Evidence found", 110: "TOP 10 NEW EXPRESSIONS OF THE YEAR"},
        outlets=EDITIONS, true_positives=[65, 23, 88, 43, 131]),
    "blind6": Expected(
        china_daily=5, records=202, required=151, last_china_daily=72, china_daily_required=59,
        no_cue={83, 107, 115, 118, 158, 162}, n_paragraphs=[18, 13, 11, 20, 10, 26, 22, 28, 24, 21],
        sample_texts={31: "Du Juan in Beijing contributed to the story.",
                      62: "Contact the writers at chenweihua@chinadailyusa.com and puzhendong@chinadaily.com.cn."},
        outlets=EDITIONS, true_positives=[38, 21, 59, 92, 151]),
    "blind7": Expected(
        china_daily=5, records=225, required=160, last_china_daily=71, china_daily_required=53,
        no_cue={36, 80, 83, 91, 101, 102, 118, 129, 140}, n_paragraphs=[11, 17, 12, 16, 15, 21, 30, 30, 24, 25],
        sample_texts={56: "The author, based in Washington, is deputy editor of China Daily USA.",
                      71: "zhongnan@chinadaily.com.cn"},
        outlets=EDITIONS, true_positives=[41, 12, 53, 107, 160]),
    "blind8": Expected(
        china_daily=5, records=237, required=166, last_china_daily=72, china_daily_required=62,
        no_cue={80, 81, 91, 92, 121, 142, 185, 193, 194, 197, 203}, n_paragraphs=[19, 9, 12, 14, 18, 26, 29, 25, 26, 25],
        sample_texts={72: "Xinhua contributed to this story.", 146: "In further developments:"},
        outlets=EDITIONS, true_positives=[47, 15, 62, 104, 166]),
    "blind9": Expected(
        china_daily=5, records=238, required=163, last_china_daily=71, china_daily_required=57,
        no_cue={82, 112, 113, 145, 158}, n_paragraphs=[17, 13, 16, 15, 10, 27, 26, 23, 24, 21],
        sample_texts={90: "In other developments:", 147: "HSBC declined to comment."},
        outlets=EDITIONS, true_positives=[51, 6, 57, 106, 163]),
    "blind10": Expected(
        china_daily=5, records=214, required=155, last_china_daily=79, china_daily_required=60,
        no_cue={61, 85, 115, 116, 122, 123, 124, 131, 133, 170, 173, 182},
        n_paragraphs=[20, 12, 15, 18, 14, 28, 27, 29, 24, 23],
        sample_texts={79: "Contact the writer at chenjia@chinadaily.com.cn", 97: "In other developments:"},
        outlets=EDITIONS, true_positives=[53, 7, 60, 95, 155]),
    "blind11": Expected(
        china_daily=5, records=228, required=167, last_china_daily=68, china_daily_required=54,
        no_cue={59, 60, 62, 186},
        n_paragraphs=[14, 17, 15, 8, 14, 28, 28, 30, 22, 24],
        sample_texts={54: "Reuters", 114: "Other developments around the world include:"},
        outlets=EDITIONS, true_positives=[37, 17, 54, 113, 167]),
    "blind12": Expected(
        china_daily=5, records=235, required=172, last_china_daily=79, china_daily_required=63,
        no_cue={107, 113, 115, 147, 148, 161, 165, 178, 181, 191},
        n_paragraphs=[17, 13, 15, 19, 15, 21, 24, 25, 22, 28],
        sample_texts={79: "paulwelitzkin@chinadailyusa.com", 117: "In other coronavirus developments around the world:"},
        outlets=EDITIONS, true_positives=[37, 26, 63, 109, 172]),
    "blind13": Expected(
        china_daily=5, records=265, required=182, last_china_daily=93, china_daily_required=72,
        no_cue={35, 137, 140, 173, 179, 182, 183, 184, 191, 212},
        n_paragraphs=[18, 17, 19, 19, 20, 24, 25, 25, 25, 27],
        sample_texts={73: "stushadow@chinadailyhk.com",
                      145: "Claim: Stay -at -home orders don't work Reality check: False"},
        outlets=EDITIONS, true_positives=[29, 43, 72, 110, 182]),
    "blind14": Expected(
        china_daily=5, records=204, required=146, last_china_daily=85, china_daily_required=52,
        no_cue={85, 126, 127, 135, 143, 148, 162, 187, 188, 192, 195, 199, 202, 203},
        n_paragraphs=[13, 20, 20, 15, 17, 22, 22, 21, 28, 25],
        sample_texts={33: "wangkaihao@chinadaily.com.cn",
                      68: "Contact the writers at stushadow@chinadailyhk.com and kahon@chinadailyhk.com"},
        outlets=EDITIONS, true_positives=[13, 39, 52, 94, 146]),
    "blind15": Expected(
        china_daily=5, records=177, required=125, last_china_daily=74, china_daily_required=45,
        no_cue={33, 50},
        n_paragraphs=[16, 18, 13, 14, 13, 27, 28, 14, 26, 24],
        sample_texts={34: "Reuters - AFP", 128: "Albee Zhang contributed research."},
        outlets=["China Daily (US edition)", "China Daily", "China Daily, all editions", "The New York Times",
                 "overall"], true_positives=[13, 32, 45, 80, 125]),
    "blind16": Expected(
        china_daily=5, records=202, required=126, last_china_daily=75, china_daily_required=47,
        no_cue=set(),
        n_paragraphs=[12, 16, 11, 17, 19, 27, 23, 16, 18, 27],
        sample_texts={55: "Reuters", 74: "Sun Xiaochen contributed to this story."},
        outlets=["China Daily (US edition)", "China Daily", "China Daily, all editions", "The New York Times",
                 "overall"], true_positives=[27, 20, 47, 79, 126]),
    "blind17": Expected(
        china_daily=5, records=225, required=152, last_china_daily=75, china_daily_required=53,
        no_cue={53, 71, 75, 96},
        n_paragraphs=[20, 12, 12, 15, 16, 29, 30, 27, 26, 21],
        sample_texts={44: "Contact the writer at: kdawson@chinadailyusa.com", 188: "MOTOR VEHICLES"},
        outlets=["China Daily (US edition)", "China Daily", "China Daily, all editions", "The New York Times",
                 "overall"], true_positives=[20, 33, 53, 99, 152]),
    "blind18": Expected(
        china_daily=8, records=167, required=122, last_china_daily=141, china_daily_required=86,
        no_cue={13, 31, 56, 91, 147, 156},
        n_paragraphs=[20, 19, 20, 18, 17, 18, 14, 15, 25, 13],
        sample_texts={20: "Ren Qi in Moscow contributed to this story.", 39: "lixiaokun@chinadaily.com.cn"},
        outlets=["China Daily (US edition)", "China Daily", "China Daily, all editions", "The Guardian",
                 "The New York Times", "overall"], true_positives=[14, 72, 86, 22, 14, 122]),
    "blind19": Expected(
        china_daily=8, records=125, required=87, last_china_daily=133, china_daily_required=87,
        no_cue={8, 20, 55, 60, 61, 90, 93},
        n_paragraphs=[21, 8, 18, 13, 22, 22, 13, 16],
        sample_texts={21: "joseph@chinadailyhk.com", 69: "Nationalist agenda"},
        outlets=["China Daily", "China Daily (US edition)", "China Daily, all editions", "overall"],
        true_positives=[49, 38, 87, 87]),
    "blind20": Expected(
        china_daily=3, records=241, required=158, last_china_daily=70, china_daily_required=42,
        no_cue={49, 80, 185, 187},
        n_paragraphs=[17, 27, 26, 23, 19, 27, 29, 27],
        sample_texts={43: "Li Xiang contributed to the story.", 44: "liyang@chinadaily.com.cn"},
        outlets=["China Daily (US edition)", "China Daily", "China Daily, all editions", "The Guardian", "overall"],
        true_positives=[29, 13, 42, 116, 158]),
}


def _benchmark():
    spec = importlib.util.spec_from_file_location("attribution_devgold", ROOT / "benchmarks" / "attribution_devgold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _listing(name: str) -> list[dict]:
    return json.loads((DATA / name / "articles.json").read_text(encoding="utf-8"))["articles"]


def _records(name: str) -> list[dict]:
    lines = (DATA / name / f"{name}.attributions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module", params=sorted(SETS))
def gold_set(request):
    """(name, expected counts, records, corpus or None when ../shared is absent)."""
    name = request.param
    corpus = _benchmark().load_set_corpus(name) if (SHARED / "corpora").is_dir() else None
    return name, SETS[name], _records(name), corpus


def _corpus(gold_set):
    if gold_set[3] is None:
        pytest.skip("../shared is not present")
    return gold_set[3]


def test_listing_has_china_daily_and_guardian_articles_in_no_other_set(gold_set):
    name, expected, _, _ = gold_set
    files = [item["file"] for item in _listing(name)]
    assert sum(file.startswith("state_media/chinadaily_") for file in files) == expected.china_daily
    assert files.count(GUARDIAN_FILE) == len(files) - expected.china_daily
    ids = {item["id"] for item in _listing(name)}
    assert len(ids) == len(files)
    assert not ids & {item["id"] for other in SETS if other != name for item in _listing(other)}


def test_every_record_uses_the_schema_fields_and_value_sets(gold_set):
    for number, record in enumerate(gold_set[2], 1):
        assert REQUIRED_FIELDS <= record.keys() <= REQUIRED_FIELDS | OPTIONAL_FIELDS, number
        assert record["category"] in CATEGORIES, number
        assert record["origin"] in ORIGINS, number
        assert record["quote"] in QUOTES, number
        assert set(record.get("category_also", [])) <= CATEGORIES - {record["category"]}, number
        assert record.get("optional", True) is True, number
        assert record["speaker"].strip() and isinstance(record["cue"], str), number
        assert all(isinstance(alias, str) and alias.strip() for alias in record["aliases"]), number


def test_record_counts_order_and_cueless_records(gold_set):
    _, expected, records, _ = gold_set
    required = [record for record in records if not record.get("optional")]
    assert (len(records), len(required)) == (expected.records, expected.required)
    assert sum(record["paragraph"] <= expected.last_china_daily for record in required) == expected.china_daily_required
    assert [record["paragraph"] for record in records] == sorted(record["paragraph"] for record in records)
    assert len({(record["paragraph"], record["speaker"]) for record in records}) == len(records)
    # A source without a cue in its paragraph (a quotation carried over) is only ever optional.
    assert {record["paragraph"] for record in records if record["cue"] == ""} == expected.no_cue
    assert all(record.get("optional") for record in records if record["cue"] == "")


def test_loader_reads_every_record(gold_set):
    name, expected, records, _ = gold_set
    gold = load_gold_attributions(DATA / name / name)
    assert len(gold) == len(records)
    assert int(gold["optional"].sum()) == expected.records - expected.required


def test_listed_articles_are_found_in_shared_and_numbered_in_order(gold_set):
    name, expected, _, _ = gold_set
    corpus = _corpus(gold_set)
    assert corpus.articles["article"].tolist() == [item["id"] for item in _listing(name)]
    assert corpus.articles["n_paragraphs"].tolist() == expected.n_paragraphs
    assert corpus.paragraphs["paragraph"].tolist() == list(range(1, sum(expected.n_paragraphs) + 1))
    text = corpus.paragraphs.set_index("paragraph")["text"]
    assert {number: text[number] for number in expected.sample_texts} == expected.sample_texts


def test_gold_records_fit_their_paragraphs(gold_set):
    records = gold_set[2]
    corpus = _corpus(gold_set)
    texts = corpus.paragraphs.set_index("paragraph")["text"].str.lower()
    article_of = corpus.paragraphs.set_index("paragraph")["article"]
    article_texts = corpus.paragraphs.groupby("article")["text"].apply(" ".join).str.lower()
    for record in records:
        paragraph = record["paragraph"]
        assert record["cue"].lower() in texts[paragraph], (paragraph, record["cue"])
        names = [record["speaker"], *record["aliases"]]
        article_text = article_texts[article_of[paragraph]]
        # the speaker may be a normalised name ("Ministry of Commerce"), but some form of it is in the article
        assert any(name.lower() in article_text for name in names if name.lower() not in PRONOUNS), \
            (paragraph, record["speaker"])
        if record["cue"] and not record.get("optional"):
            # A required cued record names its source in its own paragraph, by name, alias or pronoun.
            assert any(re.search(rf"\b{re.escape(name.lower())}\b", texts[paragraph]) for name in names), paragraph
        if record["quote"] != "indirect":
            assert '"' in texts[paragraph] or "'" in texts[paragraph], paragraph


def test_gold_scored_against_itself_is_perfect_per_outlet(gold_set):
    name, expected, _, _ = gold_set
    benchmark = _benchmark()
    gold = benchmark.load_set_gold(name)
    scores = benchmark.score_by_outlet(gold, gold, _corpus(gold_set))
    assert list(scores) == expected.outlets
    assert [scores[outlet].summary["tp"] for outlet in scores] == expected.true_positives
    assert all(score.summary["fp"] == 0 and score.summary["fn"] == 0 for score in scores.values())


def test_benchmark_rejects_an_unknown_set():
    with pytest.raises(ValueError, match="unknown gold set 'seed'"):
        _benchmark().set_folder("seed")
