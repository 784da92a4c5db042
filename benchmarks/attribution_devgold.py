"""Score ``extract_attributions`` on a gold set of real articles: devgold, heldout, blind, blind2 ... blind20.

Data: ``tests/data/<set>/`` lists real articles by (file, id) in ``articles.json`` and holds only their
annotations (``<set>.attributions.jsonl``), never the texts. ``devgold`` (8 articles) is the set the first rules
were tuned on and ``heldout`` (10 articles) the first honest forecast. ``blind`` to ``blind20`` (8-12 articles
each, China Daily, with the Guardian or the New York Times in all but blind19) were each sealed, annotated from the
texts alone by two annotators, adjudicated, and scored once for a forecast; each set's README records that score.
Once scored, a set's misses may be read and it becomes a development set, as all twenty-two are now. The texts are read at run
time from ``../shared/corpora``: the articles are written, in the listed order, to a temporary JSONL (id, outlet,
title, date, text) and loaded with ``analysis.corpus.load_corpus``, so paragraphs are numbered 1..N across the
articles, as the gold expects.

Prints, per outlet and overall: precision, recall, F1 (with tp/fp/fn), category, origin and quote
accuracy over the true positives, then the misses, extras and wrong labels
(``analysis.evaluate.format_score``). When a set mixes editions of one outlet ("China Daily" and
"China Daily (US edition)"), each edition is scored and so are all editions together
("China Daily, all editions"). ``--brief`` prints the figures only.

``--all`` prints one line per set and the figures pooled over all twenty-two (what a change of rules is measured by).

Usage: ``python benchmarks/attribution_devgold.py [--set devgold|heldout|blind|blind2|...|blind20] [--brief] [--all]``.
Exits 2 if ../shared is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.attribution import extract_attributions  # noqa: E402
from analysis.corpus import Corpus, load_corpus  # noqa: E402
from analysis.evaluate import format_score, load_gold_attributions, score_attributions  # noqa: E402

SHARED = ROOT / ".." / "shared"
GOLD_SETS = ("devgold", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8",
             "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18",
             "blind19", "blind20")
DEVGOLD = ROOT / "tests" / "data" / "devgold"
ARTICLE_FIELDS = ("id", "outlet", "title", "date", "text")


def set_folder(name: str) -> Path:
    """The folder of gold set ``name`` (one of ``GOLD_SETS``)."""
    if name not in GOLD_SETS:
        raise ValueError(f"unknown gold set {name!r}; expected one of {', '.join(GOLD_SETS)}")
    return ROOT / "tests" / "data" / name


def load_set_corpus(name: str = "devgold", shared: Path = SHARED) -> Corpus:
    """The articles of gold set ``name``, in the listed order, as a Corpus read from ``shared``."""
    return load_devgold_corpus(shared, set_folder(name) / "articles.json")


def load_set_gold(name: str = "devgold") -> pd.DataFrame:
    """The gold attribution records of set ``name``."""
    return load_gold_attributions(set_folder(name) / name)


def load_devgold_corpus(shared: Path = SHARED, listing: Path = DEVGOLD / "articles.json") -> Corpus:
    """The articles of a listing (default devgold), in the listed order, as a Corpus read from ``shared``;
    texts never leave /tmp."""
    chosen = json.loads(listing.read_text(encoding="utf-8"))["articles"]
    wanted = {(item["file"], item["id"]) for item in chosen}
    found = {}
    for file in sorted({item["file"] for item in chosen}):
        with (shared / "corpora" / file).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if (file, row.get("id")) in wanted:
                    found[(file, row["id"])] = {field: row.get(field) for field in ARTICLE_FIELDS}
    missing = wanted - found.keys()
    if missing:
        raise LookupError(f"gold articles of {listing} not found in {shared}: {sorted(missing)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.jsonl"
        path.write_text("".join(json.dumps(found[(item["file"], item["id"])]) + "\n" for item in chosen),
                        encoding="utf-8")
        return load_corpus(path)


def outlet_paragraphs(corpus: Corpus) -> dict[str, set[int]]:
    """Paragraph numbers per outlet, in the order outlets first appear; an outlet published in several
    editions ("China Daily", "China Daily (US edition)") also gets "<outlet>, all editions", right after
    its last edition."""
    outlets = corpus.paragraphs.merge(corpus.articles[["article", "outlet"]], on="article")
    groups = {outlet: set(group["paragraph"]) for outlet, group in outlets.groupby("outlet", sort=False)}
    editions: dict[str, list[str]] = {}
    for outlet in groups:
        editions.setdefault(_outlet_name(outlet), []).append(outlet)
    ordered = {}
    for outlet, paragraphs in groups.items():
        ordered[outlet] = paragraphs
        family = editions[_outlet_name(outlet)]
        if len(family) > 1 and outlet == family[-1]:
            ordered[f"{_outlet_name(outlet)}, all editions"] = set().union(*(groups[name] for name in family))
    return ordered


def _outlet_name(outlet: str) -> str:
    """The outlet without its edition: "China Daily (US edition)" -> "China Daily"."""
    return outlet.split(" (")[0]


def score_by_outlet(predicted: pd.DataFrame, gold: pd.DataFrame, corpus: Corpus) -> dict:
    """Score per outlet (gold and predictions restricted to its paragraphs) and overall."""
    scores = {}
    for outlet, paragraphs in outlet_paragraphs(corpus).items():
        scores[outlet] = score_attributions(predicted[predicted["paragraph"].isin(paragraphs)],
                                            gold[gold["paragraph"].isin(paragraphs)])
    scores["overall"] = score_attributions(predicted, gold)
    return scores


def print_all_sets() -> None:
    """One line of figures per gold set, then precision, recall and F1 pooled over every set (the sum of their true
    positives, false positives and false negatives): the figure that compares two versions of the rules."""
    totals = {"tp": 0, "fp": 0, "fn": 0}
    for name in GOLD_SETS:
        corpus = load_set_corpus(name)
        summary = score_attributions(extract_attributions(corpus.paragraphs, articles=corpus.articles),
                                     load_set_gold(name)).summary
        for key in totals:
            totals[key] += summary[key]
        print(f"{name:8} F1 {summary['f1']:.3f}  P {summary['precision']:.3f}  R {summary['recall']:.3f}  "
              f"(tp {summary['tp']}, fp {summary['fp']}, fn {summary['fn']})  category {summary['category_accuracy']:.3f}"
              f"  origin {summary['origin_accuracy']:.3f}  quote {summary['quote_accuracy']:.3f}")
    precision = totals["tp"] / (totals["tp"] + totals["fp"])
    recall = totals["tp"] / (totals["tp"] + totals["fn"])
    print(f"pooled   F1 {2 * precision * recall / (precision + recall):.4f}  P {precision:.3f}  R {recall:.3f}  "
          f"(tp {totals['tp']}, fp {totals['fp']}, fn {totals['fn']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="gold_set", choices=GOLD_SETS, default="devgold",
                        help="gold set to score on (default devgold)")
    parser.add_argument("--brief", action="store_true", help="figures only, no misses/extras lists")
    parser.add_argument("--all", action="store_true",
                        help="one line per gold set, then the figures pooled over all of them")
    args = parser.parse_args()
    if not (SHARED / "corpora").is_dir():
        print(f"skip: {SHARED} is not present", file=sys.stderr)
        return 2
    if args.all:
        print_all_sets()
        return 0
    corpus = load_set_corpus(args.gold_set)
    gold = load_set_gold(args.gold_set)
    predicted = extract_attributions(corpus.paragraphs, articles=corpus.articles)
    for name, score in score_by_outlet(predicted, gold, corpus).items():
        print(f"== {name}")
        text = format_score(score)
        print("\n".join(text.splitlines()[:2]) if args.brief else text)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
