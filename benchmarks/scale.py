"""Throughput, parallel speed-up and peak memory of the analysis commands on large corpora.

Builds JSONL corpora of ``--sizes`` megabytes (default 10 and 100) from the
real article texts of ``../shared/corpora/state_media`` and ``western``
(repeated with fresh ids until the size is reached; the texts stay in a
temporary folder, never in the repository), then runs, each in its own
process and with ``--workers`` 1 and 2:

* ``python -m analysis attributions|terms|balance CORPUS --workers N`` (output
  to /dev/null), end to end: reading, segmenting, analysis and writing;
* ``read``: the engine with a step that does nothing, i.e. reading and
  building the paragraph table (the ceiling for every command);
* ``regex``: a plain scan of the same texts for the reporting-verb forms
  (a word regex and a set lookup, in one process): the floor every analysis
  is compared with.

For each it prints wall seconds, MB/s (UTF-8 bytes of the article texts),
articles/s, the speed-up of 2 workers over 1, peak RSS (of the largest single
process and of the whole process tree, sampled every 50 ms), the CPU seconds
of the whole tree and of the command's own process (``main s``: start-up,
cutting the input, gathering and writing; with 2 workers, the part that does
not run in the pool), the cores actually obtained (CPU seconds / wall seconds)
and the load average when the run started. Equal CPU for 1 and 2 workers
means the engine adds no work; on a shared machine the speed-up then follows
the cores obtained, so read it together with that column. With N workers the
wall time cannot drop below ``main s`` nor below ``CPU s / cores``.
Targets (issue 6): attributions >= 3.5 MB/s per process, terms >= 20 MB/s,
2 workers >= 1.7x 1 worker, tree RSS <= 1 GB at 100 MB and within 20% of 10 MB.

Usage: ``python benchmarks/scale.py [--sizes 10,100] [--commands attributions,terms,balance,read,regex]
[--workers 1,2] [--chunk-size N] [--repeat N]``
(the machine is shared: use ``--repeat 2`` or more for steadier figures)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
NEWS_FOLDERS = [SHARED / "corpora" / "state_media", SHARED / "corpora" / "western"]
COMMANDS = ("attributions", "terms", "balance", "read", "regex")
TARGETS = {"attributions": 3.5, "terms": 20.0}


def news_rows() -> list[dict]:
    """Every article of the shared news JSONL files with its metadata, in file order."""
    rows = []
    for folder in NEWS_FOLDERS:
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                if isinstance(row.get("text"), str) and row["text"].strip():
                    rows.append({key: row.get(key) or "" for key in ("id", "outlet", "title", "date", "url", "text")})
    return rows


def build_corpus(path: Path, megabytes: float, source: list[dict]) -> tuple[float, int]:
    """Write ``megabytes`` of article text as JSONL; return (MB of text, articles)."""
    wanted, size, count, round_number = megabytes * 1e6, 0, 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < wanted:
            round_number += 1
            for row in source:
                out.write(json.dumps({**row, "id": f"{row['id']}#{round_number}"}, ensure_ascii=False) + "\n")
                size += len(row["text"].encode("utf-8"))
                count += 1
                if size >= wanted:
                    break
    return size / 1e6, count


def measure(command: list[str]) -> tuple[float, float, float, float, float, float]:
    """Run a command; return (seconds, peak RSS of one process in MB, peak RSS of the process tree in MB,
    CPU seconds of the whole tree, CPU seconds of the command's own process, load average when it started).

    The command's own CPU (reading, gathering, writing: the serial part when a pool does the analysis) is
    read from the finished process before it is reaped; the rest of the tree's CPU is its workers'.
    """
    import psutil

    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    root = psutil.Process(process.pid)
    single = tree = 0.0
    while os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        try:
            rss = [p.memory_info().rss for p in [root, *root.children(recursive=True)]]
        except psutil.Error:
            rss = []
        if rss:
            single, tree = max(single, max(rss)), max(tree, sum(rss))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    own = root.cpu_times()
    process.wait()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().decode().strip()}")
    return seconds, single / 1e6, tree / 1e6, _children_cpu() - cpu_before, own.user + own.system, load


def _children_cpu() -> float:
    """CPU seconds of the finished children (and the grandchildren they waited for, e.g. pool workers)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command_for(name: str, corpus: Path, workers: int, chunk_size: int | None) -> list[str]:
    if name == "regex":
        return [sys.executable, __file__, "--regex-scan", str(corpus)]
    if name == "read":
        return [sys.executable, __file__, "--read-only", str(corpus), "--workers", str(workers),
                *(["--chunk-size", str(chunk_size)] if chunk_size else [])]
    return [sys.executable, "-m", "analysis", name, str(corpus), "--workers", str(workers),
            *(["--chunk-size", str(chunk_size)] if chunk_size else [])]


def count_paragraphs(chunk):
    """A step that does nothing but count: what reading and table building cost."""
    import pandas as pd

    return pd.DataFrame({"article": chunk.articles["article"], "paragraph": 1, "n": chunk.articles["n_paragraphs"]})


def read_only(corpus: str, workers: int, chunk_size: int | None) -> None:
    sys.path.insert(0, str(ROOT))
    from analysis.engine import DEFAULT_CHUNK_SIZE, EngineOptions, Step, iter_results

    options = EngineOptions(workers=workers, chunk_size=chunk_size or DEFAULT_CHUNK_SIZE)
    for _ in iter_results(corpus, Step(count_paragraphs), options):
        pass


def regex_scan(corpus: str) -> None:
    """The floor: every reporting-verb form (lexicons/reporting_verbs.csv) found by a word regex and a set."""
    import csv

    with open(ROOT / "analysis" / "lexicons" / "reporting_verbs.csv", newline="", encoding="utf-8") as handle:
        forms = {form.strip().lower() for row in csv.DictReader(handle) for form in row["forms"].split("|")}
    words = re.compile(r"[A-Za-z]+")
    hits = 0
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            hits += sum(1 for word in words.findall(json.loads(line)["text"]) if word.lower() in forms)
    print(hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100", help="corpus sizes in MB (default 10,100)")
    parser.add_argument("--commands", default=",".join(COMMANDS), help=f"subset of {','.join(COMMANDS)}")
    parser.add_argument("--workers", default="1,2", help="worker counts (default 1,2)")
    parser.add_argument("--chunk-size", type=int, default=None, help="articles per block (default: the engine's)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the fastest counts")
    parser.add_argument("--read-only", metavar="CORPUS", help=argparse.SUPPRESS)
    parser.add_argument("--regex-scan", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.read_only:
        read_only(args.read_only, int(args.workers), args.chunk_size)
        return 0
    if args.regex_scan:
        regex_scan(args.regex_scan)
        return 0
    if not all(folder.is_dir() for folder in NEWS_FOLDERS):
        print(f"error: {(SHARED / 'corpora').resolve()} not found; this benchmark needs ../shared", file=sys.stderr)
        return 2
    commands = sorted((name for name in args.commands.split(",") if name), key=lambda name: name != "regex")
    unknown = sorted(set(commands) - set(COMMANDS))
    if unknown:
        print(f"error: unknown command(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    worker_counts = [int(n) for n in args.workers.split(",")]
    source = news_rows()
    print(f"cores: {os.cpu_count()}  chunk size: {args.chunk_size or 'default'}")
    print(f"{'size':>6} {'command':<13} {'workers':>7} {'seconds':>8} {'MB/s':>7} {'art/s':>8} {'speedup':>7} "
          f"{'RSS1 MB':>8} {'RSStree':>8} {'CPU s':>6} {'main s':>6} {'cores':>5} {'load':>5}  note")
    with tempfile.TemporaryDirectory() as folder:
        for size in (float(s) for s in args.sizes.split(",")):
            corpus = Path(folder) / f"news_{size:g}MB.jsonl"
            megabytes, n_articles = build_corpus(corpus, size, source)
            regex_seconds = None
            for name in commands:
                one_worker = None
                for workers in ([1] if name == "regex" else worker_counts):
                    try:
                        command = command_for(name, corpus, workers, args.chunk_size)
                        runs = [measure(command) for _ in range(args.repeat)]
                    except RuntimeError as err:
                        print(f"{size:>5g}M {name:<13} {workers:>7}  skipped: {' '.join(str(err).split())[:120]}")
                        break
                    seconds, single, tree, cpu, main_cpu, load = min(runs)
                    one_worker = seconds if workers == 1 else one_worker
                    if name == "regex":
                        regex_seconds = seconds
                    notes = []
                    if name in TARGETS and workers == 1:
                        met = megabytes / seconds >= TARGETS[name]
                        notes.append(f"target {TARGETS[name]} MB/s {'met' if met else 'MISSED'}")
                    if regex_seconds and name != "regex":
                        notes.append(f"{seconds / regex_seconds:.1f}x the regex floor")
                    speedup = f"{one_worker / seconds:.2f}x" if one_worker and workers > 1 else ""
                    print(f"{size:>5g}M {name:<13} {workers:>7} {seconds:>8.1f} {megabytes / seconds:>7.2f} "
                          f"{n_articles / seconds:>8.0f} {speedup:>7} {single:>8.0f} {tree:>8.0f} {cpu:>6.1f} "
                          f"{main_cpu:>6.1f} {cpu / seconds:>5.2f} {load:>5.1f}  "
                          f"{'; '.join(notes)}",
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
