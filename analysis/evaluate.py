"""Score extracted attributions against hand-checked gold records.

The rules are those of ``shared/gold/SCHEMA.md`` ("Scoring attributions"):

* records are compared paragraph by paragraph (global 1-based numbers, as in
  ``corpus.paragraphs.paragraph``) and matched one to one;
* a prediction matches a gold record when its speaker, case-folded, with white
  space folded and a leading "the" stripped (on both sides), equals the gold
  ``speaker`` or one of its ``aliases``;
* predictions are matched to required records first, then to optional ones;
  a match to a required record is a true positive, a match to an optional
  record counts for nothing, an unmatched prediction is a false positive and
  an unmatched required record is a false negative;
* category, origin and quote accuracy are taken over the true positives; a
  predicted category also counts as right when the gold record lists it in
  ``category_also``.

Within a paragraph the matching is a maximum bipartite matching (so one greedy
choice cannot cost another prediction its only partner), computed in a fixed
order: predictions in their frame order, and for each one the gold record whose
own ``speaker`` it names before records it names only through an alias.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus import InputError

CATEGORIES = ("official", "expert", "foreign_media", "state_media", "business", "other")
ORIGINS = ("chinese", "foreign")
QUOTES = ("direct", "mixed", "indirect")
GOLD_COLUMNS = ["paragraph", "speaker", "aliases", "category", "origin", "quote", "cue", "optional", "category_also"]
MATCH_COLUMNS = [
    "paragraph", "gold_speaker", "predicted_speaker",
    "gold_category", "predicted_category", "category_also",
    "gold_origin", "predicted_origin", "gold_quote", "predicted_quote",
    "category_correct", "origin_correct", "quote_correct",
]
MISS_COLUMNS = ["paragraph", "speaker", "aliases", "category", "origin", "quote", "cue"]
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class Score:
    """The result of :func:`score_attributions`.

    ``summary``: precision, recall, f1, tp, fp, fn, category_accuracy,
    origin_accuracy, quote_accuracy (accuracies are NaN when there is no true
    positive). ``matches``: one row per true positive (gold and predicted
    speaker, category, origin, quote). ``misses``: unmatched required gold
    records. ``extras``: unmatched predictions, with the predicted columns.
    """

    summary: dict
    matches: pd.DataFrame
    misses: pd.DataFrame
    extras: pd.DataFrame


def normalize_speaker(name: object) -> str:
    """The form two speaker names are compared in: case-folded, spaces folded, no leading "the"."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    folded = " ".join(str(name).casefold().split())
    return _LEADING_THE.sub("", folded)


def load_gold_attributions(prefix: str | Path) -> pd.DataFrame:
    """Read ``<prefix>.attributions.jsonl`` into a frame (one row per gold record).

    Columns: paragraph, speaker, aliases (list), category, origin, quote, cue,
    optional (bool), category_also (list). Sorted by paragraph, file order kept
    within a paragraph.
    """
    path = Path(f"{prefix}.attributions.jsonl")
    if not path.is_file():
        raise InputError(f"{path}: no such gold attributions file")
    rows = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            rows.append(_gold_row(path, line_number, line))
    gold = pd.DataFrame(rows, columns=GOLD_COLUMNS)
    gold = gold.astype({"paragraph": "int64", "optional": "bool"})
    return gold.sort_values("paragraph", kind="stable").reset_index(drop=True)


def _gold_row(path: Path, line_number: int, line: str) -> dict:
    where = f"{path}: line {line_number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: broken JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    for field in ("paragraph", "speaker", "category", "origin", "quote"):
        if field not in record:
            raise InputError(f"{where}: no '{field}' field")
    paragraph = record["paragraph"]
    if not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1:
        raise InputError(f"{where}: 'paragraph' must be a positive integer, got {paragraph!r}")
    if not isinstance(record["speaker"], str) or not record["speaker"].strip():
        raise InputError(f"{where}: 'speaker' must be a non-empty string")
    for field, allowed in (("category", CATEGORIES), ("origin", ORIGINS), ("quote", QUOTES)):
        if record[field] not in allowed:
            raise InputError(f"{where}: unknown {field} {record[field]!r} (expected one of {', '.join(allowed)})")
    aliases = record.get("aliases") or []
    category_also = record.get("category_also") or []
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise InputError(f"{where}: 'aliases' must be a list of strings")
    if not isinstance(category_also, list) or any(value not in CATEGORIES for value in category_also):
        raise InputError(f"{where}: 'category_also' must be a list of categories")
    return {
        "paragraph": paragraph,
        "speaker": record["speaker"],
        "aliases": list(aliases),
        "category": record["category"],
        "origin": record["origin"],
        "quote": record["quote"],
        "cue": record.get("cue") or "",
        "optional": bool(record.get("optional", False)),
        "category_also": list(category_also),
    }


def score_attributions(predicted: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Match ``predicted`` (needs paragraph and speaker) to ``gold`` and count TP/FP/FN.

    Neither frame is modified. Precision (recall) is 0.0 when nothing was
    predicted (nothing is required).
    """
    for frame, name in ((predicted, "predicted"), (gold, "gold")):
        missing = {"paragraph", "speaker"} - set(frame.columns)
        if missing:
            raise ValueError(f"{name} attributions lack column(s): {', '.join(sorted(missing))}")
    predictions = _with_defaults(predicted, {"category": None, "origin": None, "quote": None})
    references = _with_defaults(gold, {
        "aliases": None, "category": None, "origin": None, "quote": None, "cue": "",
        "optional": False, "category_also": None,
    })
    predictions_by_paragraph = _rows_by_paragraph(predictions)
    gold_by_paragraph = _rows_by_paragraph(references)

    matches, misses, extra_positions = [], [], []
    fp = 0
    for paragraph in sorted(set(predictions_by_paragraph) | set(gold_by_paragraph)):
        paragraph_predictions = predictions_by_paragraph.get(paragraph, [])
        paragraph_gold = gold_by_paragraph.get(paragraph, [])
        required = [row for row in paragraph_gold if not _is_optional(row["optional"])]
        optional = [row for row in paragraph_gold if _is_optional(row["optional"])]
        to_required = _maximum_matching(paragraph_predictions, required, range(len(paragraph_predictions)))
        left_over = [i for i in range(len(paragraph_predictions)) if i not in to_required]
        to_optional = _maximum_matching(paragraph_predictions, optional, left_over)
        for index, row in enumerate(paragraph_predictions):
            if index in to_required:
                matches.append(_match_row(paragraph, required[to_required[index]], row))
            elif index not in to_optional:
                fp += 1
                extra_positions.append(row["_position"])
        matched_gold = set(to_required.values())
        misses.extend(_miss_row(paragraph, row) for g, row in enumerate(required) if g not in matched_gold)

    matches_frame = pd.DataFrame(matches, columns=MATCH_COLUMNS)
    misses_frame = pd.DataFrame(misses, columns=MISS_COLUMNS)
    extras_frame = predicted.iloc[extra_positions].reset_index(drop=True).copy()
    tp, fn = len(matches_frame), len(misses_frame)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    summary = {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "category_accuracy": _share(matches_frame["category_correct"]),
        "origin_accuracy": _share(matches_frame["origin_correct"]),
        "quote_accuracy": _share(matches_frame["quote_correct"]),
    }
    return Score(summary=summary, matches=matches_frame, misses=misses_frame, extras=extras_frame)


def _with_defaults(frame: pd.DataFrame, defaults: dict) -> pd.DataFrame:
    copy = frame.reset_index(drop=True).copy()
    for column, value in defaults.items():
        if column not in copy.columns:
            copy[column] = [value] * len(copy)
    copy["_position"] = range(len(copy))
    return copy


def _is_optional(flag) -> bool:
    """True only for a set flag: a missing value (None, NaN) means required."""
    return bool(flag) if pd.notna(flag) else False


def _rows_by_paragraph(frame: pd.DataFrame) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in frame.to_dict("records"):
        grouped.setdefault(int(row["paragraph"]), []).append(row)
    return grouped


def _gold_names(row: dict) -> tuple[str, set[str]]:
    aliases = row.get("aliases")
    aliases = aliases if isinstance(aliases, (list, tuple)) else []
    speaker = normalize_speaker(row["speaker"])
    return speaker, {speaker} | {normalize_speaker(alias) for alias in aliases}


def _maximum_matching(predictions: list[dict], gold: list[dict], candidates) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths) of prediction index -> gold index."""
    names = [_gold_names(row) for row in gold]
    partners: dict[int, list[int]] = {}
    for index in candidates:
        speaker = normalize_speaker(predictions[index]["speaker"])
        exact = [g for g, (own, _) in enumerate(names) if own == speaker]
        by_alias = [g for g, (own, every) in enumerate(names) if own != speaker and speaker in every]
        partners[index] = exact + by_alias
    gold_to_prediction: dict[int, int] = {}

    def augment(index: int, seen: set[int]) -> bool:
        for g in partners[index]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_prediction or augment(gold_to_prediction[g], seen):
                gold_to_prediction[g] = index
                return True
        return False

    for index in partners:
        augment(index, set())
    return {index: g for g, index in gold_to_prediction.items()}


def _as_list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else []


def _match_row(paragraph: int, gold: dict, predicted: dict) -> dict:
    also = _as_list(gold.get("category_also"))
    return {
        "paragraph": paragraph,
        "gold_speaker": gold["speaker"],
        "predicted_speaker": predicted["speaker"],
        "gold_category": gold["category"],
        "predicted_category": predicted["category"],
        "category_also": "; ".join(also),
        "gold_origin": gold["origin"],
        "predicted_origin": predicted["origin"],
        "gold_quote": gold["quote"],
        "predicted_quote": predicted["quote"],
        "category_correct": predicted["category"] == gold["category"] or predicted["category"] in also,
        "origin_correct": predicted["origin"] == gold["origin"],
        "quote_correct": predicted["quote"] == gold["quote"],
    }


def _miss_row(paragraph: int, gold: dict) -> dict:
    return {
        "paragraph": paragraph,
        "speaker": gold["speaker"],
        "aliases": "; ".join(_as_list(gold.get("aliases"))),
        "category": gold["category"],
        "origin": gold["origin"],
        "quote": gold["quote"],
        "cue": gold["cue"],
    }


def _share(flags: pd.Series) -> float:
    return float(flags.astype(bool).mean()) if len(flags) else float("nan")


def category_agreement(score: Score) -> float:
    """Krippendorff's alpha between suite and gold category over the true positives.

    Raw accuracy rewards a suite that labels nearly everything ``official`` on a
    corpus that is mostly officials; alpha corrects for the agreement expected
    by chance from the two label distributions, so it says how much better than
    chance the category decisions are. A predicted category accepted through
    ``category_also`` counts as the gold label. NaN when alpha is undefined
    (fewer than two matches, or a single label used throughout).
    """
    matches = score.matches
    if len(matches) < 2:
        return float("nan")
    data = []
    for item, row in enumerate(matches.itertuples(index=False)):
        suite_label = row.gold_category if row.category_correct else str(row.predicted_category)
        data.append(("gold", str(item), row.gold_category))
        data.append(("suite", str(item), suite_label))
    if len({label for _, _, label in data}) < 2:
        return float("nan")
    from nltk.metrics.agreement import AnnotationTask  # imported here: NLTK costs ~0.6 s to import

    return float(AnnotationTask(data=data).alpha())


def _label(row) -> str:
    return f"{row.category}/{row.origin}/{row.quote}"


def format_score(score: Score) -> str:
    """Readable report: P/R/F1 and counts, accuracies, then misses, extras and wrong labels, one a line."""
    summary = score.summary

    def number(value: float) -> str:
        return "n/a" if value != value else f"{value:.3f}"

    lines = [
        f"attributions: precision {number(summary['precision'])}  recall {number(summary['recall'])}  "
        f"F1 {number(summary['f1'])}  (tp {summary['tp']}, fp {summary['fp']}, fn {summary['fn']})",
        f"over {summary['tp']} true positives: category {number(summary['category_accuracy'])}  "
        f"origin {number(summary['origin_accuracy'])}  quote {number(summary['quote_accuracy'])}",
    ]
    lines.append(f"misses ({len(score.misses)}):")
    lines.extend(f"  miss  P{row.paragraph}  {row.speaker} ({_label(row)})"
                 for row in score.misses.itertuples(index=False))
    lines.append(f"extras ({len(score.extras)}):")
    extras = score.extras.reindex(columns=["paragraph", "speaker", "category", "origin", "quote"])
    lines.extend(f"  extra P{row.paragraph}  {row.speaker} ({_label(row)})" for row in extras.itertuples(index=False))
    matches = score.matches
    wrong = matches[~(matches["category_correct"] & matches["origin_correct"] & matches["quote_correct"])]
    lines.append(f"wrong labels ({len(wrong)}):")
    for row in wrong.itertuples(index=False):
        diffs = [
            f"{field} {getattr(row, 'gold_' + field)} != {getattr(row, 'predicted_' + field)}"
            for field in ("category", "origin", "quote")
            if not getattr(row, field + "_correct")
        ]
        lines.append(f"  label P{row.paragraph}  {row.gold_speaker}: {', '.join(diffs)} (gold != predicted)")
    return "\n".join(lines)


def summary_table(score: Score) -> pd.DataFrame:
    """The summary as a two-column frame (metric, value), with Krippendorff's alpha for category last."""
    rows = [(metric, float(value)) for metric, value in score.summary.items()]
    rows.append(("category_alpha", category_agreement(score)))
    return pd.DataFrame(rows, columns=["metric", "value"])


def gold_applies_to(prefix: str | Path, corpus: str | Path) -> bool:
    """Whether the gold at ``prefix`` annotates the corpus file ``corpus``.

    Gold paragraph numbers only mean something for the text they were made on;
    ``<prefix>.articles.json`` names that text. True when the file names agree,
    or when there is no articles file to say otherwise.
    """
    articles = Path(f"{prefix}.articles.json")
    if not articles.is_file():
        return True
    try:
        text = json.loads(articles.read_text(encoding="utf-8")).get("text")
    except (json.JSONDecodeError, AttributeError):
        raise InputError(f"{articles}: not a JSON object with a 'text' field") from None
    return not text or Path(text).name == Path(corpus).name


def score_if_gold(predicted: pd.DataFrame, gold: str | Path, corpus: str | Path) -> Score | None:
    """Score ``predicted`` against the gold at prefix ``gold`` when it exists and annotates ``corpus``.

    None when ``gold`` is empty, has no attributions file, or was made on another
    text: notebooks then say the accuracy cannot be shown instead of failing.
    """
    if not str(gold) or not Path(f"{gold}.attributions.jsonl").is_file() or not gold_applies_to(gold, corpus):
        return None
    return score_attributions(predicted, load_gold_attributions(gold))
