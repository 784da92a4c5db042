"""Scoring attributions against gold: matching rules, counts, accuracies, agreement, report."""

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import InputError
from analysis.evaluate import (
    category_agreement,
    format_score,
    gold_applies_to,
    load_gold_attributions,
    normalize_speaker,
    score_attributions,
    score_if_gold,
    summary_table,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "000_b5e02bd3c49893a3"

GOLD_FIELDS = ["paragraph", "speaker", "aliases", "category", "origin", "quote", "cue", "optional", "category_also"]


def gold_frame(*records):
    rows = []
    for record in records:
        row = {"aliases": [], "category": "official", "origin": "chinese", "quote": "indirect", "cue": "said",
               "optional": False, "category_also": []}
        row.update(record)
        rows.append(row)
    return pd.DataFrame(rows, columns=GOLD_FIELDS)


def predicted_frame(*records):
    rows = []
    for record in records:
        row = {"article": "a", "category": "official", "origin": "chinese", "quote": "indirect", "cue": "said"}
        row.update(record)
        rows.append(row)
    return pd.DataFrame(rows, columns=["article", "paragraph", "speaker", "category", "origin", "quote", "cue"])


GUO = {"speaker": "Guo Jiakun", "aliases": ["Guo", "Chinese Foreign Ministry spokesperson", "spokesperson"]}


def test_normalize_speaker_folds_case_space_and_leading_the_only():
    assert normalize_speaker("  The   White\tHouse ") == "white house"
    assert normalize_speaker("Theresa May") == "theresa may"
    assert normalize_speaker(None) == ""


def test_speaker_matches_through_alias_and_leading_the():
    gold = gold_frame({"paragraph": 4, **GUO}, {"paragraph": 4, "speaker": "White House", "origin": "foreign"})
    predicted = predicted_frame(
        {"paragraph": 4, "speaker": "the  Spokesperson"},
        {"paragraph": 4, "speaker": "The White House", "origin": "foreign"},
    )
    score = score_attributions(predicted, gold)
    assert (score.summary["tp"], score.summary["fp"], score.summary["fn"]) == (2, 0, 0)
    assert score.matches["gold_speaker"].tolist() == ["Guo Jiakun", "White House"]
    assert score.matches["predicted_speaker"].tolist() == ["the  Spokesperson", "The White House"]


def test_optional_records_count_for_nothing_and_required_come_first():
    gold = gold_frame(
        {"paragraph": 1, "speaker": "spokesperson", "optional": True},
        {"paragraph": 1, **GUO},
        {"paragraph": 1, "speaker": "Donald Trump", "origin": "foreign", "optional": True},
    )
    predicted = predicted_frame(
        {"paragraph": 1, "speaker": "spokesperson"},
        {"paragraph": 1, "speaker": "Trump"},
        {"paragraph": 1, "speaker": "Donald Trump", "origin": "foreign"},
    )
    score = score_attributions(predicted, gold)
    # "spokesperson" goes to the required Guo record although it names the optional one exactly;
    # "Trump" is no alias of the optional Trump record, so it is a false positive;
    # "Donald Trump" matches the optional record: neither TP nor FP.
    assert (score.summary["tp"], score.summary["fp"], score.summary["fn"]) == (1, 1, 0)
    assert score.matches["gold_speaker"].tolist() == ["Guo Jiakun"]
    assert score.extras["speaker"].tolist() == ["Trump"]
    assert score.summary["precision"] == 0.5
    assert score.summary["recall"] == 1.0
    assert score.summary["f1"] == pytest.approx(2 / 3)


def test_matching_is_one_to_one_and_maximal():
    gold = gold_frame(
        {"paragraph": 2, "speaker": "Zhao Lijian", "aliases": ["spokesperson"]},
        {"paragraph": 2, "speaker": "Hua Chunying", "aliases": ["spokesperson"]},
    )
    # A greedy pass would give "spokesperson" to Zhao and leave "Zhao Lijian" without a partner.
    predicted = predicted_frame(
        {"paragraph": 2, "speaker": "spokesperson"},
        {"paragraph": 2, "speaker": "Zhao Lijian"},
        {"paragraph": 2, "speaker": "Zhao Lijian"},
    )
    score = score_attributions(predicted, gold)
    assert (score.summary["tp"], score.summary["fp"], score.summary["fn"]) == (2, 1, 0)
    assert sorted(zip(score.matches["gold_speaker"], score.matches["predicted_speaker"])) == [
        ("Hua Chunying", "spokesperson"), ("Zhao Lijian", "Zhao Lijian")]


def test_records_only_match_within_their_paragraph():
    gold = gold_frame({"paragraph": 2, **GUO})
    predicted = predicted_frame({"paragraph": 3, "speaker": "Guo Jiakun"})
    score = score_attributions(predicted, gold)
    assert (score.summary["tp"], score.summary["fp"], score.summary["fn"]) == (0, 1, 1)
    assert score.summary["f1"] == 0.0
    assert math.isnan(score.summary["category_accuracy"])
    assert score.misses[["paragraph", "speaker"]].values.tolist() == [[2, "Guo Jiakun"]]


def test_category_also_is_accepted_and_accuracies_are_over_true_positives():
    gold = gold_frame(
        {"paragraph": 1, "speaker": "Fu Ying", "category": "expert", "category_also": ["official"]},
        {"paragraph": 2, "speaker": "Xinhua", "category": "state_media", "quote": "direct"},
        {"paragraph": 3, "speaker": "Reuters", "category": "foreign_media", "origin": "foreign"},
    )
    predicted = predicted_frame(
        {"paragraph": 1, "speaker": "Fu Ying", "category": "official"},
        {"paragraph": 2, "speaker": "Xinhua", "category": "official", "quote": "mixed"},
        {"paragraph": 3, "speaker": "Reuters", "category": "foreign_media", "origin": "foreign"},
        {"paragraph": 3, "speaker": "Someone", "category": "other"},
    )
    score = score_attributions(predicted, gold)
    assert score.matches["category_correct"].tolist() == [True, False, True]
    assert score.summary["category_accuracy"] == pytest.approx(2 / 3)
    assert score.summary["origin_accuracy"] == 1.0
    assert score.summary["quote_accuracy"] == pytest.approx(2 / 3)


def test_category_agreement_is_krippendorffs_alpha():
    gold = gold_frame(*({"paragraph": p, "speaker": f"S{p}", "category": c}
                        for p, c in enumerate(["official", "official", "expert", "expert"], start=1)))
    predicted = predicted_frame(*({"paragraph": p, "speaker": f"S{p}", "category": c}
                                  for p, c in enumerate(["official", "official", "expert", "official"], start=1)))
    # Coincidences: o-o 4, e-e 2, o-e 2; n_o = 5, n_e = 3, n = 8.
    # alpha = 1 - (2/8) / (2*5*3 / (8*7)) = 1 - 0.25 / (30/56) = 8/15.
    assert category_agreement(score_attributions(predicted, gold)) == pytest.approx(8 / 15)


def test_category_agreement_is_nan_when_undefined():
    gold = gold_frame({"paragraph": 1, "speaker": "A"}, {"paragraph": 2, "speaker": "B"})
    assert math.isnan(category_agreement(score_attributions(gold, gold)))


def test_inputs_are_not_mutated_and_results_are_repeatable():
    gold = gold_frame({"paragraph": 1, **GUO}, {"paragraph": 1, "speaker": "Reuters", "optional": True})
    predicted = predicted_frame({"paragraph": 1, "speaker": "Guo"}, {"paragraph": 5, "speaker": "X"})
    gold_before, predicted_before = gold.copy(deep=True), predicted.copy(deep=True)
    first = score_attributions(predicted, gold)
    second = score_attributions(predicted, gold)
    pd.testing.assert_frame_equal(gold, gold_before)
    pd.testing.assert_frame_equal(predicted, predicted_before)
    assert format_score(first) == format_score(second)
    pd.testing.assert_frame_equal(first.extras, predicted.iloc[[1]].reset_index(drop=True))


def test_format_score_lists_misses_and_extras_one_a_line():
    gold = gold_frame(
        {"paragraph": 12, "speaker": "Li Haidong", "category": "expert"},
        {"paragraph": 13, "speaker": "Reuters", "category": "foreign_media", "origin": "foreign"},
    )
    predicted = predicted_frame(
        {"paragraph": 13, "speaker": "Reuters", "category": "foreign_media", "origin": "foreign", "quote": "direct"},
        {"paragraph": 14, "speaker": "Wang Yi"},
    )
    lines = format_score(score_attributions(predicted, gold)).splitlines()
    assert lines[0] == "attributions: precision 0.500  recall 0.500  F1 0.500  (tp 1, fp 1, fn 1)"
    assert "  miss  P12  Li Haidong (expert/chinese/indirect)" in lines
    assert "  extra P14  Wang Yi (official/chinese/indirect)" in lines
    assert "  label P13  Reuters: quote indirect != direct (gold != predicted)" in lines


def test_load_gold_reads_jsonl_and_fills_defaults(tmp_path):
    path = tmp_path / "x.attributions.jsonl"
    path.write_text(
        json.dumps({"paragraph": 3, "speaker": "Xi Jinping", "category": "official", "origin": "chinese",
                    "quote": "direct", "cue": "said"}) + "\n\n"
        + json.dumps({"paragraph": 1, "speaker": "Fu Ying", "aliases": ["Fu"], "category": "expert",
                      "origin": "chinese", "quote": "indirect", "cue": "noted", "optional": True,
                      "category_also": ["official"]}) + "\n",
        encoding="utf-8",
    )
    gold = load_gold_attributions(tmp_path / "x")
    assert gold.columns.tolist() == GOLD_FIELDS
    assert gold["speaker"].tolist() == ["Fu Ying", "Xi Jinping"]
    assert gold["aliases"].tolist() == [["Fu"], []]
    assert gold["optional"].tolist() == [True, False]
    assert gold["category_also"].tolist() == [["official"], []]


def test_load_gold_missing_or_bad_file_raises_one_line_input_error(tmp_path):
    with pytest.raises(InputError, match=r"nothing\.attributions\.jsonl: no such gold attributions file"):
        load_gold_attributions(tmp_path / "nothing")
    path = tmp_path / "bad.attributions.jsonl"
    path.write_text('{"paragraph": 1, "speaker": "A", "category": "pundit", "origin": "chinese", "quote": "direct"}\n')
    with pytest.raises(InputError, match=r"bad\.attributions\.jsonl: line 1: unknown category 'pundit'") as err:
        load_gold_attributions(tmp_path / "bad")
    assert "\n" not in str(err.value)


@pytest.fixture
def seed_gold():
    if not SEED_GOLD.with_suffix(".attributions.jsonl").exists():
        pytest.skip("../shared/gold is not present")
    return load_gold_attributions(SEED_GOLD)


def test_seed_gold_scored_against_itself_is_perfect(seed_gold):
    score = score_attributions(seed_gold, seed_gold)
    required = int((~seed_gold["optional"]).sum())
    assert required == 73
    assert score.summary == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": required, "fp": 0, "fn": 0,
        "category_accuracy": 1.0, "origin_accuracy": 1.0, "quote_accuracy": 1.0,
    }
    assert category_agreement(score) == 1.0


def test_seed_gold_against_perturbed_copy_gives_known_counts(seed_gold):
    predicted = seed_gold.copy()
    required = predicted.index[~predicted["optional"]].tolist()
    dropped, renamed, recategorized, duplicated = required[:3], required[3], required[4:6], required[10]
    predicted.loc[renamed, "speaker"] = "Nobody"
    predicted.loc[recategorized, "category"] = "other"
    predicted = pd.concat([predicted.drop(index=dropped), predicted.loc[[duplicated]]], ignore_index=True)
    score = score_attributions(predicted, seed_gold)
    # 73 required: 3 dropped and 1 renamed are missed; the renamed one and the duplicate are extras.
    assert (score.summary["tp"], score.summary["fp"], score.summary["fn"]) == (69, 2, 4)
    assert score.summary["category_accuracy"] == pytest.approx(67 / 69)
    assert score.summary["precision"] == pytest.approx(69 / 71)
    assert score.summary["recall"] == pytest.approx(69 / 73)
    assert sorted(score.extras["speaker"]) == sorted(["Nobody", seed_gold.loc[duplicated, "speaker"]])


def test_summary_table_lists_metrics_and_alpha():
    gold = gold_frame({"paragraph": 1, "speaker": "A"}, {"paragraph": 2, "speaker": "B", "category": "expert"})
    predicted = predicted_frame({"paragraph": 1, "speaker": "A"})
    table = summary_table(score_attributions(predicted, gold))
    assert table["metric"].tolist() == [
        "precision", "recall", "f1", "tp", "fp", "fn",
        "category_accuracy", "origin_accuracy", "quote_accuracy", "category_alpha"]
    assert table["value"].tolist()[:6] == [1.0, 0.5, pytest.approx(2 / 3), 1.0, 0.0, 1.0]


def test_gold_applies_only_to_the_text_it_names(tmp_path):
    (tmp_path / "g.articles.json").write_text('{"text": "seeds/000_b5e02bd3c49893a3.txt", "article_starts": [1]}')
    assert gold_applies_to(tmp_path / "g", "/abs/path/000_b5e02bd3c49893a3.txt")
    assert not gold_applies_to(tmp_path / "g", "other.jsonl")
    assert gold_applies_to(tmp_path / "no_articles_file", "other.jsonl")


def test_score_if_gold_skips_absent_or_foreign_gold(tmp_path, seed_gold):
    seed_text = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
    assert score_if_gold(seed_gold, "", seed_text) is None
    assert score_if_gold(seed_gold, tmp_path / "absent", seed_text) is None
    assert score_if_gold(seed_gold, SEED_GOLD, tmp_path / "other.txt") is None
    assert score_if_gold(seed_gold, SEED_GOLD, seed_text).summary["f1"] == 1.0


def test_missing_optional_flag_means_required():
    gold = gold_frame({"paragraph": 1, "speaker": "A", "optional": None},
                      {"paragraph": 2, "speaker": "B", "optional": float("nan")})
    score = score_attributions(predicted_frame(), gold)
    assert score.summary["fn"] == 2
