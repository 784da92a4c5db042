"""Throughput of ``load_corpus`` and ``extract_attributions`` on at least 10 MB of real news text.

The text is every article ``text`` of the JSONL news sets under
``../shared/corpora/state_media`` and ``../shared/corpora/western`` (China
Daily, People's Daily, Global Times, Guardian, NYT...), repeated in memory
until it reaches ``--megabytes`` (default 10) of UTF-8 text, then written to a
temporary JSONL file so ``load_corpus`` can be timed on it too. MB/s counts the
UTF-8 bytes of the paragraph texts. Target: ``extract_attributions`` >= 3.5 MB/s.

Usage: ``python benchmarks/attribution_throughput.py [--megabytes N] [--strict]``
(``--strict``: exit 1 when the target is missed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
NEWS_FOLDERS = [SHARED / "corpora" / "state_media", SHARED / "corpora" / "western"]
TARGET_MB_PER_S = 3.5

sys.path.insert(0, str(ROOT))


def news_texts() -> list[dict]:
    """Every article of the shared news JSONL files, in file order."""
    articles = []
    for folder in NEWS_FOLDERS:
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    if isinstance(row.get("text"), str) and row["text"].strip():
                        articles.append({"id": str(row.get("id", "")), "outlet": row.get("outlet") or "", "text": row["text"]})
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0, help="text size to build (default 10)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    if not all(folder.is_dir() for folder in NEWS_FOLDERS):
        print(f"error: {(SHARED / 'corpora').resolve()} not found; this benchmark needs ../shared next to the repository",
              file=sys.stderr)
        return 2

    from analysis.corpus import load_corpus
    from analysis.attribution import extract_attributions

    source = news_texts()
    wanted = args.megabytes * 1e6
    rows, size, round_number = [], 0, 0
    while size < wanted:
        round_number += 1
        for article in source:
            rows.append({**article, "id": f"{article['id']}#{round_number}"})
            size += len(article["text"].encode("utf-8"))
            if size >= wanted:
                break

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "throughput.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        started = time.perf_counter()
        corpus = load_corpus(path)
        load_seconds = time.perf_counter() - started
    paragraphs = corpus.paragraphs
    megabytes = sum(len(text.encode("utf-8")) for text in paragraphs["text"]) / 1e6
    n_articles = len(corpus.articles)

    started = time.perf_counter()
    attributions = extract_attributions(paragraphs)
    extract_seconds = time.perf_counter() - started

    rate = megabytes / extract_seconds
    print(f"text: {megabytes:.1f} MB, {n_articles} articles ({len(source)} distinct, {round_number} pass(es)), "
          f"{len(paragraphs)} paragraphs")
    print(f"load_corpus:          {load_seconds:6.2f} s  {megabytes / load_seconds:6.2f} MB/s  "
          f"{n_articles / load_seconds:8.0f} articles/s")
    print(f"extract_attributions: {extract_seconds:6.2f} s  {rate:6.2f} MB/s  "
          f"{n_articles / extract_seconds:8.0f} articles/s  ({len(attributions)} records)")
    passed = rate >= TARGET_MB_PER_S
    print(f"target: extract_attributions >= {TARGET_MB_PER_S} MB/s: {'PASS' if passed else 'FAIL'} ({rate:.2f} MB/s)")
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
