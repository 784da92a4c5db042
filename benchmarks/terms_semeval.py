"""Loaded-term hits against SemEval-2020 PTC gold spans (Loaded_Language, Name_Calling,Labeling).

Prints, on the DEV articles (the lexicon was mined from TRAIN only):
  precision = share of lexicon hits that lie inside a gold span of those two techniques;
  recall    = share of those gold spans that contain at least one hit.
PTC spans are broad (US politics, 48 outlets) and our lexicon is a closed
China-coverage list, so recall is a coverage figure, not a target.

Usage: python benchmarks/terms_semeval.py [--split dev|train] [--lexicon FILE] [--by-category] [--misses N]
Exit 2 when ../shared is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PTC = ROOT / ".." / "shared" / "corpora" / "annotated" / "ptc_semeval2020_task11" / "original"
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")

from analysis.terms import find_terms  # noqa: E402


def load_split(split: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles as one paragraph each (offsets = PTC offsets) and their gold spans of the two techniques."""
    paragraphs, spans = [], []
    for number, path in enumerate(sorted((PTC / f"{split}-articles").glob("article*.txt")), start=1):
        article = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        paragraphs.append((article, number, text))
        labels = PTC / f"{split}-labels-task-flc-tc" / f"article{article}.task-flc-tc.labels"
        for line in labels.read_text(encoding="utf-8").splitlines():
            _, technique, start, end = line.split("\t")
            if technique in TECHNIQUES:
                spans.append((article, technique, int(start), int(end)))
    return (pd.DataFrame(paragraphs, columns=["article", "paragraph", "text"]),
            pd.DataFrame(spans, columns=["article", "technique", "start", "end"]))


def score(hits: pd.DataFrame, spans: pd.DataFrame) -> dict:
    """Hit precision (inside a span) and span recall (holds a hit)."""
    inside = []
    covered = set()
    by_article = {article: group for article, group in spans.groupby("article")}
    for article, start, end in hits[["article", "start", "end"]].itertuples(index=False):
        group = by_article.get(article)
        if group is None:
            inside.append(False)
            continue
        holding = group[(group["start"] <= start) & (group["end"] >= end)]
        inside.append(not holding.empty)
        covered.update(holding.index)
    hits = hits.assign(inside=inside)
    return {"hits": len(hits), "hits_inside": int(hits["inside"].sum()),
            "precision": hits["inside"].mean() if len(hits) else float("nan"),
            "spans": len(spans), "spans_with_hit": len(covered),
            "recall": len(covered) / len(spans) if len(spans) else float("nan"), "frame": hits}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--lexicon", help="extra lexicon CSV")
    parser.add_argument("--by-category", action="store_true", help="precision per lexicon category")
    parser.add_argument("--misses", type=int, default=0, help="show N terms with most hits outside spans")
    args = parser.parse_args(argv)
    if not PTC.is_dir():
        print(f"PTC not found at {PTC}", file=sys.stderr)
        return 2
    paragraphs, spans = load_split(args.split)
    hits = find_terms(paragraphs, lexicon=args.lexicon)
    result = score(hits, spans)
    print(f"PTC {args.split}: {len(paragraphs)} articles, {result['spans']} gold spans "
          f"({', '.join(TECHNIQUES)})")
    print(f"lexicon hits: {result['hits']}, inside a gold span: {result['hits_inside']}")
    print(f"precision (hits inside a span): {result['precision']:.3f}")
    print(f"recall (spans holding a hit):   {result['recall']:.3f}  ({result['spans_with_hit']}/{result['spans']})")
    frame = result["frame"]
    if args.by_category and len(frame):
        table = frame.groupby("category")["inside"].agg(hits="size", precision="mean").round(3)
        print(table.sort_values("hits", ascending=False).to_string())
    if args.misses and len(frame):
        outside = frame[~frame["inside"]].groupby("term").size().sort_values(ascending=False).head(args.misses)
        print("terms most often outside gold spans:")
        print(outside.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
