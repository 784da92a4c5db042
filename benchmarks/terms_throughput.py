"""Throughput of analysis.terms.find_terms on real text (target >= 20 MB/s).

Builds a paragraphs frame in memory from the state-media and Western corpora in
../shared (repeated until it holds at least --megabytes of UTF-8 text), warms
the lexicon cache on a few paragraphs, then times --runs full scans, each as
one call on the whole frame and as one call per block of 100 articles (what
the engine does), and prints the best and the median MB/s per CPU second
(time.process_time: the machine is shared, so wall time says little). The best
run is the figure to compare with the target.

Usage: python benchmarks/terms_throughput.py [--megabytes 10] [--runs 3] [--strict]
Exit 2 when ../shared is missing; with --strict, exit 1 when below target.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = ROOT / ".." / "shared" / "corpora"
TARGET_MB_PER_S = 20.0
ENGINE_BLOCK_ARTICLES = 100

from analysis.corpus import normalize_text  # noqa: E402
from analysis.terms import find_terms  # noqa: E402


def build_paragraphs(megabytes: float) -> pd.DataFrame:
    """Real paragraphs (normalized like load_corpus does), repeated up to the wanted size."""
    files = sorted((CORPORA / "state_media").glob("*.jsonl")) + sorted((CORPORA / "western").glob("*.jsonl"))
    source = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            source += [(record["id"], text) for text in map(normalize_text, record["text"].split("\n")) if text]
    rows, size, copy = [], 0, 0
    while size < megabytes * 1e6:
        copy += 1
        for article, text in source:
            rows.append((f"{article}~{copy}", len(rows) + 1, text))
            size += len(text.encode("utf-8"))
            if size >= megabytes * 1e6:
                break
    return pd.DataFrame(rows, columns=["article", "paragraph", "text"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--strict", action="store_true", help="exit 1 when below target")
    args = parser.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"corpora not found at {CORPORA}", file=sys.stderr)
        return 2
    paragraphs = build_paragraphs(args.megabytes)
    megabytes = sum(len(text.encode("utf-8")) for text in paragraphs["text"]) / 1e6
    find_terms(paragraphs.head(20))
    articles = paragraphs["article"].drop_duplicates().tolist()
    blocks = [paragraphs[paragraphs["article"].isin(articles[start:start + ENGINE_BLOCK_ARTICLES])]
              for start in range(0, len(articles), ENGINE_BLOCK_ARTICLES)]
    print(f"text: {megabytes:.1f} MB in {len(paragraphs)} paragraphs, {len(articles)} articles")
    bests = []
    for label, frames in (("one call", [paragraphs]), (f"{len(blocks)} calls", blocks)):
        rates, hits = [], 0
        for _ in range(max(1, args.runs)):
            began = time.process_time()
            hits = sum(len(find_terms(frame)) for frame in frames)
            rates.append(megabytes / (time.process_time() - began))
        bests.append(max(rates))
        print(f"find_terms, {label}: {hits} hits; best {max(rates):.1f} MB/s, median {statistics.median(rates):.1f} "
              f"MB/s per CPU second over {len(rates)} runs (target {TARGET_MB_PER_S:.0f} MB/s: "
              f"{'OK' if max(rates) >= TARGET_MB_PER_S else 'BELOW'})")
    return 1 if args.strict and min(bests) < TARGET_MB_PER_S else 0


if __name__ == "__main__":
    sys.exit(main())
