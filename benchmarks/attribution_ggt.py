"""Speaker accuracy of ``extract_attributions`` on the Gender Gap Tracker evaluation set.

Data: ``../shared/corpora/annotated/gendergaptracker_eval/ggt_eval_quotes.jsonl``
(98 Canadian news articles, 1,466 hand-annotated quotes with the resolved
speaker in ``reference``). Each article's ``text`` is loaded with
``analysis.corpus.load_corpus`` (one paragraph per non-empty line), so a quote's
``paragraph_in_rawtext`` becomes the global paragraph number
``first paragraph of its article - 1 + paragraph_in_rawtext``.

Only located quotes count (``quote_found_in_rawtext`` with a paragraph number);
the article without text and the one whose ``quotations`` cell is broken are
left out. For each located quote:

* **paragraph recall**: some prediction lies in the quote's paragraph;
* **speaker accuracy, strict**: some prediction in that paragraph has the
  quote's speaker: our ``speaker`` equals ``reference`` after case folding,
  white-space folding, a leading "the" stripped and curly quotes folded;
* **speaker accuracy, lenient**: as strict but also ignoring a leading "a",
  "an", "some", "several" or "many" ("A Freedom Mobile spokesperson", "Some
  observers"), accepting one person of a joint reference ("Nick Sandmann and
  Nathan Phillips"), or, when ``reference`` (or that person) looks like a
  personal name of two to four words (every word capitalised, name particles
  such as "van" or "de" allowed), our speaker's last word equals the
  reference's last word ("Lonechild" or "Ms. Lonechild" for "Darian
  Lonechild"). The lenient figure forgives an unresolved short form, the
  strict one does not. The target (>= 0.90) applies to the lenient figure.

Failures are sorted into kinds: no prediction in the paragraph (split by
whether the annotators saw a reporting verb: quotes that run on from the
previous paragraph or follow a colon have none), or a prediction with the
wrong speaker (split into unresolved pronouns and other names). ``--verbose``
prints examples of each kind to stderr.

``--failures`` lists every failure, one tab-separated line each (kind, article, paragraph,
reference, verb, predicted speakers, paragraph text), sorted by kind, to stdout after the figures.

Usage: ``python benchmarks/attribution_ggt.py [--verbose] [--examples N] [--failures] [--strict]``
(``--strict``: exit 1 when the target is missed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DATA = SHARED / "corpora" / "annotated" / "gendergaptracker_eval" / "ggt_eval_quotes.jsonl"
TARGET = 0.90
NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "its"}
LEADING_DETERMINER = re.compile(r"^(?:an?|some|several|many) ")
JOINT_REFERENCE = re.compile(r",? and |, ")
FAILURE_KINDS = {
    "no_prediction": "no prediction in the paragraph (quote has a reporting verb)",
    "no_prediction_no_verb": "no prediction in the paragraph (quote has no reporting verb: run-on or colon quote)",
    "wrong_speaker_pronoun": "wrong speaker: prediction is an unresolved pronoun",
    "wrong_speaker": "wrong speaker: other",
}

sys.path.insert(0, str(ROOT))

from analysis.corpus import load_corpus, normalize_text  # noqa: E402  (repository root on the path first)
from analysis.evaluate import normalize_speaker  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print failure examples to stderr")
    parser.add_argument("--examples", type=int, default=5, help="examples per failure kind with --verbose")
    parser.add_argument("--failures", action="store_true", help="list every failure (tab-separated) on stdout")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"error: {DATA.resolve()} not found; this benchmark needs ../shared next to the repository", file=sys.stderr)
        return 2

    from analysis.attribution import extract_attributions

    articles = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    usable = [a for a in articles if a.get("text") and a.get("quotations") is not None]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ggt.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in usable:
                out.write(json.dumps({"id": article["id"], "outlet": article.get("outlet"), "text": article["text"]}) + "\n")
        corpus = load_corpus(path)
    paragraphs = corpus.paragraphs
    first_paragraph = paragraphs.groupby("article")["paragraph"].min().to_dict()

    started = time.perf_counter()
    predicted = extract_attributions(paragraphs)
    seconds = time.perf_counter() - started
    speakers_by_paragraph: dict[int, list[str]] = {}
    for paragraph, speaker in zip(predicted["paragraph"], predicted["speaker"]):
        speakers_by_paragraph.setdefault(int(paragraph), []).append("" if speaker is None else str(speaker))
    text_by_paragraph = dict(zip(paragraphs["paragraph"], paragraphs["text"]))

    def fold(name: str) -> str:
        return normalize_speaker(normalize_text(name))

    outcomes = []
    for article in usable:
        for quote in article["quotations"]:
            if not quote.get("quote_found_in_rawtext") or quote.get("paragraph_in_rawtext") is None:
                continue
            paragraph = first_paragraph[article["id"]] - 1 + int(quote["paragraph_in_rawtext"])
            reference = fold(quote["reference"])
            guesses = [fold(speaker) for speaker in speakers_by_paragraph.get(paragraph, [])]
            strict = reference in guesses
            lenient = strict or lenient_match(normalize_text(quote["reference"]), guesses)
            if lenient:
                kind = "ok"
            elif not guesses:
                kind = "no_prediction" if (quote.get("verb") or "").strip() else "no_prediction_no_verb"
            elif all(guess in PRONOUNS for guess in guesses):
                kind = "wrong_speaker_pronoun"
            else:
                kind = "wrong_speaker"
            outcomes.append({
                "article": article["id"], "paragraph": paragraph, "reference": quote["reference"],
                "verb": quote.get("verb") or "", "guesses": speakers_by_paragraph.get(paragraph, []),
                "found": bool(guesses), "strict": strict, "lenient": lenient, "kind": kind,
            })

    total = len(outcomes)
    recall = sum(o["found"] for o in outcomes) / total
    strict = sum(o["strict"] for o in outcomes) / total
    lenient = sum(o["lenient"] for o in outcomes) / total
    quoted_paragraphs = {o["paragraph"] for o in outcomes}
    outside = sum(int(p) not in quoted_paragraphs for p in predicted["paragraph"])
    megabytes = sum(len(t.encode("utf-8")) for t in paragraphs["text"]) / 1e6

    print(f"GenderGapTracker eval: {len(usable)} articles, {len(paragraphs)} paragraphs, {total} located quotes")
    print(f"extract_attributions: {len(predicted)} records in {seconds:.2f} s ({megabytes / seconds:.2f} MB/s)")
    print(f"quote recall at paragraph level (some prediction in the quote's paragraph): {recall:.3f}")
    print(f"speaker accuracy, strict (speaker == reference):                    {strict:.3f}")
    print(f"speaker accuracy, lenient (surname, one of a joint reference, a/some): {lenient:.3f}")
    print(f"speaker accuracy among quotes with a prediction (lenient):           "
          f"{sum(o['lenient'] for o in outcomes) / max(1, sum(o['found'] for o in outcomes)):.3f}")
    print(f"predictions in paragraphs with no annotated quote: {outside} of {len(predicted)} "
          "(GGT annotates quotes only, so this is a rough over-extraction signal, not precision)")
    failures = Counter(o["kind"] for o in outcomes if o["kind"] != "ok")
    print(f"failures: {sum(failures.values())}")
    for kind, description in FAILURE_KINDS.items():
        print(f"  {failures.get(kind, 0):5d}  {description}")
    passed = lenient >= TARGET
    print(f"target: lenient speaker accuracy >= {TARGET:.2f}: {'PASS' if passed else 'FAIL'} ({lenient:.3f})")

    if args.verbose:
        for kind, description in FAILURE_KINDS.items():
            examples = [o for o in outcomes if o["kind"] == kind][: args.examples]
            if examples:
                print(f"\n== {description}", file=sys.stderr)
            for o in examples:
                text = text_by_paragraph[o["paragraph"]]
                print(f"- {o['article']} P{o['paragraph']}: reference {o['reference']!r}, verb {o['verb']!r}, "
                      f"predicted {o['guesses']}\n    {text[:300]}", file=sys.stderr)
    if args.failures:
        print("\nkind\tarticle\tparagraph\treference\tverb\tpredicted\ttext")
        for o in sorted((o for o in outcomes if o["kind"] != "ok"), key=lambda o: (o["kind"], o["paragraph"])):
            text = " ".join(text_by_paragraph[o["paragraph"]].split())
            print("\t".join([o["kind"], str(o["article"]), str(o["paragraph"]), o["reference"], o["verb"],
                             " | ".join(o["guesses"]), text]))
    return 1 if args.strict and not passed else 0


def without_determiner(name: str) -> str:
    """A folded name without a leading indefinite article or quantifier."""
    return LEADING_DETERMINER.sub("", name)


def lenient_match(reference: str, guesses: list[str]) -> bool:
    """The lenient rule of the module docstring; ``guesses`` are folded speaker names."""
    bare_guesses = {without_determiner(guess) for guess in guesses}
    for person in JOINT_REFERENCE.split(reference):
        folded = without_determiner(normalize_speaker(person))
        if folded in bare_guesses:
            return True
        if is_personal_name(person.strip()) and any(guess.split()[-1:] == folded.split()[-1:] for guess in guesses):
            return True
    return False


def is_personal_name(name: str) -> bool:
    """Two to four words, each capitalised or a name particle: "Darian Lonechild", "Ben van der Pluijm"."""
    words = name.split()
    if words and words[0].casefold() == "the":
        return False
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and all(
        word[:1].isupper() or word in NAME_PARTICLES for word in words)


if __name__ == "__main__":
    sys.exit(main())
