"""Time of ``make report`` on the seed against its floor: papermill executing the same notebooks emptied.

The floor keeps each notebook's ``parameters`` cell (so papermill injects the
same parameters) and drops every other cell, then executes them one after the
other with papermill on the ``python3`` kernel in a fresh process, as the
report does. What is left above the floor is the analysis, the figures, the
HTML export and the manifest. Target (issue 6): report <= 1.5x the floor.

Usage: ``python benchmarks/report_floor.py [--corpus seeds/000_b5e02bd3c49893a3.txt] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SEED = ROOT / "seeds" / "000_b5e02bd3c49893a3.txt"
TARGET_RATIO = 1.5

FLOOR_SCRIPT = """
import sys
from pathlib import Path
import papermill
corpus, folder = sys.argv[1], Path(sys.argv[2])
for notebook in sorted(folder.glob("*.ipynb")):
    out = folder / "out" / notebook.name
    out.parent.mkdir(exist_ok=True)
    papermill.execute_notebook(str(notebook), str(out), parameters={"corpus": corpus, "output_dir": ""},
                               kernel_name="python3", cwd=str(folder), progress_bar=False)
"""


def empty_notebooks(folder: Path) -> int:
    """Copy every notebook keeping only its parameters cell; return how many."""
    import nbformat

    count = 0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        notebook.cells = [cell for cell in notebook.cells if "parameters" in cell.get("metadata", {}).get("tags", [])]
        nbformat.write(notebook, folder / path.name)
        count += 1
    return count


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} failed: {done.stderr.strip().splitlines()[-1:]}")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SEED), help="corpus to report on (default: the seed)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the fastest counts (default 2)")
    args = parser.parse_args(argv)
    corpus = str(Path(args.corpus).resolve())
    with tempfile.TemporaryDirectory() as folder:
        empties = Path(folder) / "empty"
        empties.mkdir()
        count = empty_notebooks(empties)
        floor = min(timed([sys.executable, "-c", FLOOR_SCRIPT, corpus, str(empties)]) for _ in range(args.repeat))
        report = min(timed([sys.executable, "-m", "analysis", "report", corpus, "--out", str(Path(folder) / "report")])
                     for _ in range(args.repeat))
    ratio = report / floor
    print(f"notebooks: {count}")
    print(f"empty notebooks through papermill (floor): {floor:.1f} s")
    print(f"python -m analysis report (make report):   {report:.1f} s")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
