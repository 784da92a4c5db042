"""Foreign and official share of statements: the suite against gold on the seed.

Data: ``seeds/000_b5e02bd3c49893a3.txt`` (in the repository) and its gold
attributions ``../shared/gold/000_b5e02bd3c49893a3.attributions.jsonl``.
``extract_attributions`` runs on the seed and
``analysis.balance.validity_table`` compares the corpus share of statements
by foreign sources and by officials with the gold shares. The target: each
differs by at most 3 points.

Optional gold records are treated as the scorer treats them (the primary
figure): gold shares over the required records, suite shares over the
predictions the scorer counts (true and false positives; those matched to an
optional record left out). Other readings are printed for context: every
prediction against required gold, against every gold record, and how far
every prediction lies outside the band between those two gold shares.

Usage: ``python benchmarks/balance_shares.py [--strict]`` (``--strict``: exit 1
when a share misses the target; exit 2 when ../shared is absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
GOLD = ROOT / ".." / "shared" / "gold" / "000_b5e02bd3c49893a3"

sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a share misses the 3-point target")
    args = parser.parse_args(argv)
    if not Path(f"{GOLD}.attributions.jsonl").is_file():
        print(f"error: {GOLD.resolve()}.attributions.jsonl not found; this benchmark needs ../shared", file=sys.stderr)
        return 2

    from analysis.balance import SHARE_TARGET_POINTS, validity_table
    from analysis.corpus import load_corpus
    from analysis.evaluate import load_gold_attributions
    from analysis.attribution import extract_attributions

    started = time.perf_counter()
    seed = load_corpus(SEED)
    predicted = extract_attributions(seed.paragraphs, articles=seed.articles)
    gold = load_gold_attributions(GOLD)
    table = validity_table(predicted, gold)
    seconds = time.perf_counter() - started
    metrics = table[table["side"] == ""].set_index("measure")["value"]
    shares = table[table["side"] != ""].set_index("side")

    print(f"seed: {len(predicted)} predicted records, {int((~gold['optional']).sum())} required and "
          f"{int(gold['optional'].sum())} optional gold records ({seconds:.1f} s)")
    print(f"records: precision {metrics['precision']:.3f}  recall {metrics['recall']:.3f}  f1 {metrics['f1']:.3f}  "
          f"origin accuracy {metrics['origin_accuracy']:.3f}  category accuracy {metrics['category_accuracy']:.3f}  "
          f"category alpha {metrics['category_alpha']:.3f}")
    print()
    print(f"{'share of statements':<22}{'suite':>8}{'gold':>8}{'diff':>8}  target  "
          f"| {'all pred':>8}{'- req':>8}{'- all':>8}{'band':>7}")
    missed = []
    for side, label in (("foreign", "foreign sources"), ("official", "officials")):
        row = shares.loc[side]
        verdict = "PASS" if row["meets_target"] else "FAIL"
        if not row["meets_target"]:
            missed.append(label)
        versus_required = 100 * (row["suite_all_records"] - row["gold"])
        versus_all = 100 * (row["suite_all_records"] - row["gold_with_optional"])
        print(f"{label:<22}{100 * row['value']:>7.1f}%{100 * row['gold']:>7.1f}%{row['difference_points']:>+8.1f}"
              f"  {verdict:<6}| {100 * row['suite_all_records']:>7.1f}%{versus_required:>+8.1f}{versus_all:>+8.1f}"
              f"{row['band_distance_points']:>7.1f}")
    print()
    print(f"suite/gold/diff: scorer's reading (optional gold records count neither way); target |diff| <= "
          f"{SHARE_TARGET_POINTS:g} points.")
    print("all pred: share over every prediction; '- req' its difference to required gold, "
          "'- all' to every gold record (optional included),")
    print("band: points outside the band between those two gold shares (0 inside).")
    if missed:
        print(f"FAIL: {', '.join(missed)} off by more than {SHARE_TARGET_POINTS:g} points")
        return 1 if args.strict else 0
    print("PASS: both shares within the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
