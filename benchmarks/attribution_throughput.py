"""Throughput of ``load_corpus`` and ``extract_attributions`` on at least 10 MB of real news text.

The text is every article ``text`` of the JSONL news sets under
``../shared/corpora/state_media`` and ``../shared/corpora/western`` (China
Daily, People's Daily, Global Times, Guardian, NYT...), repeated in memory
until it reaches ``--megabytes`` (default 10) of UTF-8 text, then written to a
temporary JSONL file so ``load_corpus`` can be timed on it too. MB/s counts the
UTF-8 bytes of the paragraph texts. Target: ``extract_attributions`` >= 3.5 MB/s
(wall clock, one process).

Both wall-clock and CPU (``time.process_time``) rates are printed: on a shared
machine the CPU rate is the steadier figure. ``--repeats N`` times N runs, each
in a fresh process (so no run profits from caches warmed by another), and
reports the median of each figure.

Usage: ``python benchmarks/attribution_throughput.py [--megabytes N] [--repeats N] [--strict]``
(``--strict``: exit 1 when the target is missed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
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
    parser.add_argument("--repeats", type=int, default=1, help="runs, each in a fresh process (default 1)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    if not all(folder.is_dir() for folder in NEWS_FOLDERS):
        print(f"error: {(SHARED / 'corpora').resolve()} not found; this benchmark needs ../shared next to the repository",
              file=sys.stderr)
        return 2
    if args.repeats > 1:
        return repeated(args)

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

    started, started_cpu = time.perf_counter(), time.process_time()
    attributions = extract_attributions(paragraphs, articles=corpus.articles)
    extract_seconds = time.perf_counter() - started
    extract_cpu = time.process_time() - started_cpu

    rate = megabytes / extract_seconds
    print(f"text: {megabytes:.1f} MB, {n_articles} articles ({len(source)} distinct, {round_number} pass(es)), "
          f"{len(paragraphs)} paragraphs")
    print(f"load_corpus:          {load_seconds:6.2f} s  {megabytes / load_seconds:6.2f} MB/s  "
          f"{n_articles / load_seconds:8.0f} articles/s")
    print(f"extract_attributions: {extract_seconds:6.2f} s  {rate:6.2f} MB/s  "
          f"{n_articles / extract_seconds:8.0f} articles/s  ({len(attributions)} records)")
    print(f"extract_attributions CPU: {extract_cpu:6.2f} s  {megabytes / extract_cpu:6.2f} MB/s")
    passed = rate >= TARGET_MB_PER_S
    print(f"target: extract_attributions >= {TARGET_MB_PER_S} MB/s: {'PASS' if passed else 'FAIL'} ({rate:.2f} MB/s)")
    return 1 if args.strict and not passed else 0


def repeated(args) -> int:
    """Run the benchmark ``args.repeats`` times, each in a fresh process, and print the median rates."""
    walls, cpus = [], []
    for run in range(1, args.repeats + 1):
        output = subprocess.run([sys.executable, __file__, "--megabytes", str(args.megabytes)], check=True,
                                capture_output=True, text=True).stdout
        for line in output.splitlines():
            if line.startswith("extract_attributions: "):
                walls.append(float(line.split()[3]))
            elif line.startswith("extract_attributions CPU: "):
                cpus.append(float(line.split()[4]))
        if run == 1:
            print(output.split("load_corpus:")[0].rstrip())
        print(f"run {run}: extract_attributions {walls[-1]:6.2f} MB/s wall, {cpus[-1]:6.2f} MB/s CPU")
    rate = statistics.median(walls)
    print(f"median of {args.repeats}: {rate:.2f} MB/s wall, {statistics.median(cpus):.2f} MB/s CPU")
    passed = rate >= TARGET_MB_PER_S
    print(f"target: extract_attributions >= {TARGET_MB_PER_S} MB/s: {'PASS' if passed else 'FAIL'} ({rate:.2f} MB/s)")
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
