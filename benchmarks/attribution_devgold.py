"""Score ``extract_attributions`` on the hand-annotated development gold (devgold).

Data: ``tests/data/devgold/`` lists 8 real articles (4 China Daily, 4 Guardian) by (file, id) in
``articles.json`` and holds only their annotations (``devgold.attributions.jsonl``). The texts are read at
run time from ``../shared/corpora``: the articles are written, in the listed order, to a temporary JSONL
(id, outlet, title, date, text) and loaded with ``analysis.corpus.load_corpus``, so paragraphs are
numbered 1..N across the 8 articles, as the gold expects.

Prints, for China Daily, the Guardian and overall: precision, recall, F1 (with tp/fp/fn), category,
origin and quote accuracy over the true positives, then the misses, extras and wrong labels
(``analysis.evaluate.format_score``). ``--brief`` prints the figures only.

Usage: ``python benchmarks/attribution_devgold.py [--brief]``. Exits 2 if ../shared is missing.
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
DEVGOLD = ROOT / "tests" / "data" / "devgold"
GOLD_PREFIX = DEVGOLD / "devgold"
ARTICLE_FIELDS = ("id", "outlet", "title", "date", "text")


def load_devgold_corpus(shared: Path = SHARED, listing: Path = DEVGOLD / "articles.json") -> Corpus:
    """The devgold articles, in the listed order, as a Corpus read from ``shared``; texts never leave /tmp."""
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
        raise LookupError(f"devgold articles not found in {shared}: {sorted(missing)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "devgold.jsonl"
        path.write_text("".join(json.dumps(found[(item["file"], item["id"])]) + "\n" for item in chosen),
                        encoding="utf-8")
        return load_corpus(path)


def outlet_paragraphs(corpus: Corpus) -> dict[str, set[int]]:
    """Paragraph numbers per outlet, in the order outlets first appear."""
    outlets = corpus.paragraphs.merge(corpus.articles[["article", "outlet"]], on="article")
    return {outlet: set(group["paragraph"]) for outlet, group in outlets.groupby("outlet", sort=False)}


def score_by_outlet(predicted: pd.DataFrame, gold: pd.DataFrame, corpus: Corpus) -> dict:
    """Score per outlet (gold and predictions restricted to its paragraphs) and overall."""
    scores = {}
    for outlet, paragraphs in outlet_paragraphs(corpus).items():
        scores[outlet] = score_attributions(predicted[predicted["paragraph"].isin(paragraphs)],
                                            gold[gold["paragraph"].isin(paragraphs)])
    scores["overall"] = score_attributions(predicted, gold)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", action="store_true", help="figures only, no misses/extras lists")
    args = parser.parse_args()
    if not (SHARED / "corpora").is_dir():
        print(f"skip: {SHARED} is not present", file=sys.stderr)
        return 2
    corpus = load_devgold_corpus()
    gold = load_gold_attributions(GOLD_PREFIX)
    predicted = extract_attributions(corpus.paragraphs)
    for name, score in score_by_outlet(predicted, gold, corpus).items():
        print(f"== {name}")
        text = format_score(score)
        print("\n".join(text.splitlines()[:2]) if args.brief else text)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
