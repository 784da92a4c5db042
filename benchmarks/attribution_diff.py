"""What a change of the attribution rules does to real text: records gained, lost and relabelled.

``save NAME`` runs ``extract_attributions`` over every distinct article of the shared news sets (China Daily,
People's Daily, Global Times, Guardian, New York Times ...; about 12.8 MB, the texts ``attribution_throughput.py``
reads) and stores the records, with the paragraph texts, as ``NAME.pkl`` in ``--dir`` (default: the system's
temporary folder, never the repository: the texts are the publishers'). ``diff OLD NEW`` compares two saved runs
by (paragraph, speaker): the records only OLD has (LOST), only NEW has (ADDED), and those whose category, origin or
quote changed (RELAB, new labels first), each with its article id and the paragraph's first 300 characters. A
sample of ``--show`` of each kind is printed (all when there are fewer). Reading such a diff record by record is
how a rule is checked before it is kept: the development sets alone are too small to show side effects. To compare
two versions, run ``save`` in each checkout (or before and after the change) with the same ``--dir``.

Usage: ``python benchmarks/attribution_diff.py save NAME [--dir DIR]``;
``python benchmarks/attribution_diff.py diff OLD NEW [--dir DIR] [--show N] [--exclude IDS_FILE]``.
Exits 2 if ../shared is missing or a saved run is not found.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

LABELS = ["paragraph", "speaker", "category", "origin", "quote"]


def save(path: Path) -> None:
    """Extract the attributions of every distinct shared news article and store them with their paragraphs."""
    from attribution_throughput import news_texts

    from analysis.attribution import extract_attributions
    from analysis.corpus import load_corpus

    seen, articles = set(), []
    for article in news_texts():
        if article["id"] not in seen:
            seen.add(article["id"])
            articles.append(article)
    with tempfile.TemporaryDirectory() as folder:
        corpus_path = Path(folder) / "news.jsonl"
        corpus_path.write_text("".join(json.dumps(article) + "\n" for article in articles), encoding="utf-8")
        corpus = load_corpus(corpus_path)
    records = extract_attributions(corpus.paragraphs, articles=corpus.articles)
    paragraphs = corpus.paragraphs[["paragraph", "article", "text"]]
    with path.open("wb") as handle:
        pickle.dump((records, paragraphs), handle)
    print(f"{len(records)} records over {len(articles)} articles saved to {path}")


def diff(old_path: Path, new_path: Path, show: int, exclude: frozenset[str] = frozenset()) -> None:
    """Print the records LOST, ADDED and RELABELLED between two saved runs, leaving out the articles ``exclude``
    names (a sealed set's, whose output nobody may read before its score)."""
    with old_path.open("rb") as handle:
        old, paragraphs = pickle.load(handle)
    with new_path.open("rb") as handle:
        new, _ = pickle.load(handle)
    old, new = old[~old["article"].isin(exclude)], new[~new["article"].isin(exclude)]
    text = dict(zip(paragraphs["paragraph"], paragraphs["text"]))
    article = dict(zip(paragraphs["paragraph"], paragraphs["article"]))
    old_rows = {tuple(row) for row in old[LABELS].astype(str).itertuples(index=False)}
    new_rows = {tuple(row) for row in new[LABELS].astype(str).itertuples(index=False)}
    old_keys = {row[:2]: row for row in old_rows}
    new_keys = {row[:2]: row for row in new_rows}
    lost = sorted(set(old_keys) - set(new_keys), key=lambda key: int(key[0]))
    added = sorted(set(new_keys) - set(old_keys), key=lambda key: int(key[0]))
    relabelled = sorted((key for key in set(old_keys) & set(new_keys) if old_keys[key] != new_keys[key]),
                        key=lambda key: int(key[0]))
    print(f"lost {len(lost)}, added {len(added)}, relabelled {len(relabelled)} "
          f"({len(old)} -> {len(new)} records)")
    sample = random.Random(1)
    for kind, keys in (("LOST", lost), ("ADDED", added), ("RELAB", relabelled)):
        shown = keys if len(keys) <= show else sorted(sample.sample(keys, show), key=lambda key: int(key[0]))
        for key in shown:
            number = int(key[0])
            labels = f" {new_keys[key][2:]} <- {old_keys[key][2:]}" if kind == "RELAB" else ""
            print(f"{kind} {article[number]} P{number} {key[1]!r}{labels}\n    {text[number][:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["save", "diff"])
    parser.add_argument("names", nargs="+", help="NAME for save; OLD NEW for diff")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()), help="where runs are stored")
    parser.add_argument("--show", type=int, default=40, help="records shown of each kind (default 40)")
    parser.add_argument("--exclude", type=Path, help="a file of article ids (one a line) the diff leaves out")
    args = parser.parse_args(argv)
    if not (ROOT / ".." / "shared" / "corpora").is_dir():
        print("error: ../shared/corpora not found; this benchmark needs ../shared next to the repository",
              file=sys.stderr)
        return 2
    paths = [args.dir / f"{name}.pkl" for name in args.names]
    if args.command == "save":
        if len(paths) != 1:
            print("error: save takes one NAME", file=sys.stderr)
            return 2
        save(paths[0])
        return 0
    if len(paths) != 2 or not all(path.is_file() for path in paths):
        print(f"error: diff needs two saved runs in {args.dir}: {', '.join(map(str, paths))}", file=sys.stderr)
        return 2
    exclude = frozenset(args.exclude.read_text(encoding="utf-8").split()) if args.exclude else frozenset()
    diff(paths[0], paths[1], args.show, exclude)
    return 0


if __name__ == "__main__":
    sys.exit(main())
