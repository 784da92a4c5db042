"""Score the article segmenter on the seed and on concatenations of real articles.

The seed is scored against ``../shared/gold/000_b5e02bd3c49893a3.articles.json``.
The generated texts concatenate whole real articles (records with real
paragraph breaks, 3-60 paragraphs) from three ../shared corpora (China Daily
COVID-origins and democracy sets; Guardian, New York Times and Daily Telegraph
COVID-origins set) with a fixed random seed, so their boundaries are known.
Texts cycle through the kinds China Daily only, Guardian only, China Daily +
Guardian, Western (Guardian, NYT, Telegraph) and mixed (all). Each article pool
(China Daily, Guardian, other Western) is halved once: even-numbered texts
("dev") come from one half and were used to build the rules and fit the
weights and lead words; odd-numbered texts ("held-out") come from the other
half, and the per-kind summary lines are over held-out texts only. Pk and
WindowDiff use k = half the mean true article length in paragraphs
(shared/gold/SCHEMA.md). The first line says whether the seed was in the fit.

Run: ``.venv/bin/python benchmarks/segmentation.py [--texts 30] [--few] [--verbose]``.
``--few`` scores texts of only 2-4 articles instead (drawn the same way from
the same halves; the default 5-12-article texts are unchanged), where a
segmenter is most tempted to cut long articles up.
Exits 2 with a message if ../shared is missing.

``--fit PATH [--seed-copies N]`` refits ``analysis/lexicons/segment_weights.csv``
and writes the result to PATH: a logistic regression of "this paragraph opens an
article" on the segmenter's features over the 120 dev texts among the first 240
generated texts plus the seed counted N times (default 0: the packaged weights
leave it out, so the seed figure is out-of-sample), a grid search of the bias,
the whole-article cohesion weight and the length prior, then a coordinate
search of each weight (and the cohesion weight) that lowers mean Pk on those same
texts; last, the vocabulary floor of the cohesion term is chosen on the dev
texts of a ``--few`` draw (the best there among floors that leave the
5-12-article dev texts no worse). ``--lead-words PATH`` first rewrites the cue file's ``lead_word`` rows
from the dev-half articles (and ``--fit`` then uses that file). No held-out
article is used for fitting. ``--weights PATH`` scores another weights file.
Fitting takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from pathlib import Path

from nltk.metrics.segmentation import pk, windowdiff

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import normalize_text  # noqa: E402
from analysis import segment  # noqa: E402
from analysis.segment import find_article_starts  # noqa: E402

SHARED = ROOT / ".." / "shared"
SEED_TEXT = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
SEED_GOLD = SHARED / "gold" / "000_b5e02bd3c49893a3.articles.json"
SOURCES = {
    "chinadaily_covid": SHARED / "corpora" / "state_media" / "chinadaily_covid_origins_2020_2021.jsonl",
    "chinadaily_democracy": SHARED / "corpora" / "state_media" / "chinadaily_democracy_2013_2015.jsonl",
    "western_covid": SHARED / "corpora" / "western" / "covid_origins_china_2020_2021.jsonl",
}
RANDOM_SEED = 20261129
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 60
# which article pools each kind of text draws from; texts cycle through the kinds
KINDS = {
    "china_daily": ("china_daily",),
    "guardian": ("guardian",),
    "cd_guardian": ("china_daily", "guardian"),
    "western": ("guardian", "other_western"),
    "mixed": ("china_daily", "guardian", "other_western"),
}
FEW = (2, 4)  # articles per text with --few (the default texts have 5-12)
MAX_LENGTH = 120  # longest article the fitted decoder allows, in paragraphs
FIT_TEXTS = 240  # --fit uses the 120 dev texts among the first 240 (the first 40 are the benchmark's texts)


def boundary_string(starts: list[int], n_paragraphs: int) -> str:
    """0/1 string with a 1 at every paragraph that opens an article."""
    opening = set(starts)
    return "".join("1" if number in opening else "0" for number in range(1, n_paragraphs + 1))


def score(predicted: list[int], gold: list[int], n_paragraphs: int) -> tuple[float, float]:
    """(Pk, WindowDiff) with k = half the mean gold article length."""
    k = max(1, round(n_paragraphs / len(gold) / 2))
    reference = boundary_string(gold, n_paragraphs)
    hypothesis = boundary_string(predicted, n_paragraphs)
    return pk(reference, hypothesis, k=k, boundary="1"), windowdiff(reference, hypothesis, k, boundary="1")


def load_articles() -> dict[str, list[dict]]:
    """Articles with real paragraph breaks, grouped as China Daily, Guardian and other Western outlets."""
    pools: dict[str, list[dict]] = {"china_daily": [], "guardian": [], "other_western": []}
    for name, path in SOURCES.items():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if not row.get("paragraphs"):
                    continue
                if name.startswith("western"):
                    family = "guardian" if row["outlet"] == "The Guardian" else "other_western"
                else:
                    family = "china_daily"
                paragraphs = [p for p in (normalize_text(t) for t in row["text"].split("\n")) if p]
                if MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS:
                    pools[family].append({"outlet": row["outlet"], "title": row["title"], "paragraphs": paragraphs})
    return pools


def split_pools(rng: random.Random) -> dict[str, dict[str, list[dict]]]:
    """Each article pool shuffled and halved: {"dev": {family: articles}, "held-out": {...}}."""
    halves: dict[str, dict[str, list[dict]]] = {"dev": {}, "held-out": {}}
    for family, pool in load_articles().items():
        rng.shuffle(pool)
        halves["dev"][family], halves["held-out"][family] = pool[::2], pool[1::2]
    return halves


def dev_articles(seed: int = RANDOM_SEED) -> dict[str, list[dict]]:
    """The dev half of every article pool, exactly as :func:`build_concatenations` draws it."""
    return split_pools(random.Random(seed))["dev"]


def build_concatenations(
    n_texts: int = 40, *, seed: int = RANDOM_SEED, articles: tuple[int, int] = (5, 12)
) -> list[dict]:
    """Texts of 5-12 real articles each (or ``articles`` = (fewest, most)), cycling through :data:`KINDS`.

    Every article pool is shuffled and halved once: even-numbered texts ("dev",
    used to fit the weights) draw only from one half and odd-numbered texts
    ("held-out") only from the other, so no held-out article was seen in fitting.
    """
    rng = random.Random(seed)
    halves = split_pools(rng)
    texts = []
    kinds = list(KINDS)
    for number in range(n_texts):
        kind, half = kinds[number % len(kinds)], "dev" if number % 2 == 0 else "held-out"
        pool = [article for family in KINDS[kind] for article in halves[half][family]]
        chosen = rng.sample(pool, rng.randint(*articles))
        paragraphs, starts, outlets = [], [], []
        for article in chosen:
            starts.append(len(paragraphs) + 1)
            paragraphs.extend(article["paragraphs"])
            outlets.extend([article["outlet"]] * len(article["paragraphs"]))
        texts.append({"number": number, "kind": kind, "half": half, "paragraphs": paragraphs, "starts": starts,
                      "paragraph_outlets": outlets,
                      "outlets": sorted({a["outlet"] for a in chosen})})
    return texts


def read_seed() -> tuple[list[str], list[int]]:
    """Seed paragraphs (normalized as the corpus loader does) and their gold starts."""
    paragraphs = [p for p in (normalize_text(t) for t in SEED_TEXT.read_text(encoding="utf-8").split("\n")) if p]
    return paragraphs, json.loads(SEED_GOLD.read_text(encoding="utf-8"))["article_starts"]


def first_sentence_words(paragraph: str) -> set[str]:
    """Lower-case words of a paragraph's first sentence (its first word lowered; capitalized names left out).

    Only such words become lead words, so no name is in the list; the segmenter
    then looks every first-sentence word up in lower case.
    """
    words = segment._WORD.findall(segment._first_sentence(paragraph))
    return {word.lower() for position, word in enumerate(words) if position == 0 or word.islower()}


def fit_lead_words(path: Path, *, min_count: int = 20, min_weight: float = 0.3, seed: int = RANDOM_SEED) -> None:
    """Write ``segment_cues.csv`` with its ``lead_word`` rows refitted on the dev-half articles to ``path``.

    A word's weight is the log ratio of the share of articles whose first
    paragraph's first sentence holds it and the share of later paragraphs whose
    first sentence does (add-one smoothed). Only lower-case words (no names)
    found in at least ``min_count`` first sentences of each outlet family
    (China Daily and Western) and with a weight of at least ``min_weight``
    either way are kept, so one outlet's habits drop out.
    """
    from collections import Counter

    counts = {family: (Counter(), Counter()) for family in ("china_daily", "western")}
    totals = [0, 0]
    for family, articles in dev_articles(seed).items():
        tally = counts["china_daily" if family == "china_daily" else "western"]
        for article in articles:
            for position, paragraph in enumerate(article["paragraphs"]):
                label = 1 if position == 0 else 0
                tally[label].update(first_sentence_words(paragraph))
                totals[label] += 1
    rows = []
    for word in sorted(set.intersection(*(set(c[0]) | set(c[1]) for c in counts.values()))):
        if not segment._LEAD_WORD.fullmatch(word) or any(c[0][word] + c[1][word] < min_count for c in counts.values()):
            continue
        opens, inside = (sum(c[label][word] for c in counts.values()) for label in (1, 0))
        weight = math.log(((opens + 1) / (totals[1] + 2)) / ((inside + 1) / (totals[0] + 2)))
        if abs(weight) >= min_weight:
            rows.append((word, round(weight, 2)))
    kept = [line for line in (ROOT / "analysis" / "lexicons" / "segment_cues.csv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("lead_word,")]
    path.write_text("\n".join(kept + [f"lead_word,{word},{weight}" for word, weight in rows]) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(rows)} lead words)")


def fit_weights(texts: list[dict], path: Path, *, few_texts: list[dict], seed_copies: int = 0,
                cues_path: Path | None = None) -> None:
    """Fit feature weights and the length prior on the dev texts plus the seed; write them to ``path``.

    The vocabulary floor is chosen last, on the dev texts among ``few_texts`` (2-4 articles each).
    """
    import itertools

    import numpy as np

    seed_paragraphs, seed_gold = read_seed()
    training = [(t["paragraphs"], t["starts"]) for t in texts if t["half"] == "dev"]
    training += [(seed_paragraphs, seed_gold)] * seed_copies
    few = [(t["paragraphs"], t["starts"]) for t in few_texts if t["half"] == "dev"]
    cues, stopwords, lead_words = segment.load_cues(cues_path), segment.load_stopwords(), segment.load_lead_words(cues_path)

    def describe(pairs: list[tuple[list[str], list[int]]]) -> tuple[list, list]:
        """(gap feature table, 0/1 starts of paragraphs 2..n) and content words of each text."""
        tables, bags = [], []
        for paragraphs, starts in pairs:
            described = [segment.describe_paragraph(text, cues, stopwords, lead_words) for text in paragraphs]
            opening = set(starts)
            tables.append((segment.gap_features(described), [1.0 if n in opening else 0.0 for n in range(2, len(paragraphs) + 1)]))
            bags.append([p.content for p in described])
        return tables, bags

    tables, bags = describe(training)
    cohesion = [list(segment.article_likelihoods(text_bags, MAX_LENGTH)) for text_bags in bags]
    features = np.vstack([table for table, _ in tables])
    labels = np.concatenate([np.array(target) for _, target in tables])
    mean, spread = features.mean(axis=0), features.std(axis=0)
    spread[spread == 0] = 1.0
    mean[0], spread[0] = 0.0, 1.0  # the bias column stays as it is
    scaled = (features - mean) / spread
    coefficients = np.zeros(scaled.shape[1])
    for _ in range(4000):  # plain gradient descent on the logistic loss, lightly L2-regularized
        predicted = 1.0 / (1.0 + np.exp(-scaled @ coefficients))
        coefficients -= 0.5 * (scaled.T @ (predicted - labels) + coefficients) / len(labels)
    raw = coefficients / spread
    raw[0] = coefficients[0] - float((coefficients[1:] * mean[1:] / spread[1:]).sum())
    weights = dict(zip(segment.FEATURES, raw.tolist()))

    def mean_pk(trial: dict[str, float], tables=tables, cohesion=cohesion, training=training) -> float:
        vector = np.array([trial[name] for name in segment.FEATURES])
        return statistics.mean(
            score(segment.choose_starts([0.0, *(table @ vector).tolist()], trial, likelihoods), starts, len(paragraphs))[0]
            for (table, _), likelihoods, (paragraphs, starts) in zip(tables, cohesion, training))

    grid = itertools.product((-3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5), (0.0, 0.03, 0.05, 0.07, 0.1), (3, 4), (1.0,),
                             (25, 40), (0.05,))
    best = None
    for offset, cohesion_weight, short_length, short_penalty, long_length, long_penalty in grid:
        trial = weights | {"bias": weights["bias"] + offset, "cohesion_weight": cohesion_weight,
                           "short_length": short_length, "short_penalty": short_penalty, "long_length": long_length,
                           "long_penalty": long_penalty, "max_length": MAX_LENGTH, "vocabulary_floor": 0.0}
        value = mean_pk(trial)
        if best is None or value < best[0]:
            best = (value, trial)
    # the logistic loss is not Pk: refine each weight in turn where that lowers Pk on the same texts
    for _ in range(2):
        for name in (*segment.FEATURES, "cohesion_weight"):
            for factor in (0.5, 0.8, 1.25, 1.5):
                trial = best[1] | {name: best[1][name] * factor if name != "bias" else best[1][name] + factor - 1}
                value = mean_pk(trial)
                if value < best[0] - 1e-4:
                    best = (value, trial)
    # a short input has few distinct words, which makes the add-one model reward cuts inside long articles: take
    # the floor on the vocabulary that does best on the dev texts of 2-4 articles among those that leave the
    # 5-12-article dev texts no worse
    few_tables, few_bags = describe(few)
    floors = []
    for floor in (0, 500, 800, 1000, 1200, 1500, 2000):
        trial = best[1] | {"vocabulary_floor": float(floor)}
        many_pk = mean_pk(trial, cohesion=[list(segment.article_likelihoods(b, MAX_LENGTH, vocabulary_floor=floor))
                                            for b in bags])
        few_pk = mean_pk(trial, few_tables, [list(segment.article_likelihoods(b, MAX_LENGTH, vocabulary_floor=floor))
                                             for b in few_bags], few)
        print(f"vocabulary floor {floor}: mean Pk {many_pk:.4f} (5-12 articles), {few_pk:.4f} (2-4 articles)")
        floors.append((floor, many_pk, few_pk, trial))
    chosen = min((f for f in floors if f[1] <= floors[0][1] + 1e-4), key=lambda f: f[2])[3]
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("name,value\n")
        for name in segment.FEATURES + segment.DECODING:
            handle.write(f"{name},{round(chosen[name], 3)}\n")
        handle.write(f"seed_copies,{seed_copies}\n")
    print(f"wrote {path} (mean Pk on the fitting texts {best[0]:.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=40, help="number of generated concatenations (default 40)")
    parser.add_argument("--few", action="store_true",
                        help="texts of 2-4 articles instead of 5-12 (a separate draw; the default texts stay as they are)")
    parser.add_argument("--verbose", action="store_true", help="print predicted and true starts of each text")
    parser.add_argument("--fit", type=Path, metavar="PATH", help="refit the weights on the dev half and write them to PATH")
    parser.add_argument("--seed-copies", type=int, default=0, metavar="N",
                        help="with --fit: how many times the seed counts among the fitting texts (default 0: left out)")
    parser.add_argument("--lead-words", type=Path, metavar="PATH",
                        help="write segment_cues.csv with lead_word rows refitted on the dev half to PATH (used by --fit)")
    parser.add_argument("--weights", type=Path, metavar="PATH", help="score with this weights file instead of the packaged one")
    parser.add_argument("--quiet", action="store_true", help="print only the seed and the summary lines")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"benchmarks/segmentation.py: {SHARED.resolve()} is missing; it holds the gold and corpora this "
              "benchmark reads (clone the shared folder next to the repository).", file=sys.stderr)
        return 2

    if args.lead_words:
        fit_lead_words(args.lead_words)
    if args.fit:
        fit_weights(build_concatenations(FIT_TEXTS), args.fit, few_texts=build_concatenations(FIT_TEXTS, articles=FEW),
                    seed_copies=args.seed_copies, cues_path=args.lead_words)
    if args.fit or args.lead_words:
        return 0
    weights = segment.load_weights(args.weights)
    copies = int(weights.get("seed_copies", 0))
    seed_paragraphs, seed_gold = read_seed()
    seed_predicted = find_article_starts(seed_paragraphs, weights=args.weights)
    seed_pk, seed_wd = score(seed_predicted, seed_gold, len(seed_paragraphs))
    in_fit = f"IN the fit ({copies} copies): this figure is not out-of-sample" if copies else "not in the fit"
    print(f"weights: {args.weights or 'packaged lexicons/segment_weights.csv'}")
    print(f"seed: Pk {seed_pk:.3f}  WindowDiff {seed_wd:.3f}  (target Pk <= 0.10; seed {in_fit})")
    print(f"  predicted {seed_predicted}\n  gold      {seed_gold}")

    texts = build_concatenations(args.texts, articles=FEW if args.few else (5, 12))
    print(f"\n{len(texts)} concatenations of {'2-4' if args.few else '5-12'} real articles (random seed {RANDOM_SEED}):")
    print(f"{'text':>4} {'half':<8} {'kind':<11} {'arts':>4} {'paras':>5} {'pred':>4} {'Pk':>6} {'WD':>6}")
    rows, elapsed, total_paragraphs = [], 0.0, 0
    for text in texts:
        started = time.process_time()
        predicted = find_article_starts(text["paragraphs"], weights=args.weights)
        elapsed += time.process_time() - started
        total_paragraphs += len(text["paragraphs"])
        text_pk, text_wd = score(predicted, text["starts"], len(text["paragraphs"]))
        rows.append((text, text_pk, text_wd))
        if not args.quiet:
            print(f"{text['number']:>4} {text['half']:<8} {text['kind']:<11} {len(text['starts']):>4} "
                  f"{len(text['paragraphs']):>5} {len(predicted):>4} {text_pk:>6.3f} {text_wd:>6.3f}")
        if args.verbose:
            print(f"      predicted {predicted}\n      true      {text['starts']}")

    print()
    held_out = [r for r in rows if r[0]["half"] == "held-out"]
    for label, chosen in [("all", rows), ("dev half", [r for r in rows if r[0]["half"] == "dev"]),
                          ("held-out half", held_out)] + [
                          (f"held-out {kind}", [r for r in held_out if r[0]["kind"] == kind]) for kind in KINDS]:
        if chosen:
            print(f"mean over {label:<23} ({len(chosen):>3} texts): Pk {statistics.mean(r[1] for r in chosen):.3f}"
                  f"  WindowDiff {statistics.mean(r[2] for r in chosen):.3f}")
    print(f"\nspeed: {1000 * elapsed / total_paragraphs * 100:.2f} ms CPU per 100 paragraphs "
          f"({total_paragraphs} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
