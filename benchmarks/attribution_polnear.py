"""Paragraph-level recall of ``extract_attributions`` on PolNeAR attribution relations.

Data: ``../shared/corpora/annotated/polnear/`` (US political news, 2016;
hand-annotated source, cue and content spans). Each article's
``original/<compartment>/text/<article>.txt`` is loaded with
``analysis.corpus.load_corpus`` (one paragraph per non-empty line, the
headline is paragraph 1), which is the numbering of the ``paragraph`` field in
``polnear_dev_test_training.attributions.jsonl``, offset per article.

Where several annotators labelled one article, only the first annotator (by id)
counts, so no attribution is counted twice. An attribution is recalled when:

* its source is a name or noun phrase: we output some record in its paragraph
  whose ``speaker`` or ``mention`` shares a content word with the PolNeAR
  source text (case folded; articles, "of", "Mr."/"Mrs."/"Ms."/"Dr." and the
  like ignored);
* its source is a pronoun ("he", "she", "they", "who"...): we output any
  record in its paragraph. PolNeAR does not resolve pronouns, we do ("he" ->
  "Jeh Johnson"), and we keep one record per source per paragraph, so a
  second "he said" in a paragraph has no surface form of its own to compare;
* it has no source: we output any record in its paragraph.

The script also prints the looser figure for sourced attributions (any
record in the paragraph) and the recall for the most common cues. PolNeAR is
broader than our schema (polls, documents, beliefs such as "believes",
"wants"), so the figures are informational: no pass/fail target is set.

Usage: ``python benchmarks/attribution_polnear.py [--compartment dev|test|annotator-training ...] [--verbose]``.
The upstream authors ask that ``test`` be used only for final evaluation; the default is ``dev``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
POLNEAR = SHARED / "corpora" / "annotated" / "polnear"
DATA = POLNEAR / "polnear_dev_test_training.attributions.jsonl"
IGNORED_WORDS = {"the", "a", "an", "of", "s", "mr", "mrs", "ms", "dr", "and", "for", "in", "on", "at", "to"}
WORD = re.compile(r"\w+")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their", "its",
            "him", "them", "us", "me", "whom", "whose"}

sys.path.insert(0, str(ROOT))


def content_words(text: str) -> set[str]:
    """Case-folded words of a name, without articles and titles."""
    return set(WORD.findall(text.casefold())) - IGNORED_WORDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compartment", nargs="+", default=["dev"], choices=["dev", "test", "annotator-training"])
    parser.add_argument("--verbose", action="store_true", help="print missed attributions to stderr")
    parser.add_argument("--examples", type=int, default=10, help="missed examples with --verbose")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"error: {DATA.resolve()} not found; this benchmark needs ../shared next to the repository", file=sys.stderr)
        return 2

    from analysis.corpus import load_corpus, normalize_text
    from analysis.attribution import extract_attributions

    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["compartment"] in args.compartment]
    annotators: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        annotators[(record["compartment"], record["article"])].add(record["annotator"])
    first_annotator = {key: min(ids) for key, ids in annotators.items()}
    records = [r for r in records if r["annotator"] == first_annotator[(r["compartment"], r["article"])]]
    articles = sorted(first_annotator)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "polnear.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for compartment, article in articles:
                text = (POLNEAR / "original" / compartment / "text" / f"{article}.txt").read_text(encoding="utf-8")
                out.write(json.dumps({"id": f"{compartment}/{article}", "text": text}) + "\n")
        corpus = load_corpus(path)
    paragraphs = corpus.paragraphs
    first_paragraph = paragraphs.groupby("article")["paragraph"].min().to_dict()
    text_by_paragraph = dict(zip(paragraphs["paragraph"], paragraphs["text"]))

    started = time.perf_counter()
    predicted = extract_attributions(paragraphs)
    seconds = time.perf_counter() - started
    names_by_paragraph: dict[int, list[set[str]]] = defaultdict(list)
    shown_by_paragraph: dict[int, list[str]] = defaultdict(list)
    for paragraph, speaker, mention in zip(predicted["paragraph"], predicted["speaker"], predicted["mention"]):
        names_by_paragraph[int(paragraph)].append(content_words(f"{speaker or ''} {mention or ''}"))
        shown_by_paragraph[int(paragraph)].append(f"{speaker} / {mention}")

    outcomes = []
    misplaced = 0
    for record in records:
        paragraph = first_paragraph[f"{record['compartment']}/{record['article']}"] - 1 + int(record["paragraph"])
        anchor = record["cue"] or record["source"] or ""
        if normalize_text(anchor.split("…")[0]) not in text_by_paragraph.get(paragraph, ""):
            misplaced += 1
        any_record = bool(names_by_paragraph.get(paragraph))
        kind = "none" if record["source"] is None else (
            "pronoun" if normalize_text(record["source"]).casefold() in PRONOUNS else "named")
        if kind != "named":
            recalled = any_record
        else:
            source = content_words(normalize_text(record["source"]))
            recalled = any(source & names for names in names_by_paragraph.get(paragraph, []))
        outcomes.append({**record, "kind": kind, "global_paragraph": paragraph,
                         "any_record": any_record, "recalled": recalled})

    named = [o for o in outcomes if o["kind"] == "named"]
    pronouns = [o for o in outcomes if o["kind"] == "pronoun"]
    sourced = named + pronouns
    unsourced = [o for o in outcomes if o["kind"] == "none"]

    def share(rows: list[dict], key: str) -> str:
        return f"{sum(r[key] for r in rows) / len(rows):.3f} ({sum(r[key] for r in rows)}/{len(rows)})" if rows else "n/a"

    print(f"PolNeAR {'+'.join(args.compartment)}: {len(articles)} articles, {len(paragraphs)} paragraphs, "
          f"{len(outcomes)} attributions ({len(unsourced)} without source)")
    if misplaced:
        print(f"warning: {misplaced} attributions whose cue/source text is not in their numbered paragraph")
    print(f"extract_attributions: {len(predicted)} records in {seconds:.2f} s")
    print(f"recall, named sources (a record in the paragraph names the source): {share(named, 'recalled')}")
    print(f"recall, pronoun sources (any record in the paragraph):              {share(pronouns, 'recalled')}")
    print(f"recall, all sourced attributions (rules above):                     {share(sourced, 'recalled')}")
    print(f"recall, all sourced attributions (any record in the paragraph):     {share(sourced, 'any_record')}")
    print(f"recall, no-source attributions (any record in the paragraph):       {share(unsourced, 'recalled')}")
    print(f"recall, all attributions (rules above):                             {share(outcomes, 'recalled')}")
    cues = Counter(normalize_text(o["cue"] or "").casefold() for o in outcomes)
    print("recall by most common cue:")
    for cue, count in cues.most_common(8):
        rows = [o for o in outcomes if normalize_text(o["cue"] or "").casefold() == cue]
        print(f"  {cue or '(none)'!r:16} {share(rows, 'recalled')}")
    print("target: none (PolNeAR is broader than our schema; figures are informational)")

    if args.verbose:
        missed = [o for o in outcomes if not o["recalled"]][: args.examples]
        for o in missed:
            print(f"- {o['article']} P{o['global_paragraph']}: source {o['source']!r}, cue {o['cue']!r}, "
                  f"predicted {shown_by_paragraph.get(o['global_paragraph'], [])}\n"
                  f"    {text_by_paragraph[o['global_paragraph']][:300]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
